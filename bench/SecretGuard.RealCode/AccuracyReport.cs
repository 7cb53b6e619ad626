using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SecretGuard.RealCode;

/// <summary>
/// Matches findings to labels and writes the tables of docs/accuracy.md: per rule and per codebase, findings in production
/// code, labelled real and false, and precision; the same pooled over codebases. Findings at a severity that fails CI
/// (warning, error) count; IDE-only findings (info) are shown apart.
/// </summary>
internal sealed class AccuracyReport
{
    public const string BeginMarker = "<!-- real-code report: begin (written by bench/SecretGuard.RealCode report) -->";
    public const string EndMarker = "<!-- real-code report: end -->";

    private readonly List<(Codebase Codebase, IReadOnlyList<Finding> Findings, string Summary)> _codebases = new();

    public void Add(Codebase codebase, IReadOnlyList<Finding> findings, string summary) => _codebases.Add((codebase, findings, summary));

    /// <summary>
    /// Labels of a codebase that match no finding: a false alarm no longer reported (fixed), a real finding no longer
    /// reported (recall lost: the worst news the loop can give), or a label whose value hash changed (it needs a look).
    /// </summary>
    public static IEnumerable<(string Kind, string Text)> UnmatchedLabels(Codebase codebase, IReadOnlyList<Finding> findings)
    {
        foreach (var label in codebase.Labels)
        {
            var matches = findings.Where(f => Matches(label, f)).ToList();
            var where = $"{Path.GetFileName(codebase.File)}({label.FileLine}): {label.Rule} at {label.Path}:{label.Line} ({label.Reason})";
            if (matches.Count == 0)
            {
                yield return (label.IsReal ? LostRealFinding : FixedFalseAlarm, where);
            }
            else if (!matches.Any(f => f.ValueHash == label.ValueHash))
            {
                yield return (ChangedValue, $"{where}: hash {label.ValueHash} → {matches[0].ValueHash}");
            }
        }
    }

    public const string LostRealFinding = "real findings no longer reported (recall lost)";
    public const string FixedFalseAlarm = "false alarms no longer reported";
    public const string ChangedValue = "labels on a changed value";

    public static Label? LabelOf(Codebase codebase, Finding finding) =>
        codebase.Labels.FirstOrDefault(l => Matches(l, finding) && l.ValueHash == finding.ValueHash)
        ?? codebase.Labels.FirstOrDefault(l => Matches(l, finding));

    private static bool Matches(Label label, Finding finding) =>
        label.Line == finding.Line && label.Rule == finding.Rule && string.Equals(label.Path, finding.Path, StringComparison.Ordinal);

    private static bool FailsCi(Finding finding) => finding.Severity is "warning" or "error";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(BeginMarker);
        text.AppendLine();
        text.AppendLine("| codebase | commit | kind | production lines | other lines | packages restored | unresolved usings | findings (production / other) |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var (codebase, findings, summary) in _codebases)
        {
            text.AppendLine($"| {codebase.Id} | `{codebase.Commit[..10]}` | {codebase.Kind} | {summary} | {findings.Count(f => f.IsProduction)} / {findings.Count(f => !f.IsProduction)} |");
        }

        text.AppendLine();
        text.AppendLine("Precision on production code, findings that fail CI (warning or error by default), pooled over the codebases:");
        text.AppendLine();
        AppendRuleTable(text, f => f.IsProduction && FailsCi(f), perCodebase: false);
        text.AppendLine();
        text.AppendLine("Per codebase:");
        text.AppendLine();
        AppendRuleTable(text, f => f.IsProduction && FailsCi(f), perCodebase: true);
        var ideOnly = _codebases.SelectMany(c => c.Findings).Count(f => f.IsProduction && !FailsCi(f));
        text.AppendLine();
        text.AppendLine("IDE-only findings (suggestion tier, does not fail CI) in production code:");
        text.AppendLine();
        AppendRuleTable(text, f => f.IsProduction && !FailsCi(f), perCodebase: false);
        if (ideOnly == 0)
        {
            text.AppendLine();
            text.AppendLine("(none)");
        }

        text.AppendLine();
        text.AppendLine(EndMarker);
        return text.ToString();
    }

    private void AppendRuleTable(StringBuilder text, Func<Finding, bool> counted, bool perCodebase)
    {
        text.AppendLine(perCodebase
            ? "| codebase | rule | findings | real | false | unlabelled | precision |"
            : "| rule | findings | real | false | unlabelled | precision |");
        text.AppendLine(perCodebase ? "|---|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|");
        var rows = _codebases
            .SelectMany(c => c.Findings.Where(counted).Select(f => (Codebase: c.Codebase, Finding: f, Label: LabelOf(c.Codebase, f))))
            .GroupBy(x => perCodebase ? x.Codebase.Id + "\t" + x.Finding.Rule : x.Finding.Rule)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var group in rows)
        {
            text.AppendLine("| " + group.Key.Replace("\t", " | ", StringComparison.Ordinal) + " | " + Counts(group.ToList()) + " |");
        }

        if (!perCodebase)
        {
            text.AppendLine("| **all rules** | " + Counts(rows.SelectMany(g => g).ToList()) + " |");
        }
    }

    private static string Counts(IReadOnlyList<(Codebase Codebase, Finding Finding, Label? Label)> findings)
    {
        var real = findings.Count(x => x.Label?.IsReal == true);
        var fake = findings.Count(x => x.Label?.IsReal == false);
        var unlabelled = findings.Count(x => x.Label is null);
        var precision = real + fake == 0 ? "–" : (100.0 * real / (real + fake)).ToString("0", CultureInfo.InvariantCulture) + " %";
        return $"{findings.Count} | {real} | {fake} | {unlabelled} | {precision}";
    }

    /// <summary>Replaces the generated block of <paramref name="markdownFile"/> (between the markers) with this report.</summary>
    public void WriteInto(string markdownFile)
    {
        var document = File.ReadAllText(markdownFile);
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{markdownFile} has no generated block: add the lines '{BeginMarker}' and '{EndMarker}' where the report goes.");
        }

        File.WriteAllText(markdownFile, document[..begin] + ToMarkdown().TrimEnd('\n', '\r') + document[(end + EndMarker.Length)..]);
    }
}
