using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// The snippet files of the accuracy corpora (Corpus/, Corpus/Sensitivity/): reading them, and compiling every snippet
/// as a member of its own class, in its own file, next to the corpus's Prelude.cs — so a finding's file names its snippet.
/// </summary>
internal static class SnippetCorpus
{
    // "//// snippet: name [SG0002]" starts a snippet; the expected rule id is optional.
    private static readonly Regex Marker = new(@"^//// snippet: (?<name>[A-Za-z0-9_.\-]+)(\s+\[(?<id>SG\d{4})\])?\s*$", RegexOptions.Multiline);

    /// <summary>The snippets of the files, in the files' ordinal order; each snippet's path is "file/name.cs".</summary>
    public static List<Snippet> Read(IEnumerable<string> files)
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

    /// <summary>
    /// Compiles the snippets against the test project's target (TestTarget) with the corpus's Prelude.cs and Prelude.*.cs (stubs of the libraries the
    /// snippets call, one file per topic), and asserts that it compiles.
    /// </summary>
    public static async Task<CSharpCompilation> CompileAsync(string corpus, string @namespace, IEnumerable<Snippet> snippets)
    {
        var trees = Directory.GetFiles(corpus, "Prelude*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetFileName(f), encoding: Encoding.UTF8))
            .ToList();
        var index = 0;
        foreach (var snippet in snippets)
        {
            var text = "namespace " + @namespace + "\n{\n    public partial class S" + (index++).ToString("D4") + "\n    {\n" + snippet.Body + "\n    }\n}\n";
            trees.Add(CSharpSyntaxTree.ParseText(text, path: snippet.Path, encoding: Encoding.UTF8));
        }

        var references = await Verifiers.TestTarget.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(@namespace.Replace(".", string.Empty), trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the corpus must compile:\n" + string.Join("\n", errors.Take(20)));
        return compilation;
    }

    /// <summary>True for a tree of a Prelude file, which no rule may report in.</summary>
    public static bool IsPrelude(string? path) => path is not null && path.StartsWith("Prelude", StringComparison.Ordinal) && path.EndsWith(".cs", StringComparison.Ordinal);

    internal sealed record Snippet(string Path, string Body, string? ExpectedId);
}
