using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Rules;
using Xunit.Abstractions;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// Recall and false-positive rate of SG0004-SG0006, each on its own part of Corpus/Sensitivity (see its README): every
/// positive must get the rule's diagnostic, no negative may get it.
/// </summary>
public sealed class SensitivityCorpusTests
{
    private const int MinimumSnippets = 150;
    private const double MinimumRecall = 0.95;
    private const double MaximumFalsePositiveRate = 0.02;

    private readonly ITestOutputHelper _output;

    public SensitivityCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Rules => new() { "SG0004", "SG0005", "SG0006" };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Recall_is_at_least_95_percent_and_false_positives_at_most_2_percent(string rule)
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus", "Sensitivity");
        var positives = SnippetCorpus.Read(CorpusFiles(corpus, rule + ".Positives*.txt"));
        var negatives = SnippetCorpus.Read(CorpusFiles(corpus, rule + ".Negatives*.txt"));
        Assert.True(positives.Count >= MinimumSnippets, rule + " needs at least 150 positives, it has " + positives.Count);
        Assert.True(negatives.Count >= MinimumSnippets, rule + " needs at least 150 negatives, it has " + negatives.Count);
        Assert.All(positives, p => Assert.Equal(rule, p.ExpectedId));

        var compilation = await SnippetCorpus.CompileAsync(corpus, "SecretGuard.SensitivityCorpus", positives.Concat(negatives));

        DiagnosticAnalyzer analyzer = rule switch
        {
            "SG0004" => new SecretInLogAnalyzer(),
            "SG0005" => new InsecureRandomnessAnalyzer(),
            _ => new SecretReadBypassingDecryptionAnalyzer(),
        };
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var byPath = diagnostics.Where(d => d.Id == rule).GroupBy(d => d.Location.SourceTree?.FilePath ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList());
        Assert.DoesNotContain(diagnostics, d => SnippetCorpus.IsPrelude(d.Location.SourceTree?.FilePath));

        var missed = positives.Where(p => !byPath.ContainsKey(p.Path)).ToList();
        var falseAlarms = negatives.Where(n => byPath.ContainsKey(n.Path)).ToList();
        var recall = 1.0 - (double)missed.Count / positives.Count;
        var falsePositiveRate = (double)falseAlarms.Count / negatives.Count;

        var report = new StringBuilder()
            .AppendLine($"{rule} positives: {positives.Count}, found: {positives.Count - missed.Count}, recall: {recall:P2}")
            .AppendLine($"{rule} negatives: {negatives.Count}, false alarms: {falseAlarms.Count}, false-positive rate: {falsePositiveRate:P2}");
        foreach (var category in positives.Concat(negatives).Select(s => Category(s.Path)).Distinct().OrderBy(c => c, StringComparer.Ordinal))
        {
            var p = positives.Where(s => Category(s.Path) == category).ToList();
            var n = negatives.Where(s => Category(s.Path) == category).ToList();
            report.AppendLine($"  {category}: found {p.Count(s => byPath.ContainsKey(s.Path))} of {p.Count} positives, false alarms on {n.Count(s => byPath.ContainsKey(s.Path))} of {n.Count} negatives");
        }

        foreach (var miss in missed)
        {
            report.AppendLine("missed: " + miss.Path);
        }

        foreach (var alarm in falseAlarms)
        {
            report.AppendLine("false alarm: " + alarm.Path + " — " + string.Join("; ", byPath[alarm.Path].Select(d => d.GetMessage())));
        }

        _output.WriteLine(report.ToString());
        Assert.True(recall >= MinimumRecall && falsePositiveRate <= MaximumFalsePositiveRate, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_category_has_at_least_three_positives_and_three_negatives(string rule)
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus", "Sensitivity");
        var positives = SnippetCorpus.Read(CorpusFiles(corpus, rule + ".Positives*.txt")).GroupBy(s => Category(s.Path)).ToDictionary(g => g.Key, g => g.Count());
        var negatives = SnippetCorpus.Read(CorpusFiles(corpus, rule + ".Negatives*.txt")).GroupBy(s => Category(s.Path)).ToDictionary(g => g.Key, g => g.Count());
        var short_ = positives.Keys.Union(negatives.Keys)
            .Where(c => CountOf(positives, c) < 3 || CountOf(negatives, c) < 3)
            .Select(c => $"{c}: {CountOf(positives, c)} positives, {CountOf(negatives, c)} negatives")
            .ToList();
        Assert.True(short_.Count == 0, rule + " categories with fewer than three cases either way:\n" + string.Join("\n", short_));
    }

    /// <summary>The corpus files this test project's compiler can read: <c>*.Net10.txt</c> only with the current compiler.</summary>
    private static string[] CorpusFiles(string corpus, string pattern) =>
        Directory.GetFiles(corpus, pattern).Where(f => Verifiers.TestTarget.ReadsNet10Cases || !f.EndsWith(".Net10.txt", StringComparison.Ordinal)).ToArray();

    private static int CountOf(System.Collections.Generic.Dictionary<string, int> counts, string category) =>
        counts.TryGetValue(category, out var count) ? count : 0;

    /// <summary>
    /// A snippet's category is its file's name after "SG000n.Positives." / "SG000n.Negatives." (without a trailing
    /// ".Net10", the files only the current compiler reads): "SG0004.Positives.Telemetry.txt" is "Telemetry";
    /// the generated files ("SG0004.Positives.txt") are "Generated".
    /// </summary>
    private static string Category(string snippetPath)
    {
        var file = snippetPath.Substring(0, snippetPath.IndexOf('/'));
        var parts = file.Split('.');
        var rest = parts.Skip(2).Where(p => p != "Net10").ToArray();
        return rest.Length == 0 ? "Generated" : string.Join(".", rest);
    }
}
