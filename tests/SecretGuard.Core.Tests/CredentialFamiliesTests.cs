using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// The built-in credential families (docs/rules/SG0001.md, docs/rules/SG1007.md): each finds its format inside
/// realistic text and misses the near misses; placeholders, documentation values, hashes, GUIDs, ordinary base64,
/// ciphertext and public keys never match; the common case is cheap. Every sample is made up here from random
/// characters (seeded, so the tests are repeatable): none is anyone's key.
/// </summary>
public class CredentialFamiliesTests
{
    private static readonly CredentialCatalogue Catalogue = CredentialCatalogue.Default;

    // ---- Sample makers ----------------------------------------------------------------------------------------------
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Letters = Upper + Lower;
    private const string LowerAlnum = Lower + Digits;
    private const string UpperAlnum = Upper + Digits;
    private const string Hex = "0123456789abcdef";
    private const string B64 = Alnum + "+/";
    private const string B64Url = Alnum + "-_";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private static int _seed = 1000;

    /// <summary>
    /// Random characters from an alphabet; a fresh seed per call, so the samples are the same every run. A draw that
    /// happens to spell a placeholder ("todo", "xxxx") or a typed run ("12345678") is drawn again.
    /// </summary>
    private static string R(string alphabet, int length)
    {
        while (true)
        {
            var random = new Random(Interlocked.Increment(ref _seed));
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            if (length < 3 || (!SensitivityLexicon.IsPlaceholder(text) && !CredentialChecks.LooksTyped(text)))
            {
                return text;
            }
        }
    }

    // GitHub and npm tokens carry a CRC32 checksum: made here with a correct one, or a wrong one for a near miss.
    private static string Gh(string prefix) => SyntheticTokens.WithChecksum(prefix, new Random(Interlocked.Increment(ref _seed)));

    private static string GhWrong(string prefix) => SyntheticTokens.WithWrongChecksum(prefix, new Random(Interlocked.Increment(ref _seed)));

