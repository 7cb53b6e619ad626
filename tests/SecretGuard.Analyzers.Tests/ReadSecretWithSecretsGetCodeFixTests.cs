using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0006's fix: Secrets.Get("X_SECRET") instead of the raw read; none where the read is not one expression.</summary>
public class ReadSecretWithSecretsGetCodeFixTests
{
    [Fact]
    public async Task Environment_reads_and_dictionary_lookups_become_Secrets_Get_with_Fix_All()
    {
        await new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Linq;

                class Settings
                {
                    public string StripeKey => {|SG0006:Environment.GetEnvironmentVariable("STRIPE_API_KEY_SECRET")|};
                    public object Smtp => {|SG0006:Environment.GetEnvironmentVariables()["SMTP_SECRET"]|};

                    public string Db()
                    {
                        var values = File.ReadAllLines(".env").Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
                        return {|SG0006:values["DB_SECRET"]|};
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Linq;
                using SecretGuard;

                class Settings
                {
                    public string StripeKey => Secrets.Get("STRIPE_API_KEY_SECRET");
                    public object Smtp => Secrets.Get("SMTP_SECRET");

                    public string Db()
                    {
                        var values = File.ReadAllLines(".env").Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
                        return Secrets.Get("DB_SECRET");
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task No_fix_for_a_user_or_machine_variable_or_a_line_prefix()
    {
        const string code = """
            using System;
            using System.IO;

            class Settings
            {
                string A() => {|SG0006:Environment.GetEnvironmentVariable("SMTP_SECRET", EnvironmentVariableTarget.Machine)|};

                string B()
                {
                    foreach (var line in File.ReadAllLines(".env"))
                    {
                        if (line.StartsWith({|SG0006:"DB_SECRET="|})) return line.Substring(10);
                    }

                    return null;
                }
            }
            """;
        await new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }

    // A computed name has no one literal to write, and a configuration key need not be the env-file name (a variable
    // prefix, a section): those keep the diagnostic without a fix.
    [Fact]
    public async Task DotNetEnv_GetString_becomes_Secrets_Get_and_computed_names_or_configuration_keys_get_no_fix()
    {
        var test = new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = """
                using System;
                using DotNetEnv;
                using Microsoft.Extensions.Configuration;

                class Settings
                {
                    string A() => {|SG0006:Env.GetString("STRIPE_API_KEY_SECRET")|};
                    string B(string tenant) => {|SG0006:Environment.GetEnvironmentVariable($"{tenant}_DB_SECRET")|};
                    string C() => {|SG0006:new ConfigurationBuilder().AddEnvironmentVariables("APP_").Build()["QUEUE_SECRET"]|};
                }
                """,
            FixedCode = """
                using System;
                using DotNetEnv;
                using Microsoft.Extensions.Configuration;
                using SecretGuard;

                class Settings
                {
                    string A() => Secrets.Get("STRIPE_API_KEY_SECRET");
                    string B(string tenant) => {|SG0006:Environment.GetEnvironmentVariable($"{tenant}_DB_SECRET")|};
                    string C() => {|SG0006:new ConfigurationBuilder().AddEnvironmentVariables("APP_").Build()["QUEUE_SECRET"]|};
                }
                """,
        };
        test.TestState.Sources.Add(("Libraries.cs", SecretReadBypassingDecryptionAnalyzerTests.Libraries));
        test.FixedState.Sources.Add(("Libraries.cs", SecretReadBypassingDecryptionAnalyzerTests.Libraries));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }
}
