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
/// Recall and false-positive rate of SG0001–SG0003 on the hand-written corpus in Corpus/ (see its README):
/// every positive must get at least one of the three diagnostics, no negative may get any.
/// </summary>
public sealed class AccuracyCorpusTests
{
    private const double MinimumRecall = 0.97;
    private const double MaximumFalsePositiveRate = 0.01;

    private readonly ITestOutputHelper _output;

    public AccuracyCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Recall_is_at_least_97_percent_and_false_positives_at_most_1_percent()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var positives = SnippetCorpus.Read(Directory.GetFiles(corpus, "Positives.*.txt"));
        var negatives = SnippetCorpus.Read(Directory.GetFiles(corpus, "Negatives.*.txt"));
        Assert.True(positives.Count >= 400, "the corpus needs at least 400 positives, it has " + positives.Count);
        Assert.True(negatives.Count >= 400, "the corpus needs at least 400 negatives, it has " + negatives.Count);

        var compilation = await SnippetCorpus.CompileAsync(corpus, "SecretGuard.Corpus", positives.Concat(negatives));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialFormatAnalyzer(), new HardcodedCredentialAnalyzer(), new HardcodedKeyMaterialAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var byPath = diagnostics.GroupBy(d => d.Location.SourceTree?.FilePath ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList());

        var missed = positives.Where(p => !byPath.ContainsKey(p.Path)).ToList();
        var wrongId = positives.Where(p => p.ExpectedId is not null && byPath.TryGetValue(p.Path, out var found) && found.All(d => d.Id != p.ExpectedId)).ToList();
        var falseAlarms = negatives.Where(n => byPath.ContainsKey(n.Path)).ToList();
        var recall = 1.0 - (double)missed.Count / positives.Count;
        var falsePositiveRate = (double)falseAlarms.Count / negatives.Count;

        var report = new StringBuilder()
            .AppendLine($"positives: {positives.Count}, found: {positives.Count - missed.Count}, recall: {recall:P2}")
            .AppendLine($"negatives: {negatives.Count}, false alarms: {falseAlarms.Count}, false-positive rate: {falsePositiveRate:P2}")
            .AppendLine($"positives found under another id than the expected one: {wrongId.Count}");
        foreach (var miss in missed)
        {
            report.AppendLine("missed: " + miss.Path);
        }

        foreach (var alarm in falseAlarms)
        {
            report.AppendLine("false alarm: " + alarm.Path + " — " + string.Join("; ", byPath[alarm.Path].Select(d => d.Id + " " + d.GetMessage())));
        }

        _output.WriteLine(report.ToString());
        Assert.True(recall >= MinimumRecall && falsePositiveRate <= MaximumFalsePositiveRate, report.ToString());
    }
}
