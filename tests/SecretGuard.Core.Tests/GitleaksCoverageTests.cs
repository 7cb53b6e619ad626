using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// docs/gitleaks-coverage.md against the catalogue: every rule of gitleaks' default configuration at the commit the page
/// names (the ids in Gitleaks/gitleaks-rule-ids.txt) is in the table exactly once; a rule covered by a family has a
/// synthetic sample of its format that the family finds; a rule left out as named is found by the value checks of
/// SG0002 at the tier the table says. Every sample is made up here from random characters (seeded): none is anyone's key.
/// </summary>
public class GitleaksCoverageTests
{
    private const string CoveragePage = "docs/gitleaks-coverage.md";
    private const string RuleIdsFile = "tests/SecretGuard.Core.Tests/Gitleaks/gitleaks-rule-ids.txt";
    private const string Commit = "b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b";

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string LowerAlnum = Lower + Digits;
    private const string UpperAlnum = Upper + Digits;
    private const string Hex = "0123456789abcdef";
    private const string B64 = Alnum + "+/";
    private const string B64Url = Alnum + "-_";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private const string Named = "left out: named (SG0002)";
    private const string NamedWeak = "left out: named, weak (SG0009)";
    private const string NotASecret = "left out: not a secret";
    private const string NotAFormat = "left out: not a format";

    private static readonly Random Random = new Random(20260722);

    // ---- The page and the id list ------------------------------------------------------------------------------------

    private sealed record Row(string RuleId, string Target, string Note)
    {
        public bool IsCovered => Target.StartsWith("`", StringComparison.Ordinal);

        public string FamilyId => Target.Trim('`');
    }

    private static IReadOnlyList<Row> Rows()
    {
        var rows = new List<Row>();
        foreach (var line in RepositoryFiles.Read(CoveragePage).Split('\n'))
        {
            var match = Regex.Match(line, @"^\| `(?<id>[a-z0-9\-]+)` \| (?<target>[^|]+?) \| (?<note>.*?) ?\|$");
            if (match.Success)
            {
                rows.Add(new Row(match.Groups["id"].Value, match.Groups["target"].Value.Trim(), match.Groups["note"].Value.Trim()));
            }
        }

        return rows;
    }

