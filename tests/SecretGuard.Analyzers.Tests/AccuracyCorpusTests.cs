using System;
using System.Collections.Generic;
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
/// Recall and false-positive rate of SG0001–SG0003 on the hand-written corpus in Corpus/ (see its README), by tier:
/// every positive must get one of the three diagnostics, which fail CI; no negative may get one. The IDE-only tier,
/// SG0009, is held to the corpus too: each IdeOnly snippet gets SG0009 and nothing that fails CI, and few negatives
/// get even that.
/// </summary>
public sealed class AccuracyCorpusTests
{
    private const double MinimumRecall = 0.97;
    private const double MaximumFalsePositiveRate = 0.01;
    private const double MaximumIdeOnlyFalsePositiveRate = 0.02;

    private static readonly string[] CiTier = { "SG0001", "SG0002", "SG0003" };
    private const string IdeTier = "SG0009";

    private readonly ITestOutputHelper _output;

    public AccuracyCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Recall_is_at_least_97_percent_and_false_positives_at_most_1_percent()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var positives = SnippetCorpus.Read(Directory.GetFiles(corpus, "Positives.*.txt"));
        var negatives = SnippetCorpus.Read(Directory.GetFiles(corpus, "Negatives.*.txt"));
        var ideOnly = SnippetCorpus.Read(Directory.GetFiles(corpus, "IdeOnly.*.txt"));
        Assert.True(positives.Count >= 400, "the corpus needs at least 400 positives, it has " + positives.Count);
        Assert.True(negatives.Count >= 400, "the corpus needs at least 400 negatives, it has " + negatives.Count);
        Assert.All(ideOnly, snippet => Assert.Equal(IdeTier, snippet.ExpectedId));

        var compilation = await SnippetCorpus.CompileAsync(corpus, "SecretGuard.Corpus", positives.Concat(negatives).Concat(ideOnly));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialFormatAnalyzer(), new HardcodedCredentialAnalyzer(), new HardcodedKeyMaterialAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var ci = ByPath(diagnostics.Where(d => CiTier.Contains(d.Id)));
        var ide = ByPath(diagnostics.Where(d => d.Id == IdeTier));

        var missed = positives.Where(p => !ci.ContainsKey(p.Path)).ToList();
        var wrongId = positives.Where(p => p.ExpectedId is not null && ci.TryGetValue(p.Path, out var found) && found.All(d => d.Id != p.ExpectedId)).ToList();
        var falseAlarms = negatives.Where(n => ci.ContainsKey(n.Path)).ToList();
        var ideOnlyFalseAlarms = negatives.Where(n => !ci.ContainsKey(n.Path) && ide.ContainsKey(n.Path)).ToList();
        var ideOnlyWrong = ideOnly.Where(s => ci.ContainsKey(s.Path) || !ide.ContainsKey(s.Path)).ToList();
        var recall = 1.0 - (double)missed.Count / positives.Count;
        var falsePositiveRate = (double)falseAlarms.Count / negatives.Count;
        var ideOnlyFalsePositiveRate = (double)ideOnlyFalseAlarms.Count / negatives.Count;

        var report = new StringBuilder()
            .AppendLine($"positives: {positives.Count}, found at a CI-failing severity: {positives.Count - missed.Count}, recall: {recall:P2}")
            .AppendLine($"negatives: {negatives.Count}, false alarms that fail CI: {falseAlarms.Count}, false-positive rate: {falsePositiveRate:P2}")
            .AppendLine($"negatives with an IDE-only {IdeTier} (suggestion): {ideOnlyFalseAlarms.Count}, rate: {ideOnlyFalsePositiveRate:P2}")
            .AppendLine($"IDE-only snippets: {ideOnly.Count}, not found as {IdeTier} alone: {ideOnlyWrong.Count}")
            .AppendLine($"positives found under another id than the expected one: {wrongId.Count}");
        foreach (var miss in missed)
        {
            report.AppendLine("missed: " + miss.Path + (ide.ContainsKey(miss.Path) ? " (IDE-only " + IdeTier + ")" : string.Empty));
        }

        foreach (var wrong in wrongId)
        {
            report.AppendLine("found under another id: " + wrong.Path + " (expected " + wrong.ExpectedId + ") — " + string.Join(", ", ci[wrong.Path].Select(d => d.Id).Distinct()));
        }

        foreach (var alarm in falseAlarms)
        {
            report.AppendLine("false alarm: " + alarm.Path + " — " + string.Join("; ", ci[alarm.Path].Select(d => d.Id + " " + d.GetMessage())));
        }

        foreach (var alarm in ideOnlyFalseAlarms)
        {
            report.AppendLine("IDE-only false alarm: " + alarm.Path + " — " + string.Join("; ", ide[alarm.Path].Select(d => d.Id + " " + d.GetMessage())));
        }

        foreach (var wrong in ideOnlyWrong)
        {
            var found = (ci.TryGetValue(wrong.Path, out var c) ? c : new()).Concat(ide.TryGetValue(wrong.Path, out var i) ? i : new());
            report.AppendLine("IDE-only snippet not at " + IdeTier + " alone: " + wrong.Path + " — " + string.Join("; ", found.Select(d => d.Id + " " + d.GetMessage())));
        }

        _output.WriteLine(report.ToString());
        Assert.True(recall >= MinimumRecall && falsePositiveRate <= MaximumFalsePositiveRate && ideOnlyFalsePositiveRate <= MaximumIdeOnlyFalsePositiveRate && ideOnlyWrong.Count == 0,
            report.ToString());
    }

    private static Dictionary<string, List<Diagnostic>> ByPath(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => d.Location.SourceTree?.FilePath ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList());
}
