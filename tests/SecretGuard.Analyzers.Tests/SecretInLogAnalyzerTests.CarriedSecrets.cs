using System.Threading.Tasks;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0004, what carries a secret: objects logged whole, configuration dumps, flow shapes, numeric credentials.</summary>
public partial class SecretInLogAnalyzerTests
{
    // Types the cases log: settings classes and records with and without secret members, attributes that keep a member
    // out of logs (by the names Destructurama.Attributed, System.Text.Json and Microsoft.Extensions.Compliance use).
    private const string CarrierTypes = """
        using System;
        using System.Collections.Generic;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;

        namespace Microsoft.Extensions.Configuration
        {
            public static class ConfigurationEnumerationExtensions
            {
                public static IEnumerable<KeyValuePair<string, string>> AsEnumerable(this IConfiguration configuration) => null;
            }

            public sealed class ConfigurationDebugViewContext
            {
                public string Key { get; }
                public string Value { get; }
            }

            public static class ConfigurationRootExtensions
            {
                public static string GetDebugView(this IConfigurationRoot root) => "";
                public static string GetDebugView(this IConfigurationRoot root, Func<ConfigurationDebugViewContext, string> processValue) => "";
            }
        }

        namespace Destructurama.Attributed
        {
            public sealed class NotLoggedAttribute : Attribute { }
            public sealed class LogMaskedAttribute : Attribute { }
        }

        namespace Microsoft.Extensions.Compliance.Classification
        {
            public class DataClassificationAttribute : Attribute { }
        }

        public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }

        public class SmtpSettings
        {
            public string Host { get; set; }
            public string Password { get; set; }
        }

        public class LdapSettings
        {
            public string Server { get; set; }
            [Destructurama.Attributed.NotLogged] public string BindPassword { get; set; }
            [Destructurama.Attributed.LogMasked] public string ApiKey { get; set; }
            [System.Text.Json.Serialization.JsonIgnore] public string ClientSecret { get; set; }
            [PrivateData] public string AccessToken { get; set; }
        }

        public sealed record Login(string User, string Password);
        public sealed record StoredCredential(string User, string PasswordHash);
        public sealed record JobSettings(string Schedule, Login Database);
        public sealed record ApiKey(string Value);

        public sealed record FtpTarget(string Host, string Password)
        {
            private bool PrintMembers(StringBuilder builder)
            {
                builder.Append("Host = ").Append(Host);
                return true;
            }
        }

        public sealed class ProxyTarget
        {
            public string Host { get; set; }
            public string User { get; set; }
            public string Password { get; set; }
            public override string ToString() => $"http://{User}:{Password}@{Host}";
        }

        public sealed class RedisTarget
        {
            public string Host { get; set; }
            public string Password { get; set; }
            public override string ToString() => Host;
        }

        public sealed class Challenge
        {
            public int Otp { get; set; }
            public int OtpAttempts { get; set; }
        }

        public enum OtpChannel { Sms, Email }

        public interface ITokenSource
        {
            Task<string> GetAccessTokenAsync();
            Task<DateTimeOffset> GetTokenExpiryAsync();
            Task<int> GenerateOtpAsync();
        }
        """;