    private static IReadOnlyList<string> GitleaksRuleIds() =>
        RepositoryFiles.Read(RuleIdsFile).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_page_and_the_id_list_name_the_same_gitleaks_commit()
    {
        Assert.Contains("gitleaks/gitleaks@" + Commit, RepositoryFiles.Read(CoveragePage), StringComparison.Ordinal);
        Assert.Contains("gitleaks/gitleaks@" + Commit, RepositoryFiles.Read(RuleIdsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gitleaks_rule_id_is_in_the_table_exactly_once_and_nothing_else_is()
    {
        var ids = GitleaksRuleIds();
        Assert.Equal(222, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var rows = Rows();
        var duplicates = rows.GroupBy(r => r.RuleId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "listed more than once: " + string.Join(", ", duplicates));
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), rows.Select(r => r.RuleId).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_row_is_covered_by_a_family_of_the_catalogue_or_left_out_with_a_kind_and_a_reason()
    {
        var families = new HashSet<string>(CredentialCatalogue.Default.Families.Select(f => f.Id), StringComparer.Ordinal);
        foreach (var row in Rows())
        {
            if (row.IsCovered)
            {
                Assert.True(families.Contains(row.FamilyId), row.RuleId + ": no family " + row.FamilyId);
            }
            else
            {
                Assert.Contains(row.Target, new[] { Named, NamedWeak, NotASecret, NotAFormat });
                Assert.True(row.Note.Length >= 10, row.RuleId + " is left out without a reason");
            }
        }
    }

    [Fact]
    public void The_summary_counts_match_the_table()
    {
        var rows = Rows();
        var page = RepositoryFiles.Read(CoveragePage);
        var covered = rows.Where(r => r.IsCovered).ToList();
        Assert.Contains("| covered by a family (" + covered.Select(r => r.FamilyId).Distinct().Count() + " families) | " + covered.Count + " |", page, StringComparison.Ordinal);
        foreach (var kind in new[] { Named, NamedWeak, NotASecret, NotAFormat })
        {
            Assert.Contains("| " + kind + " | " + rows.Count(r => r.Target == kind) + " |", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_rule_page_and_the_readme_state_the_number_of_families_the_catalogue_has()
    {
        var count = CredentialCatalogue.Default.Families.Count;
        Assert.Contains("one of " + count + " families", RepositoryFiles.Read("docs/rules/SG0001.md").Replace("\n", " "), StringComparison.Ordinal);
        Assert.Contains("SG0001 (" + count + " credential formats", RepositoryFiles.Read("README.md"), StringComparison.Ordinal);
        Assert.Contains("gitleaks-coverage.md", RepositoryFiles.Read("docs/rules/SG0001.md"), StringComparison.Ordinal);
    }

    // ---- Covered rules: a sample of each, found by the family the table names -----------------------------------------

    [Fact]
    public void Every_covered_rule_has_a_synthetic_sample_that_its_family_finds()
    {
        var samples = CoveredSamples();
        var failures = new List<string>();
        foreach (var row in Rows().Where(r => r.IsCovered))
        {
            if (!samples.TryGetValue(row.RuleId, out var sample))
            {
                failures.Add(row.RuleId + ": no sample");
                continue;
            }

            var match = CredentialCatalogue.Default.Find(sample);
            if (match is null || match.Family.Id != row.FamilyId || match.Evidence != SecretEvidence.Strong)
            {
                failures.Add(row.RuleId + ": expected " + row.FamilyId + ", found " + (match is null ? "nothing" : match.Family.Id + " (" + match.Evidence + ")") + " in " + sample);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(samples.Keys.Except(Rows().Where(r => r.IsCovered).Select(r => r.RuleId)));
    }

    private static Dictionary<string, string> CoveredSamples()
    {
        string Guid() => R(Hex, 8) + "-" + R(Hex, 4) + "-" + R(Hex, 4) + "-" + R(Hex, 4) + "-" + R(Hex, 12);
        string Jwt() => B64UrlOf("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + B64UrlOf("{\"sub\":\"" + R(Alnum, 12) + "\",\"iat\":1780000000}") + "." + R(B64Url, 43);
        var onePassword = "{\"email\":\"" + R(Lower, 10) + "@1passwordserviceaccounts.com\",\"muk\":{\"alg\":\"A256GCM\",\"k\":\"" + R(B64Url, 43) +
                          "\",\"kty\":\"oct\"},\"secretKey\":\"A3-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 5) +
                          "\",\"srpX\":\"" + R(Hex, 64) + "\",\"signInAddress\":\"acme.1password.com\"}";
        var reference = AlnumBase64Of(len => "reftkn:01:1893456000:" + R(Alnum, len), 27);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["1password-secret-key"] = "OP_SECRET_KEY=A3-" + R(UpperAlnum, 6) + "-" + R(UpperAlnum, 11) + "-" + R(UpperAlnum, 5) + "-" + R(UpperAlnum, 5) + "-" + R(UpperAlnum, 5),
            ["1password-service-account-token"] = "OP_SERVICE_ACCOUNT_TOKEN=ops_" + B64UrlOf(onePassword),
            ["adafruit-api-key"] = "ADAFRUIT_IO_KEY=aio_" + R(Alnum, 28),
            ["adobe-client-secret"] = "\"client_secret\": \"p8e-" + R(Alnum, 32) + "\"",
            ["age-secret-key"] = "AGE-SECRET-KEY-1" + R(Bech32, 58),
            ["airtable-personnal-access-token"] = "AIRTABLE_TOKEN=pat" + R(Alnum, 14) + "." + R(Hex, 64),
            ["alibaba-access-key-id"] = "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI" + R(Alnum, 20),
            ["anthropic-admin-api-key"] = "sk-ant-admin01-" + R(B64Url, 93) + "AA",
            ["anthropic-api-key"] = "ANTHROPIC_API_KEY=sk-ant-api03-" + R(B64Url, 93) + "AA",
            ["artifactory-api-key"] = "ARTIFACTORY_API_KEY=AKCp" + R(Alnum, 69),
            ["artifactory-reference-token"] = "JFROG_ACCESS_TOKEN=" + reference,
            ["atlassian-api-token"] = "JIRA_API_TOKEN=ATATT3" + R(B64Url, 178) + "=" + R(Hex, 8).ToUpperInvariant(),
            ["authress-service-client-access-key"] = "AUTHRESS_KEY=sc_" + R(Alnum, 10) + "." + R(Alnum, 5) + ".acc_" + R(LowerAlnum, 20) + "." + R(B64Url, 60),
            ["aws-access-token"] = "aws_access_key_id = AKIA" + R(Base32, 16),
            ["aws-amazon-bedrock-api-key-long-lived"] = "AWS_BEARER_TOKEN_BEDROCK=ABSK" + B64Of("BedrockAPIKey-" + R(LowerAlnum, 4) + "-at-" + R(Digits, 12) + ":" + R(B64, 60)),
            ["aws-amazon-bedrock-api-key-short-lived"] = "AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-" + B64Of(PresignedBedrockUrl()),
            ["azure-ad-client-secret"] = "\"ClientSecret\": \"" + R(Alnum, 3) + "8Q~" + R(Alnum + "_~.-", 34) + "\"",
            ["clickhouse-cloud-api-secret-key"] = "CLICKHOUSE_KEY_SECRET=4b1d" + R(Alnum, 38),
            ["clojars-api-token"] = "CLOJARS_PASSWORD=CLOJARS_" + R(LowerAlnum, 60),
            ["cloudflare-api-key"] = "CLOUDFLARE_API_KEY=" + R(Alnum, 40),
            ["cloudflare-global-api-key"] = "cloudflare_global_api_key: " + R(Hex, 37),
            ["cloudflare-origin-ca-key"] = "CF_ORIGIN_CA_KEY=v1.0-" + R(Hex, 24) + "-" + R(Hex, 146),
            ["curl-auth-header"] = "curl -H \"Authorization: Bearer " + R(Alnum, 40) + "\" https://api.acme.io/v1/me",
            ["databricks-api-token"] = "DATABRICKS_TOKEN=dapi" + R(Hex, 32),
            ["datadog-access-token"] = "DATADOG_APP_KEY=" + R(Hex, 40),
            ["defined-networking-api-token"] = "DN_API_KEY=dnkey-" + R(UpperAlnum, 26) + "-" + R(UpperAlnum, 52),
            ["digitalocean-access-token"] = "token: doo_v1_" + R(Hex, 64),
            ["digitalocean-pat"] = "DIGITALOCEAN_TOKEN=dop_v1_" + R(Hex, 64),
            ["digitalocean-refresh-token"] = "refresh_token=dor_v1_" + R(Hex, 64),
            ["doppler-api-token"] = "DOPPLER_TOKEN=dp.pt." + R(Alnum, 43),
            ["dropbox-long-lived-api-token"] = "DROPBOX_TOKEN=" + R(LowerAlnum, 11) + "AAAAAAAAAA" + R(B64Url, 43),
            ["dropbox-short-lived-api-token"] = "DROPBOX_ACCESS_TOKEN=sl." + R(B64Url, 135),
            ["duffel-api-token"] = "DUFFEL_ACCESS_TOKEN=duffel_test_" + R(B64Url, 43),
            ["dynatrace-api-token"] = "DT_API_TOKEN=dt0c01." + R(UpperAlnum, 24) + "." + R(UpperAlnum, 64),
            ["easypost-api-token"] = "EASYPOST_API_KEY=EZAK" + R(Alnum, 54),
            ["easypost-test-api-token"] = "EASYPOST_TEST_KEY=EZTK" + R(Alnum, 54),
            ["facebook-access-token"] = "FACEBOOK_APP_TOKEN=" + R("123456789", 1) + R(Digits, 14) + "|" + R(Hex, 32),
            ["facebook-page-access-token"] = "PAGE_TOKEN=EAAG" + R(Alnum, 180),
            ["facebook-secret"] = "facebook_app_secret = " + R(Hex, 32),
            ["flutterwave-encryption-key"] = "FLW_ENCRYPTION_KEY=FLWSECK_TEST-" + R(Hex, 12),
            ["flutterwave-secret-key"] = "FLW_SECRET_KEY=FLWSECK_TEST-" + R(Hex, 32) + "-X",
            ["flyio-access-token"] = "FLY_API_TOKEN=fo1_" + R(B64Url, 43),
            ["frameio-api-token"] = "FRAMEIO_TOKEN=fio-u-" + R(B64Url, 64),
            ["gcp-api-key"] = "GOOGLE_API_KEY=AIza" + R(B64Url, 35),
            ["github-app-token"] = "GH_TOKEN=" + SyntheticTokens.WithChecksum("ghs_", Random),
            ["github-fine-grained-pat"] = "GITHUB_TOKEN=github_pat_" + R(Alnum, 22) + "_" + R(Alnum, 59),
            ["github-oauth"] = "token=" + SyntheticTokens.WithChecksum("gho_", Random),
            ["github-pat"] = "GITHUB_TOKEN=" + SyntheticTokens.WithChecksum("ghp_", Random),
            ["github-refresh-token"] = "refresh_token=" + SyntheticTokens.WithChecksum("ghr_", Random),
            ["gitlab-cicd-job-token"] = "CI_JOB_TOKEN=glcbt-" + R(Alnum, 2) + "_" + R(B64Url, 20),
            ["gitlab-deploy-token"] = "DEPLOY_TOKEN=gldt-" + R(B64Url, 20),
            ["gitlab-feature-flag-client-token"] = "UNLEASH_TOKEN=glffct-" + R(B64Url, 20),
            ["gitlab-feed-token"] = "feed_token=glft-" + R(B64Url, 20),
            ["gitlab-incoming-mail-token"] = "incoming_email_token=glimt-" + R(B64Url, 25),
            ["gitlab-kubernetes-agent-token"] = "AGENT_TOKEN=glagent-" + R(B64Url, 50),
            ["gitlab-oauth-app-secret"] = "GITLAB_APP_SECRET=gloas-" + R(B64Url, 64),
            ["gitlab-pat"] = "GITLAB_TOKEN=glpat-" + R(B64Url, 20),
            ["gitlab-pat-routable"] = "GITLAB_TOKEN=glpat-" + R(B64Url, 31) + "." + R(LowerAlnum, 9),
            ["gitlab-ptt"] = "TRIGGER_TOKEN=glptt-" + R(Hex, 40),
            ["gitlab-rrt"] = "REGISTRATION_TOKEN=GR1348941" + R(B64Url, 20),
            ["gitlab-runner-authentication-token"] = "RUNNER_TOKEN=glrt-" + R(B64Url, 20),
            ["gitlab-runner-authentication-token-routable"] = "RUNNER_TOKEN=glrt-t1_" + R(B64Url, 27) + "." + R(LowerAlnum, 9),
            ["gitlab-scim-token"] = "SCIM_TOKEN=glsoat-" + R(B64Url, 20),
            ["gitlab-session-cookie"] = "Cookie: _gitlab_session=" + R(LowerAlnum, 32),
            ["grafana-api-key"] = "GRAFANA_API_KEY=" + B64Of("{\"k\":\"" + R(Alnum, 32) + "\",\"n\":\"deploy\",\"id\":1}"),
            ["grafana-cloud-api-token"] = "GRAFANA_CLOUD_TOKEN=glc_" + R(B64, 120) + "==",
            ["grafana-service-account-token"] = "GRAFANA_TOKEN=glsa_" + R(Alnum, 32) + "_" + R(Hex, 8),
            ["harness-api-key"] = "HARNESS_API_KEY=pat." + R(B64Url, 22) + "." + R(Alnum, 24) + "." + R(Alnum, 20),
            ["hashicorp-tf-api-token"] = "token = \"" + R(Alnum, 14) + ".atlasv1." + R(B64Url, 67) + "\"",
            ["heroku-api-key"] = "HEROKU_API_KEY=" + Guid(),
            ["heroku-api-key-v2"] = "HEROKU_API_KEY=HRKU-AA" + R(B64Url, 58),
            ["huggingface-access-token"] = "HF_TOKEN=hf_" + R(Upper + Lower, 34),
            ["huggingface-organization-api-token"] = "api_org_" + R(Upper + Lower, 34),
            ["infracost-api-token"] = "INFRACOST_API_KEY=ico-" + R(Alnum, 32),
            ["intra42-client-secret"] = "FT_SECRET=s-s4t2ud-" + R(Hex, 64),
            ["jfrog-api-key"] = "jfrog_api_key: AKCp" + R(Alnum, 69),
            ["jwt"] = "id_token=" + Jwt(),
            ["jwt-base64"] = "token_b64=" + B64Of(Jwt()),
            ["linear-api-key"] = "LINEAR_API_KEY=lin_api_" + R(Alnum, 40),
            ["lob-api-key"] = "LOB_API_KEY=live_" + R(Hex, 35),
            ["mailchimp-api-key"] = "MAILCHIMP_API_KEY=" + R(Hex, 32) + "-us14",
            ["mailgun-private-api-token"] = "MAILGUN_API_KEY=key-" + R(Hex, 32),
            ["mailgun-signing-key"] = "MAILGUN_WEBHOOK_SIGNING_KEY=" + R(Hex, 32) + "-" + R(Hex, 8) + "-" + R(Hex, 8),
            ["maxmind-license-key"] = "MAXMIND_LICENSE_KEY=" + R(Alnum, 6) + "_" + R(Alnum, 29) + "_mmk",
            ["microsoft-teams-webhook"] = "https://acme.webhook.office.com/webhookb2/" + Guid() + "@" + Guid() + "/IncomingWebhook/" + R(Hex, 32) + "/" + Guid(),
            ["new-relic-insert-key"] = "NEW_RELIC_INSERT_KEY=NRII-" + R(B64Url, 32),
            ["new-relic-user-api-key"] = "NEW_RELIC_API_KEY=NRAK-" + R(UpperAlnum, 27),
            ["notion-api-token"] = "NOTION_TOKEN=ntn_" + R(Digits, 11) + R(Alnum, 35),
            ["npm-access-token"] = "//registry.npmjs.org/:_authToken=" + SyntheticTokens.WithChecksum("npm_", Random),
            ["nuget-config-password"] = "<packageSourceCredentials><acme><add key=\"Username\" value=\"ci\" /><add key=\"ClearTextPassword\" value=\"" + R(Alnum, 12) + "#" + R(Alnum, 6) + "\" /></acme></packageSourceCredentials>",
            ["octopus-deploy-api-key"] = "OCTOPUS_API_KEY=API-" + R(UpperAlnum, 26),
            ["openai-api-key"] = "OPENAI_API_KEY=sk-proj-" + R(B64Url, 74) + "T3BlbkFJ" + R(B64Url, 74),
            ["openshift-user-token"] = "oc login --token=sha256~" + R(B64Url, 43) + " --server=https://api.acme.io:6443",
            ["perplexity-api-key"] = "PERPLEXITY_API_KEY=pplx-" + R(Alnum, 48),
            ["plaid-api-token"] = "PLAID_ACCESS_TOKEN=access-sandbox-" + Guid(),
            ["planetscale-api-token"] = "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_" + R(B64Url, 43),
            ["planetscale-oauth-token"] = "token: pscale_oauth_" + R(B64Url, 43),
            ["planetscale-password"] = "DATABASE_PASSWORD=pscale_pw_" + R(B64Url, 43),
            ["postman-api-token"] = "POSTMAN_API_KEY=PMAK-" + R(Hex, 24) + "-" + R(Hex, 34),
            ["prefect-api-token"] = "PREFECT_API_KEY=pnu_" + R(Alnum, 20) + R(Digits, 2) + R(Alnum, 14),
            ["private-key"] = "-----BEGIN RSA PRIVATE KEY-----\n" + R(B64, 64) + "\n" + R(B64, 64) + "\n-----END RSA PRIVATE KEY-----",
            ["pulumi-api-token"] = "PULUMI_ACCESS_TOKEN=pul-" + R(Hex, 40),
            ["pypi-upload-token"] = "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc" + R(B64Url, 150),
            ["readme-api-token"] = "README_API_KEY=rdme_" + R(LowerAlnum, 70),
            ["rubygems-api-token"] = "GEM_HOST_API_KEY=rubygems_" + R(Hex, 48),
            ["scalingo-api-token"] = "SCALINGO_API_TOKEN=tk-us-" + R(B64Url, 48),
            ["sendgrid-api-token"] = "SENDGRID_API_KEY=SG." + R(B64Url, 22) + "." + R(B64Url, 43),
            ["sendinblue-api-token"] = "SENDINBLUE_API_KEY=xkeysib-" + R(Hex, 64) + "-" + R(Alnum, 16),
            ["sentry-org-token"] = "SENTRY_AUTH_TOKEN=sntrys_" + B64Of("{\"iat\":1780000000.5,\"url\":\"https://sentry.io\",\"region_url\":\"https://us.sentry.io\",\"org\":\"acme\"}") + "_" + R(Alnum, 43),
            ["sentry-user-token"] = "SENTRY_AUTH_TOKEN=sntryu_" + R(Hex, 64),
            ["settlemint-application-access-token"] = "SETTLEMINT_TOKEN=sm_aat_" + R(Alnum, 16),
            ["settlemint-personal-access-token"] = "SETTLEMINT_TOKEN=sm_pat_" + R(Alnum, 16),
            ["settlemint-service-access-token"] = "SETTLEMINT_TOKEN=sm_sat_" + R(Alnum, 16),
            ["shippo-api-token"] = "SHIPPO_API_KEY=shippo_live_" + R(Hex, 40),
            ["shopify-access-token"] = "SHOPIFY_ACCESS_TOKEN=shpat_" + R(Hex, 32),
            ["shopify-custom-access-token"] = "SHOPIFY_TOKEN=shpca_" + R(Hex, 32),
            ["shopify-private-app-access-token"] = "SHOPIFY_TOKEN=shppa_" + R(Hex, 32),
            ["shopify-shared-secret"] = "SHOPIFY_SHARED_SECRET=shpss_" + R(Hex, 32),
            ["sidekiq-secret"] = "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=" + R(Hex, 8) + ":" + R(Hex, 8),
            ["sidekiq-sensitive-url"] = "source \"https://" + R(Hex, 8) + ":" + R(Hex, 8) + "@enterprise.contribsys.com/\"",
            ["slack-app-token"] = "SLACK_APP_TOKEN=xapp-1-A" + R(UpperAlnum, 10) + "-" + R(Digits, 13) + "-" + R(Hex, 64),
            ["slack-bot-token"] = "SLACK_BOT_TOKEN=xoxb-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Alnum, 24),
            ["slack-config-access-token"] = "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-" + R(UpperAlnum, 164),
            ["slack-config-refresh-token"] = "SLACK_REFRESH_TOKEN=xoxe-1-" + R(UpperAlnum, 146),
            ["slack-legacy-bot-token"] = "SLACK_TOKEN=xoxb-" + R(Digits, 10) + "-" + R(Alnum, 24),
            ["slack-legacy-token"] = "SLACK_TOKEN=xoxs-" + R(Digits, 10) + "-" + R(Digits, 11) + "-" + R(Digits, 12) + "-" + R(Hex, 64),
            ["slack-legacy-workspace-token"] = "SLACK_TOKEN=xoxa-2-" + R(Alnum, 40),
            ["slack-user-token"] = "SLACK_USER_TOKEN=xoxp-" + R(Digits, 12) + "-" + R(Digits, 12) + "-" + R(Digits, 13) + "-" + R(Hex, 32),
            ["slack-webhook-url"] = "SLACK_WEBHOOK=https://hooks.slack.com/services/T" + R(UpperAlnum, 8) + "/B" + R(UpperAlnum, 10) + "/" + R(Alnum, 24),
            ["sonar-api-token"] = "SONAR_TOKEN=squ_" + R(Hex, 40),
            ["sourcegraph-access-token"] = "SRC_ACCESS_TOKEN=sgp_" + R(Hex, 16) + "_" + R(Hex, 40),
            ["square-access-token"] = "SQUARE_ACCESS_TOKEN=EAAA" + R(B64Url, 60),
            ["stripe-access-token"] = "STRIPE_SECRET_KEY=sk_live_" + R(Alnum, 24),
            ["telegram-bot-api-token"] = "TELEGRAM_BOT_TOKEN=" + R("123456789", 1) + R(Digits, 9) + ":AA" + R(B64Url, 31) + "x9",
            ["twitter-bearer-token"] = "TWITTER_BEARER_TOKEN=" + new string('A', 22) + R(Alnum, 30) + "%2F" + R(Alnum, 20) + "%3D" + R(Alnum, 40),
            ["typeform-api-token"] = "TYPEFORM_TOKEN=tfp_" + R(B64Url, 59),
            ["vault-batch-token"] = "VAULT_TOKEN=hvb." + R(B64Url, 140),
            ["vault-service-token"] = "VAULT_TOKEN=hvs." + R(B64Url, 95),
            ["yandex-access-token"] = "YC_TOKEN=t1." + R(B64Url, 60) + "." + R(B64Url, 86),
            ["yandex-api-key"] = "YC_API_KEY=AQVN" + R(B64Url, 36),
        };
    }

    private static string PresignedBedrockUrl() =>
        "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA" + R(Base32, 16) +
        "%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=43200&X-Amz-Security-Token=" +
        R(B64, 80) + "&X-Amz-Signature=" + R(Hex, 64) + "&Version=1";

    // ---- Rules left out as named: SG0002's value checks find them under a credential name -------------------------------

    /// <summary>The shape of the value each named rule finds: a prefix, an alphabet and a length (after gitleaks' rule).</summary>
    private static readonly Dictionary<string, (string Prefix, string Alphabet, int Length)> NamedShapes = new(StringComparer.Ordinal)
    {
        ["airtable-api-key"] = ("key", Alnum, 14),
        ["algolia-api-key"] = ("", LowerAlnum, 32),
        ["alibaba-secret-key"] = ("", Alnum, 30),
        ["asana-client-secret"] = ("", LowerAlnum, 32),
        ["beamer-api-token"] = ("b_", B64Url, 44),
        ["bitbucket-client-secret"] = ("", B64Url, 64),
        ["bittrex-access-key"] = ("", LowerAlnum, 32),
        ["bittrex-secret-key"] = ("", LowerAlnum, 32),
        ["cisco-meraki-api-key"] = ("", Hex, 40),
        ["codecov-access-token"] = ("", LowerAlnum, 32),
        ["cohere-api-token"] = ("", Alnum, 40),
        ["coinbase-access-token"] = ("", B64Url, 64),
        ["confluent-access-token"] = ("", UpperAlnum, 16),
        ["confluent-secret-key"] = ("", LowerAlnum, 64),
        ["contentful-delivery-api-token"] = ("", B64Url, 43),
        ["discord-client-secret"] = ("", B64Url, 32),
        ["droneci-access-token"] = ("", LowerAlnum, 32),
        ["etsy-access-token"] = ("", LowerAlnum, 24),
        ["fastly-api-token"] = ("", B64Url, 32),
        ["finicity-api-token"] = ("", Hex, 32),
        ["finicity-client-secret"] = ("", LowerAlnum, 20),
        ["finnhub-access-token"] = ("", LowerAlnum, 20),
        ["flickr-access-token"] = ("", LowerAlnum, 32),
        ["freemius-secret-key"] = ("sk_", Alnum, 29),
        ["freshbooks-access-token"] = ("", LowerAlnum, 64),
        ["gitter-access-token"] = ("", B64Url, 40),
        ["gocardless-api-token"] = ("live_", B64Url, 40),
        ["hashicorp-tf-password"] = ("", LowerAlnum + "_-", 16),
        ["intercom-api-key"] = ("", B64Url, 60),
        ["jfrog-identity-token"] = ("", LowerAlnum, 64),
        ["kraken-access-token"] = ("", B64, 88),
        ["kucoin-access-token"] = ("", Hex, 24),
        ["launchdarkly-access-token"] = ("", B64Url, 40),
        ["linear-client-secret"] = ("", Hex, 32),
        ["linkedin-client-secret"] = ("", Alnum, 16),
        ["looker-client-secret"] = ("", Alnum, 24),
        ["mattermost-access-token"] = ("", LowerAlnum, 26),
        ["messagebird-api-token"] = ("", Alnum, 25),
        ["netlify-access-token"] = ("", B64Url, 43),
        ["nytimes-access-token"] = ("", B64Url, 32),
        ["okta-access-token"] = ("00", B64Url, 40),
        ["plaid-secret-key"] = ("", LowerAlnum, 30),
        ["privateai-api-token"] = ("", LowerAlnum, 32),
        ["rapidapi-access-token"] = ("", B64Url, 50),
        ["sendbird-access-token"] = ("", Hex, 40),
        ["sentry-access-token"] = ("", Hex, 64),
        ["sumologic-access-token"] = ("", Alnum, 64),
        ["travisci-access-token"] = ("", LowerAlnum, 22),
        ["twitch-api-token"] = ("", LowerAlnum, 30),
        ["twitter-access-secret"] = ("", Alnum, 45),
        ["twitter-access-token"] = ("1780000000000000042-", Alnum, 30),
        ["twitter-api-key"] = ("", Alnum, 25),
        ["twitter-api-secret"] = ("", Alnum, 50),
        ["yandex-aws-access-token"] = ("YC", B64Url, 38),
        ["zendesk-secret-key"] = ("", Alnum, 40),

        // Weak: too short to look generated, or a GUID.
        ["dropbox-api-token"] = ("", LowerAlnum, 15),
        ["hubspot-api-key"] = ("guid", Hex, 0),
        ["kucoin-secret-key"] = ("guid", Hex, 0),
        ["snyk-api-token"] = ("guid", Hex, 0),
        ["squarespace-access-token"] = ("guid", Hex, 0),
    };

    [Fact]
    public void Every_rule_left_out_as_named_is_found_under_a_credential_name_at_the_tier_the_table_says()
    {
        var rows = Rows().Where(r => r.Target is Named or NamedWeak).ToList();
        Assert.Equal(rows.Select(r => r.RuleId).OrderBy(i => i, StringComparer.Ordinal), NamedShapes.Keys.OrderBy(i => i, StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var row in rows)
        {
            // The name gitleaks' keyword sits in, as code writes it: adafruit-api-key → AdafruitApiKey.
            var name = string.Concat(row.RuleId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            var shape = NamedShapes[row.RuleId];
            var expected = row.Target == Named ? SecretEvidence.Strong : SecretEvidence.Weak;
            if (!CredentialNames.Default.IsCredentialName(name))
            {
                failures.Add(row.RuleId + ": " + name + " is not a credential name");
                continue;
            }

            // Five values of the shape; a random value may by chance spell a word the judge counts as a default ("pwd"),
            // so four of five must be judged as the table says.
            var judgedAsExpected = 0;
            var last = "";
            for (var i = 0; i < 5; i++)
            {
                var value = shape.Prefix == "guid"
                    ? (R(Hex, 8) + "-" + R(Hex, 4) + "-" + R(Hex, 4) + "-" + R(Hex, 4) + "-" + R(Hex, 12)).ToUpperInvariant()
                    : shape.Prefix + R(shape.Alphabet, shape.Length);
                var judged = CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out var weakBecause);
                if (judged == expected && CredentialCatalogue.Default.Find(value) is null)
                {
                    judgedAsExpected++;
                }
                else
                {
                    last = judged + " (" + weakBecause + ")";
                }
            }

            if (judgedAsExpected < 4)
            {
                failures.Add(row.RuleId + ": " + name + ": " + judgedAsExpected + " of 5 values judged " + expected + "; another was " + last);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- Checksums ----------------------------------------------------------------------------------------------------

    [Fact]
    public void The_base62_checksum_is_the_one_github_and_npm_publish()
    {
        // Known answers, computed outside .NET (zlib's crc32, base62 in the digits-upper-lower alphabet).
        Assert.Equal("0mLq17", CredentialChecks.Base62Checksum("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ"));
        Assert.Equal("1WBe5i", CredentialChecks.Base62Checksum("Vx3qLk9PzR2mT7wYc4NbH8dJf6GsA1"));
        Assert.Equal(0xCBF43926u, CredentialChecks.Crc32("123456789"));
    }

    [Theory]
    [InlineData("ghp_")]
    [InlineData("gho_")]
    [InlineData("ghu_")]
    [InlineData("ghs_")]
    [InlineData("ghr_")]
    [InlineData("npm_")]
    public void A_token_with_a_wrong_checksum_is_a_made_up_sample_not_a_token(string prefix)
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(CredentialCatalogue.Default.Find("TOKEN=" + SyntheticTokens.WithChecksum(prefix, Random)));
            Assert.Null(CredentialCatalogue.Default.Find("TOKEN=" + SyntheticTokens.WithWrongChecksum(prefix, Random)));
            Assert.Null(CredentialCatalogue.Default.Find("TOKEN=" + prefix + R(Alnum, 36)));
        }
    }

    // ---- Sample makers ------------------------------------------------------------------------------------------------

    private static string R(string alphabet, int length)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            if (length < 3 || (!SensitivityLexicon.IsPlaceholder(text) && !CredentialChecks.LooksTyped(text)))
            {
                return text;
            }
        }
    }

    private static string B64Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string B64UrlOf(string text) => B64Of(text).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Base64 that happens to hold letters and digits only (as a format without '+' and '/' needs), of a text made with a random tail.
    private static string AlnumBase64Of(Func<int, string> text, int tail)
    {
        while (true)
        {
            var encoded = B64Of(text(tail));
            if (encoded.All(char.IsLetterOrDigit))
            {
                return encoded;
            }
        }
    }
}
