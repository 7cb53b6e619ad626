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

    // Issue 15 categories: names computed at run time, DotNetEnv, configuration built in the code, bulk reads. The
    // libraries are stubbed with their real type and member names.
    internal const string Libraries = """
        namespace DotNetEnv
        {
            using System.Collections.Generic;

            public class Env
            {
                public static IEnumerable<KeyValuePair<string, string>> Load(string path = null, LoadOptions options = null) => null;
                public static IEnumerable<KeyValuePair<string, string>> LoadMulti(string[] paths, LoadOptions options = null) => null;
                public static IEnumerable<KeyValuePair<string, string>> LoadContents(string contents, LoadOptions options = null) => null;
                public static string GetString(string key, string fallback = default) => fallback;
                public static int GetInt(string key, int fallback = default) => fallback;
                public static bool GetBool(string key, bool fallback = default) => fallback;
                public static LoadOptions NoEnvVars() => new LoadOptions();
                public static LoadOptions TraversePath() => new LoadOptions();
            }

            public class LoadOptions { }

            public static class LoadOptionExtensions
            {
                public static IEnumerable<KeyValuePair<string, string>> Load(this LoadOptions options, string path = null) => null;
            }
        }

        namespace DotNetEnv.Extensions
        {
            using System.Collections.Generic;

            public static class LinqExtensions
            {
                public static Dictionary<string, string> ToDotEnvDictionary(this IEnumerable<KeyValuePair<string, string>> pairs) => null;
            }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfigurationBuilder { IConfigurationRoot Build(); }
            public class ConfigurationBuilder : IConfigurationBuilder { public IConfigurationRoot Build() => null; }
            public static class EnvironmentVariablesExtensions
            {
                public static IConfigurationBuilder AddEnvironmentVariables(this IConfigurationBuilder builder) => builder;
                public static IConfigurationBuilder AddEnvironmentVariables(this IConfigurationBuilder builder, string prefix) => builder;
            }
            public static class JsonConfigurationExtensions { public static IConfigurationBuilder AddJsonFile(this IConfigurationBuilder builder, string path, bool optional = false) => builder; }
            public static class IniConfigurationExtensions { public static IConfigurationBuilder AddIniFile(this IConfigurationBuilder builder, string path, bool optional = false) => builder; }
            public static class SecretGuardConfigurationExtensions { public static IConfigurationBuilder AddSecretGuard(this IConfigurationBuilder builder) => builder; }
        }
        """;

    private static string InClass(string members) => $$"""
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using DotNetEnv;
        using DotNetEnv.Extensions;
        using Microsoft.Extensions.Configuration;
        using SecretGuard;

        enum Provider { Azure, Aws }

        class Settings
        {
        {{members}}
        }
        """;

    private static Task VerifyWithLibraries(string members)
    {
        var test = new AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.Test { TestCode = InClass(members) };
        test.TestState.Sources.Add(("Libraries.cs", Libraries));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("string Read(string tenant) => {|SG0006:Environment.GetEnvironmentVariable($\"{tenant}_DB_SECRET\")|};")]
    [InlineData("string Read(string service) => {|SG0006:Environment.GetEnvironmentVariable($\"{service.ToUpperInvariant()}_API_SECRET\")|};")]
    [InlineData("string Read(string provider) => {|SG0006:Environment.GetEnvironmentVariable(provider.ToUpperInvariant() + \"_CLIENT_SECRET\")|};")]
    [InlineData("string Read(bool sandbox) { var name = sandbox ? \"PAYPAL_SANDBOX_SECRET\" : \"PAYPAL_LIVE_SECRET\"; return {|SG0006:Environment.GetEnvironmentVariable(name)|}; }")]
    [InlineData("string Read(Provider p) => {|SG0006:Environment.GetEnvironmentVariable(p switch { Provider.Azure => \"AZURE_KEY_SECRET\", Provider.Aws => \"AWS_KEY_SECRET\", _ => throw new ArgumentException() })|};")]
    [InlineData("string Read(string region) { string name; switch (region) { case \"eu\": name = \"SMS_EU_SECRET\"; break; default: name = \"SMS_SECRET\"; break; } return {|SG0006:Environment.GetEnvironmentVariable(name)|}; }")]
    [InlineData("string Read(string prefix, bool legacy) { var name = $\"{prefix}_TOKEN_SECRET\"; if (legacy) name = prefix + \"_OLD_SECRET\"; else name += \"_SECRET\"; return {|SG0006:Environment.GetEnvironmentVariable(name)|}; }")]
    [InlineData("const string App = \"ORDERS_\"; const string Name = App + \"JWT_SECRET\"; string Read() => {|SG0006:Environment.GetEnvironmentVariable(Name)|};")]
    [InlineData("static readonly string Name = \"GEOCODER_KEY_SECRET\"; string Read() => {|SG0006:Environment.GetEnvironmentVariable(Name)|};")]
    [InlineData("const string App = \"ledger\"; static readonly string Name = $\"{App.ToUpperInvariant()}_FIELD_SECRET\"; string Read() => {|SG0006:Environment.GetEnvironmentVariable(Name)|};")]
    [InlineData("static string Name => \"SIGNING_KEY_SECRET\"; string Read() => {|SG0006:Environment.GetEnvironmentVariable(Name)|};")]
    [InlineData("string Read(string tenant) => {|SG0006:Environment.GetEnvironmentVariable(string.Concat(tenant, \"_DB_SECRET\"))|};")]
    public Task Names_computed_at_run_time_are_reported_when_every_value_ends_in_the_suffix(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("string Read(string tenant) => Environment.GetEnvironmentVariable($\"{tenant}_DB_SECRET_ROTATED_AT\");")]
    [InlineData("const string Prefix = \"BILLING_SECRET\"; string Read(string key) => Environment.GetEnvironmentVariable($\"{Prefix}_{key}\");")]
    [InlineData("string Read(bool sandbox) => Environment.GetEnvironmentVariable(sandbox ? \"PAYPAL_CLIENT_ID\" : \"PAYPAL_LIVE_SECRET\");")]
    [InlineData("string Read(string p) => Environment.GetEnvironmentVariable(p switch { \"smtp\" => \"SMTP_SECRET\", _ => \"MAIL_DIRECTORY\" });")]
    [InlineData("string Read(bool migrated) { var name = \"GEOCODER_KEY\"; if (migrated) name = \"GEOCODER_KEY_SECRET\"; return Environment.GetEnvironmentVariable(name); }")]
    [InlineData("string Read(string tenant) => Secrets.Get($\"{tenant}_DB_SECRET\");")]
    [InlineData("static string name = \"DB_SECRET\"; string Read() => Environment.GetEnvironmentVariable(name);")]
    [InlineData("string Read(string tenant) => Environment.GetEnvironmentVariable($\"{tenant}_SECRET{Environment.NewLine}\");")]
    [InlineData("string Read(string tenant) => Environment.GetEnvironmentVariable(string.Format(\"{0}_DB_SECRET\", tenant));")]
    public Task Names_with_an_unknown_end_or_a_plain_value_are_not_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("string Read() => {|SG0006:Env.GetString(\"STRIPE_API_KEY_SECRET\")|};")]
    [InlineData("string Read() { Env.TraversePath().Load(); return {|SG0006:Env.GetString(\"SMTP_SECRET\", \"\")|}; }")]
    [InlineData("int Read() => {|SG0006:Env.GetInt(\"KIOSK_PIN_SECRET\")|};")]
    [InlineData("string Read() { var vars = Env.NoEnvVars().Load(\".env.local\").ToDotEnvDictionary(); return {|SG0006:vars[\"SLACK_TOKEN_SECRET\"]|}; }")]
    [InlineData("string Read() { var pairs = Env.Load(); return {|SG0006:pairs.First(kv => kv.Key == \"JWT_SECRET\")|}.Value; }")]
    [InlineData("string Read() { {|SG0006:Env.LoadMulti(new[] { \".env\" }).ToDotEnvDictionary().TryGetValue(\"DB_SECRET\", out var v)|}; return v; }")]
    [InlineData("string Read(string text) => {|SG0006:Env.LoadContents(text).ToDotEnvDictionary().GetValueOrDefault(\"HOOK_SECRET\")|};")]
    [InlineData("string Read() => {|SG0006:Env.Load().FirstOrDefault(kv => string.Equals(kv.Key, \"API_SECRET\", StringComparison.Ordinal))|}.Value;")]
    public Task DotNetEnv_reads_of_secret_entries_are_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("string Read() { Env.Load(); return Env.GetString(\"ASPNETCORE_URLS\") + Env.GetInt(\"WORKERS\") + Env.GetBool(\"SECRET_ROTATION_ENABLED\"); }")]
    [InlineData("string Read() { Env.Load(); return Secrets.Get(\"STRIPE_API_KEY_SECRET\"); }")]
    [InlineData("string Read() { var vars = Env.NoEnvVars().Load().ToDotEnvDictionary(); return vars[\"LOG_LEVEL\"]; }")]
    [InlineData("bool Read(string[] required) { var vars = Env.Load().ToDotEnvDictionary(); return required.All(name => vars.ContainsKey(name)); }")]
    [InlineData("bool Read() => Env.Load().Any(kv => kv.Key == \"DB_SECRET\");")]
    public Task DotNetEnv_reads_of_plain_entries_and_presence_checks_are_not_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("string Read() { var config = new ConfigurationBuilder().AddEnvironmentVariables().Build(); return {|SG0006:config[\"OPENAI_KEY_SECRET\"]|}; }")]
    [InlineData("string Read() { IConfiguration config = new ConfigurationBuilder().AddJsonFile(\"a.json\").AddEnvironmentVariables().Build(); return {|SG0006:config.GetValue<string>(\"SMTP_SECRET\")|}; }")]
    [InlineData("string Read() { var config = new ConfigurationBuilder().AddEnvironmentVariables().Build(); return {|SG0006:config.GetConnectionString(\"Ledger_SECRET\")|}; }")]
    [InlineData("string Read() { var config = new ConfigurationBuilder().AddEnvironmentVariables().Build(); var stripe = config.GetSection(\"Stripe\"); return {|SG0006:stripe[\"Webhook_SECRET\"]|}; }")]
    [InlineData("string Read() { var builder = new ConfigurationBuilder(); builder.AddEnvironmentVariables(\"WORKER_\"); var config = builder.Build(); return {|SG0006:config[\"QUEUE_SECRET\"]|}; }")]
    [InlineData("string Read() => {|SG0006:new ConfigurationBuilder().AddIniFile(\"config/.env\", optional: true).Build()[\"DB_SECRET\"]|};")]
    public Task Configuration_built_from_environment_variables_without_AddSecretGuard_is_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("string Read() => new ConfigurationBuilder().AddEnvironmentVariables().AddSecretGuard().Build()[\"OPENAI_KEY_SECRET\"];")]
    [InlineData("string Read() => new ConfigurationBuilder().AddSecretGuard().AddEnvironmentVariables().Build()[\"OPENAI_KEY_SECRET\"];")]
    [InlineData("string Read() { var builder = new ConfigurationBuilder(); builder.AddEnvironmentVariables(); builder.AddSecretGuard(); var config = builder.Build(); return config[\"QUEUE_SECRET\"]; }")]
    [InlineData("string Read() { var config = new ConfigurationBuilder().AddEnvironmentVariables().Build(); return config[\"LOG_LEVEL\"]; }")]
    [InlineData("string Read() => new ConfigurationBuilder().AddJsonFile(\"appsettings.Test.json\").Build()[\"Jwt:Key_SECRET\"];")]
    [InlineData("string Read() => new ConfigurationBuilder().AddIniFile(\"legacy.ini\").Build()[\"DB_SECRET\"];")]
    [InlineData("string Read(IConfiguration configuration) => configuration[\"STRIPE_SECRET\"];")]
    [InlineData("string Read(IConfigurationBuilder hostBuilder) { hostBuilder.AddEnvironmentVariables(); return hostBuilder.Build()[\"STRIPE_SECRET\"]; }")]
    [InlineData("string Read() { var builder = new ConfigurationBuilder(); builder.AddEnvironmentVariables(); AddSecrets(builder); return builder.Build()[\"STRIPE_SECRET\"]; } static void AddSecrets(IConfigurationBuilder b) => b.AddSecretGuard();")]
    public Task Configuration_with_AddSecretGuard_from_other_sources_or_of_the_host_is_not_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) { var key = (string)e.Key; if ({|SG0006:key.EndsWith(\"_SECRET\")|}) s[key] = (string)e.Value; } return s; }")]
    [InlineData("Dictionary<string, string> Read() => Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Where(e => {|SG0006:((string)e.Key).EndsWith(\"_SECRET\")|}).ToDictionary(e => (string)e.Key, e => (string)e.Value);")]
    [InlineData("Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (var line in File.ReadAllLines(\".env\")) { var p = line.Split('='); if (p.Length == 2 && {|SG0006:p[0].EndsWith(\"_SECRET\")|}) s[p[0]] = p[1]; } return s; }")]
    [InlineData("IEnumerable<string> Read() { foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) { var name = (string)e.Key; if (!{|SG0006:name.EndsWith(\"_SECRET\", StringComparison.Ordinal)|}) continue; yield return e.Value?.ToString(); } }")]
    [InlineData("const string Suffix = \"_SECRET\"; Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (var line in File.ReadLines(\".env\")) { var eq = line.IndexOf('='); var key = line[..eq]; if ({|SG0006:key.EndsWith(Suffix)|}) s.Add(key, line[(eq + 1)..]); } return s; }")]
    [InlineData("Dictionary<string, string> Read() => Env.NoEnvVars().Load().Where(kv => {|SG0006:kv.Key.EndsWith(\"_SECRET\")|}).ToDictionary(kv => kv.Key, kv => kv.Value);")]
    [InlineData("List<string> Read() { var secrets = Env.Load().Where(kv => {|SG0006:kv.Key.EndsWith(\"_SECRET\")|}).ToList(); var values = new List<string>(); foreach (var kv in secrets) values.Add(kv.Value); return values; }")]
    public Task Entries_kept_on_the_suffix_test_with_their_value_are_reported(string members) => VerifyWithLibraries(members);

    [Theory]
    [InlineData("Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) { var key = (string)e.Key; if (key.EndsWith(\"_SECRET\")) continue; s[key] = (string)e.Value; } return s; }")]
    [InlineData("Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (var line in File.ReadAllLines(\".env\")) { var p = line.Split('='); if (!p[0].EndsWith(\"_SECRET\")) s[p[0]] = p[1]; } return s; }")]
    [InlineData("Dictionary<string, string> Read() => Env.Load().Where(kv => !kv.Key.EndsWith(\"_SECRET\")).ToDictionary(kv => kv.Key, kv => kv.Value);")]
    [InlineData("List<string> Read() { var names = new List<string>(); foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) { var key = (string)e.Key; if (key.EndsWith(\"_SECRET\")) names.Add(key); } return names; }")]
    [InlineData("Dictionary<string, string> Read() { var s = new Dictionary<string, string>(); foreach (var line in File.ReadAllLines(\".env\")) { var p = line.Split('='); if (p[0].EndsWith(\"_SECRET\")) s[p[0]] = Secrets.Get(p[0]); else s[p[0]] = p[1]; } return s; }")]
    [InlineData("List<string> Read() { var bad = new List<string>(); foreach (var line in File.ReadAllLines(\".env\")) { var p = line.Split('='); if (p[0].EndsWith(\"_SECRET\") && !p[1].StartsWith(\"PROD_ENC:\")) bad.Add(p[0]); } return bad; }")]
    [InlineData("Dictionary<string, string> Read() { var v = new Dictionary<string, string>(); foreach (DictionaryEntry e in Environment.GetEnvironmentVariables()) { var key = (string)e.Key; v[key] = key.EndsWith(\"_SECRET\") ? \"***\" : (string)e.Value; } return v; }")]
    [InlineData("int Read() => Environment.GetEnvironmentVariables().Keys.Cast<string>().Count(k => k.EndsWith(\"_SECRET\"));")]
    [InlineData("List<string> Read(Dictionary<string, string> values) => values.Where(kv => kv.Key.EndsWith(\"_SECRET\")).Select(kv => kv.Value).ToList();")]
    public Task Entries_skipped_named_redacted_or_decrypted_on_the_suffix_test_are_not_reported(string members) => VerifyWithLibraries(members);

    [Fact]
    public async Task The_message_shows_a_computed_names_unknown_parts_and_alternatives()
    {
        var test = new AnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer>.Test
        {
            TestCode = InClass("""
                string A(string tenant) => {|#0:Environment.GetEnvironmentVariable($"{tenant}_DB_SECRET")|};
                string B(bool live) => {|#1:Environment.GetEnvironmentVariable(live ? "LIVE_SECRET" : "TEST_SECRET")|};
                """),
            ExpectedDiagnostics =
            {
                CSharpAnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer, DefaultVerifier>.Diagnostic("SG0006").WithLocation(0).WithArguments("{tenant}_DB_SECRET", "with Environment.GetEnvironmentVariable"),
                CSharpAnalyzerVerifier<SecretReadBypassingDecryptionAnalyzer, DefaultVerifier>.Diagnostic("SG0006").WithLocation(1).WithArguments("LIVE_SECRET|TEST_SECRET", "with Environment.GetEnvironmentVariable"),
            },
        };
        test.TestState.Sources.Add(("Libraries.cs", Libraries));
        await test.RunAsync();
    }
}
