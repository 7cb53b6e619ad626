using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
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
    private static readonly Regex Marker = new(@"^//// snippet: (?<name>[A-Za-z0-9_.\-]+)(\s+\[(?<id>SG\d{4})\])?\s*$", RegexOptions.Multiline);

    private readonly ITestOutputHelper _output;

    public AccuracyCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Recall_is_at_least_97_percent_and_false_positives_at_most_1_percent()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var positives = ReadSnippets(Directory.GetFiles(corpus, "Positives.*.txt"));
        var negatives = ReadSnippets(Directory.GetFiles(corpus, "Negatives.*.txt"));
        Assert.True(positives.Count >= 400, "the corpus needs at least 400 positives, it has " + positives.Count);
        Assert.True(negatives.Count >= 400, "the corpus needs at least 400 negatives, it has " + negatives.Count);

        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(corpus, "Prelude.cs")), path: "Prelude.cs", encoding: Encoding.UTF8) };
        var index = 0;
        foreach (var snippet in positives.Concat(negatives))
        {
            var text = "namespace SecretGuard.Corpus\n{\n    public partial class S" + (index++).ToString("D4") + "\n    {\n" + snippet.Body + "\n    }\n}\n";
            trees.Add(CSharpSyntaxTree.ParseText(text, path: snippet.Path, encoding: Encoding.UTF8));
        }

        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Corpus", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the corpus must compile:\n" + string.Join("\n", errors.Take(20)));

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

    private static List<Snippet> ReadSnippets(IEnumerable<string> files)
    {
        var snippets = new List<Snippet>();
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var kind = Path.GetFileNameWithoutExtension(file);
            var markers = Marker.Matches(text);
            for (var i = 0; i < markers.Count; i++)
            {
                var start = markers[i].Index + markers[i].Length;
                var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
                var id = markers[i].Groups["id"].Success ? markers[i].Groups["id"].Value : null;
                snippets.Add(new Snippet(kind + "/" + markers[i].Groups["name"].Value + ".cs", text[start..end], id));
            }
        }

        return snippets;
    }

    private sealed record Snippet(string Path, string Body, string? ExpectedId);
}
