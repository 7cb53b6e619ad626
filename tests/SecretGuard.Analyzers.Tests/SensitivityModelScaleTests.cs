using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0004-SG0006 on a long method (thousands of locals, sinks and random calls): no analyzer exception, linear work.</summary>
public class SensitivityModelScaleTests
{
    [Fact]
    public async Task A_method_with_thousands_of_locals_sinks_and_random_calls_is_analyzed_quickly_and_without_exceptions()
    {
        const int Count = 2000;
        var body = new StringBuilder();
        for (var i = 1; i < Count; i++)
        {
            body.AppendLine($"var v{i} = password + \"-{i}\";");
            body.AppendLine($"Console.WriteLine(v{i});");
            body.AppendLine($"var n{i} = rnd.Next({i});");
            body.AppendLine($"var otp_{i} = n{i}.ToString();");
            body.AppendLine($"if (v{i}.StartsWith(\"K{i}_SECRET=\")) Console.WriteLine(n{i});");
        }

        var source = "using System; using System.IO;\nclass Big\n{\n    void Run(string password, Random rnd)\n    {\n        var lines = File.ReadAllLines(\".env\");\n" + body + "    }\n}\n";

        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default);
        var compilation = CSharpCompilation.Create("Big", new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(Stubs.Source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SecretInLogAnalyzer(), new InsecureRandomnessAnalyzer(), new SecretReadBypassingDecryptionAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var watch = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        watch.Stop();

        var counts = string.Join(", ", diagnostics.GroupBy(d => d.Id).Select(g => g.Key + "=" + g.Count()));
        Assert.True(!diagnostics.Any(d => d.Id == "AD0001"), counts + "\n" + string.Join("\n", diagnostics.Where(d => d.Id == "AD0001").Take(3)));
        Assert.True(diagnostics.Count(d => d.Id == "SG0004") == Count - 1, counts);
        Assert.True(diagnostics.Count(d => d.Id == "SG0005") == Count - 1, counts);
        Assert.True(diagnostics.Count(d => d.Id == "SG0006") == Count - 1, counts);
        // A guard against blow-ups (a walk that revisits every local per local), not a speed figure: that is the real-code
        // cost bench's (docs/performance.md). CI runners share cores, so the bound is wide.
        Assert.True(watch.Elapsed.TotalSeconds < 120, "analysis took " + watch.Elapsed);
    }
}
