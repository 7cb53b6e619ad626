using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecretGuard.Credentials;

/// <summary>
/// The built-in credential formats, from vendors' published token formats. Specific formats come first, loose
/// ones (context-dependent, JWT, auth headers, URLs, connection strings) last, so a value is named by its most
/// precise family. Every quantifier is bounded and no group nests an unbounded repetition, so no pattern can
/// backtrack catastrophically; every token is fenced by look-arounds so an identifier or a longer random string
/// never half-matches.
/// </summary>
internal static class BuiltInCredentialFamilies
{
    // Fences: the token is not preceded / followed by a character of its own alphabet.
    private const string NoB64UBefore = @"(?<![A-Za-z0-9_\-])";
    private const string NoB64UAfter = @"(?![A-Za-z0-9_\-])";
    private const string NoB64Before = @"(?<![A-Za-z0-9+/])";
    private const string NoB64After = @"(?![A-Za-z0-9+/=])";
    private const string NoAlnumBefore = @"(?<![A-Za-z0-9])";
    private const string NoAlnumAfter = @"(?![A-Za-z0-9])";

    // A line break, real or escaped inside a JSON or C# string.
    private const string Space = @"(\s|\\r|\\n)";
    private const string LineBreak = @"(\r?\n|\\r\\n|\\n)";

