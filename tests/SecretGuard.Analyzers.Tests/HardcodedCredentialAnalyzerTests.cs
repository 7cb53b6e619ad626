using System.Threading.Tasks;
using Verify = SecretGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecretGuard.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace SecretGuard.Analyzers.Tests;

public class HardcodedCredentialAnalyzerTests
{
    [Fact]
    public async Task Every_way_a_literal_reaches_a_credential_name_is_reported()
    {
        await Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Http.Headers;
            using Microsoft.Data.SqlClient;

            class Settings { public string SmtpPassword { get; set; } = ""; public string ApiKey = ""; }

            class C
            {
                private const string AdminPassword = {|SG0002:"Adm1n!2024"|};
                private string clientSecret = {|SG0002:"q8Zr~Kx9.vN2"|};
                public string StripeApiKey { get; } = {|SG0002:"live-key-8842"|};
                public string BearerToken => {|SG0002:"tok_91xQ"|};

                string GetDatabasePassword() { return {|SG0002:"hunter22"|}; }

                void M(Settings settings, string password, string input)
                {
                    var dbPassword = {|SG0002:"P@ssw0rd1"|};
                    settings.SmtpPassword = {|SG0002:"smtp-pass-77"|};
                    var s = new Settings { ApiKey = {|SG0002:"k-3321-aa"|} };
                    var credential = new NetworkCredential("svc", {|SG0002:"Svc#Pass9"|});
                    var builder = new SqlConnectionStringBuilder { Password = {|SG0002:"Sql!pass3"|} };
                    var header = new AuthenticationHeaderValue("Bearer", {|SG0002:"abc123def456"|});
                    if (password == {|SG0002:"letmein99"|}) { }
                    if (password.Equals({|SG0002:"0penSesame"|})) { }
                    if (input.Equals("not-a-credential")) { }
                    Connect(passphrase: {|SG0002:"blue-horse-42"|});
                    Connect({|SG0002:"red-horse-43"|});
                    var map = new Dictionary<string, string> { ["Password"] = {|SG0002:"map-pass-1"|} };
                    var pairs = new Dictionary<string, string> { { "ApiToken", {|SG0002:"tok-778"|} } };
                    map.Add("ClientSecret", {|SG0002:"cs-99812"|});
                    var fallbackPassword = input ?? {|SG0002:"fallback-pw1"|};
                    var anon = new { Token = {|SG0002:"anon-tok-5"|} };
                }

                void Connect(string passphrase) { }

                // Places outside method bodies: parameter defaults, attribute arguments, a base-constructor call.
                void Login(string user, string password = {|SG0002:"Default#Pw7"|}) { }
                [Credential(Password = {|SG0002:"Attr#Pw8"|})] void Decorated() { }
            }

            class CredentialAttribute : System.Attribute { public string Password { get; set; } = ""; }
            class Client { public Client(string apiToken) { } }
            class StagingClient : Client { public StagingClient() : base({|SG0002:"stg-tok-4411"|}) { } }
            class PrimaryClient() : Client({|SG0002:"pri-tok-5522"|});
            """);
    }

    [Fact]
    public async Task Placeholders_names_and_text_for_people_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using SecretGuard;

            class C
            {
                const string PasswordKey = "Jwt:Secret";
                const string ApiKeyHeaderName = "X-Api-Key";
                string password = "changeme";
                string apiKey = "<your-api-key>";
                string token = "${API_TOKEN}";
                string secret = "";
                string passwordTemplate = "{0}";
                string clientSecret = "xxxxxxxx";
                string masked = "********";
                string dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "";
                string PasswordPrompt = "Please enter your password";
                string PasswordHash = "5e884898da28047151d0e56f8dc62927";
                string TokenType = "Bearer";
                string TokenEndpoint = "https://login.example.com/oauth2/token";
                string PublicKey = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA";
                string ClientId = "my-client-id-1234";
                string PasswordResetUrl = "/account/reset";
                string stripeKey = Secrets.Get("STRIPE_API_KEY_SECRET");
                string encrypted = "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoL";

                void M(string password)
                {
                    if (password == "") { }
                    var error = password.Length < 8 ? "Password is too short." : "";
                    Console.WriteLine("Invalid token");
                    throw new ArgumentException("The password must not be empty", nameof(password));
                }

                // A prefix or separator around a value made at run time is format, not the credential.
                static string NewApiToken(string random) { return "booking_" + random; }
                static string AuthorizationToken(string token) => "Bearer " + token;
            }
            """);
    }

    [Fact]
    public async Task A_literal_concatenated_with_a_runtime_value_is_reported_unless_it_is_a_prefix_or_separator()
    {
        await Verify.VerifyAsync("""
            class C
            {
                static string password = {|SG0002:"hunter2x"|} + System.Environment.MachineName;
                static string Token(string suffix) => "tok_" + suffix;
                static string ApiKey(string suffix) => {|SG0002:"k9Xq2wLm"|} + ("-" + suffix);
                const string ClientSecret = {|SG0002:"abc_" + "9fK2mQx7"|};
                static string apiToken = {|SG0002:"x" + ("Qm7" + "ZpL2")|} + System.Environment.NewLine;
            }
            """);
    }

    [Fact]
    public async Task Options_add_and_remove_name_words_and_set_the_minimum_length()
    {
        await Verify.VerifyAsync("""
            class C
            {
                string pin = "12345";
                string vaultSeed = {|SG0002:"seed-7781"|};
                string apiToken = "tok-9912";
            }
            """, "secretguard.extra_secret_words = seed\nsecretguard.excluded_name_words = api\nsecretguard.SG0002.min_length = 6");
    }
}
