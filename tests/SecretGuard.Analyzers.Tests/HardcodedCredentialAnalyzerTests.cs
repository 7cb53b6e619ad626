using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
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

    [Fact]
    public async Task A_credential_field_inside_a_structured_literal_is_reported_at_the_literal()
    {
        await Verify.VerifyAsync("""
            using System.Net.Http;

            class C
            {
                const string Settings = {|SG0002:"{\"endpoint\":\"https://api.fabrikam.io\",\"apiKey\":\"uLzm6v8nBBSFbNzwi2RPLClEnqbfipOo\"}"|};
                const string Mailer = {|SG0002:"smtp:\n  host: smtp.fabrikam.io\n  password: Velvet~Orchid4127\n"|};
                const string Legacy = {|SG0002:"<appSettings><add key=\"PartnerApiKey\" value=\"9xwc5R9jrwqDX56D4DOwbEtJT19NXyfkdAxb\" /></appSettings>"|};
                const string Auth = {|SG0002:"<auth><clientSecret>W81VBrjHhlxjeCQqUi6nessvna5hGuJVitqgRSlcprvr</clientSecret></auth>"|};
                const string Rates = {|SG0002:"https://api.fabrikam.io/v2/rates?base=EUR&api_key=a0d38b6bf146adbde7dfdf3350de5098"|};
                const string Body = {|SG0002:"grant_type=client_credentials&client_id=orders&client_secret=nO3Bn8od7wt8cUznrw3aVo5HCU"|};
                const string Search = {|SG0002:"Endpoint=https://search-orders.search.windows.net;ApiKey=89c57cbef937ffcb25c61a4a87037dea2fab578b"|};
                const string Env = {|SG0002:"ORDERS_API_URL=https://api.fabrikam.io\nORDERS_API_TOKEN=rjl4SOX67pCtthzDvWaS\n"|};
                const string Container = {|SG0002:"[{ \"name\": \"ORDERS_DB_PASSWORD\", \"value\": \"Tundra!Lantern5302\" }]"|};
                static readonly string Replica = {|SG0002:"{" +
                    "\"user\":\"replicator\"," +
                    "\"password\":\"Harbor~Quill8841\"" +
                    "}"|};
                static readonly byte[] Utf8Body = {|SG0002:"{\"token\":\"mIkA351g0QzTcR6BozJzEiyqZDwh\"}"u8|}.ToArray();
            }
            """);
    }

    [Fact]
    public async Task The_message_names_the_field_and_the_structure_never_the_value()
    {
        await Verify.VerifyAsync("""
            class C
            {
                const string Profile = "{\"user\":\"svc\",\"clientSecret\":\"vIjLkgnowmeb0pRgSJ48ecYw\"}";
                const string Kiosk = "kiosk:\n  user: lobby\n  password: marigold\n";
            }
            """, null,
            new DiagnosticResult("SG0002", DiagnosticSeverity.Warning).WithSpan("/0/Test1.cs", 3, 28, 3, 94).WithArguments("'clientSecret' in this JSON holds a credential", "read it with Secrets.Get and build the text at run time"),
            new DiagnosticResult("SG0009", DiagnosticSeverity.Info).WithSpan("/0/Test1.cs", 4, 26, 4, 73).WithArguments("'password' in this YAML", "a plain word"));
    }

    [Fact]
    public async Task Fields_holding_placeholders_templates_names_and_hashes_are_not_reported()
    {
        await Verify.VerifyAsync("""
            class C
            {
                const string Template = "{\"Smtp\":{\"Password\":\"<your-smtp-password>\"},\"Stripe\":{\"ApiKey\":\"${STRIPE_API_KEY}\"}}";
                const string Masked = "{\"event\":\"rotated\",\"apiKey\":\"****************\"}";
                const string Holes = "[{\"id\":\"{0}\",\"token\":\"{1}\"}]";
                const string Names = "{\"clientSecret\":\"ORDERS_CLIENT_SECRET\",\"secretName\":\"orders-db-password\"}";
                const string Hash = "{\"passwordHash\":\"AQAAAAIAAYagAAAAEDq0b2x0cGF5bG9hZGhhc2hlZHZhbHVl\"}";
                const string Transform = "<appSettings><add key=\"ApiKey\" value=\"$(OrdersApiKey)\" /><add key=\"ClientSecret\" value=\"#{ClientSecret}#\" /></appSettings>";
                const string Soap = "<Login><UserName>{0}</UserName><Password>{1}</Password></Login>";
                const string Compose = "environment:\n  POSTGRES_USER: orders\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n";
                const string EnvTemplate = "DB_HOST=localhost\nDB_PASSWORD=changeme\nSTRIPE_API_KEY=<your-stripe-key>\n";
                const string Export = "https://api.contoso.com/v1/export?api_key={0}&format=csv";
                const string Broker = "Host=mq.contoso.internal;Port=5671;Token=${MQ_TOKEN};VirtualHost=orders";
                const string Prompt = "Username: {0}\nPassword: (hidden)\n";
                const string Sops = "{ \"db\": { \"password\": \"ENC[AES256_GCM,data:q3Zt8w==,iv:Jm9xLw==,tag:Vb2KdA==,type:str]\" } }";
            }
            """);
    }

    [Fact]
    public async Task Text_that_only_looks_structured_is_not_read_field_by_field()
    {
        await Verify.VerifyAsync("""
            class C
            {
                // Prose with a sample in it, a format string's braces, a log template, a line of text: not the structure.
                const string Help = "Set ORDERS_DB to a connection string, for example: Host=db.internal;Username=orders;ApiKey=Tq8vLm2xR4wKz7pQ";
                const string Format = "{{\"token\":\"{0}\",\"kind\":\"refresh\"}}";
                const string Log = "Login rejected: user={User} password=Tq8vLm2xR4wKz7pQ attempts={Attempts}";
                const string Notice = "Heads up:\nThe API token Tq8vLm2xR4wKz7pQ expires tomorrow.\nRotate it in the portal.";
                const string OneLine = "token: Tq8vLm2xR4wKz7pQ";
                const string Schema = "{\"properties\":{\"password\":{\"type\":\"string\",\"format\":\"password\"}}}";
                const string Html = "<input type=\"password\" name=\"password\" value=\"Tq8vLm2xR4wKz7pQ\" required>";
            }
            """);
    }

    [Fact]
    public async Task A_url_needs_a_real_scheme_and_host_and_documentation_hosts_hold_samples()
    {
        await Verify.VerifyAsync("""
            class C
            {
                const string Drive = "file://C:\\deploy@2024\\orders?token=Tq8vLm2xR4wKz7pQ&x=1";
                const string Templated = "https://{host}/api?api_key=Tq8vLm2xR4wKz7pQ&x=1";
                const string Documentation = "https://client.example.com/cb#access_token=SlAV32hkKG2rTq8wQmZ4&state=xyz";
                const string ReservedTld = "https://orders.test/hooks?token=SlAV32hkKG2rTq8wQmZ4";
                const string Paging = "https://api.contoso.com/v2/orders?page=1&pageSize=50";
                const string Local = {|SG0009:"http://localhost:5080/hooks/build?token=vXp3Lm9QaT7rKw2sYd8N"|};
            }
            """);
    }

    [Fact]
    public async Task Connection_string_passwords_are_left_to_SG0001_and_other_credential_keys_are_judged_here()
    {
        await Verify.VerifyAsync("""
            class C
            {
                const string SameAsUser = "Server=db.contoso.internal;User Id=shop;Password=shop";
                const string StrongPassword = "Server=db.contoso.internal;User Id=shop;Password=Tq8#vLm2xR4w";
                const string Empty = "Server=(localdb)\\MSSQLLocalDB;Database=Orders;User Id=sa;Password=;";
                const string Holes = "Server={0};Database=Orders;User Id={1};Password={2};Encrypt=True";
                const string KeyName = "Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=listen-only;EntityPath=telemetry";
                const string Token = {|SG0002:"Host=mq.fabrikam.internal;Port=5671;Token=d9b0488bb6cd6560fc6a4a444170a92c9cde2a5bad5385396295cf16d73bad21"|};
                const string WeakKey = {|SG0009:"Endpoint=https://search.fabrikam.io;ApiKey=orchid"|};
            }
            """);
    }

    [Fact]
    public async Task A_literal_reported_under_its_credential_name_is_not_reported_again_for_its_fields()
    {
        await Verify.VerifyAsync("""
            class C
            {
                const string Credentials = {|SG0002:"user: svc-orders\npassword: Velvet~Orchid4127\napi_token: Harbor~Quill8841"|};
                const string ApiKeyJson = {|SG0002:"{\"apiKey\":\"uLzm6v8nBBSFbNzwi2RPLClEnqbfipOo\"}"|};
            }
            """);
    }

    [Fact]
    public async Task Structured_fields_in_test_data_and_test_projects_follow_the_same_tiers()
    {
        await Verify.VerifyAsync("""
            static class SeedUsersForDemo
            {
                const string Users = {|SG0009:"[{\"email\":\"reader@fabrikam.io\",\"password\":\"Harbor#2291x\"}]"|};
                const string Bot = {|SG0002:"{\"token\":\"OqOAAXzRwflWXPsScESyIrM1cOg8Gbmng1JOpXOt\"}"|};
            }
            """);

        await Verify.VerifyAsync("""
            class C
            {
                const string Settings = "{\"apiKey\":\"uLzm6v8nBBSFbNzwi2RPLClEnqbfipOo\"}";
            }
            """, "build_property.IsTestProject = true\nsecretguard.test_projects = off");
    }
}