    public static IEnumerable<CredentialFamily> Create()
    {
        // ---- Private keys -------------------------------------------------------------------------------------
        yield return F("gcp-service-account-key", "a Google Cloud service-account key",
            new[] { "private_key" },
            @"\\?""private_key\\?""\s{0,5}:\s{0,5}\\?""-----BEGIN (RSA )?PRIVATE KEY-----" + Space + "{1,4}" + @"(?<secret>[A-Za-z0-9+/]{40,100})",
            entropy: 3.0, minLength: 80, requires: "-:");

        yield return F("private-key", "a private key",
            new[] { "PRIVATE KEY" },
            @"-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP|SSH2 ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----" + Space + "{0,8}" +
            @"([A-Za-z][A-Za-z0-9\-]{1,40}:[^\r\n\\]{0,200}" + LineBreak + "){0,6}" + Space + "{0,8}" +
            @"(?<secret>[A-Za-z0-9+/]{40,100})",
            entropy: 3.0, minLength: 70, requires: "-");

        yield return F("putty-private-key", "a PuTTY private key",
            new[] { "PuTTY-User-Key-File-" },
            @"PuTTY-User-Key-File-[1-3]: ?[A-Za-z0-9\-@.]{3,40}" + LineBreak + @"Encryption: ?[A-Za-z0-9\-]{1,30}",
            requires: "-:");

        yield return F("age-secret-key", "an age secret key",
            new[] { "AGE-SECRET-KEY-1" },
            @"\bAGE-SECRET-KEY-1(?<secret>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b",
            entropy: 3.0);

        // ---- Cloud providers ----------------------------------------------------------------------------------
        yield return F("aws-access-key-id", "an AWS access key id",
            new[] { "AKIA", "ASIA", "ABIA", "ACCA" },
            @"\b(AKIA|ASIA|ABIA|ACCA)(?<secret>[A-Z0-9]{16})\b",
            entropy: 2.8, minLength: 20);

        var awsSecret = new[]
        {
            "aws_secret", "aws-secret", "awssecret", "aws secret", "secret_access_key", "secretaccesskey", "secret-access-key",
            "secret access key", "AKIA", "ASIA",
        };
        yield return F("aws-secret-access-key", "an AWS secret access key",
            awsSecret,
            NoB64Before + @"(?<secret>[A-Za-z0-9/+]{40})" + NoB64After,
            entropy: 4.0, context: awsSecret, validate: m => CredentialChecks.HasUpperLowerDigit(m.Value), minLength: 40);

        var azureStorage = new[]
        {
            "accountkey", "account_key", "account-key", "storagekey", "storage_key", "storage-key", "storageaccountkey", "storage_account",
            "azure_storage", "azurestorage", "cosmos", "primarykey", "primary_key", "secondarykey", "secondary_key",
        };
        yield return F("azure-storage-key", "an Azure storage account key",
            azureStorage,
            NoB64Before + @"(?<secret>[A-Za-z0-9+/]{86}==)" + NoB64After,
            entropy: 4.5, context: azureStorage, validate: m => CredentialChecks.HasUpperLowerDigit(m.Value), minLength: 88);

        yield return F("azure-sas-token", "an Azure shared access signature",
            new[] { "sig=" },
            NoAlnumBefore + @"sig=(?<secret>([A-Za-z0-9+/]|%2[BbFf]){30,120})(%3[Dd]|=){0,2}(?![A-Za-z0-9+/])",
            entropy: 3.5, context: new[] { "sv=", "se=" }, minLength: 34, requires: "=");

        yield return F("azure-ad-client-secret", "an Azure AD (Entra ID) client secret",
            new[] { "Q~" },
            @"(?<![A-Za-z0-9_~.\-])(?<secret>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-])",
            entropy: 3.5, minLength: 37, matchCase: true);

        yield return F("azure-devops-pat", "an Azure DevOps personal access token",
            new[] { "AZDO" },
            @"\b(?<secret>[A-Za-z0-9]{76})AZDO[A-Za-z0-9]{4}\b",
            entropy: 4.0, validate: Secret(CredentialChecks.HasUpperLowerDigit), minLength: 84, matchCase: true);

        var azureDevOps = new[]
        {
            "azure_devops", "azure-devops", "azuredevops", "azure devops", "ado_pat", "ado-pat", "adopat", "vsts", "dev.azure.com",
            "visualstudio.com", "system_accesstoken", "devops_pat", "devops_token",
        };
        yield return F("azure-devops-legacy-pat", "an Azure DevOps personal access token",
            azureDevOps,
            NoAlnumBefore + @"(?<secret>[a-z2-7]{52})" + NoAlnumAfter,
            entropy: 4.0, context: azureDevOps, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 52);

        yield return F("google-api-key", "a Google API key",
            new[] { "AIza" },
            @"\bAIza(?<secret>[0-9A-Za-z_\-]{35})" + NoB64UAfter,
            entropy: 3.5, minLength: 39);

        yield return F("google-oauth-client-secret", "a Google OAuth client secret",
            new[] { "GOCSPX-" },
            @"\bGOCSPX-(?<secret>[A-Za-z0-9_\-]{28})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("google-oauth-access-token", "a Google OAuth access token",
            new[] { "ya29." },
            @"\bya29\.(?<secret>[0-9A-Za-z_\-]{30,2048})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("firebase-cloud-messaging-key", "a Firebase Cloud Messaging server key",
            new[] { "APA91b" },
            @"\bAAAA[A-Za-z0-9_\-]{7}:(?<secret>APA91b[A-Za-z0-9_\-]{120,160})" + NoB64UAfter,
            entropy: 4.0, minLength: 138);

        yield return F("alibaba-access-key-id", "an Alibaba Cloud AccessKey id",
            new[] { "LTAI" },
            @"\bLTAI(?<secret>[A-Za-z0-9]{12,20})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("tencent-secret-id", "a Tencent Cloud SecretId",
            new[] { "AKID" },
            @"\bAKID(?<secret>[A-Za-z0-9]{32})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("digitalocean-token", "a DigitalOcean token",
            new[] { "dop_v1_", "doo_v1_", "dor_v1_" },
            @"\bdo[por]_v1_(?<secret>[a-f0-9]{64})\b",
            entropy: 3.0);

        yield return F("heroku-api-key", "a Heroku API key",
            new[] { "HRKU-" },
            @"\bHRKU-AA(?<secret>[0-9A-Za-z_\-]{58})" + NoB64UAfter,
            entropy: 3.5);

        var heroku = new[] { "heroku_api", "heroku-api", "herokuapi", "heroku api", "heroku_key", "heroku_token", "heroku_auth", "heroku_oauth" };
        yield return F("heroku-legacy-api-key", "a Heroku API key",
            heroku,
            @"(?<![0-9A-Za-z\-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9A-Za-z\-])",
            entropy: 3.0, context: heroku, minLength: 36);

        var cloudflare = new[] { "cloudflare", "cf_api", "cf-api", "cfapi", "cf_token", "cf_auth", "cf-auth", "x-auth-key" };
        yield return F("cloudflare-api-token", "a Cloudflare API token",
            cloudflare,
            NoB64UBefore + @"(?<secret>[A-Za-z0-9_\-]{40}|[a-f0-9]{37})" + NoB64UAfter,
            entropy: 3.2, context: cloudflare,
            validate: Secret(s => s.Length == 37 ? CredentialChecks.HasLetterAndDigit(s) : CredentialChecks.HasUpperLowerDigit(s)), minLength: 37);

        yield return F("databricks-token", "a Databricks access token",
            new[] { "dapi" },
            @"\bdapi(?<secret>[a-f0-9]{32})(-[0-9])?\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("supabase-token", "a Supabase access token",
            new[] { "sbp_" },
            @"\bsbp_(?<secret>[a-f0-9]{40})\b",
            entropy: 3.0);

        yield return F("planetscale-token", "a PlanetScale token or password",
            new[] { "pscale_tkn_", "pscale_oauth_", "pscale_pw_" },
            @"\bpscale_(tkn|oauth|pw)_(?<secret>[A-Za-z0-9_=.\-]{32,64})(?![A-Za-z0-9_=.\-])",
            entropy: 3.5);

        // ---- Source hosting, packages, CI ---------------------------------------------------------------------
        yield return F("github-token", "a GitHub token",
            new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_" },
            @"\b(gh[pousr]_(?<secret>[A-Za-z0-9]{36,251})|github_pat_(?<secret>[A-Za-z0-9_]{60,251}))\b",
            entropy: 3.0);

        yield return F("gitlab-token", "a GitLab token",
            new[] { "glpat-", "gloas-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941" },
            @"\b((glpat|gloas|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|glffct)-(?<secret>[A-Za-z0-9_\-]{20,300}(\.[A-Za-z0-9]{9})?)|GR1348941(?<secret>[A-Za-z0-9_\-]{20,60}))" + NoB64UAfter,
            entropy: 3.0);

        yield return F("atlassian-api-token", "an Atlassian API token",
            new[] { "ATATT3" },
            @"\bATATT3(?<secret>[A-Za-z0-9_\-=]{150,250})(?![A-Za-z0-9_\-=])",
            entropy: 4.0);

        yield return F("npm-token", "an npm token",
            new[] { "npm_" },
            @"\bnpm_(?<secret>[A-Za-z0-9]{36})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("nuget-api-key", "a NuGet API key",
            new[] { "oy2" },
            @"\boy2(?<secret>[a-z0-9]{43})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("pypi-token", "a PyPI upload token",
            new[] { "pypi-AgE" },
            @"\bpypi-AgE(IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)(?<secret>[A-Za-z0-9_\-]{50,1000})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("rubygems-token", "a RubyGems API key",
            new[] { "rubygems_" },
            @"\brubygems_(?<secret>[a-f0-9]{48})\b",
            entropy: 3.0);

        yield return F("docker-hub-token", "a Docker Hub access token",
            new[] { "dckr_pat_", "dckr_oat_" },
            @"\bdckr_(pat|oat)_(?<secret>[A-Za-z0-9_\-]{27,64})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("artifactory-api-key", "a JFrog Artifactory API key",
            new[] { "AKCp" },
            @"\bAKCp(?<secret>[A-Za-z0-9]{69})\b",
            entropy: 4.0);

        yield return F("terraform-cloud-token", "a Terraform Cloud API token",
            new[] { "atlasv1" },
            @"\b[A-Za-z0-9]{14}\.atlasv1\.(?<secret>[A-Za-z0-9_\-=]{60,70})(?![A-Za-z0-9_\-=])",
            entropy: 3.5);

        yield return F("pulumi-access-token", "a Pulumi access token",
            new[] { "pul-" },
            @"\bpul-(?<secret>[a-f0-9]{40})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("vault-token", "a HashiCorp Vault token",
            new[] { "hvs.", "hvb.", "hvr." },
            @"\bhv[sbr]\.(?<secret>[A-Za-z0-9_\-]{24,400})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("doppler-token", "a Doppler token",
            new[] { "dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit." },
            @"\bdp\.(pt|st|sa|ct|scim|audit)\.([a-z0-9_\-]{1,40}\.)?(?<secret>[A-Za-z0-9]{40,44})\b",
            entropy: 3.5);

        // ---- Messaging and collaboration ----------------------------------------------------------------------
        yield return F("slack-token", "a Slack token",
            new[] { "xox", "xapp-" },
            @"\b(xox(e\.xox[bp]|[abposre])-(?<secret>[0-9A-Za-z]{1,200}(-[0-9A-Za-z]{1,200}){0,5})|xapp-[0-9]-(?<secret>[A-Z0-9]{6,20}-[0-9]{6,20}-[A-Za-z0-9]{32,128}))(?![0-9A-Za-z\-])",
            entropy: 3.0, validate: Secret(s => s.Length >= 24 && CredentialChecks.HasLetterAndDigit(s)));

        yield return F("slack-webhook", "a Slack webhook URL",
            new[] { "hooks.slack.com" },
            @"https://hooks\.slack\.com/(services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/(?<secret>[A-Za-z0-9]{20,32})|(workflows|triggers)/T[A-Z0-9]{6,12}/A[A-Z0-9]{6,12}/[0-9]{6,24}/(?<secret>[A-Za-z0-9]{20,40}))" + NoAlnumAfter,
            entropy: 3.0);

        yield return F("teams-webhook", "a Microsoft Teams webhook URL",
            new[] { "webhook.office.com" },
            @"https://[A-Za-z0-9\-]{1,63}\.webhook\.office\.com/webhookb2/[0-9a-f\-]{36}@[0-9a-f\-]{36}/IncomingWebhook/(?<secret>[0-9a-f]{32})/[0-9a-f\-]{36}",
            entropy: 3.0);

        yield return F("discord-webhook", "a Discord webhook URL",
            new[] { "discord" },
            @"https://(ptb\.|canary\.)?discord(app)?\.com/api/(v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/(?<secret>[A-Za-z0-9_\-]{60,80})" + NoB64UAfter,
            entropy: 3.5);

        // The first part is the base64 of the bot's numeric id, so it starts MT..OT; the validator decodes it.
        yield return F("discord-bot-token", "a Discord bot token",
            new[] { "MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT" },
            @"(?<![A-Za-z0-9_\-.])(?<id>[MNO][A-Za-z0-9_\-]{22,26})\.[A-Za-z0-9_\-]{6,7}\.(?<secret>[A-Za-z0-9_\-]{27,38})(?![A-Za-z0-9_\-.])",
            entropy: 3.5, validate: CredentialChecks.DiscordToken, minLength: 59, matchCase: true, requires: ".");

        yield return F("telegram-bot-token", "a Telegram bot token",
            new[] { ":A" },
            @"(?<=^|[^0-9A-Za-z_]|bot)[0-9]{5,16}:(?<secret>A[A-Za-z0-9_\-]{34})" + NoB64UAfter,
            entropy: 3.5, validate: Secret(s => CredentialChecks.Has(s, upper: false, lower: true, digit: false) && s.IndexOfAny(DigitsAndDashes) > 0),
            minLength: 41, matchCase: true);

        yield return F("sendgrid-key", "a SendGrid API key",
            new[] { "SG." },
            @"\bSG\.[A-Za-z0-9_\-]{22}\.(?<secret>[A-Za-z0-9_\-]{43})" + NoB64UAfter,
            entropy: 3.5, minLength: 69, matchCase: true);

        yield return F("mailgun-api-key", "a Mailgun API key",
            new[] { "key-" },
            @"\bkey-(?<secret>[0-9a-f]{32})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("mailchimp-api-key", "a Mailchimp API key",
            new[] { "-us" },
            @"\b(?<secret>[0-9a-f]{32})-us[0-9]{1,2}\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 35);

        yield return F("brevo-api-key", "a Brevo (Sendinblue) API key",
            new[] { "xkeysib-" },
            @"\bxkeysib-(?<secret>[a-f0-9]{64})-[A-Za-z0-9]{16}\b",
            entropy: 3.0);

        var twilio = new[] { "twilio" };
        yield return F("twilio-auth-token", "a Twilio auth token or API key secret",
            twilio,
            NoAlnumBefore + @"(?<secret>[A-Za-z0-9]{32})" + NoAlnumAfter,
            entropy: 3.0, context: twilio,
            validate: Secret(s => IsLowerHex(s) ? CredentialChecks.HasLetterAndDigit(s) : CredentialChecks.HasUpperLowerDigit(s)), minLength: 32);

        yield return F("linear-api-key", "a Linear API key",
            new[] { "lin_api_" },
            @"\blin_api_(?<secret>[A-Za-z0-9]{40})\b",
            entropy: 3.5);

        yield return F("notion-token", "a Notion integration token",
            new[] { "ntn_", "secret_" },
            @"\b(ntn_(?<secret>[0-9]{11}[A-Za-z0-9]{35})|secret_(?<secret>[A-Za-z0-9]{43}))\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasUpperLowerDigit));

        yield return F("postman-api-key", "a Postman API key",
            new[] { "PMAK-" },
            @"\bPMAK-[a-fA-F0-9]{24}-(?<secret>[a-fA-F0-9]{34})\b",
            entropy: 3.0);

        // ---- Payments and commerce ----------------------------------------------------------------------------
        yield return F("stripe-key", "a Stripe secret key",
            new[] { "sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_" },
            @"\b[rs]k_(live|test|prod)_(?<secret>[A-Za-z0-9]{20,247})\b",
            entropy: 3.0);

        yield return F("stripe-webhook-secret", "a Stripe webhook signing secret",
            new[] { "whsec_" },
            @"\bwhsec_(?<secret>[A-Za-z0-9+/]{32,88}={0,2})" + NoB64After,
            entropy: 3.5);

        yield return F("square-access-token", "a Square access token",
            new[] { "EAAA", "sq0atp-" },
            @"\b(EAAA(?<secret>[A-Za-z0-9_\-]{60})|sq0atp-(?<secret>[A-Za-z0-9_\-]{22}))" + NoB64UAfter,
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("square-oauth-secret", "a Square OAuth application secret",
            new[] { "sq0csp-" },
            @"\bsq0csp-(?<secret>[A-Za-z0-9_\-]{43})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("shopify-token", "a Shopify access token or shared secret",
            new[] { "shpat_", "shpca_", "shppa_", "shpss_" },
            @"\bshp(at|ca|pa|ss)_(?<secret>[a-fA-F0-9]{32})\b",
            entropy: 3.0);

        // ---- AI -----------------------------------------------------------------------------------------------
        yield return F("anthropic-key", "an Anthropic API key",
            new[] { "sk-ant-" },
            @"\bsk-ant-(api|admin|oat|ort)[0-9]{2}-(?<secret>[A-Za-z0-9_\-]{80,120})" + NoB64UAfter,
            entropy: 3.5);

        yield return F("openai-key", "an OpenAI API key",
            new[] { "sk-proj-", "sk-svcacct-", "sk-admin-", "T3BlbkFJ" },
            @"\bsk-((proj|svcacct|admin)-(?<secret>[A-Za-z0-9_\-]{40,300})|(?<secret>[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))" + NoB64UAfter,
            entropy: 3.5);

        yield return F("huggingface-token", "a Hugging Face token",
            new[] { "hf_", "api_org_" },
            @"\b(hf|api_org)_(?<secret>[A-Za-z]{34})\b",
            entropy: 3.0, validate: Secret(s => CredentialChecks.Has(s, upper: true, lower: true, digit: false)));

        yield return F("perplexity-api-key", "a Perplexity API key",
            new[] { "pplx-" },
            @"\bpplx-(?<secret>[A-Za-z0-9]{48})\b",
            entropy: 3.5);

        // ---- Observability ------------------------------------------------------------------------------------
        yield return F("grafana-cloud-token", "a Grafana Cloud token",
            new[] { "glc_" },
            @"\bglc_(?<secret>[A-Za-z0-9+/]{32,400}={0,2})" + NoB64After,
            entropy: 3.5);

        yield return F("grafana-service-account-token", "a Grafana service account token",
            new[] { "glsa_" },
            @"\bglsa_(?<secret>[A-Za-z0-9]{32})_[A-Fa-f0-9]{8}\b",
            entropy: 3.5);

        yield return F("newrelic-key", "a New Relic key",
            new[] { "NRAK-", "NRII-", "NRAL" },
            @"\b(NRAK-(?<secret>[A-Z0-9]{27})|NRII-(?<secret>[A-Za-z0-9_\-]{32})|(?<secret>[a-f0-9]{36})NRAL)" + NoB64UAfter,
            entropy: 3.0);

        var datadogApi = new[] { "datadog", "dd_api", "dd-api", "ddapi", "dd_client_api" };
        yield return F("datadog-api-key", "a Datadog API key",
            datadogApi,
            NoAlnumBefore + @"(?<secret>[0-9a-f]{32})" + NoAlnumAfter,
            entropy: 3.0, context: datadogApi, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 32);

        var datadogApp = new[] { "datadog", "dd_app", "dd-app", "ddapp", "dd_application", "dd-application", "dd_client_app" };
        yield return F("datadog-app-key", "a Datadog application key",
            datadogApp,
            NoAlnumBefore + @"(?<secret>[0-9a-f]{40})" + NoAlnumAfter,
            entropy: 3.0, context: datadogApp, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 40);

        yield return F("dynatrace-token", "a Dynatrace API token",
            new[] { "dt0c01." },
            @"\bdt0c01\.[A-Z0-9]{24}\.(?<secret>[A-Z0-9]{64})\b",
            entropy: 3.5);

        yield return F("sentry-dsn", "a Sentry DSN with its secret key",
            new[] { "sentry" },
            @"\bhttps?://[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@[A-Za-z0-9.\-]{1,200}",
            entropy: 3.0);

        yield return F("sentry-token", "a Sentry auth token",
            new[] { "sntryu_", "sntrys_" },
            @"\b(sntryu_(?<secret>[a-f0-9]{64})|sntrys_eyJ[A-Za-z0-9+/]{20,400}={0,2}_(?<secret>[A-Za-z0-9+/]{43}))(?![A-Za-z0-9+/_])",
            entropy: 3.5);

        yield return F("mapbox-secret-token", "a Mapbox secret token",
            new[] { "sk.eyJ" },
            @"\bsk\.eyJ[A-Za-z0-9_\-]{20,300}\.(?<secret>[A-Za-z0-9_\-]{20,100})" + NoB64UAfter,
            entropy: 3.5);

        // ---- Generic shapes: last, so a specific family names the value first ---------------------------------
        yield return F("jwt", "a JSON Web Token",
            new[] { "eyJ" },
            NoB64UBefore + @"(?<header>eyJ[A-Za-z0-9_\-]{10,2000})\.(?<payload>eyJ[A-Za-z0-9_\-]{10,8000})\.(?<secret>[A-Za-z0-9_\-]{16,2000})" + NoB64UAfter,
            entropy: 3.0, validate: CredentialChecks.Jwt, requires: ".");

        yield return F("basic-auth-header", "an HTTP Basic authorization with a password",
            new[] { "basic " },
            @"\b(?i:basic)[ ]{1,4}(?<secret>[A-Za-z0-9+/]{8,400}={0,2})" + NoB64After,
            validate: CredentialChecks.BasicCredentials).WithChosenPassword((m, _) => CredentialChecks.BasicPassword(m));

        yield return F("bearer-token", "an HTTP bearer token",
            new[] { "bearer " },
            @"\b(?i:bearer)[ ]{1,4}(?<secret>[A-Za-z0-9\-._~+/]{20,2048}={0,2})(?![A-Za-z0-9\-._~+/=])",
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("url-credentials", "a URL with a password",
            new[] { "://" },
            @"\b[A-Za-z][A-Za-z0-9+.\-]{1,30}://(?<user>[^/\s:@""'<>`]{0,100}):(?<secret>[^/\s:@""'<>`]{3,200})@(?<host>[A-Za-z0-9._\-]{1,253}|\[[0-9A-Fa-f:.]{2,60}\])",
            validate: CredentialChecks.UrlPassword, requires: "@:/").WithChosenPassword((m, _) => new ChosenPassword(m.Groups["secret"].Value, m.Groups["user"].Value));

        // ';' separates ADO.NET and Azure settings, ',' StackExchange.Redis options ("host:6380,password=...,ssl=True").
        yield return F("connection-string-password", "a connection string with a password",
            new[] { "password", "pwd", "accountkey", "sharedaccesskey", "sharedsecret" },
            @"(^|[;,""'{\n])\s{0,3}(password|pwd|accountkey|sharedaccesskey|sharedsecretvalue|sharedsecret)\s{0,3}=\s{0,3}(""(?<secret>[^""]{1,200})""|'(?<secret>[^']{1,200})'|(?<secret>[^;""'\s]{1,200}))",
            options: RegexOptions.IgnoreCase, validate: CredentialChecks.ConnectionStringPassword, requires: "=")
            .WithChosenPassword((m, text) => new ChosenPassword(m.Groups["secret"].Value, CredentialChecks.ConnectionStringUser(text)));
    }

    private static readonly char[] DigitsAndDashes = "0123456789_-".ToCharArray();

    private static CredentialFamily F(
        string id,
        string description,
        string[] keywords,
        string pattern,
        double entropy = 0,
        string[]? context = null,
        Func<Match, bool>? validate = null,
        int minLength = 0,
        bool matchCase = false,
        RegexOptions options = RegexOptions.None,
        string requires = "") =>
        new CredentialFamily(id, description, keywords, pattern, entropy, options, context, validate, minLength, matchCase).Requiring(requires);

    private static Func<Match, bool> Secret(Func<string, bool> check) => m => check(CredentialChecks.Secret(m));

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
