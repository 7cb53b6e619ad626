using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Credentials;

namespace SecretGuard.Analyzers.Tests;

public class OptionsAnalyzerTests
{
    private static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<OptionsAnalyzer, DefaultVerifier>.Diagnostic("SG0008");

    private static DiagnosticResult Invalid(string key, string problem) => Diagnostic().WithArguments(key, problem);

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
        test.ExpectedDiagnostics.Add(Invalid("secretguard.min_length", "'lots' is not a number from 0 to 1000"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.excluded_value_pattern", "not a .NET regular expression (Invalid pattern '(unclosed' at offset 9. Not enough )'s.)"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.test_projects", "'sometimes' is not one of report, suggestion, off"));
        await test.RunAsync();
    }

    [Fact]
    public Task The_documented_example_an_invalid_min_length_in_editorconfig_is_reported() =>
        // docs/rules/SG0008.md: no rule needs to read the option first (this code has no credential literal at all).
        Verifiers.AnalyzerVerifier<OptionsAnalyzer>.VerifyAsync(
            "class A { }",
            "secretguard.min_length = abc\n",
            Invalid("secretguard.min_length", "'abc' is not a number from 0 to 1000"));

    [Fact]
    public async Task An_invalid_min_length_in_a_global_analyzer_config_is_reported()
    {
        var test = new Verifiers.AnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestState =
            {
                Sources = { "class A { }" },
                AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\nsecretguard.min_length = abc\n") },
            },
        };
        test.ExpectedDiagnostics.Add(Invalid("secretguard.min_length", "'abc' is not a number from 0 to 1000"));
        await test.RunAsync();
    }

    [Fact]
    public Task An_invalid_per_rule_min_length_is_reported_under_its_own_key_and_a_valid_shared_one_stays_quiet() =>
        Verifiers.AnalyzerVerifier<OptionsAnalyzer>.VerifyAsync(
            "class A { }",
            "secretguard.min_length = 6\nsecretguard.SG0002.min_length = -1\n",
            Invalid("secretguard.SG0002.min_length", "'-1' is not a number from 0 to 1000"));

    [Fact]
    public Task A_valid_per_rule_min_length_does_not_hide_an_invalid_shared_one() =>
        Verifiers.AnalyzerVerifier<OptionsAnalyzer>.VerifyAsync(
            "class A { }",
            "secretguard.min_length = 1001\nsecretguard.SG0002.min_length = 8\n",
            Invalid("secretguard.min_length", "'1001' is not a number from 0 to 1000"));

    [Fact]
    public Task Valid_values_of_every_option_are_quiet() =>
        Verifiers.AnalyzerVerifier<OptionsAnalyzer>.VerifyAsync(
            "class A { }",
            """
            secretguard.min_length = 12
            secretguard.SG0002.min_length = 0
            secretguard.entropy_threshold = 3.5
            secretguard.excluded_value_pattern = ^dev-
            secretguard.disabled_families = jwt, url-credentials
            secretguard.test_projects = report
            secretguard.SG0005.report_all_uses = TRUE
            secretguard.extra_secret_words = pin, seed
            secretguard.sensitive_words = badge_code
            secretguard.excluded_name_words = path
            """);

    [Fact]
    public async Task Every_other_checked_option_is_reported_from_a_global_analyzer_config()
    {
        var test = new Verifiers.AnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestState =
            {
                Sources = { "class A { }" },
                AnalyzerConfigFiles =
                {
                    ("/.globalconfig", """
                        is_global = true
                        secretguard.entropy_threshold = 8.5
                        secretguard.disabled_families = jwt, no-such-family
                        secretguard.test_projects = never
                        secretguard.SG0005.report_all_uses = yes
                        secretguard.excluded_value_pattern = [unclosed
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Invalid("secretguard.entropy_threshold", "'8.5' is not a number from 0 to 8"));
        var known = string.Join(", ", CredentialCatalogue.Default.Families.Select(f => f.Id).OrderBy(id => id));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.disabled_families", "'no-such-family' is not a credential family (known: " + known + ")"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.test_projects", "'never' is not one of report, suggestion, off"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.SG0005.report_all_uses", "'yes' is not true or false"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.excluded_value_pattern", "not a .NET regular expression (Invalid pattern '[unclosed' at offset 9. Unterminated [] set.)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_option_set_only_for_config_files_is_checked_too()
    {
        // SG0007 reads its options through the additional file's own options (a [*.json] section), which no syntax tree sees.
        var test = new Verifiers.AnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestState =
            {
                Sources = { "class A { }" },
                AdditionalFiles = { ("/0/appsettings.json", "{ }") },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.json]\nsecretguard.excluded_value_pattern = (json\n") },
            },
        };
        test.ExpectedDiagnostics.Add(Invalid("secretguard.excluded_value_pattern", "not a .NET regular expression (Invalid pattern '(json' at offset 5. Not enough )'s.)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_report_does_not_depend_on_which_rule_read_the_option_first()
    {
        // SG0002 reads min_length for this literal; SG0008 reports the bad value once, and SG0002 falls back to its default.
        var test = new WithHardcodedCredentials
        {
            TestCode = """
                class A
                {
                    string Password = {|SG0002:"Xk9#mQ2$vL7pRt"|};
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\nsecretguard.SG0002.min_length = twelve\n"));
        test.ExpectedDiagnostics.Add(Invalid("secretguard.SG0002.min_length", "'twelve' is not a number from 0 to 1000"));
        await test.RunAsync();
    }

    private sealed class WithHardcodedCredentials : CSharpAnalyzerTest<OptionsAnalyzer, DefaultVerifier>
    {
        public WithHardcodedCredentials() => ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer(), new OptionsAnalyzer());
    }
}
