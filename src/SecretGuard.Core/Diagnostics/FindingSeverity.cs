namespace SecretGuard.Diagnostics;

/// <summary>How serious a finding is by default; the build and the CLI map it to their own levels.</summary>
internal enum FindingSeverity
{
    /// <summary>Should be looked at; the build reports a warning (an error in CI).</summary>
    Warning,

    /// <summary>Must be fixed; the build fails.</summary>
    Error,

    /// <summary>A suggestion shown in the IDE (an analyzer's Info severity); no build fails on it by default.</summary>
    Info,
}
