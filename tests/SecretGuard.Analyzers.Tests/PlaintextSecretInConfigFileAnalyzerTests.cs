using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using Test = SecretGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecretGuard.Analyzers.Rules.PlaintextSecretInConfigFileAnalyzer>.Test;

namespace SecretGuard.Analyzers.Tests;

public class PlaintextSecretInConfigFileAnalyzerTests
{
    private static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<PlaintextSecretInConfigFileAnalyzer, DefaultVerifier>.Diagnostic("SG0007");

    [Fact]
    public async Task Secrets_in_appsettings_are_reported_at_their_line_and_column()
    {
        var test = new Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", """
            {
              // comments are allowed, as the configuration loader allows them
              "ConnectionStrings": {
                "Db": "Server=db;Database=app;User Id=sa;Password=Pr0d!Kq81xZ#m;"
              },
              "Stripe": { "ApiKey": "Lv8kQ2x9Wm4zRt7pYc3N", "PublishableKey": "pk_live_visible_anyway" },
              "Jwt": { "Secret": "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoL", "Issuer": "me" },
              "Smtp": { "Password": "", "Host": "smtp.example.com" },
              "Hosts": [ "a", "b" ],
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/appsettings.Development.json", 4, 11, 4, 70)
            .WithArguments("'ConnectionStrings:Db' in appsettings.Development.json holds what looks like a connection string with a password: move it to an env-file entry ConnectionStrings__Db_SECRET (the build encrypts it; AddSecretGuard serves it back as 'ConnectionStrings:Db') and remove it here"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/appsettings.Development.json", 6, 25, 6, 47)
            .WithArguments("'Stripe:ApiKey' in appsettings.Development.json holds a plaintext secret: move it to an env-file entry Stripe__ApiKey_SECRET (the build encrypts it; AddSecretGuard serves it back as 'Stripe:ApiKey') and remove it here"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Launch_settings_variables_are_checked_and_env_files_only_for_non_secret_entries()
    {
        var test = new Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/Properties/launchSettings.json", """
            { "profiles": { "App": { "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "DB_PASSWORD": "Lc8!dbQz7#pX2mK" } } } }
            """));
        test.TestState.AdditionalFiles.Add(("/0/.env.dev", "GITHUB_TOKEN=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\nAPI_KEY_SECRET=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\n# secretguard-disable-next-line SG0007\nOTHER=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\n"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/.env.dev", 1, 14, 1, 54)
            .WithArguments("GITHUB_TOKEN holds what looks like a GitHub token under a name that is not secret, so the build does not encrypt it: name it GITHUB_TOKEN_SECRET"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/Properties/launchSettings.json", 1, 108, 1, 125)
            .WithArguments("'profiles:App:environmentVariables:DB_PASSWORD' in launchSettings.json holds a plaintext secret: move it to an env-file entry profiles__App__environmentVariables__DB_PASSWORD_SECRET (the build encrypts it; AddSecretGuard serves it back as 'profiles:App:environmentVariables:DB_PASSWORD') and remove it here"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_suggested_entry_name_ends_with_the_projects_first_secret_suffix()
    {
        var test = new Test { TestCode = "class C { }" };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property._SecretGuardAnalyzerSecretSuffixes = _VAULT,_SECRET\n"));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """{ "Stripe": { "ApiKey": "Lv8kQ2x9Wm4zRt7pYc3N" } }"""));
        test.TestState.AdditionalFiles.Add(("/0/.env.dev", "GITHUB_TOKEN=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\nAPI_KEY_SECRET=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\n"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/appsettings.json", 1, 25, 1, 47)
            .WithArguments("'Stripe:ApiKey' in appsettings.json holds a plaintext secret: move it to an env-file entry Stripe__ApiKey_VAULT (the build encrypts it; AddSecretGuard serves it back as 'Stripe:ApiKey') and remove it here"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithSpan("/0/.env.dev", 1, 14, 1, 54)
            .WithArguments("GITHUB_TOKEN holds what looks like a GitHub token under a name that is not secret, so the build does not encrypt it: name it GITHUB_TOKEN_VAULT"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Values_agree_with_SG0002_placeholders_and_connection_strings_are_not_reported_weak_values_are_SG0009()
    {
        var test = new Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """
            {
              "Db": { "ConnectionString": "Data Source=(localdb)\\mssqllocaldb;Initial Catalog=Shop;Integrated Security=True;MultipleActiveResultSets=True" },
              "Smtp": { "Password": "test", "UserName": "test" },
              "Proxy": { "Password": "none", "Token": "${PROXY_TOKEN}", "ApiKey": "#{Proxy.ApiKey}", "Secret": "%PROXY_SECRET%" },
              "Features": { "RequirePassword": "true", "PasswordlessSignIn": "passwordless-sign-in" },
              "Dl": { "Password": "fennel" },
              "Pushover": { "ApiKey": "7d9f3c1e-2b4a-4e8d-9f6c-0a1b2c3d4e5f" }
            }
            """));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<PlaintextSecretInConfigFileAnalyzer, DefaultVerifier>.Diagnostic("SG0009").WithSpan("/0/appsettings.json", 6, 23, 6, 31)
            .WithArguments("'Dl:Password' in appsettings.json", "a plain word"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<PlaintextSecretInConfigFileAnalyzer, DefaultVerifier>.Diagnostic("SG0009").WithSpan("/0/appsettings.json", 7, 27, 7, 65)
            .WithArguments("'Pushover:ApiKey' in appsettings.json", "a GUID, more often an id than a key"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_placeholder_env_file_declared_before_it_exists_is_skipped()
    {
        var test = new Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/.env.dev", "GITHUB_TOKEN=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\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[/0/.env.dev]\nbuild_metadata.AdditionalFiles.SecretGuardPlaceholder = true\n"));
        await test.RunAsync();
    }
}