    private static string SeededGuid()
    {
        var bytes = new byte[16];
        new Random(_seed++).NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string B64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string B64UrlOf(string text) => B64Of(text).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pem(string label, int lines = 4, string newline = "\n")
    {
        var sb = new StringBuilder("-----BEGIN " + label + "-----" + newline);
        for (var i = 0; i < lines; i++)
        {
            sb.Append(R(B64, 64)).Append(newline);
        }

        return sb.Append(R(B64, 20)).Append("==").Append(newline).Append("-----END " + label + "-----").ToString();
    }

    private static string OnePasswordServiceAccount() =>
        "{\"email\":\"" + R(Lower, 10) + "@1passwordserviceaccounts.com\",\"muk\":{\"alg\":\"A256GCM\",\"k\":\"" + R(B64Url, 43) +
        "\",\"kty\":\"oct\"},\"secretKey\":\"A3-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 6) + "\",\"srpX\":\"" + R(Hex, 64) +
        "\",\"signInAddress\":\"acme.1password.com\"}";

    // Base64 that happens to hold letters and digits only, of a text made with a random part.
    private static string AlnumBase64Of(Func<string> text)
    {
        while (true)
        {
            var encoded = B64Of(text());
            if (encoded.All(char.IsLetterOrDigit))
            {
                return encoded;
            }
        }
    }

    private static string Jwt(string header, string payload) => B64UrlOf(header) + "." + B64UrlOf(payload) + "." + R(B64Url, 43);

    private static string DiscordToken() => B64UrlOf("1" + R(Digits, 17)) + "." + R(B64Url, 6) + "." + R(B64Url, 38);

    // ---- Cases: (family id, text) -----------------------------------------------------------------------------------
    private static readonly (string Id, string Text)[] PositiveCases = BuildPositives();
    private static readonly (string Id, string Text)[] NegativeCases = BuildNegatives();

    private static (string, string)[] BuildPositives()
    {
        var awsId = "AKIA" + R(Base32, 16);
        return new[]
        {
            ("gcp-service-account-key", "{\"type\": \"service_account\", \"private_key_id\": \"" + R(Hex, 40) + "\", \"private_key\": \"" + Pem("PRIVATE KEY", 3, "\\n") + "\\n\"}"),
            ("gcp-service-account-key", "{\n  \"client_email\": \"ci@acme.iam.gserviceaccount.com\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\nMIIEv" + R(B64, 59) + "\n" + R(B64, 64) + "\n\"\n}"),

            ("private-key", "var pem = \"" + Pem("RSA PRIVATE KEY") + "\";"),
            ("private-key", "SSH_KEY=\"" + Pem("OPENSSH PRIVATE KEY", 3, "\\n") + "\""),
            ("private-key", "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC," + R(Hex, 32).ToUpperInvariant() + "\n\n" + R(B64, 64) + "\n-----END EC PRIVATE KEY-----"),
            ("private-key", "KEY=-----BEGIN PRIVATE KEY-----" + R(B64, 64) + R(B64, 64) + "-----END PRIVATE KEY-----"),
            ("private-key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF" + R(B64, 58) + "\n" + R(B64, 64) + "\n-----END PGP PRIVATE KEY BLOCK-----"),

            ("putty-private-key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240101\nPublic-Lines: 2\n" + R(B64, 64)),
            ("putty-private-key", "var ppk = \"PuTTY-User-Key-File-2: ssh-rsa\\r\\nEncryption: aes256-cbc\\r\\nComment: deploy\";"),

            ("age-secret-key", "AGE-SECRET-KEY-1" + R(Bech32, 58)),
            ("age-secret-key", "# created: 2024-01-01\n# public key: age1" + R(Bech32.ToLowerInvariant(), 58) + "\nAGE-SECRET-KEY-1" + R(Bech32, 58) + "\n"),

            ("aws-access-key-id", "var id = \"" + awsId + "\";"),
            ("aws-access-key-id", "{\"AccessKeyId\": \"ASIA" + R(Base32, 16) + "\", \"Expiration\": \"2030-01-01\"}"),
            ("aws-access-key-id", "AWS_ACCESS_KEY_ID=" + "AKIA" + R(UpperAlnum, 16)),

            ("aws-secret-access-key", "aws_secret_access_key = " + R(B64, 40)),
            ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY=" + R(B64, 40)),
            ("aws-secret-access-key", "{\"aws_secret\": \"" + R(B64, 40) + "\"}"),

            ("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=" + R(B64, 86) + "==;EndpointSuffix=core.windows.net"),
            ("azure-storage-key", "AZURE_STORAGE_KEY=" + R(B64, 86) + "=="),
            ("azure-storage-key", "{\"cosmos\": {\"primaryKey\": \"" + R(B64, 86) + "==\"}}"),

            ("azure-sas-token", "https://acmeprod.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig=" + R(Alnum, 30) + "%2B" + R(Alnum, 9) + "%3D"),
            ("azure-sas-token", "SharedAccessSignature sr=acme.servicebus.windows.net&sig=" + R(Alnum, 43) + "%3D&se=1900000000&skn=RootManageSharedAccessKey"),

            ("azure-ad-client-secret", "\"ClientSecret\": \"" + R(Alnum, 3) + "8Q~" + R(Alnum + "_~.-", 34) + "\""),
            ("azure-ad-client-secret", "AZURE_CLIENT_SECRET=" + R(Alnum, 3) + "7Q~" + R(Alnum, 31)),

            ("azure-devops-pat", "var pat = \"" + R(Alnum, 76) + "AZDO" + R(Alnum, 4) + "\";"),
            ("azure-devops-pat", "ADO_TOKEN=" + R(Alnum, 76) + "AZDO" + R(Alnum, 4)),

            ("azure-devops-legacy-pat", "AZURE_DEVOPS_PAT=" + R(Base32.ToLowerInvariant(), 52)),
            ("azure-devops-legacy-pat", "git clone https://build:" + R(Base32.ToLowerInvariant(), 52) + "@dev.azure.com/acme/shop/_git/api"),

            ("google-api-key", "var key = \"AIza" + R(B64Url, 35) + "\";"),
            ("google-api-key", "<meta name=\"maps-key\" content=\"AIza" + R(Alnum, 35) + "\">"),

            ("google-oauth-client-secret", "{\"web\": {\"client_secret\": \"GOCSPX-" + R(B64Url, 28) + "\"}}"),
            ("google-oauth-client-secret", "GOOGLE_CLIENT_SECRET=GOCSPX-" + R(Alnum, 28)),

            ("google-oauth-access-token", "Authorization header: ya29." + R(B64Url, 150)),
            ("google-oauth-access-token", "var t = \"ya29.a0" + R(Alnum, 100) + "\";"),

            ("firebase-cloud-messaging-key", "FCM_SERVER_KEY=AAAA" + R(B64Url, 7) + ":APA91b" + R(B64Url, 134)),
            ("firebase-cloud-messaging-key", "{\"serverKey\": \"AAAA" + R(Alnum, 7) + ":APA91b" + R(Alnum, 134) + "\"}"),

            ("alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5t" + R(Alnum, 18)),
            ("alibaba-access-key-id", "var id = \"LTAI" + R(Alnum, 16) + "\";"),

            ("tencent-secret-id", "TENCENTCLOUD_SECRET_ID=AKID" + R(Alnum, 32)),
            ("tencent-secret-id", "{\"SecretId\": \"AKID" + R(Alnum, 32) + "\"}"),

            ("digitalocean-token", "DIGITALOCEAN_TOKEN=dop_v1_" + R(Hex, 64)),
            ("digitalocean-token", "var t = \"doo_v1_" + R(Hex, 64) + "\";"),

            ("heroku-api-key", "HEROKU_API_KEY=HRKU-AA" + R(B64Url, 58)),
            ("heroku-api-key", "var k = \"HRKU-AA" + R(Alnum, 58) + "\";"),

            ("heroku-legacy-api-key", "HEROKU_API_KEY=" + SeededGuid()),
            ("heroku-legacy-api-key", "heroku_api_token: \"" + SeededGuid() + "\""),

            ("cloudflare-api-token", "CLOUDFLARE_API_TOKEN=" + R(Alnum, 38) + "_-"),
            ("cloudflare-api-token", "{\"cf_api_key\": \"" + R(Hex, 37) + "\"}"),

            ("databricks-token", "DATABRICKS_TOKEN=dapi" + R(Hex, 32)),
            ("databricks-token", "var t = \"dapi" + R(Hex, 32) + "-2\";"),

            ("supabase-token", "SUPABASE_ACCESS_TOKEN=sbp_" + R(Hex, 40)),
            ("supabase-token", "\"token\": \"sbp_" + R(Hex, 40) + "\""),

            ("planetscale-token", "PLANETSCALE_TOKEN=pscale_tkn_" + R(B64Url, 43)),
            ("planetscale-token", "mysql://u7x:pscale_pw_" + R(Alnum, 43) + "@aws.connect.psdb.cloud/shop"),

            ("github-token", "var token = \"" + Gh("ghp_") + "\";"),
            ("github-token", "GITHUB_TOKEN=github_pat_" + R(Alnum, 22) + "_" + R(Alnum, 59)),
            ("github-token", "{\"token\": \"" + Gh("ghs_") + "\"}"),

            ("gitlab-token", "GITLAB_TOKEN=glpat-" + R(B64Url, 20)),
            ("gitlab-token", "var t = \"glptt-" + R(Hex, 40) + "\";"),
            ("gitlab-token", "runner token glrt-" + R(Alnum, 20)),

            ("atlassian-api-token", "JIRA_API_TOKEN=ATATT3" + R(B64Url, 178) + "=" + R(Hex, 8).ToUpperInvariant()),
            ("atlassian-api-token", "var t = \"ATATT3x" + R(Alnum, 185) + "\";"),

            ("npm-token", "//registry.npmjs.org/:_authToken=" + Gh("npm_")),
            ("npm-token", "NPM_TOKEN=" + Gh("npm_")),

            ("nuget-api-key", "dotnet nuget push pkg.nupkg --api-key oy2" + R(LowerAlnum, 43)),
            ("nuget-api-key", "NUGET_API_KEY=oy2" + R(LowerAlnum, 43)),

            ("pypi-token", "password = pypi-AgEIcHlwaS5vcmc" + R(B64Url, 150)),
            ("pypi-token", "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw" + R(B64Url, 120)),

            ("rubygems-token", "GEM_HOST_API_KEY=rubygems_" + R(Hex, 48)),
            ("rubygems-token", "---\n:rubygems_api_key: rubygems_" + R(Hex, 48) + "\n"),

            ("docker-hub-token", "echo dckr_pat_" + R(B64Url, 27) + " | docker login -u acme --password-stdin"),
            ("docker-hub-token", "DOCKERHUB_TOKEN=dckr_pat_" + R(Alnum, 27)),

            ("artifactory-api-key", "ARTIFACTORY_API_KEY=AKCp" + R(Alnum, 69)),
            ("artifactory-api-key", "var k = \"AKCp" + R(Alnum, 69) + "\";"),

            ("terraform-cloud-token", "credentials \"app.terraform.io\" { token = \"" + R(Alnum, 14) + ".atlasv1." + R(B64Url, 67) + "\" }"),
            ("terraform-cloud-token", "TF_TOKEN_app_terraform_io=" + R(Alnum, 14) + ".atlasv1." + R(Alnum, 65)),

            ("pulumi-access-token", "PULUMI_ACCESS_TOKEN=pul-" + R(Hex, 40)),
            ("pulumi-access-token", "var t = \"pul-" + R(Hex, 40) + "\";"),

            ("vault-token", "VAULT_TOKEN=hvs." + R(B64Url, 91)),
            ("vault-token", "{\"auth\": {\"client_token\": \"hvb." + R(B64Url, 140) + "\"}}"),

            ("doppler-token", "DOPPLER_TOKEN=dp.st.prd." + R(Alnum, 40)),
            ("doppler-token", "var t = \"dp.pt." + R(Alnum, 43) + "\";"),

            ("slack-token", "SLACK_BOT_TOKEN=xoxb-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Alnum, 24)),
            ("slack-token", "var t = \"xoxp-" + R(Digits, 12) + "-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Hex, 32) + "\";"),
            ("slack-token", "legacy = \"xoxs-" + R(Alnum, 40) + "\""),
            ("slack-token", "SLACK_APP_TOKEN=xapp-1-A" + R(UpperAlnum, 10) + "-" + R(Digits, 13) + "-" + R(Hex, 64)),

            ("slack-webhook", "SLACK_WEBHOOK=https://hooks.slack.com/services/T" + R(UpperAlnum, 8) + "/B" + R(UpperAlnum, 10) + "/" + R(Alnum, 24)),
            ("slack-webhook", "var hook = \"https://hooks.slack.com/workflows/T" + R(UpperAlnum, 8) + "/A" + R(UpperAlnum, 10) + "/" + R(Digits, 18) + "/" + R(Alnum, 32) + "\";"),

            ("teams-webhook", "TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/" + SeededGuid() + "@" + SeededGuid() + "/IncomingWebhook/" + R(Hex, 32) + "/" + SeededGuid()),
            ("teams-webhook", "var url = \"https://acme365.webhook.office.com/webhookb2/" + SeededGuid() + "@" + SeededGuid() + "/IncomingWebhook/" + R(Hex, 32) + "/" + SeededGuid() + "/V2x\";"),

            ("discord-webhook", "DISCORD_WEBHOOK=https://discord.com/api/webhooks/1" + R(Digits, 17) + "/" + R(B64Url, 68)),
            ("discord-webhook", "var hook = \"https://discordapp.com/api/webhooks/" + R("123456789", 1) + R(Digits, 17) + "/" + R(Alnum, 68) + "\";"),

            ("discord-bot-token", "DISCORD_BOT_TOKEN=" + DiscordToken()),
            ("discord-bot-token", "client.Login(TokenType.Bot, \"" + DiscordToken() + "\");"),

            ("telegram-bot-token", "TELEGRAM_BOT_TOKEN=" + R("123456789", 1) + R(Digits, 9) + ":AA" + R(B64Url, 31) + "x9"),
            ("telegram-bot-token", "https://api.telegram.org/bot" + R("123456789", 1) + R(Digits, 8) + ":AAH" + R(Alnum, 30) + "a1/getMe"),

            ("sendgrid-key", "SENDGRID_API_KEY=SG." + R(B64Url, 22) + "." + R(B64Url, 43)),
            ("sendgrid-key", "var key = \"SG." + R(Alnum, 22) + "." + R(Alnum, 43) + "\";"),

            ("mailgun-api-key", "MAILGUN_API_KEY=key-" + R(Hex, 32)),
            ("mailgun-api-key", "curl -s --user 'api:key-" + R(Hex, 32) + "' https://api.mailgun.net/v3/acme.io/messages"),

            ("mailchimp-api-key", "MAILCHIMP_API_KEY=" + R(Hex, 32) + "-us14"),
            ("mailchimp-api-key", "var key = \"" + R(Hex, 32) + "-us6\";"),

            ("brevo-api-key", "BREVO_API_KEY=xkeysib-" + R(Hex, 64) + "-" + R(Alnum, 16)),
            ("brevo-api-key", "\"apiKey\": \"xkeysib-" + R(Hex, 64) + "-" + R(Alnum, 16) + "\""),

            ("twilio-auth-token", "TWILIO_AUTH_TOKEN=" + R(Hex, 32)),
            ("twilio-auth-token", "var client = new TwilioRestClient(\"AC" + R(Hex, 32) + "\", \"" + R(Hex, 32) + "\");"),
            ("twilio-auth-token", "{\"twilio\": {\"apiKey\": \"SK" + R(Hex, 32) + "\", \"apiSecret\": \"" + R(Alnum, 32) + "\"}}"),

            ("linear-api-key", "LINEAR_API_KEY=lin_api_" + R(Alnum, 40)),
            ("linear-api-key", "headers: { Authorization: \"lin_api_" + R(Alnum, 40) + "\" }"),

            ("notion-token", "NOTION_TOKEN=ntn_" + R(Digits, 11) + R(Alnum, 35)),
            ("notion-token", "var notion = new NotionClient(\"secret_" + R(Alnum, 43) + "\");"),

            ("postman-api-key", "POSTMAN_API_KEY=PMAK-" + R(Hex, 24) + "-" + R(Hex, 34)),
            ("postman-api-key", "x-api-key: PMAK-" + R(Hex, 24) + "-" + R(Hex, 34)),

            ("stripe-key", "var stripe = new StripeClient(\"sk_live_" + R(Alnum, 24) + "\");"),
            ("stripe-key", "STRIPE_SECRET_KEY=rk_test_51" + R(Alnum, 97)),

            ("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET=whsec_" + R(Alnum, 32)),
            ("stripe-webhook-secret", "{\"webhookSecret\": \"whsec_" + R(B64, 44) + "\"}"),

            ("square-access-token", "SQUARE_ACCESS_TOKEN=EAAA" + R(B64Url, 60)),
            ("square-access-token", "var t = \"sq0atp-" + R(B64Url, 22) + "\";"),

            ("square-oauth-secret", "SQUARE_APP_SECRET=sq0csp-" + R(B64Url, 43)),
            ("square-oauth-secret", "\"secret\": \"sq0csp-" + R(Alnum, 43) + "\""),

            ("shopify-token", "SHOPIFY_ACCESS_TOKEN=shpat_" + R(Hex, 32)),
            ("shopify-token", "var secret = \"shpss_" + R(Hex, 32) + "\";"),

            ("anthropic-key", "ANTHROPIC_API_KEY=sk-ant-api03-" + R(B64Url, 93) + "AA"),
            ("anthropic-key", "var client = new AnthropicClient(\"sk-ant-admin01-" + R(Alnum, 93) + "AA\");"),

            ("openai-key", "OPENAI_API_KEY=sk-proj-" + R(B64Url, 74) + "T3BlbkFJ" + R(B64Url, 74)),
            ("openai-key", "var key = \"sk-" + R(Alnum, 20) + "T3BlbkFJ" + R(Alnum, 20) + "\";"),
            ("openai-key", "{\"key\": \"sk-svcacct-" + R(B64Url, 120) + "\"}"),

            ("huggingface-token", "HF_TOKEN=hf_" + R(Letters, 34)),
            ("huggingface-token", "login(token=\"api_org_" + R(Letters, 34) + "\")"),

            ("perplexity-api-key", "PERPLEXITY_API_KEY=pplx-" + R(Alnum, 48)),
            ("perplexity-api-key", "var k = \"pplx-" + R(Alnum, 48) + "\";"),

            ("grafana-cloud-token", "GRAFANA_CLOUD_TOKEN=glc_" + R(B64, 120) + "=="),
            ("grafana-cloud-token", "var t = \"glc_" + R(Alnum, 64) + "\";"),

            ("grafana-service-account-token", "GRAFANA_TOKEN=glsa_" + R(Alnum, 32) + "_" + R(Hex, 8)),
            ("grafana-service-account-token", "Authorization: Bearer glsa_" + R(Alnum, 32) + "_" + R(Hex, 8)),

            ("newrelic-key", "NEW_RELIC_API_KEY=NRAK-" + R(UpperAlnum, 27)),
            ("newrelic-key", "newrelic.license_key = " + R(Hex, 36) + "NRAL"),
            ("newrelic-key", "\"insertKey\": \"NRII-" + R(B64Url, 32) + "\""),

            ("datadog-api-key", "DD_API_KEY=" + R(Hex, 32)),
            ("datadog-api-key", "datadog:\n  api_key: " + R(Hex, 32) + "\n"),

            ("datadog-app-key", "DD_APP_KEY=" + R(Hex, 40)),
            ("datadog-app-key", "{\"datadog\": {\"applicationKey\": \"" + R(Hex, 40) + "\"}}"),

            ("dynatrace-token", "DT_API_TOKEN=dt0c01." + R(UpperAlnum, 24) + "." + R(UpperAlnum, 64)),
            ("dynatrace-token", "Api-Token dt0c01." + R(UpperAlnum, 24) + "." + R(UpperAlnum, 64)),

            ("sentry-dsn", "SENTRY_DSN=https://" + R(Hex, 32) + ":" + R(Hex, 32) + "@o123456.ingest.sentry.io/4500123"),
            ("sentry-dsn", "options.Dsn = \"https://" + R(Hex, 32) + ":" + R(Hex, 32) + "@sentry.acme.io/12\";"),

            ("sentry-token", "SENTRY_AUTH_TOKEN=sntryu_" + R(Hex, 64)),
            ("sentry-token", "auth.token=sntrys_" + B64Of("{\"iat\":1700000000.1,\"url\":\"https://sentry.io\",\"region_url\":\"https://us.sentry.io\",\"org\":\"acme\"}")+ "_" + R(Alnum, 43)),

            ("mapbox-secret-token", "MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiYWNtZSIsImEiOiJ" + R(Alnum, 22) + "." + R(B64Url, 22)),
            ("mapbox-secret-token", "var t = \"sk.eyJ1Ijoi" + R(Alnum, 40) + "." + R(B64Url, 22) + "\";"),

            ("1password-secret", "OP_SECRET_KEY=A3-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 11) + "-" + R(UpperAlnum, 5) + "-" + R(UpperAlnum, 5) + "-" + R(UpperAlnum, 5)),
            ("1password-secret", "var op = new OnePasswordClient(\"ops_" + B64UrlOf(OnePasswordServiceAccount()) + "\");"),

            ("adafruit-io-key", "ADAFRUIT_IO_KEY=aio_" + R(Alnum, 26) + "7q"),
            ("adafruit-io-key", "var io = new AdafruitIO(\"acme\", \"aio_" + R(Alnum, 24) + "3x9Z\");"),

            ("adobe-client-secret", "{\"client_id\": \"" + R(Hex, 32) + "\", \"client_secret\": \"p8e-" + R(Alnum, 32) + "\"}"),
            ("adobe-client-secret", "ADOBE_CLIENT_SECRET=p8e-" + R(Alnum, 30) + "5k"),

            ("airtable-token", "AIRTABLE_TOKEN=pat" + R(Alnum, 14) + "." + R(Hex, 64)),
            ("airtable-token", "client.DefaultRequestHeaders.Authorization = new(\"Bearer\", \"pat" + R(Alnum, 14) + "." + R(Hex, 64) + "\");"),

            ("authress-access-key", "AUTHRESS_KEY=sc_" + R(Alnum, 10) + "." + R(Alnum, 5) + ".acc_" + R(LowerAlnum, 20) + "." + R(B64Url, 60)),
            ("authress-access-key", "var key = \"authress_" + R(Alnum, 8) + "." + R(Alnum, 4) + ".acc-" + R(LowerAlnum, 16) + "." + R(B64, 80) + "\";"),

            ("aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK=ABSK" + B64Of("BedrockAPIKey-" + R(LowerAlnum, 4) + "-at-" + R(Digits, 12) + ":" + R(B64, 60))),
            ("aws-bedrock-api-key", "var key = \"bedrock-api-key-" + B64Of("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=ASIA" + R(Base32, 16) + "%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Signature=" + R(Hex, 64) + "&Version=1") + "\";"),

            ("clickhouse-cloud-key", "CLICKHOUSE_KEY_SECRET=4b1d" + R(Alnum, 36) + "Q7"),
            ("clickhouse-cloud-key", "{\"keyId\": \"" + R(Alnum, 20) + "\", \"keySecret\": \"4b1d" + R(Alnum, 35) + "a8Z\"}"),

            ("clojars-token", "CLOJARS_PASSWORD=CLOJARS_" + R(LowerAlnum, 60)),
            ("clojars-token", ":password \"CLOJARS_" + R(Hex, 60) + "\""),

            ("cloudflare-origin-ca-key", "CF_ORIGIN_CA_KEY=v1.0-" + R(Hex, 24) + "-" + R(Hex, 146)),
            ("cloudflare-origin-ca-key", "headers.Add(\"X-Auth-User-Service-Key\", \"v1.0-" + R(Hex, 24) + "-" + R(Hex, 146) + "\");"),

            ("defined-networking-token", "DN_API_KEY=dnkey-" + R(UpperAlnum, 26) + "-" + R(UpperAlnum, 52)),
            ("defined-networking-token", "Authorization: Bearer dnkey-" + R(UpperAlnum, 26) + "-" + R(UpperAlnum, 52)),

            ("dropbox-token", "DROPBOX_ACCESS_TOKEN=sl." + R(B64Url, 135)),
            ("dropbox-token", "var dbx = new DropboxClient(\"" + R(LowerAlnum, 11) + "AAAAAAAAAA" + R(B64Url, 43) + "\");"),
            ("dropbox-token", "{\"access_token\": \"sl.u." + R(B64Url, 400) + "\"}"),

            ("duffel-token", "DUFFEL_ACCESS_TOKEN=duffel_test_" + R(B64Url, 43)),
            ("duffel-token", "var duffel = new DuffelClient(\"duffel_live_" + R(Alnum, 43) + "\");"),

            ("easypost-api-key", "EASYPOST_API_KEY=EZAK" + R(Alnum, 54)),
            ("easypost-api-key", "var client = new Client(new ClientConfiguration(\"EZTK" + R(Alnum, 54) + "\"));"),

            ("facebook-access-token", "PAGE_ACCESS_TOKEN=EAAG" + R(Alnum, 180)),
            ("facebook-access-token", "var graph = \"https://graph.facebook.com/me?access_token=EAAM" + R(Alnum, 150) + "\";"),

            ("facebook-app-secret", "facebook_app_secret = " + R(Hex, 32)),
            ("facebook-app-secret", "{\"Facebook\": {\"AppToken\": \"" + R("123456789", 1) + R(Digits, 14) + "|" + R(Hex, 32) + "\"}}"),

            ("flutterwave-secret-key", "FLW_SECRET_KEY=FLWSECK_TEST-" + R(Hex, 32) + "-X"),
            ("flutterwave-secret-key", "var flw = new Flutterwave(\"FLWSECK-" + R(Hex, 32) + "-X\");"),
            ("flutterwave-secret-key", "FLW_ENCRYPTION_KEY=FLWSECK_TEST" + R(Hex, 12)),

            ("flyio-token", "FLY_API_TOKEN=fo1_" + R(B64Url, 43)),
            ("flyio-token", "Authorization: FlyV1 fm2_" + R(B64, 300) + "=="),

            ("frameio-token", "FRAMEIO_TOKEN=fio-u-" + R(B64Url, 64)),
            ("frameio-token", "var frameio = new HttpClient { DefaultRequestHeaders = { { \"Authorization\", \"Bearer fio-u-" + R(Alnum, 64) + "\" } } };"),

            ("harness-token", "HARNESS_API_KEY=pat." + R(B64Url, 22) + "." + R(Alnum, 24) + "." + R(Alnum, 20)),
            ("harness-token", "x-api-key: sat." + R(Alnum, 22) + "." + R(Alnum, 24) + "." + R(Alnum, 20)),

            ("infracost-api-key", "INFRACOST_API_KEY=ico-" + R(Alnum, 30) + "8w"),
            ("infracost-api-key", "infracost configure set api_key ico-" + R(Alnum, 29) + "a1B"),

            ("intra42-client-secret", "FT_SECRET=s-s4t2ud-" + R(Hex, 64)),
            ("intra42-client-secret", "{\"client_secret\": \"s-s4t2af-" + R(Hex, 64) + "\"}"),

            ("lob-api-key", "LOB_API_KEY=live_" + R(Hex, 35)),
            ("lob-api-key", "var lob = new LobClient(\"test_" + R(Hex, 35) + "\");"),

            ("mailgun-signing-key", "MAILGUN_WEBHOOK_SIGNING_KEY=" + R(Hex, 32) + "-" + R(Hex, 8) + "-" + R(Hex, 8)),
            ("mailgun-signing-key", "{\"Mailgun\": {\"ApiKey\": \"" + R(Hex, 32) + "-" + R(Hex, 8) + "-" + R(Hex, 8) + "\"}}"),

            ("maxmind-license-key", "MAXMIND_LICENSE_KEY=" + R(Alnum, 6) + "_" + R(Alnum, 27) + "4k_mmk"),
            ("maxmind-license-key", "LicenseKey " + R(Alnum, 6) + "_" + R(Alnum, 26) + "Zq7_mmk"),

            ("nuget-config-password", "<packageSourceCredentials>\n  <acme>\n    <add key=\"Username\" value=\"ci-bot\" />\n    <add key=\"ClearTextPassword\" value=\"" + R(Alnum, 14) + "#" + R(Alnum, 5) + "\" />\n  </acme>\n</packageSourceCredentials>"),
            ("nuget-config-password", "var xml = \"<add key=\\\"ClearTextPassword\\\" value=\\\"" + R(Alnum, 20) + "\\\" />\";"),

            ("octopus-deploy-api-key", "OCTOPUS_API_KEY=API-" + R(UpperAlnum, 24) + "7Q"),
            ("octopus-deploy-api-key", "var endpoint = new OctopusServerEndpoint(\"https://deploy.acme.io\", \"API-" + R(UpperAlnum, 25) + "X3\");"),

            ("openshift-token", "oc login --token=sha256~" + R(B64Url, 43) + " --server=https://api.acme.io:6443"),
            ("openshift-token", "OPENSHIFT_TOKEN=sha256~" + R(Alnum, 43)),

            ("plaid-access-token", "PLAID_ACCESS_TOKEN=access-production-" + SeededGuid()),
            ("plaid-access-token", "{\"access_token\": \"access-sandbox-" + SeededGuid() + "\"}"),

            ("prefect-api-key", "PREFECT_API_KEY=pnu_" + R(Alnum, 33) + "9aZ"),
            ("prefect-api-key", "prefect cloud login --key pnu_" + R(Alnum, 32) + "x7Q2"),

            ("readme-api-key", "README_API_KEY=rdme_" + R(LowerAlnum, 68) + "a1"),
            ("readme-api-key", "Authorization: Bearer rdme_" + R(LowerAlnum, 67) + "x9z"),

            ("scalingo-token", "SCALINGO_API_TOKEN=tk-us-" + R(B64Url, 48)),
            ("scalingo-token", "scalingo login --api-token tk-us-" + R(Alnum, 48)),

            ("settlemint-token", "SETTLEMINT_ACCESS_TOKEN=sm_pat_" + R(Alnum, 14) + "4q"),
            ("settlemint-token", "var token = \"sm_aat_" + R(Alnum, 13) + "Z8k\";"),

            ("shippo-api-token", "SHIPPO_API_KEY=shippo_live_" + R(Hex, 40)),
            ("shippo-api-token", "Authorization: ShippoToken shippo_test_" + R(Hex, 40)),

            ("sidekiq-credentials", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=" + R(Hex, 8) + ":" + R(Hex, 8)),
            ("sidekiq-credentials", "source \"https://" + R(Hex, 8) + ":" + R(Hex, 8) + "@gems.contribsys.com/\" do"),

            ("sonarqube-token", "SONAR_TOKEN=squ_" + R(Hex, 40)),
            ("sonarqube-token", "dotnet sonarscanner begin /k:\"shop\" /d:sonar.token=\"sqp_" + R(Hex, 40) + "\""),

            ("sourcegraph-token", "SRC_ACCESS_TOKEN=sgp_" + R(Hex, 16) + "_" + R(Hex, 40)),
            ("sourcegraph-token", "Authorization: token sgp_local_" + R(Hex, 40)),

            ("twitter-bearer-token", "TWITTER_BEARER_TOKEN=" + new string('A', 22) + R(Alnum, 30) + "%2F" + R(Alnum, 20) + "%3D" + R(Alnum, 40)),
            ("twitter-bearer-token", "var bearer = \"" + new string('A', 22) + R(Alnum, 25) + "%3D" + R(Alnum, 60) + "\";"),

            ("typeform-token", "TYPEFORM_TOKEN=tfp_" + R(B64Url, 59)),
            ("typeform-token", "Authorization: Bearer tfp_" + R(Alnum, 44) + "_" + R(Alnum, 14)),

            ("yandex-cloud-key", "YC_TOKEN=t1." + R(B64Url, 60) + "." + R(B64Url, 86)),
            ("yandex-cloud-key", "Authorization: Api-Key AQVN" + R(B64Url, 36)),

            ("artifactory-api-key", "JFROG_ACCESS_TOKEN=" + AlnumBase64Of(() => "reftkn:01:1893456000:" + R(Alnum, 27))),
            ("grafana-service-account-token", "GRAFANA_API_KEY=" + B64Of("{\"k\":\"" + R(Alnum, 32) + "\",\"n\":\"deploy\",\"id\":1}")),
            ("gitlab-token", "Cookie: _gitlab_session=" + R(LowerAlnum, 32)),
            ("jwt", "JWT_B64=" + B64Of(Jwt("{\"alg\":\"RS256\"}", "{\"sub\":\"" + R(Alnum, 12) + "\"}"))),

            ("jwt", "var jwt = \"" + Jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"" + R(Alnum, 12) + "\",\"iat\":1700000000}") + "\";"),
            ("jwt", "{\"id_token\": \"" + Jwt("{\"alg\":\"RS256\",\"kid\":\"" + R(Alnum, 8) + "\"}", "{\"iss\":\"https://login.acme.io\",\"aud\":\"" + R(Alnum, 10) + "\"}") + "\"}"),

            ("basic-auth-header", "Authorization: Basic " + B64Of("svc-backup:" + R(Alnum, 16))),
            ("basic-auth-header", "request.Headers.Add(\"Authorization\", \"Basic " + B64Of("deploy@acme.io:" + R(Alnum, 12) + "!") + "\");"),

            ("bearer-token", "Authorization: Bearer " + R(Alnum, 40)),
            ("bearer-token", "client.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer " + R(B64Url, 30) + "." + R(Alnum, 12) + "\");"),

            ("url-credentials", "DATABASE_URL=postgres://orders:" + R(Alnum, 16) + "@db.internal:5432/orders"),
            ("url-credentials", "var bus = new Uri(\"amqps://svc-mail:" + R(Alnum, 20) + "@rabbit.acme.io:5671/vhost\");"),
            ("url-credentials", "{\"mongo\": \"mongodb+srv://app:" + R(Alnum, 18) + "@cluster0.ab1cd.mongodb.net/shop\"}"),

            ("connection-string-password", "Server=tcp:db.acme.io,1433;Database=orders;User ID=app;Password=" + R(Alnum, 14) + "!;Encrypt=true"),
            ("connection-string-password", "var cs = \"Host=db;Username=app;Pwd='" + R(Alnum, 12) + ";x'\";"),
            ("connection-string-password", "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + R(B64, 43) + "="),
        };
    }

    private static (string, string)[] BuildNegatives() => new[]
    {
        ("gcp-service-account-key", "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}"),
        ("gcp-service-account-key", "{\"private_key_id\": \"" + R(Hex, 40) + "\", \"private_key\": \"\"}"),

        ("private-key", Pem("PUBLIC KEY")),
        ("private-key", Pem("CERTIFICATE")),
        ("private-key", Pem("RSA PUBLIC KEY")),
        ("private-key", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
        ("private-key", "if (pem.StartsWith(\"-----BEGIN PRIVATE KEY-----\")) return Kind.Pkcs8;"),
        ("private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + new string('x', 70) + "\n-----END OPENSSH PRIVATE KEY-----"),

        ("putty-private-key", "Convert the PuTTY-User-Key-File-3 file with puttygen first."),
        ("putty-private-key", "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key\"\n" + R(B64, 64)),

        ("age-secret-key", "age1" + R(Bech32.ToLowerInvariant(), 58)),
        ("age-secret-key", "AGE-SECRET-KEY-1" + R(Bech32, 20)),

        ("aws-access-key-id", "AKIAIOSFODNN7EXAMPLE"),
        ("aws-access-key-id", "var id = \"AKIA" + R(Base32, 24) + "\";"),
        ("aws-access-key-id", "MY_AKIA" + R(UpperAlnum, 16)),
        ("aws-access-key-id", "AKIAXXXXXXXXXXXXXXXX"),

        ("aws-secret-access-key", "var blob = \"" + R(B64, 40) + "\";"),
        ("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY=" + R(Hex, 40)),
        ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}"),

        ("azure-storage-key", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
        ("azure-storage-key", "var blob = \"" + R(B64, 86) + "==\";"),
        ("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net"),

        ("azure-sas-token", "https://cdn.acme.io/img/logo.png?w=200&sig=" + R(Alnum, 43)),
        ("azure-sas-token", "https://acme.blob.core.windows.net/c/f?sv=2022-11-02&se=2030-01-01&sig=<signature>"),
        ("azure-sas-token", "?sv=2022-11-02&se=2030-01-01&sig=" + new string('x', 44)),

        ("azure-ad-client-secret", "AZURE_CLIENT_SECRET=abc8Q~short"),
        ("azure-ad-client-secret", "cd ~/Q~notes && ls"),

        ("azure-devops-pat", "var pat = \"" + R(Alnum, 76) + "AZDX" + R(Alnum, 4) + "\";"),
        ("azure-devops-pat", R(Alnum, 80) + "AZDO" + R(Alnum, 4)),

        ("azure-devops-legacy-pat", "var id = \"" + R(Base32.ToLowerInvariant(), 52) + "\";"),
        ("azure-devops-legacy-pat", "AZURE_DEVOPS_ORG=https://dev.azure.com/acme"),

        ("google-api-key", "var key = \"AIza" + R(Alnum, 30) + "\";"),
        ("google-api-key", "AIza" + R(Alnum, 45)),

        ("google-oauth-client-secret", "GOOGLE_CLIENT_SECRET=GOCSPX-short"),
        ("google-oauth-client-secret", "GOOGLE_CLIENT_SECRET=GOCSPX-" + new string('x', 28)),

        ("google-oauth-access-token", "ya29.short"),
        ("google-oauth-access-token", "token=ya29." + new string('X', 60)),

        ("firebase-cloud-messaging-key", "AAAAxxxxxxx:APA91b" + new string('x', 134)),
        ("firebase-cloud-messaging-key", "registration id starts with APA91b" + R(Alnum, 20)),

        ("alibaba-access-key-id", "LTAIxxxxxxxxxxxxxxxx"),
        ("alibaba-access-key-id", "LTAIProductionServers"),

        ("tencent-secret-id", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"),
        ("tencent-secret-id", "AKID" + R(Alnum, 10)),

        ("digitalocean-token", "dop_v1_" + R(Hex, 40)),
        ("digitalocean-token", "dop_v1_" + new string('0', 64)),

        ("heroku-api-key", "HRKU-AB" + R(B64Url, 58)),
        ("heroku-api-key", "HRKU-AA" + R(Alnum, 20)),

        ("heroku-legacy-api-key", "var id = \"" + SeededGuid() + "\";"),
        ("heroku-legacy-api-key", "heroku app id " + SeededGuid()),

        ("cloudflare-api-token", "var t = \"" + R(Alnum, 40) + "\";"),
        ("cloudflare-api-token", "CLOUDFLARE_ZONE_ID=" + R(Hex, 32)),

        ("databricks-token", "dapi" + R(Hex, 31)),
        ("databricks-token", "dapi" + new string('a', 32)),

        ("supabase-token", "sbp_" + R(Hex, 39)),
        ("supabase-token", "sbp_" + R(Hex, 40).ToUpperInvariant()),

        ("planetscale-token", "pscale_tkn_short"),
        ("planetscale-token", "pscale_db_" + R(Alnum, 43)),

        ("github-token", "ghp_abcdef123456"),
        ("github-token", "ghp_" + new string('x', 36)),
        ("github-token", "ghx_" + R(Alnum, 36)),
        ("github-token", Gh("ghp_") + "_extra_suffix_" + R(Alnum, 300)),
        ("github-token", "GITHUB_TOKEN=" + GhWrong("ghp_")),
        ("github-token", "{\"token\": \"ghs_" + R(Alnum, 36) + "\"}"),

        ("gitlab-token", "glpat-short"),
        ("gitlab-token", "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx"),

        ("atlassian-api-token", "ATATT3" + R(B64Url, 50)),
        ("atlassian-api-token", "ATATT3xFfGF0" + new string('x', 180)),

        ("npm-token", "npm_config_cache=/tmp/npm"),
        ("npm-token", "npm_" + R(Letters, 36)),
        ("npm-token", "NPM_TOKEN=" + GhWrong("npm_")),

        ("nuget-api-key", "oy2" + R(LowerAlnum, 20)),
        ("nuget-api-key", "oy2" + R(Lower, 43)),

        ("pypi-token", "pypi-AgEIcHlwaS5vcmc" + R(B64Url, 10)),
        ("pypi-token", "pypi-" + R(B64Url, 60)),

        ("rubygems-token", "rubygems_" + R(Hex, 40)),
        ("rubygems-token", "rubygems_version: 3.4.10"),

        ("docker-hub-token", "dckr_pat_short"),
        ("docker-hub-token", "dckr_pat_" + new string('x', 27)),

        ("artifactory-api-key", "AKCp" + R(Alnum, 30)),
        ("artifactory-api-key", "AKCp" + new string('a', 69)),

        ("terraform-cloud-token", "See https://app.terraform.io/atlasv1 for details"),
        ("terraform-cloud-token", R(Alnum, 14) + ".atlasv1." + R(Alnum, 20)),

        ("pulumi-access-token", "pul-" + R(Digits, 40)),
        ("pulumi-access-token", "pull-request-" + R(Hex, 40)),

        ("vault-token", "hvs.short"),
        ("vault-token", "hvs." + new string('x', 30)),

        ("doppler-token", "dp.pt.short"),
        ("doppler-token", "dp.xx." + R(Alnum, 43)),

        ("slack-token", "SLACK_BOT_TOKEN=xoxb-your-token"),
        ("slack-token", "xoxb-123"),

        ("slack-webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("slack-webhook", "Create one at https://hooks.slack.com/services/"),

        ("teams-webhook", "https://acme.webhook.office.com/webhookb2/" + SeededGuid() + "@" + SeededGuid() + "/IncomingWebhook/" + new string('x', 32) + "/" + SeededGuid()),
        ("teams-webhook", "https://acme.webhook.office.com/webhookb2/"),

        ("discord-webhook", "https://discord.com/api/webhooks/1" + R(Digits, 17) + "/short"),
        ("discord-webhook", "https://discord.com/channels/1" + R(Digits, 17) + "/1" + R(Digits, 17)),

        ("discord-bot-token", B64UrlOf("hello-world-abcdefgh") + "." + R(B64Url, 6) + "." + R(B64Url, 38)),
        ("discord-bot-token", "MTIz.version.1.2.3 MTIzNDU2Nzg5MDEyMzQ1Njc4.short"),

        ("telegram-bot-token", "12345:ABC"),
        ("telegram-bot-token", "1234567890:" + R(Lower, 35)),

        ("sendgrid-key", "SG.short.tok"),
        ("sendgrid-key", "MSG." + R(Alnum, 22) + "." + R(Alnum, 43)),

        ("mailgun-api-key", "key-" + R(Hex, 31)),
        ("mailgun-api-key", "X-Api-Key-Header: required"),

        ("mailchimp-api-key", R(Hex, 32) + "-uk1"),
        ("mailchimp-api-key", R(Hex, 20) + "-us1"),

        ("brevo-api-key", "xkeysib-short"),
        ("brevo-api-key", "xkeysib-" + R(Hex, 64)),

        ("twilio-auth-token", "var hash = \"" + R(Hex, 32) + "\";"),
        ("twilio-auth-token", "TWILIO_ACCOUNT_SID=AC" + R(Hex, 32)),

        ("linear-api-key", "lin_api_" + R(Alnum, 20)),
        ("linear-api-key", "lin_api_key_name"),

        ("notion-token", "secret_key_base"),
        ("notion-token", "secret_" + R(Lower, 43)),

        ("postman-api-key", "PMAK-" + R(Hex, 24)),
        ("postman-api-key", "PMAK-short-key"),

        ("stripe-key", "STRIPE_PUBLISHABLE_KEY=pk_live_" + R(Alnum, 24)),
        ("stripe-key", "sk_live_short"),
        ("stripe-key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),

        ("stripe-webhook-secret", "whsec_short"),
        ("stripe-webhook-secret", "whsec_" + new string('x', 32)),

        ("square-access-token", "EAAB" + R(B64Url, 60)),
        ("square-access-token", "sq0atp-short"),

        ("square-oauth-secret", "sq0csp-short"),
        ("square-oauth-secret", "SQUARE_APP_ID=sq0idp-" + R(B64Url, 22)),

        ("shopify-token", "shpat_" + R(Hex, 31)),
        ("shopify-token", "shpxx_" + R(Hex, 32)),

        ("anthropic-key", "sk-ant-api03-short"),
        ("anthropic-key", "sk-ant-api03-" + new string('x', 95)),

        ("openai-key", "sk-proj-short"),
        ("openai-key", "sk-" + R(Alnum, 48)),
        ("openai-key", "task-proj-" + R(Alnum, 60)),

        ("huggingface-token", "hf_" + R(Letters, 20)),
        ("huggingface-token", "hf_hub_download(repo_id=\"gpt2\")"),

        ("perplexity-api-key", "pplx-short"),
        ("perplexity-api-key", "pplx-" + R(Alnum, 30)),

        ("grafana-cloud-token", "glc_short"),
        ("grafana-cloud-token", "glc_" + new string('A', 40)),

        ("grafana-service-account-token", "glsa_" + R(Alnum, 32)),
        ("grafana-service-account-token", "glsa_short_12345678"),

        ("newrelic-key", "NEW_RELIC_BROWSER_KEY=NRJS-" + R(Hex, 19)),
        ("newrelic-key", "NRAK-short"),

        ("datadog-api-key", "md5: " + R(Hex, 32)),
        ("datadog-api-key", "DD_API_KEY=" + R(Hex, 40)),

        ("datadog-app-key", "commit " + R(Hex, 40)),
        ("datadog-app-key", "DD_APP_KEY=" + R(Digits, 40)),

        ("dynatrace-token", "dt0c01.short"),
        ("dynatrace-token", "dt0c01." + R(UpperAlnum, 24)),

        ("sentry-dsn", "SENTRY_DSN=https://" + R(Hex, 32) + "@o123456.ingest.sentry.io/4500123"),
        ("sentry-dsn", "SENTRY_DSN=https://" + R(Hex, 32) + ":" + new string('x', 32) + "@o1.ingest.sentry.io/1"),

        ("sentry-token", "sntryu_short"),
        ("sentry-token", "sntryu_" + R(Hex, 40)),

        ("mapbox-secret-token", "MAPBOX_TOKEN=pk.eyJ1IjoiYWNtZSIsImEiOiJ" + R(Alnum, 22) + "." + R(B64Url, 22)),
        ("mapbox-secret-token", "sk.eyJshort"),

        ("1password-secret", "A3-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 11) + "-" + R(UpperAlnum, 5) + "-" + R(UpperAlnum, 5)),
        ("1password-secret", "A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"),
        ("1password-secret", "OP_SERVICE_ACCOUNT_TOKEN=ops_" + B64UrlOf("{\"kind\":\"not-a-token\",\"data\":\"" + R(Hex, 200) + "\"}")),

        ("adafruit-io-key", "aio_" + R(Alnum, 20)),
        ("adafruit-io-key", "ADAFRUIT_IO_KEY=aio_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"),

        ("adobe-client-secret", "p8e-" + R(Alnum, 24)),
        ("adobe-client-secret", "ADOBE_CLIENT_SECRET=p8e-" + new string('0', 32)),

        ("airtable-token", "pat" + R(Alnum, 14) + "." + R(Hex, 40)),
        ("airtable-token", "path" + R(Alnum, 13) + "." + R(Alnum, 64)),

        ("authress-access-key", "sc_" + R(Alnum, 10) + "." + R(Alnum, 5) + ".acc_" + R(LowerAlnum, 20)),
        ("authress-access-key", "docs.acc_example.com"),

        ("aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"),
        ("aws-bedrock-api-key", "ABSK" + R(B64, 120)),

        ("clickhouse-cloud-key", "4b1d" + R(Hex, 38)),
        ("clickhouse-cloud-key", "4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),

        ("clojars-token", "CLOJARS_" + R(LowerAlnum, 40)),
        ("clojars-token", "CLOJARS_USERNAME=acme"),

        ("cloudflare-origin-ca-key", "v1.0-" + R(Hex, 24) + "-" + R(Hex, 100)),
        ("cloudflare-origin-ca-key", "api/v1.0-beta/resources"),

        ("defined-networking-token", "dnkey-" + R(UpperAlnum, 26)),
        ("defined-networking-token", "DN_API_KEY=dnkey-${DN_KEY}"),

        ("dropbox-token", "sl." + R(B64Url, 40)),
        ("dropbox-token", "var blob = \"" + R(Alnum, 30) + "AAAAAAAAAA" + R(B64Url, 60) + "\";"),
        ("dropbox-token", "MIIB" + R(B64, 20) + "/" + R(Alnum, 11) + "AAAAAAAAAA" + R(Alnum, 43) + "+" + R(B64, 20) + "=="),

        ("duffel-token", "duffel_test_" + R(B64Url, 20)),
        ("duffel-token", "DUFFEL_ACCESS_TOKEN=duffel_test_<your-access-token>"),

        ("easypost-api-key", "EZAK" + R(Alnum, 30)),
        ("easypost-api-key", "EZAK" + new string('x', 54)),

        ("facebook-access-token", "EAAG" + R(Alnum, 60)),
        ("facebook-access-token", "EAAB" + R(Lower, 120)),

        ("facebook-app-secret", "var md5 = \"" + R(Hex, 32) + "\";"),
        ("facebook-app-secret", "facebook_app_id = " + R(Digits, 15)),

        ("flutterwave-secret-key", "FLWPUBK_TEST-" + R(Hex, 32) + "-X"),
        ("flutterwave-secret-key", "FLWSECK_TEST-" + new string('x', 32) + "-X"),

        ("flyio-token", "fo1_" + R(B64Url, 20)),
        ("flyio-token", "fm2_" + R(B64, 40)),

        ("frameio-token", "fio-u-" + R(B64Url, 30)),
        ("frameio-token", "fio-u-" + new string('x', 64)),

        ("harness-token", "pat." + R(B64Url, 22) + "." + R(Alnum, 24)),
        ("harness-token", "compat.Version.Major.Minor"),

        ("infracost-api-key", "ico-" + R(Alnum, 20)),
        ("infracost-api-key", "ico-" + R(Lower, 32)),

        ("intra42-client-secret", "s-s4t2ud-" + R(Hex, 40)),
        ("intra42-client-secret", "s-s4t2ud-" + new string('0', 64)),

        ("lob-api-key", "test_" + R(Hex, 32)),
        ("lob-api-key", "live_" + R(Lower, 35)),

        ("mailgun-signing-key", R(Hex, 32) + "-" + R(Hex, 8) + "-" + R(Hex, 8)),
        ("mailgun-signing-key", "mailgun domain id " + SeededGuid()),

        ("maxmind-license-key", R(Alnum, 6) + "_" + R(Alnum, 20) + "_mmk"),
        ("maxmind-license-key", "MAXMIND_LICENSE_KEY=YOUR_LICENSE_KEY_mmk"),

        ("nuget-config-password", "<add key=\"Password\" value=\"AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA" + R(B64, 60) + "\" />"),
        ("nuget-config-password", "<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />"),
        ("nuget-config-password", "<add key=\"ClearTextPassword\" value=\"password\" />"),

        ("octopus-deploy-api-key", "API-" + R(UpperAlnum, 12)),
        ("octopus-deploy-api-key", "API-CALCULADORADEINVESTIMENTOS"),

        ("openshift-token", "sha256~" + R(B64Url, 20)),
        ("openshift-token", "sha256:" + R(Hex, 64)),

        ("plaid-access-token", "access-sandbox-" + R(Hex, 32)),
        ("plaid-access-token", "public-sandbox-" + SeededGuid()),

        ("prefect-api-key", "pnu_" + R(Alnum, 20)),
        ("prefect-api-key", "pnu_" + new string('x', 36)),

        ("readme-api-key", "rdme_" + R(LowerAlnum, 40)),
        ("readme-api-key", "rdme_" + R(Lower, 70)),

        ("scalingo-token", "tk-us-" + R(B64Url, 20)),
        ("scalingo-token", "tk-us-" + new string('x', 48)),

        ("settlemint-token", "sm_pat_" + R(Alnum, 8)),
        ("settlemint-token", "sm_pat_XXXXXXXXXXXXXXXX"),

        ("shippo-api-token", "shippo_live_" + R(Hex, 30)),
        ("shippo-api-token", "shippo_live_<your-token>"),

        ("sidekiq-credentials", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}"),
        ("sidekiq-credentials", "source \"https://gems.contribsys.com/\""),

        ("sonarqube-token", "squ_" + R(Hex, 20)),
        ("sonarqube-token", "squ_" + new string('0', 40)),

        ("sourcegraph-token", "sgp_" + R(Hex, 20)),
        ("sourcegraph-token", "sgp_" + R(Lower, 40)),

        ("twitter-bearer-token", new string('A', 22) + R(Alnum, 30)),
        ("twitter-bearer-token", new string('A', 120)),
        ("twitter-bearer-token", "var blob = Convert.FromBase64String(\"" + new string('A', 22) + R(Alnum, 40) + "+" + R(Alnum, 60) + "==\");"),

        ("typeform-token", "tfp_" + R(B64Url, 30)),
        ("typeform-token", "tfp_" + new string('x', 59)),

        ("yandex-cloud-key", "AQVN" + R(B64Url, 20)),
        ("yandex-cloud-key", "t1." + R(Lower, 10)),

        ("jwt", Jwt("{\"typ\":\"JWT\"}", "{\"sub\":\"x\"}")),
        ("jwt", B64UrlOf("{\"alg\":\"none\"}") + "." + B64UrlOf("{\"sub\":\"" + R(Alnum, 12) + "\"}") + "."),
        ("jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
        ("jwt", B64UrlOf("{\"alg\":\"HS256\"}") + "." + B64UrlOf("{\"sub\":\"" + R(Alnum, 12) + "\"}")),

        ("basic-auth-header", "Authorization: Basic " + B64Of("user:password")),
        ("basic-auth-header", "Authorization: Basic " + B64Of("justsometextwithoutcolon")),
        ("basic-auth-header", "Basic authentication is required for this endpoint"),

        ("bearer-token", "Authorization: Bearer YOUR_ACCESS_TOKEN"),
        ("bearer-token", "\"Authorization\": \"Bearer {token}\""),
        ("bearer-token", "The bearer of this message is authorised."),

        ("url-credentials", "postgres://user:password@localhost/db"),
        ("url-credentials", "https://admin:${DB_PASSWORD}@db.acme.io/"),
        ("url-credentials", "https://svc:" + R(Alnum, 16) + "@example.com/api"),
        ("url-credentials", "amqp://guest:guest@localhost:5672/"),
        ("url-credentials", "https://api.acme.io:8443/v1/items?id=3"),

        ("connection-string-password", "Server=.;Database=orders;Integrated Security=true;"),
        ("connection-string-password", "Server=db;User Id=app;Password=;"),
        ("connection-string-password", "Server=db;User Id=app;Password=${DB_PASSWORD};"),
        ("connection-string-password", "Server=db;User Id=sa;Password={0};"),
        ("connection-string-password", "Server=db;User Id=sa;Password=password"),
        ("connection-string-password", "Enter the password = the one you chose"),
    };

    public static IEnumerable<object[]> Positives() => PositiveCases.Select(c => new object[] { c.Id, c.Text });

    public static IEnumerable<object[]> Negatives() => NegativeCases.Select(c => new object[] { c.Id, c.Text });

    // ---- Per-family behaviour -----------------------------------------------------------------------------------------
    [Theory]
    [MemberData(nameof(Positives))]
    public void A_family_finds_its_format_inside_realistic_text(string id, string text)
    {
        var match = Catalogue.Find(text);
        Assert.True(match is not null, "nothing found for " + id);
        Assert.Equal(id, match!.Family.Id);
        Assert.InRange(match.Index, 0, text.Length - 1);
        Assert.InRange(match.Index + match.Length, match.Index + 1, text.Length);
        Assert.Contains(Catalogue.FindAll(text), m => m.Family == match.Family && m.Index == match.Index && m.Length == match.Length);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void A_near_miss_matches_no_family(string id, string text)
    {
        var match = Catalogue.Find(text);
        Assert.True(match is null, "a near miss for " + id + " matched " + match?.Family.Id);
        Assert.Empty(Catalogue.FindAll(text));
    }

    [Fact]
    public void Every_family_has_at_least_two_positives_and_two_near_misses()
    {
        foreach (var family in Catalogue.Families)
        {
            Assert.True(PositiveCases.Count(c => c.Id == family.Id) >= 2, family.Id + " needs two positives");
            Assert.True(NegativeCases.Count(c => c.Id == family.Id) >= 2, family.Id + " needs two near misses");
        }

        var ids = new HashSet<string>(Catalogue.Families.Select(f => f.Id));
        Assert.All(PositiveCases, c => Assert.Contains(c.Id, ids));
        Assert.All(NegativeCases, c => Assert.Contains(c.Id, ids));
    }

    // ---- The catalogue as a whole ------------------------------------------------------------------------------------
    [Fact]
    public void The_catalogue_has_at_least_forty_families_with_unique_ids_and_keywords()
    {
        var families = Catalogue.Families;
        Assert.True(families.Count >= 40, "only " + families.Count + " families");
        Assert.True(families.Count <= 128, families.Count + " families: beyond 128, every Find allocates its set of candidates (FamilySet)");
        Assert.Equal(families.Count, families.Select(f => f.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var family in families)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", family.Id);
            Assert.NotEmpty(family.Keywords);
            Assert.All(family.Keywords, k => Assert.False(string.IsNullOrEmpty(k), family.Id + " has an empty keyword"));
            Assert.All(family.Keywords, k => Assert.True(k.All(c => c < 128), family.Id + " keyword is not ASCII"));
            Assert.True(family.Regex.MatchTimeout <= TimeSpan.FromMilliseconds(250), family.Id + " has no timeout");
            Assert.True((family.Regex.Options & System.Text.RegularExpressions.RegexOptions.ExplicitCapture) != 0, family.Id);
            if (family.RequiresContext)
            {
                Assert.All(family.ContextKeywords, k => Assert.False(string.IsNullOrEmpty(k)));
            }
        }
    }

    [Fact]
    public void Every_description_reads_as_a_noun_phrase_with_an_article()
    {
        foreach (var family in Catalogue.Families)
        {
            var d = family.Description;
            Assert.Matches("^(a|an) [A-Za-z0-9(]", d);
            Assert.False(d.EndsWith(".", StringComparison.Ordinal), family.Id);
            var space = d.IndexOf(' ');
            var noun = d.Substring(space + 1);
            var an = ("AEIOUaeiou".IndexOf(noun[0]) >= 0 && !noun.StartsWith("URL", StringComparison.Ordinal)) ||
                     noun.StartsWith("HTTP", StringComparison.Ordinal) || noun.StartsWith("npm", StringComparison.Ordinal) ||
                     noun.StartsWith("SSH", StringComparison.Ordinal);
            Assert.True(d.Substring(0, space) == (an ? "an" : "a"), family.Id + ": \"" + d + "\" has the wrong article");
        }
    }

    [Fact]
    public void The_families_the_brief_names_are_all_there()
    {
        var expected = new[]
        {
            "aws-access-key-id", "aws-secret-access-key", "azure-storage-key", "azure-sas-token", "connection-string-password", "google-api-key",
            "gcp-service-account-key", "github-token", "gitlab-token", "slack-token", "slack-webhook", "stripe-key", "stripe-webhook-secret",
            "twilio-auth-token", "sendgrid-key", "mailgun-api-key", "openai-key", "anthropic-key", "huggingface-token", "npm-token", "nuget-api-key",
            "pypi-token", "shopify-token", "square-access-token", "square-oauth-secret", "discord-bot-token", "discord-webhook", "telegram-bot-token",
            "datadog-api-key", "datadog-app-key", "jwt", "private-key", "url-credentials", "basic-auth-header", "azure-ad-client-secret",
            "google-oauth-client-secret", "atlassian-api-token", "digitalocean-token", "heroku-api-key", "linear-api-key", "notion-token",
            "postman-api-key", "doppler-token", "vault-token", "grafana-cloud-token", "grafana-service-account-token", "newrelic-key", "sentry-dsn",
            "firebase-cloud-messaging-key", "cloudflare-api-token", "alibaba-access-key-id", "tencent-secret-id", "databricks-token",
        };
        var ids = Catalogue.Families.Select(f => f.Id).ToList();
        Assert.All(expected, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Context_families_recognise_a_bare_value_by_the_name_that_holds_it()
    {
        var awsSecret = R(B64, 40);
        Assert.Null(Catalogue.Find(awsSecret));
        Assert.Equal("aws-secret-access-key", Catalogue.Find(awsSecret, "AWS_SECRET_ACCESS_KEY")!.Family.Id);
        Assert.Equal("aws-secret-access-key", Catalogue.Find(awsSecret, "AwsSecretAccessKey")!.Family.Id);
        Assert.Null(Catalogue.Find(awsSecret, "ConnectionTimeout"));

        var ddKey = R(Hex, 32);
        Assert.Null(Catalogue.Find(ddKey));
        Assert.Equal("datadog-api-key", Catalogue.Find(ddKey, "DD_API_KEY")!.Family.Id);
        Assert.Equal("datadog-app-key", Catalogue.Find(R(Hex, 40), "DD_APP_KEY")!.Family.Id);
        Assert.Equal("twilio-auth-token", Catalogue.Find(R(Hex, 32), "TwilioAuthToken")!.Family.Id);
        Assert.Equal("azure-storage-key", Catalogue.Find(R(B64, 86) + "==", "Storage__AccountKey")!.Family.Id);
        Assert.Equal("heroku-legacy-api-key", Catalogue.Find(SeededGuid(), "HEROKU_API_KEY")!.Family.Id);
        Assert.Equal("cloudflare-api-token", Catalogue.Find(R(Alnum, 40), "CLOUDFLARE_API_TOKEN")!.Family.Id);

        // Context never lets a placeholder, a hash or a GUID through on its own.
        Assert.Null(Catalogue.Find("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY"));
        Assert.Null(Catalogue.Find(R(Hex, 40), "AWS_SECRET_ACCESS_KEY"));
        Assert.Null(Catalogue.Find(SeededGuid(), "DD_API_KEY"));
        Assert.Null(Catalogue.Find("0123456789abcdef0123456789abcdef", "DD_API_KEY"));
    }

    [Fact]
    public void Context_must_be_near_the_match()
    {
        var far = "aws_secret_access_key is documented below." + new string(' ', 400) + "value: " + R(B64, 40);
        Assert.Null(Catalogue.Find(far));
        var near = "aws_secret_access_key: " + R(B64, 40);
        Assert.NotNull(Catalogue.Find(near));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("ghp_000000000000000000000000000000000000")]
    [InlineData("ghp_1234567890abcdefghijklmnopqrstuvwxyz")]
    [InlineData("sk_live_<your-key-here>")]
    [InlineData("sk_live_XXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("sk_live_changeme_changeme_changeme")]
    [InlineData("xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("${GITHUB_TOKEN}")]
    [InlineData("<your-key>")]
    [InlineData("changeme")]
    [InlineData("postgres://app:${DB_PASSWORD}@db:5432/x")]
    [InlineData("postgres://app:$(DbPassword)@db:5432/x")]
    [InlineData("postgres://app:{password}@db:5432/x")]
    [InlineData("postgres://app:%DB_PASSWORD%@db:5432/x")]
    [InlineData("postgres://app:{{ db_password }}@db:5432/x")]
    [InlineData("Server=db;Password=#{DbPassword}#;")]
    [InlineData("Server=db;Password=__DB_PASSWORD__;")]
    [InlineData("Server=db;Password=$DB_PASSWORD;")]
    [InlineData("Server=db;Password=<password>;")]
    [InlineData("Server=db;Password=********;")]
    [InlineData("Server=db;Password=REDACTED;")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----")]
    public void Placeholders_and_published_examples_never_match(string text)
    {
        Assert.Null(Catalogue.Find(text));
        Assert.Null(Catalogue.Find(text, "AWS_SECRET_ACCESS_KEY"));
    }

    [Theory]
    [InlineData("${X}")]
    [InlineData("{0}")]
    [InlineData("{password}")]
    [InlineData("{{ secrets.API_KEY }}")]
    [InlineData("$(ApiKey)")]
    [InlineData("%API_KEY%")]
    [InlineData("#{ApiKey}")]
    [InlineData("__API_KEY__")]
    [InlineData("@API_KEY@")]
    [InlineData("$API_KEY")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")]
    public void The_lexicon_knows_template_references_and_published_samples(string value) =>
        Assert.True(SensitivityLexicon.IsPlaceholder(value));

    [Theory]
    [InlineData("s3cr3t-P4ss")]
    [InlineData("{\"a\": 1}")]
    [InlineData("$ecr3t!Pass")]
    [InlineData("%percent")]
    [InlineData("hunter22")]
    public void The_lexicon_still_takes_real_looking_values_as_values(string value) =>
        Assert.False(SensitivityLexicon.IsPlaceholder(value));

    [Fact]
    public void Hashes_guids_ordinary_base64_ciphertext_and_public_keys_never_match()
    {
        var texts = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            texts.Add(R(Hex, 40));                                   // sha1, git commit
            texts.Add(R(Hex, 64));                                   // sha256
            texts.Add(R(Hex, 32));                                   // md5
            texts.Add("commit " + R(Hex, 40));
            texts.Add("sha256:" + R(Hex, 64));
            texts.Add(SeededGuid());
            texts.Add("{" + SeededGuid().ToUpperInvariant() + "}");
            texts.Add(B64Of("The quick brown fox jumps over the lazy dog " + i));
            texts.Add(B64Of("{\"name\":\"order-" + i + "\",\"total\":12.5,\"items\":[1,2,3]}"));
            texts.Add("DEV_ENC:v1:" + R(Hex, 8) + ":" + R(B64Url, 40 + i));
            texts.Add("PROD_ENC:v1:" + R(Hex, 8) + ":" + R(B64Url, 86) + "==");
            texts.Add("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + R(B64, 43) + " dev@laptop");
            texts.Add("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + R(B64, 300) + " ci@build");
            texts.Add(Pem("PUBLIC KEY"));
            texts.Add(Pem("CERTIFICATE"));
            texts.Add("integrity sha512-" + R(B64, 86) + "==");
            texts.Add("\"integrity\": \"sha384-" + R(B64, 64) + "\"");
        }

        foreach (var text in texts)
        {
            var match = Catalogue.Find(text);
            Assert.True(match is null, text + " matched " + match?.Family.Id);
        }
    }

    [Fact]
    public void Ciphertext_stays_ciphertext_even_under_a_secret_name()
    {
        Assert.Null(Catalogue.Find("DEV_ENC:v1:0a1b2c3d:" + R(B64, 40), "AWS_SECRET_ACCESS_KEY"));
        Assert.Null(Catalogue.Find("PROD_ENC:v1:0a1b2c3d:" + R(Hex, 32), "DD_API_KEY"));
    }

    [Fact]
    public void Tokens_are_not_found_inside_longer_identifiers_or_random_strings()
    {
        var token = Gh("ghp_");
        Assert.NotNull(Catalogue.Find("x " + token + " y"));
        Assert.Null(Catalogue.Find("my" + token));
        Assert.Null(Catalogue.Find(token + R(Alnum, 300)));
        Assert.Null(Catalogue.Find("xAKIA" + R(Base32, 16)));
        Assert.Null(Catalogue.Find("AKIA" + R(Base32, 16) + "Q"));
        Assert.Null(Catalogue.Find("prefix_npm_" + R(Alnum, 36)));
    }

    // ---- API additions ------------------------------------------------------------------------------------------------
    [Fact]
    public void FindAll_lists_every_credential_in_order_without_overlaps()
    {
        var id = "AKIA" + R(Base32, 16);
        var text = "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + R(B64, 40) + "\ngithub = " + Gh("ghp_") + "\n";
        var all = Catalogue.FindAll(text);
        Assert.Equal(new[] { "aws-access-key-id", "aws-secret-access-key", "github-token" }, all.Select(m => m.Family.Id));
        Assert.True(all.Zip(all.Skip(1), (a, b) => a.Index + a.Length <= b.Index).All(x => x));
        Assert.Equal(id, text.Substring(all[0].Index, all[0].Length));
        Assert.Equal("aws-access-key-id", Catalogue.Find(text)!.Family.Id);
        Assert.Empty(Catalogue.FindAll(null));
        Assert.Empty(Catalogue.FindAll("short"));
    }

    [Fact]
    public void Without_disables_families_by_id()
    {
        var token = "var t = \"" + Gh("ghp_") + "\";";
        Assert.NotNull(Catalogue.Find(token));
        var without = Catalogue.Without(new[] { "GitHub-Token", "no-such-family" });
        Assert.Null(without.Find(token));
        Assert.Equal(Catalogue.Families.Count - 1, without.Families.Count);
        Assert.Equal(Catalogue.Families.Count, Catalogue.Families.Count); // the original is untouched
        Assert.NotNull(Catalogue.Find(token));
    }

    [Fact]
    public void Custom_families_keep_the_original_constructor()
    {
        var family = new CredentialFamily("acme-key", "an Acme key", new[] { "acme_" }, @"\bacme_(?<secret>[a-z0-9]{20})\b", 3.0);
        var catalogue = new CredentialCatalogue(new[] { family });
        Assert.Equal("acme-key", catalogue.Find("key = acme_" + R(LowerAlnum, 20))!.Family.Id);
        Assert.Null(catalogue.Find("key = acme_" + new string('a', 20)));
        Assert.False(family.RequiresContext);
        Assert.Equal("an Acme key at 6", catalogue.Find("key = acme_" + R(LowerAlnum, 20))!.ToString());
    }

    [Fact]
    public void Find_never_throws_and_gives_up_on_nothing_it_should_find()
    {
        Assert.Null(Catalogue.Find(null));
        Assert.Null(Catalogue.Find(""));
        Assert.Null(Catalogue.Find("short"));
        Assert.NotNull(Catalogue.Find(Gh("ghp_"), null));

        // Adversarial shapes: long runs of each alphabet, unclosed structures, many separators.
        var inputs = new[]
        {
            new string('a', 100_000),
            R(B64, 100_000),
            R(B64Url, 50_000),
            string.Concat(Enumerable.Repeat("eyJ" + R(B64Url, 20) + ".", 2_000)),
            string.Concat(Enumerable.Repeat("xoxb-1-", 5_000)),
            string.Concat(Enumerable.Repeat("a:b@", 10_000)),
            "https://" + new string(':', 50_000) + "@",
            string.Concat(Enumerable.Repeat(";Password=", 5_000)),
            "-----BEGIN PRIVATE KEY-----" + string.Concat(Enumerable.Repeat("\nA: b", 10_000)),
            string.Concat(Enumerable.Repeat("sig=sv=se=", 5_000)),
            string.Concat(Enumerable.Repeat("MTIz.", 10_000)),
            "Basic " + R(B64, 100_000),
            "Bearer " + R(B64Url, 100_000),
        };
        foreach (var input in inputs)
        {
            var ex = Record.Exception(() => Catalogue.FindAll(input, "AWS_SECRET_ACCESS_KEY DD_API_KEY twilio"));
            Assert.Null(ex);
        }
    }

    // ---- Cheapness ----------------------------------------------------------------------------------------------------
    [Theory]
    [InlineData("OrderProcessingService")]
    [InlineData("Customer {0} placed order {1} at {2:O}")]
    [InlineData("The operation completed successfully.")]
    [InlineData("https://api.acme.io/v2/orders?page=3")]
    [InlineData("Logging:LogLevel:Microsoft.AspNetCore")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("SELECT id, name FROM customers WHERE id = @id")]
    [InlineData("Value cannot be null. (Parameter 'input')")]
    [InlineData("C:\\Program Files\\Acme\\app.exe")]
    public void A_typical_literal_passes_no_prefilter(string text) =>
        Assert.Empty(Catalogue.Candidates(text));

    [Fact]
    public void One_hundred_thousand_ordinary_strings_match_nothing()
    {
        var strings = OrdinaryStrings(100_000).ToList();
        Assert.Equal(100_000, strings.Count);
        var matched = strings.Where(s => Catalogue.Find(s) is not null).Take(5).ToList();
        Assert.True(matched.Count == 0, "matched: " + string.Join(" | ", matched));
    }

    private static IEnumerable<string> OrdinaryStrings(int count)
    {
        var random = new Random(4242);
        var words = ("order customer invoice payment service handler request response token key secret password basic bearer account " +
                     "storage connection string value config setting user name email address retry timeout cache client server host " +
                     "the a of to and in is it for on with as was at by an be this that from or have not are but had his they you").Split(' ');
        string Word() => words[random.Next(words.Length)];
        string Pascal() => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => { var w = Word(); return char.ToUpperInvariant(w[0]) + w.Substring(1); }));
        string From(string alphabet, int n)
        {
            var chars = new char[n];
            for (var i = 0; i < n; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        string Hexes(int n) => From(Hex, n);
        string Alnums(int n) => From(Alnum, n);

        for (var i = 0; i < count; i++)
        {
            switch (i % 20)
            {
                case 0: yield return Pascal(); break;
                case 1: yield return string.Join("_", Enumerable.Range(0, random.Next(2, 5)).Select(_ => Word().ToUpperInvariant())); break;
                case 2: yield return "https://" + Word() + ".acme.io/" + Word() + "/" + random.Next(1000) + "?" + Word() + "=" + Word(); break;
                case 3: yield return string.Join(" ", Enumerable.Range(0, random.Next(5, 14)).Select(_ => Word())) + "."; break;
                case 4: yield return new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString(); break;
                case 5: yield return Hexes(40); break;
                case 6: yield return Hexes(64); break;
                case 7: yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(" ", Enumerable.Range(0, random.Next(3, 12)).Select(_ => Word())))); break;
                case 8: yield return "DEV_ENC:v1:" + Hexes(8) + ":" + Alnums(random.Next(39, 120)); break;
                case 9: yield return Word() + "." + Pascal() + "(" + Word() + ", " + Word() + ")"; break;
                case 10: yield return "{\"" + Word() + "\": \"" + Word() + "\", \"" + Word() + "\": " + random.Next(10000) + "}"; break;
                case 11: yield return Word() + "@" + Word() + ".com"; break;
                case 12: yield return Word().ToUpperInvariant() + "_" + Word().ToUpperInvariant() + "=" + Word(); break;
                case 13: yield return "v" + random.Next(10) + "." + random.Next(100) + "." + random.Next(1000) + "-preview." + random.Next(10); break;
                case 14: yield return "/var/lib/" + Word() + "/" + Pascal() + ".dll"; break;
                case 15: yield return "Server=" + Word() + ";Database=" + Word() + ";Integrated Security=true;"; break;
                case 16: yield return "The " + Word() + " " + Word() + " must be at least " + random.Next(8, 64) + " characters."; break;
                case 17: yield return Hexes(7) + " " + string.Join(" ", Enumerable.Range(0, 5).Select(_ => Word())); break;
                case 18: yield return "Bearer " + Word() + " " + Word() + " Basic " + Word(); break;
                default: yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"" + Word() + "\":\"" + Word() + "\"}")); break;
            }
        }
    }
}
