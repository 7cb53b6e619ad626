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
                private const string AdminPassword = {|SG0002:"Kx7#qLm2vR"|};
                private string clientSecret = {|SG0002:"q8Zr~Kx9.vN2"|};
                public string StripeApiKey { get; } = {|SG0002:"Lv8kQ2x9Wm4z"|};
                public string BearerToken => {|SG0002:"tok_91xQ"|};

                string GetDatabasePassword() { return {|SG0002:"hT8!kq2Lm"|}; }

                void M(Settings settings, string password, string input)
                {
                    var dbPassword = {|SG0002:"Zq4!Rn7#tw"|};
                    settings.SmtpPassword = {|SG0002:"Smtp#8842xq"|};
                    var s = new Settings { ApiKey = {|SG0002:"kR-3321-aQ"|} };
                    var credential = new NetworkCredential("svc", {|SG0002:"Svc#Tq9x"|});
                    var builder = new SqlConnectionStringBuilder { Password = {|SG0002:"Sql!Rk83"|} };
                    var header = new AuthenticationHeaderValue("Bearer", {|SG0002:"Qm7vX2pL9kRt"|});
                    if (password == {|SG0002:"Lx9!mw2q"|}) { }
                    if (password.Equals({|SG0002:"0penSesame"|})) { }
                    if (input.Equals("not-a-credential")) { }
                    Connect(passphrase: {|SG0002:"Blue-Horse-42"|});
                    Connect({|SG0002:"Red-Horse-43"|});
                    var map = new Dictionary<string, string> { ["Password"] = {|SG0002:"Map-Kq81x"|} };
                    var pairs = new Dictionary<string, string> { { "ApiToken", {|SG0002:"tok-778Qx"|} } };
                    map.Add("ClientSecret", {|SG0002:"cs-99812Zx"|});
                    var fallbackPassword = input ?? {|SG0002:"Fallback-Pw1"|};
                    var anon = new { Token = {|SG0002:"Anon-Tok-58x"|} };
                }

                void Connect(string passphrase) { }

                // Places outside method bodies: parameter defaults, attribute arguments, a base-constructor call.
                void Login(string user, string password = {|SG0002:"Dfx#Pw7q"|}) { }
                [Credential(Password = {|SG0002:"Attr#Pw8"|})] void Decorated() { }
            }

            class CredentialAttribute : System.Attribute { public string Password { get; set; } = ""; }
            class Client { public Client(string apiToken) { } }
            class StagingClient : Client { public StagingClient() : base({|SG0002:"Stg-Tok-4411"|}) { } }
            class PrimaryClient() : Client({|SG0002:"Pri-Tok-5522"|});
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
    public async Task A_literal_concatenated_with_a_runtime_value_is_weak_evidence_unless_it_looks_generated_and_nothing_if_it_is_a_prefix()
    {
        await Verify.VerifyAsync("""
            class C
            {
                static string password = {|SG0002:"hT4!x9Qm2vLw8KpZ"|} + System.Environment.MachineName;
                static string Token(string suffix) => "tok_" + suffix;
                static string ApiKey(string suffix) => {|SG0009:"k9Xq2wLm"|} + ("-" + suffix);
                const string ClientSecret = {|SG0002:"abc_" + "9fK2mQx7"|};
                static string apiToken = {|SG0009:"x" + ("Qm7" + "ZpL2")|} + System.Environment.NewLine;
                const string Prefix = "Gl4cier";
                const string ServicePassword = {|SG0002:Prefix + "#Otter" + "2291"|};
                const string PemHeader = "-----BEGIN PRIVATE KEY-----\n";
                const string SigningPrivateKey = {|SG0002:PemHeader + "GPzEyoL8EsaJd/wyXxQPplH8ACyjkz4jmBQlm7knI4pShZFC8ZrXbeg/fT3pG+h8" + "\n-----END PRIVATE KEY-----"|};
                const string ClaimsDomain = "https://claims.contoso.io/";
                const string ExternalCredential = ClaimsDomain + "externalcredential";
                static string StagingPassword(string suffix) => {|SG0009:"harbor42"|} + suffix;
            }
            """);
    }

    [Fact]
    public async Task Weak_evidence_is_SG0009_a_suggestion_and_strong_evidence_SG0002()
    {
        await Verify.VerifyAsync("""
            using System;

            class DownloadClientSettings { public string Password { get; set; } = {|SG0009:"fennel"|}; }
            class NzbSettings { public string Password { get; set; } = {|SG0009:"vortex5678"|}; }
            class MeterOptions { public string ApiKey { get; set; } = {|SG0009:"k9x2"|}; }

            class SeedFunctionalTestsCommand
            {
                const string orgAdminPassword = {|SG0009:"Password123!"|};
                const string testPassword = {|SG0009:"Harbor#2291x"|};
                const string StagingToken = {|SG0002:"Yv8aAfWGxHTzFd1QOLQu"|};
            }

            class C
            {
                const string PartnerApiKey = {|SG0009:"7d9f3c1e-2b4a-4e8d-9f6c-0a1b2c3d4e5f"|};
                const string SigningKey = {|SG0009:"ThisIsMySuperLongJwtSigningKey2024"|};
                const string RouterPassword = {|SG0009:"P@ssw0rd"|};
                const string DefaultPassword = {|SG0002:"]q.7#TW!nzDUpLvY"|};
                const string ApiToken = {|SG0002:"95d59ae5e21712c8148e24ba31764c5c"|};
                const string SmtpPassword = {|SG0002:"Velvet~Marble6533"|};

                static bool IsMaintenance(string password) => password == {|SG0009:"hunter2"|};
                static string DbPassword() => Environment.GetEnvironmentVariable("DB_PASSWORD") ?? {|SG0009:"postgres123"|};
            }
            """);
    }

    [Fact]
    public async Task Fillers_names_code_and_search_patterns_under_credential_names_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Security.Claims;

            class DomTokenList { public bool Contains(string token) => token.Length > 0; }

            class C
            {
                string apiKey = "TEST";
                string password = "pass";
                string token = "fake";
                string secret = "random";
                string proxyPassword = "none";
                string signingSecret = "not-a-real-secret";
                string licenseKey = "AAAA-AAAA-AAAA-AAAA";
                string kioskPassword = "123456";
                string sandboxPassword = "qwerty123";
                string bearerToken = "<your token>";
                string deployToken = "env.DEPLOY_TOKEN";
                string dbPassword = "var.db_password";
                const string PASSWORD_REPLACEMENT = "|||%%PREVIOUS_PASSWORD%%|||";
                string pushToken = Environment.GetEnvironmentVariable("PUSH_TOKEN") ?? "none";

                const string InvalidPassword = "28000";
                const string EncryptedPassword = "AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAq0Z0y2t1kUmPq3Zq4c8bYQ";
                const string TokenSha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
                const string PasswordOption = "--password";
                const string ApiKeyHeader = "X-Api-Key";
                const string S3Password = "s3-password";
                const string NewTokenFormat = "new-token-format-v2";
                const string TokenCache = "msal_token_cache_v2.bin";
                const string PasswordServer = "ldap-01.corp.contoso.com:636";
                const string PasswordCss = "form-control password-input is-invalid";
                const string ApiKeyShape = @"^[A-Fa-f0-9]{32}$";
                const string PasswordAccessor = "public string Password => _options.Password;";
                const string PasswordCmd = "echo $REGISTRY_PASSWORD | docker login -u ci --password-stdin registry.contoso.io";
                const string PasswordHashValue = "$2b$12$KIXQ4mM1Zq8ZsEo3Qb3y7eY1q6r9kWc5bYl2n8TfGq3uHc0mVd1aS";
                const string PrivateKey = "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----";
                readonly string _phoneToken = "phone";
                const string WebhookSecretPrefix = "whsec_";

                void M(string token, string secret, string tokenKey, DomTokenList classList, List<Claim> claims, Dictionary<string, string> form)
                {
                    if (token == "endobj") { }
                    if (secret == "whsec_") { }
                    if (secret.StartsWith("whsec_")) { }
                    if (tokenKey.StartsWith("my very secret sample key")) { }
                    if (classList.Contains("row-header")) { }
                    var parts = secret.Split(":::");
                    claims.Add(new Claim("ApiKey", "true"));
                    form.Add("hide_secret", "true");
                }
            }
            """);
    }

    [Fact]
    public async Task Options_add_and_remove_name_words_and_set_the_minimum_length()
    {
        await Verify.VerifyAsync("""
            class C
            {
                string pin = "Pq3#z";
                string vaultSeed = {|SG0002:"Seed-7781x"|};
                string apiToken = "tok-9912";
            }
            """, "secretguard.extra_secret_words = seed\nsecretguard.excluded_name_words = api\nsecretguard.SG0002.min_length = 6");
    }
}
