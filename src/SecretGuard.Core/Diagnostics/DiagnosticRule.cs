namespace SecretGuard.Diagnostics;

/// <summary>One row of <see cref="DiagnosticRules"/>: what an id is called, what reports it, how bad it is by default, and whether CI builds make it an error.</summary>
internal sealed class DiagnosticRule
{
    /// <summary>Creates a row; <paramref name="notAnErrorInCiBecause"/> is given exactly for the ids CI builds leave as they are.</summary>
    public DiagnosticRule(string id, string title, DiagnosticReporters reportedBy, FindingSeverity defaultSeverity, string? notAnErrorInCiBecause = null)
    {
        Id = id;
        Title = title;
        ReportedBy = reportedBy;
        DefaultSeverity = defaultSeverity;
        NotAnErrorInCiBecause = notAnErrorInCiBecause;
    }

    /// <summary>The id, e.g. <c>SG1001</c>: SG0xxx for analyzers, SG1xxx for everything else.</summary>
    public string Id { get; }

    /// <summary>
    /// Sentence case, no final period. The analyzer descriptor's title, the SARIF rule's short description, the
    /// heading of <c>docs/rules/&lt;id&gt;.md</c> (<c># SG1001: Env-file syntax error</c>) and its row in <c>docs/rules/README.md</c>.
    /// </summary>
    public string Title { get; }

    /// <summary>What reports the id.</summary>
    public DiagnosticReporters ReportedBy { get; }

    /// <summary>The severity without any warnings-as-errors setting.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>
    /// Whether <c>SecretGuardWarningsAsErrors</c> (on in CI) adds the id to <c>WarningsAsErrors</c> and
    /// <c>MSBuildWarningsAsErrors</c>: whether it is in <c>_SecretGuardIds</c> in build/SecretGuard.Common.targets.
    /// </summary>
    public bool IsErrorInCi => NotAnErrorInCiBecause is null;

    /// <summary>Why CI builds leave the id out of their warnings-as-errors list; null for the ids they include.</summary>
    public string? NotAnErrorInCiBecause { get; }

    /// <summary>Whether an analyzer reports the id, so that it has a descriptor and an entry in AnalyzerReleases.*.md.</summary>
    public bool IsAnalyzerRule => (ReportedBy & DiagnosticReporters.Analyzer) != 0;

    /// <summary>The absolute URL of the id's page.</summary>
    public string HelpLink => HelpLinks.For(Id);
}
