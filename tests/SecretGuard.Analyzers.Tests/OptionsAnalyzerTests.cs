using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;

namespace SecretGuard.Analyzers.Tests;

public class OptionsAnalyzerTests
{
    private static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<OptionsAnalyzer, DefaultVerifier>.Diagnostic("SG0008");

    [Fact]
    public async Task Each_bad_option_is_reported_once_and_nothing_crashes()
    {
        var test = new Verifiers.AnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestState =
            {
                Sources = { "class A { }", "class B { }" },
                AnalyzerConfigFiles =
                {
                    ("/.editorconfig", "root = true\n[*]\nsecretguard.min_length = lots\nsecretguard.excluded_value_pattern = (unclosed\nsecretguard.test_projects = sometimes\nsecretguard.entropy_threshold = 3.5\n"),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Diagnostic().WithArguments("secretguard.excluded_value_pattern", "not a .NET regular expression (Invalid pattern '(unclosed' at offset 9. Not enough )'s.)"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithArguments("secretguard.test_projects", "'sometimes' is not one of report, suggestion, off"));
        await test.RunAsync();
    }
}
