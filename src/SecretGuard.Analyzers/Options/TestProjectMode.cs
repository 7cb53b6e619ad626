namespace SecretGuard.Analyzers.Options;

/// <summary>What the analyzers do in test projects (<c>secretguard.test_projects</c>).</summary>
internal enum TestProjectMode
{
    /// <summary>Report as suggestions (IDE only, not build warnings). The default: test fixtures hold fake secrets.</summary>
    Suggestion,

    /// <summary>Report as in any project.</summary>
    Report,

    /// <summary>Do not report.</summary>
    Off,
}
