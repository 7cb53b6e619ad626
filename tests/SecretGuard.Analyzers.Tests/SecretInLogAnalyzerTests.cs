using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0004: every sink family, every secret source, every flow step and every exclusion.</summary>
public partial class SecretInLogAnalyzerTests
{
    // Parameters instead of fields: unassigned fields would add compiler warnings to every case.
    private static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.Diagnostics;
        using System.Linq;
        using System.Runtime.InteropServices;
        using System.Security;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using SecretGuard;

        partial class Service
        {
            void Run(ILogger logger, IConfiguration config, Serilog.ILogger serilog, NLog.ILogger nlog, log4net.ILog log4,
                     string userName, string password, string apiKey, string[] apiKeys, object token, string otp, byte[] salt,
                     string passwordHash, string tokenType, string secretName, int userId, SecureString secure, Options options)
            {
        {{body}}
            }
        {{members}}
        }

        class Options
        {
            public string ApiKey { get; set; }
            public string ApiKeyHeaderName { get; set; }
        }
        """;

    private static Task Verify(string body, string members = "", string? editorConfig = null) =>
        AnalyzerVerifier<SecretInLogAnalyzer>.VerifyAsync(InMethod(body, members), editorConfig);

    // ---- Sink families ----

    [Theory]
    [InlineData("logger.LogInformation(\"Login {User} {Password}\", userName, {|SG0004:password|});")]
    [InlineData("logger.LogWarning($\"Key is {{|SG0004:apiKey|}}\");")]
    [InlineData("logger.LogError(new Exception(), \"Failed with {Key}\", {|SG0004:apiKey|});")]
    [InlineData("logger.LogDebug(\"k\" + {|SG0004:apiKey|});")]
    [InlineData("logger.LogTrace(\"{0}\", {|SG0004:password|});")]
    [InlineData("logger.LogCritical(\"{0}\", {|SG0004:password|});")]
    [InlineData("logger.Log(LogLevel.Information, \"{0}\", {|SG0004:password|});")]
    [InlineData("logger.Log(LogLevel.Information, new EventId(1), {|SG0004:password|}, null, (s, e) => s);")]
    [InlineData("using (logger.BeginScope(\"Token {Token}\", {|SG0004:apiKey|})) { }")]
    [InlineData("logger.BeginScope({|SG0004:apiKey|});")]
    public Task Microsoft_Extensions_Logging_extension_methods_Log_and_BeginScope(string body) => Verify(body);

    [Fact]
    public Task A_LoggerMessage_Define_delegate() => Verify(
        "LogKey(logger, {|SG0004:apiKey|}, null);",
        "static readonly Action<ILogger, string, Exception> LogKey = LoggerMessage.Define<string>(LogLevel.Information, 1, \"Key {Key}\");");

    [Fact]
    public Task A_LoggerMessage_attributed_partial_method() => Verify(
        "LogSignIn(logger, userName, {|SG0004:password|});",
        """
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signed in {User} with {Password}")]
        static partial void LogSignIn(ILogger logger, string user, string password);
        static partial void LogSignIn(ILogger logger, string user, string password) { }
        """);

    [Theory]
    [InlineData("Serilog.Log.Information(\"Password {Password}\", {|SG0004:password|});")]
    [InlineData("Serilog.Log.Error(new Exception(), \"Key {Key}\", {|SG0004:apiKey|});")]
    [InlineData("serilog.Warning(\"Key {Key}\", {|SG0004:apiKey|});")]
    [InlineData("serilog.ForContext(\"Key\", {|SG0004:apiKey|}).Information(\"x\");")]
    public Task Serilog_static_Log_and_ILogger(string body) => Verify(body);

    [Theory]
    [InlineData("nlog.Info(\"Token {0}\", {|SG0004:apiKey|});")]
    [InlineData("NLog.LogManager.GetCurrentClassLogger().Warn(\"pw {0}\", {|SG0004:password|});")]
    public Task NLog_ILogger_and_Logger(string body) => Verify(body);

    [Theory]
    [InlineData("log4.Info({|SG0004:password|});")]
    [InlineData("log4.InfoFormat(\"pw {0}\", {|SG0004:password|});")]
    [InlineData("log4.Error(\"failed: \" + {|SG0004:apiKey|}, new Exception());")]
    public Task Log4net_ILog(string body) => Verify(body);

    [Theory]
    [InlineData("Console.WriteLine(\"pw: \" + {|SG0004:password|});")]
    [InlineData("Console.Write({|SG0004:apiKey|});")]
    [InlineData("Console.WriteLine(\"{0}\", {|SG0004:apiKey|});")]
    [InlineData("Console.Error.WriteLine($\"key {{|SG0004:apiKey|}}\");")]
    [InlineData("Console.Out.Write({|SG0004:password|});")]
    public Task Console_Write_and_its_streams(string body) => Verify(body);

    [Theory]
    [InlineData("Debug.WriteLine({|SG0004:password|});")]
    [InlineData("Debug.Print({|SG0004:password|});")]
    [InlineData("Debug.WriteLineIf(true, {|SG0004:password|});")]
    [InlineData("Trace.WriteLine({|SG0004:apiKey|});")]
    [InlineData("Trace.TraceInformation(\"key {0}\", {|SG0004:apiKey|});")]
    [InlineData("Trace.TraceWarning({|SG0004:apiKey|});")]
    [InlineData("Trace.TraceError($\"{{|SG0004:apiKey|}}\");")]
    [InlineData("Debug.Assert(userName != null, {|SG0004:password|});")]
    [InlineData("new TraceSource(\"app\").TraceInformation(\"key {0}\", {|SG0004:apiKey|});")]
    public Task Debug_and_Trace(string body) => Verify(body);

    [Theory]
    [InlineData("throw new InvalidOperationException($\"Bad key {{|SG0004:apiKey|}}\");")]
    [InlineData("throw new ArgumentException(\"Wrong password \" + {|SG0004:password|}, nameof(password));")]
    [InlineData("var error = new CustomError({|SG0004:password|});")]
    public Task Exception_messages(string body) => Verify(body, "class CustomError : Exception { public CustomError(string message) : base(message) { } }");

    [Fact]
    public Task A_class_that_implements_a_logger_interface() => Verify(
        "new ConsoleLog().Info(\"pw {0}\", {|SG0004:password|}); new TextLogger().Log(LogLevel.Information, 1, {|SG0004:apiKey|}, null, (s, e) => s);",
        """
        class ConsoleLog : NLog.ILogger
        {
            public void Info(string message, params object[] args) { }
            public void Debug(string message, params object[] args) { }
            public void Warn(string message, params object[] args) { }
            public void Error(string message, params object[] args) { }
        }

