using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// SG0004 beyond loggers (issue 15): telemetry, error responses and ambient log properties as sinks; key/value state,
/// name/value pairs and template holes whose secret-like name vouches for a neutrally named value.
/// </summary>
public partial class SecretInLogAnalyzerTests
{
    private static string WithSinks(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Threading;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        class Endpoint : ControllerBase
        {
            void Run(ILogger logger, Serilog.ILogger serilog, NLog.ILogger nlog, Activity activity, OpenTelemetry.Trace.TelemetrySpan span,
                     Microsoft.ApplicationInsights.TelemetryClient telemetry, Sentry.Scope scope, Counter<long> requests, HttpContext context,
                     string apiKey, string password, string value, string keyId, string keyName, string userId,
                     CancellationToken cancellationToken, Func<string, string> mask, Func<byte[], byte[]> decrypt, Func<string, string> lookupOwner)
            {
        {{body}}
            }
        }
        """;

    private static Task VerifyWithSinks(string body, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<SecretInLogAnalyzer>.Test { TestCode = WithSinks(body) };
        test.TestState.Sources.Add(("SinkStubs.cs", SinkStubs.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- Telemetry and tracing ----

    [Theory]
    [InlineData("activity.SetTag(\"payments.api_key\", {|SG0004:apiKey|});")]
    [InlineData("activity.SetBaggage(\"auth\", {|SG0004:password|});")]
    [InlineData("activity.AddEvent(new ActivityEvent(\"refreshed\", tags: new ActivityTagsCollection { [\"oauth.refresh_token\"] = {|SG0004:value|} }));")]
    [InlineData("var tags = new ActivityTagsCollection(); tags[\"oauth.client_secret\"] = {|SG0004:value|};")]
    [InlineData("span.SetAttribute(\"auth.token\", {|SG0004:value|});")]
    [InlineData("telemetry.TrackEvent(\"Invited\", new Dictionary<string, string> { [\"TemporaryPassword\"] = {|SG0004:value|} });")]
    [InlineData("telemetry.TrackTrace($\"calling with {{|SG0004:apiKey|}}\");")]
    [InlineData("var request = new Microsoft.ApplicationInsights.DataContracts.RequestTelemetry(); request.Properties[\"ClientApiKey\"] = {|SG0004:value|};")]
    [InlineData("var request = new Microsoft.ApplicationInsights.DataContracts.RequestTelemetry(); request.Properties.Add(\"Password\", {|SG0004:value|});")]
    [InlineData("scope.SetExtra(\"connectionString\", {|SG0004:value|});")]
    [InlineData("Sentry.SentrySdk.CaptureMessage(\"rejected \" + {|SG0004:apiKey|});")]
    [InlineData("requests.Add(1, new KeyValuePair<string, object>(\"api_key\", {|SG0004:value|}));")]
    [InlineData("var tags = new TagList(); tags.Add(\"api_key\", {|SG0004:value|}); requests.Add(1, tags);")]
    public Task Telemetry_tags_attributes_properties_and_messages_are_sinks(string body) => VerifyWithSinks(body);

    [Theory]
    [InlineData("activity.SetTag(\"payments.key_id\", keyId);")]
    [InlineData("activity.SetTag(\"payments.key_length\", apiKey.Length);")]
    [InlineData("activity.SetTag(\"payments.key_present\", apiKey != null);")]
    [InlineData("span.SetAttribute(\"auth.token_sha256\", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey))));")]
    [InlineData("span.SetAttribute(\"auth.token\", keyId);")]
    [InlineData("span.SetAttribute(\"auth.token\", \"Bearer\");")]
    [InlineData("telemetry.TrackEvent(\"Rotated\", new Dictionary<string, string> { [\"SecretName\"] = keyName, [\"Vault\"] = value });")]
    [InlineData("scope.SetExtra(\"apiKey\", mask(apiKey));")]
    [InlineData("activity.SetStatus(ActivityStatusCode.Error, \"API key rejected by the upstream service\");")]
    [InlineData("requests.Add(1, new KeyValuePair<string, object>(\"api_key.name\", keyName));")]
    [InlineData("var request = new Microsoft.ApplicationInsights.DataContracts.RequestTelemetry(); request.Properties[\"HasApiKey\"] = apiKey != null ? \"yes\" : \"no\";")]
    public Task Telemetry_with_ids_lengths_hashes_flags_and_names_is_not_reported(string body) => VerifyWithSinks(body);

    [Fact]
    public Task The_message_names_the_telemetry_sink() => VerifyWithSinks(
        "activity.SetTag(\"payments.api_key\", apiKey);",
        new DiagnosticResult("SG0004", DiagnosticSeverity.Warning).WithSpan("/0/Test1.cs", 17, 37, 17, 43).WithArguments("apiKey", "Activity.SetTag"));

    // ---- Error responses ----

    [Theory]
    [InlineData("_ = Results.Problem(detail: $\"Key {{|SG0004:apiKey|}} is invalid\", statusCode: 401);")]
    [InlineData("_ = BadRequest(new { error = \"invalid_client\", client_secret = {|SG0004:password|} });")]
    [InlineData("_ = StatusCode(StatusCodes.Status500InternalServerError, \"Could not connect with \" + {|SG0004:apiKey|});")]
    [InlineData("_ = Problem(detail: {|SG0004:apiKey|});")]
    [InlineData("_ = Results.Json(new { apiKey = {|SG0004:apiKey|} }, statusCode: 401);")]
    [InlineData("var problem = new ProblemDetails { Detail = {|SG0004:password|}, Extensions = { [\"signingSecret\"] = {|SG0004:value|} } };")]
    [InlineData("var problem = new ProblemDetails(); problem.Extensions[\"apiKey\"] = {|SG0004:value|}; problem.Detail = \"bad key \" + {|SG0004:apiKey|};")]
    [InlineData("_ = Results.Problem(new ProblemDetails { Detail = {|SG0004:apiKey|} });")]
    [InlineData("context.Response.StatusCode = StatusCodes.Status401Unauthorized; _ = context.Response.WriteAsync(\"Rejected \" + {|SG0004:apiKey|});")]
    public Task Error_responses_to_clients_are_sinks(string body) => VerifyWithSinks(body);

    // A token or key endpoint hands the credential to the client it belongs to: success responses are not sinks.
    [Theory]
    [InlineData("_ = Results.Ok(new { access_token = apiKey });")]
    [InlineData("_ = Ok(apiKey);")]
    [InlineData("_ = StatusCode(StatusCodes.Status201Created, new { apiKey });")]
    [InlineData("_ = Results.Json(new { apiKey }, statusCode: 200);")]
    [InlineData("_ = context.Response.WriteAsync(apiKey);")]
    [InlineData("_ = Results.Problem(detail: \"The API key is missing or not valid.\", statusCode: 401);")]
    [InlineData("_ = BadRequest(new { error = \"invalid_client\", client_id = userId });")]
    [InlineData("var problem = new ProblemDetails { Extensions = { [\"secretName\"] = keyName, [\"keyId\"] = keyId } };")]
    [InlineData("_ = Results.Problem(detail: $\"The password needs {12} characters; it has {password.Length}.\", statusCode: 400);")]
    public Task Success_responses_and_errors_that_only_talk_about_a_secret_are_not_reported(string body) => VerifyWithSinks(body);

    // ---- Key/value state ----

    [Theory]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"TenantId\"] = userId, [\"ApiKey\"] = {|SG0004:value|} });")]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { { \"SessionKey\", {|SG0004:value|} } });")]
    [InlineData("logger.BeginScope(new[] { KeyValuePair.Create<string, object>(\"AccessToken\", {|SG0004:value|}) });")]
    [InlineData("logger.BeginScope(new List<KeyValuePair<string, object>> { new(\"RefreshToken\", {|SG0004:value|}) });")]
    [InlineData("logger.BeginScope(new { Client = userId, ApiKey = {|SG0004:value|} });")]
    [InlineData("var state = new Dictionary<string, object>(); state[\"Password\"] = {|SG0004:value|}; logger.BeginScope(state);")]
    [InlineData("var state = new List<KeyValuePair<string, object>>(); state.Add(new(\"ClientSecret\", {|SG0004:value|})); logger.BeginScope(state);")]
    [InlineData("logger.Log(LogLevel.Information, 0, new Dictionary<string, object> { [\"STRIPE_KEY_SECRET\"] = {|SG0004:value|} }, null, (s, e) => \"\");")]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"User\"] = userId, [\"Key\"] = {|SG0004:apiKey|} });")]
    public Task Key_value_state_keys_name_their_values(string body) => VerifyWithSinks(body);

    [Theory]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"ApiKeyName\"] = keyName, [\"TokenCount\"] = 3 });")]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"ApiKey\"] = mask(value) });")]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"ApiKey\"] = keyId });")]
    [InlineData("logger.BeginScope(new Dictionary<string, object> { [\"ApiKey\"] = \"[redacted]\", [\"PasswordChanged\"] = true });")]
    [InlineData("logger.BeginScope(new { UserId = userId, HasApiKey = apiKey != null, PasswordLength = password.Length });")]
    [InlineData("logger.BeginScope(new[] { KeyValuePair.Create<string, object>(\"Token\", cancellationToken) });")]
    [InlineData("logger.BeginScope(new List<KeyValuePair<string, object>> { new(\"SecretName\", keyName), new(\"KeyId\", value) });")]
    [InlineData("var maskedKey = mask(apiKey); logger.BeginScope(new Dictionary<string, object> { [\"ApiKey\"] = maskedKey });")]
    public Task Key_value_state_about_a_secret_or_made_safe_is_not_reported(string body) => VerifyWithSinks(body);

    // ---- Ambient log properties ----

    [Theory]
    [InlineData("Serilog.Context.LogContext.PushProperty(\"ApiKey\", {|SG0004:value|});")]
    [InlineData("Serilog.Context.LogContext.Push(new Serilog.Core.Enrichers.PropertyEnricher(\"ClientSecret\", {|SG0004:value|}));")]
    [InlineData("serilog.ForContext(\"RefreshToken\", {|SG0004:value|}).Information(\"renewed\");")]
    [InlineData("NLog.ScopeContext.PushProperty(\"AccessToken\", {|SG0004:value|});")]
    [InlineData("NLog.ScopeContext.PushNestedState($\"login {{|SG0004:password|}}\");")]
    [InlineData("NLog.MappedDiagnosticsLogicalContext.Set(\"sessionKey\", {|SG0004:value|});")]
    [InlineData("nlog.ForInfoEvent().Message(\"Paired {Device}\", userId).Property(\"PairingSecret\", {|SG0004:value|}).Log();")]
    [InlineData("log4net.LogicalThreadContext.Properties[\"apiKey\"] = {|SG0004:value|};")]
    [InlineData("log4net.ThreadContext.Stacks[\"NDC\"].Push(\"login \" + {|SG0004:password|});")]
    public Task Ambient_log_properties_are_sinks_and_their_names_vouch_for_values(string body) => VerifyWithSinks(body);

    [Theory]
    [InlineData("Serilog.Context.LogContext.PushProperty(\"ApiKeyId\", keyId);")]
    [InlineData("Serilog.Context.LogContext.PushProperty(\"ApiKey\", keyId);")]
    [InlineData("NLog.ScopeContext.PushProperty(\"HasToken\", apiKey != null);")]
    [InlineData("NLog.MappedDiagnosticsLogicalContext.Set(\"secretName\", keyName);")]
    [InlineData("nlog.ForInfoEvent().Property(\"PasswordLength\", password.Length).Log();")]
    [InlineData("log4net.LogicalThreadContext.Properties[\"apiKeyHash\"] = mask(apiKey);")]
    [InlineData("serilog.ForContext(\"TokenType\", \"refresh\").Information(\"renewed\");")]
    [InlineData("Serilog.Context.LogContext.Push(new Serilog.Core.Enrichers.PropertyEnricher(\"CredentialSource\", value));")]
    public Task Ambient_properties_with_ids_types_flags_and_hashes_are_not_reported(string body) => VerifyWithSinks(body);

    // ---- Template holes ----

    [Theory]
    [InlineData("logger.LogInformation(\"Issued {AccessToken} for {User}\", {|SG0004:value|}, userId);")]
    [InlineData("logger.LogInformation(\"{User} got initial {Password}\", userId, {|SG0004:value|});")]
    [InlineData("logger.LogDebug(\"{decryptedToken} ready\", {|SG0004:value|});")]
    [InlineData("Serilog.Log.Information(\"Loaded {@ApiKey}\", {|SG0004:value|});")]
    [InlineData("nlog.Info(\"Using {ClientSecret} for {Tenant}\", {|SG0004:value|}, userId);")]
    [InlineData("logger.BeginScope(\"Session {SessionToken}\", {|SG0004:value|});")]
    [InlineData("var plain = System.Text.Encoding.UTF8.GetString(decrypt(new byte[16])); logger.LogDebug(\"Opened {SessionToken}\", {|SG0004:plain|});")]
    [InlineData("logger.LogWarning(\"Rejected {ApiKey}\", {|SG0004:context.Request.Headers[\"X-Key\"]|});")]
    public Task Secret_named_template_holes_vouch_for_their_arguments(string body) => VerifyWithSinks(body);

    [Theory]
    [InlineData("logger.LogInformation(\"Issued {TokenCount} tokens\", 3);")]
    [InlineData("logger.LogInformation(\"Rotated {KeyId} ({ApiKeyName})\", value, value);")]
    [InlineData("logger.LogInformation(\"{PasswordLength}\", password.Length);")]
    [InlineData("logger.LogInformation(\"Issued {AccessToken}\", mask(value));")]
    [InlineData("logger.LogInformation(\"Job waits on {Token}\", cancellationToken);")]
    [InlineData("logger.LogInformation(\"{ApiKey} present: {Present}\", value != null, true);")]
    [InlineData("logger.LogInformation(\"Seen {Token}\", value.Substring(0, 4));")]
    [InlineData("logger.LogInformation(\"Revoked {ApiKey}\", keyId);")]
    [InlineData("logger.LogInformation(\"{0} used {1}\", userId, value);")]
    [InlineData("logger.LogInformation(\"{SecretName} rotated at {When}\", value, DateTimeOffset.UtcNow);")]
    [InlineData("logger.LogInformation(\"Request signed with {ApiKey}\", lookupOwner(apiKey));")]
    [InlineData("logger.LogWarning(\"Unexpected {Token} at {Position}\", value, 3);")]
    public Task Template_holes_about_a_secret_or_over_derived_values_are_not_reported(string body) => VerifyWithSinks(body);
}
