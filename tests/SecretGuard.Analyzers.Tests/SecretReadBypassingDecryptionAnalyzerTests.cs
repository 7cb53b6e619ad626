using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0006: *_SECRET entries read from the environment or a raw env-file read, and what stays quiet.</summary>
public class SecretReadBypassingDecryptionAnalyzerTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        class Settings
        {
            string Run(Dictionary<string, string> values)
            {
        {{body}}
                return null;
            }
        }
        """;

    private static Task Verify(string body) => AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("var key = {|SG0006:Environment.GetEnvironmentVariable(\"STRIPE_API_KEY_SECRET\")|};")]
    [InlineData("var key = {|SG0006:Environment.GetEnvironmentVariable(\"db_password_secret\")|};")]
    [InlineData("const string Name = \"JWT_SIGNING_KEY_SECRET\"; var key = {|SG0006:Environment.GetEnvironmentVariable(Name)|};")]
    [InlineData("var key = {|SG0006:Environment.GetEnvironmentVariable(\"SMTP_SECRET\", EnvironmentVariableTarget.User)|};")]
    [InlineData("var key = (string){|SG0006:Environment.GetEnvironmentVariables()[\"SMTP_SECRET\"]|};")]
    [InlineData("var all = Environment.GetEnvironmentVariables(); var key = (string){|SG0006:all[\"SMTP_SECRET\"]|}; var level = all[\"LOG_LEVEL\"];")]
    public Task Environment_reads(string body) => Verify(body);

    [Theory]
    [InlineData("foreach (var line in File.ReadAllLines(\".env\")) if (line.StartsWith({|SG0006:\"API_KEY_SECRET=\"|})) return line.Substring(15);")]
    [InlineData("foreach (var line in File.ReadLines(\".env\")) { var parts = line.Split('='); if (parts[0] == {|SG0006:\"API_KEY_SECRET\"|}) return parts[1]; }")]
    [InlineData("var all = File.ReadAllLines(\".env\").Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]); return {|SG0006:all[\"API_KEY_SECRET\"]|};")]
    [InlineData("foreach (var l in File.ReadAllText(\".env\").Split('\\n')) values[l.Split('=')[0]] = l.Split('=')[1]; return {|SG0006:values[\"DB_SECRET\"]|};")]
    [InlineData("using var reader = new StreamReader(\".env.prod\"); string line; while ((line = reader.ReadLine()) != null) if (line.StartsWith({|SG0006:\"DB_SECRET=\"|})) return line;")]
    [InlineData("foreach (var line in File.ReadAllLines(\".env\")) values.Add(line.Split('=')[0], line.Split('=')[1]); values.TryGetValue({|SG0006:\"DB_SECRET\"|}, out var secret); return secret;")]
    [InlineData("foreach (var line in File.ReadAllLines(\".env\")) switch (line.Split('=')[0]) { case {|SG0006:\"DB_SECRET\"|}: return line; }")]
    public Task Raw_env_file_reads(string body) => Verify(body);

    [Theory]
    [InlineData("var env = Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\");")]
    [InlineData("var key = Environment.GetEnvironmentVariable(\"STRIPE_API_KEY\");")]
    [InlineData("var name = \"STRIPE_API_KEY_SECRET\"; Console.WriteLine(name);")]
    [InlineData("return values[\"DB_SECRET\"];")]
    [InlineData("if (values.ContainsKey(\"DB_SECRET\")) return \"x\";")]
    [InlineData("foreach (var line in File.ReadAllLines(\"app.txt\")) if (line.StartsWith(\"LOG_LEVEL=\")) return line;")]
    [InlineData("Environment.SetEnvironmentVariable(\"DB_SECRET\", \"x\");")]
    [InlineData("var text = File.ReadAllText(\"notes.txt\"); Console.WriteLine(\"Set DB_SECRET in .env\");")]
    public Task Other_variables_other_files_and_plain_lookups_are_not_reported(string body) => Verify(body);

    [Fact]
    public Task The_projects_secret_suffixes_decide_which_entries_are_secret() =>
        AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.VerifyAsync(
            InMethod("var a = {|SG0006:Environment.GetEnvironmentVariable(\"DB_VAULT\")|}; var b = {|SG0006:Environment.GetEnvironmentVariable(\"API_SECRET\")|};"),
            "build_property.SecretGuardSecretSuffixes = _SECRET,_VAULT");

    // A *_SECRET variable is somebody else's convention in a project that uses no SecretGuard: no package property, no runtime.
    [Fact]
    public async Task Only_projects_that_use_SecretGuard_are_checked()
    {
        var body = "var a = Environment.GetEnvironmentVariable(\"HCP_CLIENT_SECRET\"); var b = File.ReadAllLines(\".env\").First(l => l.StartsWith(\"DB_SECRET=\"));";
        var elsewhere = new AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.Test { TestCode = InMethod(body) };
        elsewhere.TestState.Sources.RemoveAt(elsewhere.TestState.Sources.Count - 1); // the SecretGuard runtime stub
        await elsewhere.RunAsync();

        var withPackage = new AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.Test
        {
            TestCode = InMethod("var a = {|SG0006:Environment.GetEnvironmentVariable(\"HCP_CLIENT_SECRET\")|};"),
        };
        withPackage.TestState.Sources.RemoveAt(withPackage.TestState.Sources.Count - 1);
        withPackage.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.SecretGuardEnabled = false\n"));
        await withPackage.RunAsync();
    }

    // The compiler cuts a property at its first ';' (dotnet/roslyn#51692); the package passes a ','-separated copy too.
    [Fact]
    public Task The_packages_comma_separated_copy_of_the_suffixes_wins_over_the_cut_property() =>
        AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.VerifyAsync(
            InMethod("var a = {|SG0006:Environment.GetEnvironmentVariable(\"DB_VAULT\")|}; var b = {|SG0006:Environment.GetEnvironmentVariable(\"API_SECRET\")|};"),
            "build_property.SecretGuardSecretSuffixes = _SECRET\nbuild_property._SecretGuardAnalyzerSecretSuffixes = _SECRET,_VAULT");

    [Fact]
    public Task The_message_names_the_entry_and_the_way_it_is_read() =>
        AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.VerifyAsync(
            InMethod("var key = Environment.GetEnvironmentVariable(\"X_SECRET\");"),
            null,
            CSharpAnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer, DefaultVerifier>.Diagnostic("SG0006")
                .WithSpan("/0/Test1.cs", 10, 11, 10, 57).WithArguments("X_SECRET", "with Environment.GetEnvironmentVariable"));
}
