namespace SecretGuard.Diagnostics;

/// <summary>Builds the help link of a diagnostic id: the one place that knows where the rule docs live.</summary>
internal static class HelpLinks
{
    /// <summary>The repository that hosts <c>docs/rules</c>.</summary>
    public const string RepositoryUrl = "https://github.com/secretguard/SecretGuard";

    /// <summary>The absolute URL of <c>docs/rules/&lt;id&gt;.md</c>.</summary>
    public static string For(string diagnosticId) => RepositoryUrl + "/blob/main/docs/rules/" + diagnosticId + ".md";
}