    private static Task VerifyCarried(string body, string members = "")
    {
        var test = new AnalyzerVerifier<SecretInLogAnalyzer>.Test
        {
            TestCode = $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Logging;
                using SecretGuard;

                partial class Service
                {
                    async Task Run(ILogger logger, Serilog.ILogger serilog, IConfigurationRoot config, ITokenSource tokens, string accessToken, string[] apiKeys,
                                   IReadOnlyDictionary<string, string> secrets, string[] requiredSecrets, SmtpSettings smtp, LdapSettings ldap, Login login,
                                   StoredCredential credential, System.Net.NetworkCredential networkCredential, JobSettings job, ApiKey apiKey, ApiKey current,
                                   FtpTarget ftp, ProxyTarget proxy, RedisTarget redis, Challenge challenge, int otp, int pin, long verificationCode, int smsCode,
                                   int newPin, int otpAttempts, int pinRetries, int passwordLength, int keySize, int tokenCount, int secretVersion,
                                   OtpChannel otpChannel, bool otpVerified, DateTime otpExpiresAt, TimeSpan pinLockout)
                    {
                {{body}}
                    }
                {{members}}
                }
                """,
        };
        test.TestState.Sources.Add(("CarrierTypes.cs", CarrierTypes));
        return test.RunAsync();
    }

    // ---- Objects logged whole ----

    [Theory]
    [InlineData("logger.LogInformation(\"Mail settings {@Smtp}\", {|SG0004:smtp|});")]
    [InlineData("serilog.ForContext(\"Smtp\", {|SG0004:smtp|}, destructureObjects: true).Information(\"ready\");")]
    [InlineData("var json = System.Text.Json.JsonSerializer.Serialize(smtp); logger.LogDebug(\"Settings {Json}\", {|SG0004:json|});")]
    [InlineData("logger.LogInformation(\"Opening {Login}\", {|SG0004:login|});")]
    [InlineData("logger.LogInformation($\"Opening {{|SG0004:login|}}\");")]
    [InlineData("Console.WriteLine(\"Job: \" + {|SG0004:job|});")]
    [InlineData("Console.WriteLine(\"Proxy \" + {|SG0004:proxy|});")]
    [InlineData("logger.LogInformation(\"Proxy {Proxy}\", {|SG0004:proxy|}.ToString());")]
    [InlineData("serilog.Information(\"Using {$Login}\", {|SG0004:login|});")]
    public Task Objects_whose_rendering_shows_a_secret_member_are_reported(string body) => VerifyCarried(body);

    [Theory]
    [InlineData("logger.LogInformation(\"Mail settings {Smtp}\", smtp);")]
    [InlineData("logger.LogInformation(\"Directory {@Ldap}\", ldap);")]
    [InlineData("logger.LogInformation(\"Directory {Json}\", System.Text.Json.JsonSerializer.Serialize(ldap));")]
    [InlineData("logger.LogInformation(\"Upload to {Target}\", ftp);")]
    [InlineData("logger.LogInformation(\"Redis at {Target}\", redis);")]
    [InlineData("logger.LogDebug(\"Migrated {Credential}\", credential);")]
    [InlineData("logger.LogDebug(\"Proxy credential {Credential}\", networkCredential);")]
    [InlineData("Console.WriteLine($\"Current key object {current}\");")]
    public Task Objects_whose_rendering_shows_no_secret_are_not_reported(string body) => VerifyCarried(body);

    // Microsoft.Extensions.Telemetry's [LogProperties] makes the generated logging method log every public property.
    [Fact]
    public Task A_LogProperties_parameter_of_a_LoggerMessage_method_is_destructured() => VerifyCarried(
        "LogSmtp(logger, {|SG0004:smtp|}); LogLdap(logger, ldap); LogSmtpText(logger, smtp);",
        """
        [AttributeUsage(AttributeTargets.Parameter)] sealed class LogPropertiesAttribute : Attribute { }
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Mail relay ready")]
        static partial void LogSmtp(ILogger logger, [LogProperties] SmtpSettings smtp);
        static partial void LogSmtp(ILogger logger, SmtpSettings smtp) { }
        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Directory ready")]
        static partial void LogLdap(ILogger logger, [LogProperties] LdapSettings ldap);
        static partial void LogLdap(ILogger logger, LdapSettings ldap) { }
        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Mail relay {Smtp}")]
        static partial void LogSmtpText(ILogger logger, SmtpSettings smtp);
        static partial void LogSmtpText(ILogger logger, SmtpSettings smtp) { }
        """);

    // record ApiKey(string Value) prints its payload: the value's own name decides, as for any value.
    [Fact]
    public Task A_wrappers_payload_leaves_the_verdict_to_the_values_name() =>
        VerifyCarried("logger.LogInformation(\"Key {Key}\", {|SG0004:apiKey|}); logger.LogInformation(\"Key {Key}\", current);");

    // ---- Configuration and the environment dumped ----

    [Theory]
    [InlineData("foreach (var entry in config.AsEnumerable()) logger.LogDebug(\"{Key}={Value}\", entry.Key, {|SG0004:entry.Value|});")]
    [InlineData("Console.WriteLine({|SG0004:config.GetDebugView()|});")]
    [InlineData("foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables()) Console.WriteLine($\"{variable.Key}={{|SG0004:variable.Value|}}\");")]
    [InlineData("logger.LogInformation(\"{All}\", string.Join(\";\", config.AsEnumerable().Where(p => p.Value != null).Select(p => p.Key + \"=\" + {|SG0004:p.Value|})));")]
    public Task Configuration_and_environment_dumps_are_reported(string body) => VerifyCarried(body);

    [Theory]
    [InlineData("foreach (var entry in config.AsEnumerable()) logger.LogDebug(\"Key {Key}\", entry.Key);")]
    [InlineData("foreach (var entry in config.AsEnumerable()) { if (entry.Key.Contains(\"Password\")) continue; logger.LogDebug(\"{Key}={Value}\", entry.Key, entry.Value); }")]
    [InlineData("foreach (var entry in config.AsEnumerable()) { var shown = entry.Key.Contains(\"Secret\") ? \"***\" : entry.Value; Console.WriteLine(shown); }")]
    [InlineData("Console.WriteLine(config.GetDebugView(context => context.Key.Contains(\"Password\") ? \"[redacted]\" : context.Value));")]
    [InlineData("foreach (var flag in config.GetSection(\"FeatureManagement\").AsEnumerable()) logger.LogInformation(\"{Flag}={State}\", flag.Key, flag.Value);")]
    [InlineData("logger.LogInformation(\"{Count} variables\", Environment.GetEnvironmentVariables().Count);")]
    public Task Keys_skipped_or_masked_secrets_and_named_sections_are_not_reported(string body) => VerifyCarried(body);

    // ---- Flow shapes ----

    [Theory]
    [InlineData("var result = await tokens.GetAccessTokenAsync(); logger.LogInformation(\"Got {Result}\", {|SG0004:result|});")]
    [InlineData("logger.LogDebug(\"Bearer {Bearer}\", {|SG0004:await tokens.GetAccessTokenAsync()|});")]
    [InlineData("var value = await tokens.GetAccessTokenAsync().ConfigureAwait(false); Console.WriteLine({|SG0004:value|});")]
    [InlineData("var header = new StringBuilder().Append(\"Bearer \").Append(accessToken).ToString(); logger.LogTrace(\"{Header}\", {|SG0004:header|});")]
    [InlineData("logger.LogInformation(\"{Uri}\", new UriBuilder(\"https://api.test\") { Query = \"key=\" + {|SG0004:accessToken|} }.Uri);")]
    [InlineData("var builder = new UriBuilder(\"https://api.test\"); builder.Query = $\"access_token={accessToken}\"; logger.LogInformation(\"{Uri}\", {|SG0004:builder|}.Uri);")]
    [InlineData("Console.WriteLine(string.Join(\",\", new[] { login }.Select(l => {|SG0004:l.Password|})));")]
    [InlineData("logger.LogDebug(\"{Secrets}\", string.Join(\";\", secrets.Select(kv => $\"{kv.Key}={{|SG0004:kv.Value|}}\")));")]
    [InlineData("foreach (var key in apiKeys) logger.LogDebug(\"Trying {Key}\", {|SG0004:key|});")]
    [InlineData("logger.LogInformation(\"Connecting to {Target}\", {|SG0004:Describe()|});")]
    [InlineData("logger.LogInformation(\"Connecting to {Target}\", {|SG0004:Target|});")]
    [InlineData("logger.LogInformation(\"Dsn {Dsn}\", {|SG0004:BuildDsn()|});")]
    public Task Await_fresh_builders_projections_and_helpers_that_return_a_secret_are_reported(string body) => VerifyCarried(body, """
        private readonly string _user = "app";
        private readonly string _password = Environment.GetEnvironmentVariable("X");
        private readonly IConfiguration _configuration = null;
        private string Describe() => $"{_user}:{_password}@db";
        private string Target => _user + ":" + _password;
        private string BuildDsn()
        {
            var server = _configuration["Db:Server"];
            return $"Server={server};Password={_configuration["Db:Password"]}";
        }
        """);

    [Theory]
    [InlineData("var expiresAt = await tokens.GetTokenExpiryAsync(); logger.LogInformation(\"Expires {At}\", expiresAt);")]
    [InlineData("var header = new StringBuilder().Append(\"Bearer \").Append(Secrets.Redact(accessToken)).ToString(); logger.LogTrace(\"{Header}\", header);")]
    [InlineData("logger.LogInformation(\"{Uri}\", new UriBuilder(\"https://api.test\") { Query = \"region=eu\" }.Uri);")]
    [InlineData("Console.WriteLine(string.Join(\",\", new[] { login }.Select(l => l.User)));")]
    [InlineData("logger.LogInformation(\"Loaded {Names}\", string.Join(\", \", secrets.Select(kv => kv.Key)));")]
    [InlineData("foreach (var name in requiredSecrets) logger.LogError(\"Missing secret {Name}\", name);")]
    [InlineData("logger.LogInformation(\"Connecting to {Target}\", Describe());")]
    [InlineData("logger.LogInformation(\"Connecting to {Target}\", DescribeMasked());")]
    public Task Awaited_metadata_redacted_builders_key_projections_and_helpers_that_leave_the_secret_out_are_not_reported(string body) => VerifyCarried(body, """
        private readonly string _user = "app";
        private readonly string _password = Environment.GetEnvironmentVariable("X");
        private string Describe() => $"{_user}@db (password {(string.IsNullOrEmpty(_password) ? "missing" : "set")})";
        private string DescribeMasked() => $"{_user}:{Mask(_password)}@db";
        private static string Mask(string value) => "****";
        """);

    // ---- Numeric credentials ----

    [Theory]
    [InlineData("logger.LogInformation(\"Sent OTP {Otp}\", {|SG0004:otp|});")]
    [InlineData("Console.WriteLine($\"PIN {{|SG0004:pin|}:D4}\");")]
    [InlineData("logger.LogDebug(\"Code {Code}\", {|SG0004:verificationCode|});")]
    [InlineData("throw new InvalidOperationException(\"Rejected code \" + {|SG0004:smsCode|});")]
    [InlineData("var formatted = newPin.ToString(\"D6\"); serilog.Information(\"PIN {Pin}\", {|SG0004:formatted|});")]
    [InlineData("logger.LogInformation(\"Code {Code}\", {|SG0004:challenge.Otp|});")]
    [InlineData("var code = GenerateOtp(); logger.LogDebug(\"Code {Code}\", {|SG0004:code|});")]
    [InlineData("logger.LogDebug(\"Code {Code}\", {|SG0004:await tokens.GenerateOtpAsync()|});")]
    public Task Numbers_named_as_credentials_are_reported(string body) => VerifyCarried(body, "private static int GenerateOtp() => 123456;");

    [Theory]
    [InlineData("logger.LogWarning(\"Attempt {Attempt}\", otpAttempts);")]
    [InlineData("Console.WriteLine($\"{pinRetries} tries left\");")]
    [InlineData("logger.LogInformation(\"Length {Length}, key size {Size}\", passwordLength, keySize);")]
    [InlineData("logger.LogInformation(\"Revoked {Count} tokens, secret version {Version}\", tokenCount, secretVersion);")]
    [InlineData("logger.LogInformation(\"Attempts {Attempts}\", challenge.OtpAttempts);")]
    [InlineData("logger.LogInformation(\"Channel {Channel}, verified {Verified}\", otpChannel, otpVerified);")]
    [InlineData("logger.LogWarning(\"Expires {At}, locked for {Lockout}\", otpExpiresAt, pinLockout);")]
    [InlineData("logger.LogInformation(\"Next attempt {N}\", otpAttempts + 1);")]
    public Task Numbers_about_a_credential_and_non_text_types_are_not_reported(string body) => VerifyCarried(body);
}