        class TextLogger : ILogger
        {
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter) { }
            public bool IsEnabled(LogLevel logLevel) => true;
            public IDisposable BeginScope<TState>(TState state) => null;
        }
        """);

    [Theory]
    [InlineData("var maskedPassword = Mask(password); Console.WriteLine(maskedPassword);")]
    [InlineData("var redactedToken = Secrets.Redact(apiKey); logger.LogInformation(redactedToken);")]
    [InlineData("var encryptedKey = Encrypt(apiKey); Console.WriteLine(encryptedKey);")]
    public Task Safe_forms_are_not_reported(string body) => Verify(body, "static string Mask(string value) => \"****\"; static string Encrypt(string value) => value;");

    // ---- Sources ----

    [Theory]
    [InlineData("Console.WriteLine({|SG0004:Secrets.Get(\"SMTP_PASSWORD_SECRET\")|});")]
    [InlineData("if (Secrets.TryGet(\"STRIPE_SECRET\", out var value)) Console.WriteLine({|SG0004:value|});")]
    [InlineData("Console.WriteLine({|SG0004:config[\"Db:Password\"]|});")]
    [InlineData("Console.WriteLine({|SG0004:config[\"STRIPE_KEY_SECRET\"]|});")]
    [InlineData("Console.WriteLine({|SG0004:config.GetValue<string>(\"Smtp:Password\")|});")]
    [InlineData("Console.WriteLine({|SG0004:config.GetConnectionString(\"Db\")|});")]
    [InlineData("Console.WriteLine({|SG0004:config.GetSection(\"Jwt:SigningKey\").Value|});")]
    [InlineData("Console.WriteLine({|SG0004:Environment.GetEnvironmentVariable(\"DB_PASSWORD\")|});")]
    [InlineData("Console.WriteLine({|SG0004:Environment.GetEnvironmentVariable(\"PAYMENT_SECRET\")|});")]
    [InlineData("var ptr = Marshal.SecureStringToBSTR(secure); var plain = Marshal.PtrToStringBSTR(ptr); Console.WriteLine({|SG0004:plain|});")]
    [InlineData("Console.WriteLine({|SG0004:Marshal.PtrToStringUni(Marshal.SecureStringToGlobalAllocUnicode(secure))|});")]
    public Task Secret_sources(string body) => Verify(body);

    [Theory]
    [InlineData("Console.WriteLine({|SG0004:options.ApiKey|});")]
    [InlineData("Console.WriteLine({|SG0004:password|});")]
    [InlineData("var clientSecret = Load(); Console.WriteLine({|SG0004:clientSecret|});")]
    [InlineData("Console.WriteLine({|SG0004:_signingKey|});")]
    [InlineData("Console.WriteLine({|SG0004:LoadSigningKey()|});")]
    [InlineData("Console.WriteLine({|SG0004:otp|});")]
    [InlineData("Console.WriteLine(Convert.ToBase64String({|SG0004:salt|}));")]
    public Task Symbols_with_sensitive_names(string body) => Verify(body, """
        private readonly string _signingKey = Load();
        static string Load() => Secrets.Get("SIGNING_KEY_SECRET");
        static string LoadSigningKey() => Load();
        """);

    // ---- Flow within the method ----

    [Theory]
    [InlineData("var text = password; Console.WriteLine({|SG0004:text|});")]
    [InlineData("string text; text = apiKey; Console.WriteLine({|SG0004:text|});")]
    [InlineData("var a = Secrets.Get(\"X_SECRET\"); var b = a; var c = b; Console.WriteLine({|SG0004:c|});")]
    [InlineData("var msg = $\"k={apiKey}\"; logger.LogInformation({|SG0004:msg|});")]
    [InlineData("var msg = \"k=\" + apiKey; logger.LogInformation({|SG0004:msg|});")]
    [InlineData("var msg = \"k=\"; msg += apiKey; logger.LogInformation({|SG0004:msg|});")]
    [InlineData("var msg = string.Format(\"k={0}\", apiKey); logger.LogInformation({|SG0004:msg|});")]
    [InlineData("Console.WriteLine(string.Format(\"k={0}\", {|SG0004:apiKey|}));")]
    [InlineData("Console.WriteLine(string.Concat(\"k=\", {|SG0004:apiKey|}));")]
    [InlineData("Console.WriteLine({|SG0004:token|}.ToString());")]
    [InlineData("var t = token.ToString(); Console.WriteLine({|SG0004:t|});")]
    [InlineData("Console.WriteLine({|SG0004:password|}.Trim().ToUpperInvariant());")]
    [InlineData("Console.WriteLine(string.Join(\",\", {|SG0004:apiKeys|}));")]
    [InlineData("var all = string.Join(\",\", apiKeys); Console.WriteLine({|SG0004:all|});")]
    [InlineData("var sb = new StringBuilder(); sb.Append(\"pw=\").Append(password); sb.Append(password); Console.WriteLine({|SG0004:sb|}.ToString());")]
    [InlineData("Console.WriteLine(userName.Length > 0 ? {|SG0004:password|} : \"none\");")]
    [InlineData("Console.WriteLine({|SG0004:apiKey|} ?? \"none\");")]
    [InlineData("var key = config[\"Api:Key\"]; Console.WriteLine($\"using {{|SG0004:key|}}\");")]
    public Task Values_flow_through_locals_assignments_and_text_building(string body) => Verify(body);

    // ---- Not reported ----

    [Theory]
    [InlineData("Console.WriteLine(Secrets.Redact(password));")]
    [InlineData("logger.LogInformation(\"Key {Key}\", Secrets.Redact(apiKey));")]
    [InlineData("Console.WriteLine(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password))));")]
    [InlineData("var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)); Console.WriteLine(Convert.ToBase64String(hash));")]
    [InlineData("logger.LogInformation(\"len {Length}\", password.Length);")]
    [InlineData("Console.WriteLine(apiKeys.Count());")]
    [InlineData("Console.WriteLine(password == null);")]
    [InlineData("Console.WriteLine($\"set: {password != null}\");")]
    [InlineData("Console.WriteLine(string.IsNullOrEmpty(apiKey));")]
    [InlineData("Console.WriteLine(apiKey is null ? \"missing\" : \"present\");")]
    [InlineData("Console.WriteLine(passwordHash);")]
    [InlineData("Console.WriteLine(tokenType);")]
    [InlineData("Console.WriteLine(secretName);")]
    [InlineData("Console.WriteLine(userId);")]
    [InlineData("Console.WriteLine(options.ApiKeyHeaderName);")]
    [InlineData("Console.WriteLine(userName);")]
    [InlineData("Console.WriteLine(config[\"Logging:LogLevel\"]);")]
    [InlineData("Console.WriteLine(config.GetValue<string>(\"Smtp:Host\"));")]
    [InlineData("Console.WriteLine(Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\"));")]
    [InlineData("Console.WriteLine(Masked);")]
    [InlineData("var copy = password; System.IO.File.WriteAllText(\"out.txt\", copy);")]
    [InlineData("logger.LogInformation(\"Signed in {User}\", userName);")]
    [InlineData("var msg = $\"user={userName}\"; logger.LogInformation(msg);")]
    public Task Redacted_hashed_lengths_null_checks_and_non_secret_names_are_not_reported(string body) => Verify(body, "const string Password = \"\"; const string Masked = Password;");

    // Values under a credential-like name that are not credentials: what real codebases log most (docs/accuracy.md).
    [Theory]
    [InlineData("throw new OperationCanceledException(\"Query was cancelled\", UserCancellationToken);")]
    [InlineData("logger.LogInformation(\"Waiting {Duration} before refreshing the secrets\", SecretRefreshInterval);")]
    [InlineData("logger.LogInformation(\"Token valid until {Expiry}\", TokenExpiry);")]
    [InlineData("logger.Log(LogLevel.Critical, FailedToHandleExpiredCredential, \"failed\", null, (s, e) => s);")]
    [InlineData("throw new ArgumentException(ServiceStrings.PasswordCredentialsCannotBeUsedHere, nameof(password));")]
    [InlineData("throw new InvalidOperationException(string.Format(ServiceStrings.TokenExpired, userId));")]
    [InlineData("logger.LogTrace(\"Opening {ConnectionString}\", UserFacingConnectionString);")]
    [InlineData("logger.LogWarning(\"Rejected {Url}\", SanitizedTokenUrl);")]
    [InlineData("var passwordOrKey = userId > 0 ? \"key\" : \"password\"; logger.LogDebug(\"Invalid certificate or {0}\", passwordOrKey);")]
    public Task Cancellation_tokens_durations_event_ids_resource_strings_sanitized_forms_and_constant_words_are_not_reported(string body) => Verify(body, """
        System.Threading.CancellationToken UserCancellationToken => default;
        static readonly TimeSpan SecretRefreshInterval = TimeSpan.FromMinutes(5);
        DateTimeOffset TokenExpiry => DateTimeOffset.UtcNow;
        static readonly EventId FailedToHandleExpiredCredential = new EventId(600, "Failed to handle an expired credential");
        string UserFacingConnectionString => "Host=db;Username=app";
        string SanitizedTokenUrl => "https://example.test/?token=***";
        }

        class ServiceStrings
        {
            internal static System.Resources.ResourceManager ResourceManager => null;
            internal static string PasswordCredentialsCannotBeUsedHere => ResourceManager.GetString("PasswordCredentialsCannotBeUsedHere");
            internal static string TokenExpired => ResourceManager.GetString("TokenExpired");
        """);

    // The near misses above keep their positive neighbours: a token string, a password local read at run time, a
    // non-resource static property named for a secret.
    [Theory]
    [InlineData("logger.LogInformation(\"Token {Token}\", {|SG0004:AccessToken|});")]
    [InlineData("var newPassword = Console.ReadLine(); logger.LogDebug(\"{0}\", {|SG0004:newPassword|});")]
    [InlineData("var secret = userId > 0 ? Console.ReadLine() : \"none\"; logger.LogDebug(\"{0}\", {|SG0004:secret|});")]
    [InlineData("logger.LogInformation(\"Key {Key}\", {|SG0004:Keys.ApiKey|});")]
    public Task Secrets_next_to_those_exclusions_are_still_reported(string body) => Verify(body, """
        string AccessToken => Console.ReadLine();
        }

        static class Keys
        {
            internal static string ApiKey => Environment.GetEnvironmentVariable("X");
        """);

    // ---- Options and test projects ----

    // A template engine's or lexer's token: text a pattern cut from plain text is a piece of syntax, not a credential.
    [Theory]
    [InlineData("foreach (System.Text.RegularExpressions.Match match in TokenPattern.Matches(template)) { var foundToken = match.Value.Trim('{', '}'); throw new InvalidOperationException(string.Format(\"Circular reference for token '{0}'\", foundToken)); }")]
    [InlineData("var pattern = new System.Text.RegularExpressions.Regex(\"\\\\{(\\\\w+)\\\\}\"); var m = pattern.Match(template); var foundToken = m.Groups[1].Value; logger.LogWarning(\"Unknown token {Token} in template\", foundToken);")]
    [InlineData("foreach (System.Text.RegularExpressions.Match match in TokenPattern.Matches(template)) { var foundToken = Unwrap(match.Value); logger.LogDebug(\"Expanding {Token}\", foundToken); }")]
    [InlineData("string callingToken = null; foreach (System.Text.RegularExpressions.Match match in TokenPattern.Matches(template)) { var foundToken = Unwrap(match.Value); if (foundToken == callingToken) throw new InvalidOperationException(\"Circular reference for token \" + callingToken); callingToken = foundToken; }")]
    [InlineData("var m = System.Text.RegularExpressions.Regex.Match(template, \"\\\\$\\\\((\\\\w+)\\\\)\"); while (m.Success) { var foundToken = m.Groups[1].Value; Console.WriteLine(\"token: \" + foundToken); m = m.NextMatch(); }")]
    public Task Tokens_a_pattern_cut_from_plain_text_are_not_reported(string body) => Verify(body, """
        static readonly System.Text.RegularExpressions.Regex TokenPattern = new System.Text.RegularExpressions.Regex("{\\w+}");
        static readonly Func<string, string> Unwrap = t => t.Trim('{', '}');
        string template => "Hello {name}";
        """);

    // ...but a token cut from a secret-named value or by a pattern that names a credential is one.
    [Theory]
    [InlineData("var m = System.Text.RegularExpressions.Regex.Match(BearerToken, \"(.+)\"); var foundToken = m.Groups[1].Value; logger.LogInformation(\"Caller {Token}\", {|SG0004:foundToken|});")]
    [InlineData("var m = System.Text.RegularExpressions.Regex.Match(responseBody, \"access_token=(\\\\w+)\"); var foundToken = m.Groups[1].Value; logger.LogInformation(\"Got {Token}\", {|SG0004:foundToken|});")]
    [InlineData("var bearer = new System.Text.RegularExpressions.Regex(\"Bearer\\\\s+(\\\\S+)\"); var foundToken = bearer.Match(responseBody).Groups[1].Value; Console.WriteLine({|SG0004:foundToken|});")]
    [InlineData("var foundToken = Lookup(System.Text.RegularExpressions.Regex.Match(responseBody, \"id=(\\\\d+)\").Groups[1].Value); Console.WriteLine({|SG0004:foundToken|});")]
    [InlineData("var foundToken = TokenPattern.Match(ApiKey).Value; Console.WriteLine({|SG0004:foundToken|});")]
    [InlineData("string lastToken = null; var foundToken = TokenPattern.Match(ApiKey).Value; lastToken = foundToken; Console.WriteLine({|SG0004:lastToken|});")]
    [InlineData("var foundToken = TokenPattern.Match(responseBody).Value.Replace(\"{key}\", ApiKey); Console.WriteLine({|SG0004:foundToken|});")]
    public Task Tokens_cut_from_a_secret_or_by_a_credential_pattern_are_reported(string body) => Verify(body, """
        static readonly System.Text.RegularExpressions.Regex TokenPattern = new System.Text.RegularExpressions.Regex("\\w+");
        string BearerToken => "";
        string responseBody => "";
        string ApiKey => "";
        static string Lookup(string id) => id;
        """);

    [Fact]
    public Task Sensitive_words_option_adds_words() => Verify(
        "var badge = userName; Console.WriteLine({|SG0004:badgeCode|}); Console.WriteLine(badge);",
        "string badgeCode => \"\";",
        "secretguard.sensitive_words = badge_code, door_pin");

    [Fact]
    public Task Excluded_name_words_rule_names_out() => Verify(
        "Console.WriteLine(otp); Console.WriteLine({|SG0004:password|});",
        editorConfig: "secretguard.excluded_name_words = otp");

    [Fact]
    public async Task Test_projects_get_a_suggestion_by_default_and_nothing_when_off()
    {
        var source = InMethod("Console.WriteLine(password);");
        await AnalyzerVerifier<SecretInLogAnalyzer>.VerifyAsync(
            source,
            "build_property.IsTestProject = true",
            new DiagnosticResult("SG0004", DiagnosticSeverity.Info).WithSpan("/0/Test1.cs", 18, 19, 18, 27).WithArguments("password", "Console.WriteLine"));
        await AnalyzerVerifier<SecretInLogAnalyzer>.VerifyAsync(source, "build_property.IsTestProject = true\nsecretguard.test_projects = off");
    }

    [Fact]
    public Task The_message_names_the_secret_and_the_sink() =>
        AnalyzerVerifier<SecretInLogAnalyzer>.VerifyAsync(
            InMethod("logger.LogInformation(\"{Key}\", apiKey);"),
            null,
            new DiagnosticResult("SG0004", DiagnosticSeverity.Warning).WithSpan("/0/Test1.cs", 18, 32, 18, 38).WithArguments("apiKey", "LoggerExtensions.LogInformation"));
}
