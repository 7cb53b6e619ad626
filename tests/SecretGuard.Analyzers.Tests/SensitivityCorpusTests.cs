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
/// Recall and false-positive rate of SG0004-SG0006, each on its own part of Corpus/Sensitivity (see its README): every
/// positive must get the rule's diagnostic, no negative may get it.
/// </summary>
public sealed class SensitivityCorpusTests
{
    private const int MinimumSnippets = 150;
    private const double MinimumRecall = 0.95;
    private const double MaximumFalsePositiveRate = 0.02;
    private static readonly Regex Marker = new(@"^//// snippet: (?<name>[a-z0-9]+(-[a-z0-9]+)*)(\s+\[(?<id>SG\d{4})\])?\s*$", RegexOptions.Multiline);

    private readonly ITestOutputHelper _output;

    public SensitivityCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Rules => new() { "SG0004", "SG0005", "SG0006" };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Recall_is_at_least_95_percent_and_false_positives_at_most_2_percent(string rule)
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus", "Sensitivity");
        var positives = Directory.GetFiles(corpus, rule + ".Positives*.txt").OrderBy(f => f, StringComparer.Ordinal).SelectMany(ReadSnippets).ToList();
        var negatives = Directory.GetFiles(corpus, rule + ".Negatives*.txt").OrderBy(f => f, StringComparer.Ordinal).SelectMany(ReadSnippets).ToList();
        Assert.True(positives.Count >= MinimumSnippets, rule + " needs at least 150 positives, it has " + positives.Count);
        Assert.True(negatives.Count >= MinimumSnippets, rule + " needs at least 150 negatives, it has " + negatives.Count);
        Assert.All(positives, p => Assert.Equal(rule, p.ExpectedId));

        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(corpus, "Prelude.cs")), path: "Prelude.cs", encoding: Encoding.UTF8) };
        var index = 0;
        foreach (var snippet in positives.Concat(negatives))
        {
            var text = "namespace SecretGuard.SensitivityCorpus\n{\n    public partial class S" + (index++).ToString("D4") + "\n    {\n" + snippet.Body + "\n    }\n}\n";
            trees.Add(CSharpSyntaxTree.ParseText(text, path: snippet.Path, encoding: Encoding.UTF8));
        }

        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("SensitivityCorpus", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the corpus must compile:\n" + string.Join("\n", errors.Take(20)));

        DiagnosticAnalyzer analyzer = rule switch
        {
            "SG0004" => new SecretInLogAnalyzer(),
            "SG0005" => new InsecureRandomnessAnalyzer(),
            _ => new SecretReadBypassingDecryptionAnalyzer(),
        };
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var byPath = diagnostics.Where(d => d.Id == rule).GroupBy(d => d.Location.SourceTree?.FilePath ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList());
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath == "Prelude.cs");

        var missed = positives.Where(p => !byPath.ContainsKey(p.Path)).ToList();
        var falseAlarms = negatives.Where(n => byPath.ContainsKey(n.Path)).ToList();
        var recall = 1.0 - (double)missed.Count / positives.Count;
        var falsePositiveRate = (double)falseAlarms.Count / negatives.Count;

        var report = new StringBuilder()
            .AppendLine($"{rule} positives: {positives.Count}, found: {positives.Count - missed.Count}, recall: {recall:P2}")
            .AppendLine($"{rule} negatives: {negatives.Count}, false alarms: {falseAlarms.Count}, false-positive rate: {falsePositiveRate:P2}");
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

    private static List<Snippet> ReadSnippets(string file)
    {
        var snippets = new List<Snippet>();
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

        return snippets;
    }

    private sealed record Snippet(string Path, string Body, string? ExpectedId);
}
