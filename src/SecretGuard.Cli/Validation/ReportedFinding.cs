using SecretGuard.Diagnostics;

namespace SecretGuard.Cli.Validation;

/// <summary>A finding as <c>validate</c> reports it: the path as shown, and its level after <c>--warnings-as-errors</c>.</summary>
internal sealed record ReportedFinding(string Id, bool IsError, string? Path, int Line, int Column, string Message, string? KeyName)
{
    public string Level => IsError ? "error" : "warning";

    public string HelpUri => HelpLinks.For(Id);
}
