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

        // A 1Password account's secret key (A3-, hyphenated for reading) and a service account token (ops_ and the
        // base64url of a JSON object, which the validator decodes).
        yield return F("1password-secret", "a 1Password secret key or service account token",
            new[] { "A3-", "ops_eyJ" },
            @"\b(A3-(?<secret>[A-Z0-9]{6}-([A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b|ops_(?<token>eyJ[A-Za-z0-9_\-]{250,4000}={0,2})(?![A-Za-z0-9_\-=]))",
            entropy: 3.0, validate: m => m.Groups["token"].Success ? CredentialChecks.OnePasswordServiceAccountToken(m.Groups["token"].Value) : CredentialChecks.HasLetterAndDigit(CredentialChecks.Secret(m)),
            minLength: 37, matchCase: true);

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

        // Long-term keys: ABSK and the base64 of "BedrockAPIKey-..."; short-term keys: bedrock-api-key- and the base64 of a
        // presigned bedrock.amazonaws.com URL, whose signature is the secret.
        yield return F("aws-bedrock-api-key", "an Amazon Bedrock API key",
            new[] { "ABSKQmVkcm9ja0FQSUtleS", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" },
            @"\b(ABSKQmVkcm9ja0FQSUtleS(?<secret>[A-Za-z0-9+/]{80,260}={0,2})|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t(?<secret>[A-Za-z0-9+/]{100,4000}={0,2}))" + NoB64After,
            entropy: 3.5, minLength: 100, matchCase: true);

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

        yield return F("cloudflare-origin-ca-key", "a Cloudflare Origin CA key",
            new[] { "v1.0-" },
            @"\bv1\.0-[a-f0-9]{24}-(?<secret>[a-f0-9]{146})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 176);

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

        yield return F("clickhouse-cloud-key", "a ClickHouse Cloud API key secret",
            new[] { "4b1d" },
            @"\b4b1d(?<secret>[A-Za-z0-9]{38})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasUpperAndLower), minLength: 42, matchCase: true);

        yield return F("flyio-token", "a Fly.io access token",
            new[] { "fo1_", "fm1a_", "fm1r_", "fm2_" },
            @"\b(fo1_(?<secret>[A-Za-z0-9_\-]{43})|fm1[ar]_(?<secret>[A-Za-z0-9+/]{100,4000}={0,3})|fm2_(?<secret>[A-Za-z0-9+/]{100,4000}={0,3}))(?![A-Za-z0-9+/=_\-])",
            entropy: 3.5, minLength: 47, matchCase: true);

        yield return F("openshift-token", "an OpenShift user token",
            new[] { "sha256~" },
            @"(?<![A-Za-z0-9_\-])sha256~(?<secret>[A-Za-z0-9_\-]{43})" + NoB64UAfter,
            entropy: 3.5, minLength: 50);

        yield return F("scalingo-token", "a Scalingo API token",
            new[] { "tk-us-" },
            @"\btk-us-(?<secret>[A-Za-z0-9_\-]{48})" + NoB64UAfter,
            entropy: 3.5);

        // Yandex Cloud IAM tokens (t1.) and API keys (AQVN).
        yield return F("yandex-cloud-key", "a Yandex Cloud IAM token or API key",
            new[] { "t1.", "AQVN" },
            @"\b(t1\.(?<secret>[A-Za-z0-9_\-]{20,400}={0,2}\.[A-Za-z0-9_\-]{86}={0,2})(?![A-Za-z0-9_\-=])|AQVN(?<secret>[A-Za-z0-9_\-]{35,38})" + NoB64UAfter + ")",
            entropy: 3.5, validate: Secret(CredentialChecks.HasUpperAndLower), minLength: 39, matchCase: true);

        yield return F("defined-networking-token", "a Defined Networking API token",
            new[] { "dnkey-" },
            @"\bdnkey-(?<secret>[A-Za-z0-9_=\-]{26}-[A-Za-z0-9_=\-]{52})(?![A-Za-z0-9_=\-])",
            entropy: 3.5, minLength: 85);

        // ---- Source hosting, packages, CI ---------------------------------------------------------------------
        yield return F("github-token", "a GitHub token",
            new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_" },
            @"\b(gh[pousr]_(?<secret>[A-Za-z0-9]{36,251})|github_pat_(?<secret>[A-Za-z0-9_]{60,251}))\b",
            entropy: 3.0, validate: m => m.Value.StartsWith("github_pat_", StringComparison.Ordinal) || CredentialChecks.HasBase62Checksum(CredentialChecks.Secret(m)));

        yield return F("gitlab-token", "a GitLab token",
            new[] { "glpat-", "gloas-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941", "_gitlab_session=" },
            @"(\b((glpat|gloas|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|glffct)-(?<secret>[A-Za-z0-9_\-]{20,300}(\.[A-Za-z0-9]{9})?)|GR1348941(?<secret>[A-Za-z0-9_\-]{20,60}))" +
            @"|(?<![A-Za-z0-9_])_gitlab_session=(?<secret>[0-9a-z]{32}))" + NoB64UAfter,
            entropy: 3.0);

        yield return F("atlassian-api-token", "an Atlassian API token",
            new[] { "ATATT3" },
            @"\bATATT3(?<secret>[A-Za-z0-9_\-=]{150,250})(?![A-Za-z0-9_\-=])",
            entropy: 4.0);

        yield return F("npm-token", "an npm token",
            new[] { "npm_" },
            @"\bnpm_(?<secret>[A-Za-z0-9]{36})\b",
            entropy: 3.0, validate: Secret(s => CredentialChecks.HasLetterAndDigit(s) && CredentialChecks.HasBase62Checksum(s)));

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

        // A reference token is the base64 of "reftkn:01:<expiry>:<id>"; the validator decodes its start.
        yield return F("artifactory-api-key", "a JFrog Artifactory API key or reference token",
            new[] { "AKCp", "cmVmdGtu" },
            @"\b(AKCp(?<secret>[A-Za-z0-9]{69})|(?<reference>cmVmdGtu[A-Za-z0-9]{56}))\b",
            entropy: 4.0, validate: m => !m.Groups["reference"].Success || CredentialChecks.DecodesToPrefix(m.Value, "reftkn:", url: false),
            minLength: 64, matchCase: true);

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

        yield return F("clojars-token", "a Clojars deploy token",
            new[] { "CLOJARS_" },
            @"\bCLOJARS_(?<secret>[A-Za-z0-9]{60})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), matchCase: true);

        // nuget.config's packageSourceCredentials: ClearTextPassword holds the password itself (Password holds it
        // encrypted with the machine's key, not reusable elsewhere). A password someone chose: judged as one.
        yield return F("nuget-config-password", "a password in a nuget.config",
            new[] { "ClearTextPassword" },
            @"<add\s{1,4}key\s{0,2}=\s{0,2}\\?[""']ClearTextPassword\\?[""']\s{1,4}value\s{0,2}=\s{0,2}\\?[""'](?<secret>[^""'\\<>]{1,200})\\?[""']",
            options: RegexOptions.IgnoreCase, requires: "<=")
            .WithChosenPassword((m, text) => new ChosenPassword(m.Groups["secret"].Value, CredentialChecks.NuGetConfigUser(text)));

        yield return F("octopus-deploy-api-key", "an Octopus Deploy API key",
            new[] { "API-" },
            @"\bAPI-(?<secret>[A-Z0-9]{25,32})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 29, matchCase: true);

        yield return F("harness-token", "a Harness access token",
            new[] { "pat.", "sat." },
            @"\b(pat|sat)\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9]{24}\.(?<secret>[A-Za-z0-9]{20})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasTwoKinds), minLength: 72, matchCase: true, requires: ".");

        yield return F("sonarqube-token", "a SonarQube token",
            new[] { "squ_", "sqp_", "sqa_" },
            @"\bsq[upa]_(?<secret>[a-f0-9]{40})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), matchCase: true);

        yield return F("sourcegraph-token", "a Sourcegraph access token",
            new[] { "sgp_" },
            @"\bsgp_(([a-f0-9]{16}|local)_)?(?<secret>[a-f0-9]{40})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), matchCase: true);

        yield return F("prefect-api-key", "a Prefect API key",
            new[] { "pnu_" },
            @"\bpnu_(?<secret>[A-Za-z0-9]{36})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("infracost-api-key", "an Infracost API key",
            new[] { "ico-" },
            @"\bico-(?<secret>[A-Za-z0-9]{32})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("readme-api-key", "a ReadMe API key",
            new[] { "rdme_" },
            @"\brdme_(?<secret>[a-z0-9]{70})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasLetterAndDigit), matchCase: true);

        yield return F("settlemint-token", "a SettleMint access token",
            new[] { "sm_aat_", "sm_pat_", "sm_sat_" },
            @"\bsm_(aat|pat|sat)_(?<secret>[A-Za-z0-9]{16})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("frameio-token", "a Frame.io API token",
            new[] { "fio-u-" },
            @"\bfio-u-(?<secret>[A-Za-z0-9_=\-]{64})(?![A-Za-z0-9_=\-])",
            entropy: 3.5, matchCase: true);

        yield return F("authress-access-key", "an Authress service client access key",
            new[] { ".acc_", ".acc-" },
            @"\b(sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_\-][A-Za-z0-9\-]{10,32}\.(?<secret>[A-Za-z0-9+/_=\-]{30,120})(?![A-Za-z0-9+/_=\-])",
            entropy: 3.5, matchCase: true, requires: ".");

        yield return F("intra42-client-secret", "a 42 intranet client secret",
            new[] { "s-s4t2ud-", "s-s4t2af-" },
            @"\bs-s4t2(ud|af)-(?<secret>[a-f0-9]{64})\b",
            entropy: 3.0, matchCase: true);

        // Sidekiq Pro/Enterprise gem credentials, in Bundler's variable or in the gem source URL.
        yield return F("sidekiq-credentials", "a Sidekiq Pro or Enterprise license credential",
            new[] { "contribsys" },
            @"(\bBUNDLE_(ENTERPRISE|GEMS)__CONTRIBSYS__COM[""']?\s{0,3}[=:]\s{0,3}[""']?(?<secret>[a-f0-9]{8}:[a-f0-9]{8})|\bhttps?://(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(gems|enterprise)\.contribsys\.com)\b",
            entropy: 2.5, validate: Secret(CredentialChecks.HasLetterAndDigit), options: RegexOptions.IgnoreCase);

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

        var mailgun = new[] { "mailgun" };
        yield return F("mailgun-signing-key", "a Mailgun API or webhook signing key",
            mailgun,
            @"(?<![A-Za-z0-9\-])(?<secret>[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9\-])",
            entropy: 3.0, context: mailgun, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 50);

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

        yield return F("typeform-token", "a Typeform personal access token",
            new[] { "tfp_" },
            @"\btfp_(?<secret>[A-Za-z0-9_\-.=]{59})(?![A-Za-z0-9_\-.=])",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("adafruit-io-key", "an Adafruit IO key",
            new[] { "aio_" },
            @"\baio_(?<secret>[A-Za-z0-9]{28})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        // An app-only bearer token: 22 'A's, then URL-encoded base64. Fenced by base64's '+', '/' and '=' too, so a
        // run of zero bytes inside a base64 blob is not one.
        yield return F("twitter-bearer-token", "a Twitter (X) app bearer token",
            new[] { "AAAAAAAAAAAAAAAAAAAAA" },
            @"(?<![A-Za-z0-9%+/])A{22}(?<secret>[A-Za-z0-9%]{80,120})(?![A-Za-z0-9%+/=])",
            entropy: 3.5, validate: Secret(CredentialChecks.HasUpperAndLower), minLength: 102, matchCase: true);

        // Graph API user and page tokens (EAA and an app letter; Square's tokens are EAAA and 64 long).
        yield return F("facebook-access-token", "a Facebook access token",
            new[] { "EAA" },
            @"\bEAA[B-Z](?<secret>[A-Za-z0-9]{100,400})\b",
            entropy: 4.0, validate: Secret(CredentialChecks.HasUpperAndLower), minLength: 104, matchCase: true);

        // A Facebook app's secret (32 hex) alone or as an app access token "<app id>|<app secret>".
        var facebook = new[] { "facebook", "fb_app", "fb-app", "fbapp", "fb_secret", "fb_client_secret", "fb_access_token" };
        yield return F("facebook-app-secret", "a Facebook app secret",
            facebook,
            @"(?<![A-Za-z0-9|%])([0-9]{15,16}(\||%7[Cc]))?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])",
            entropy: 3.0, context: facebook, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 32);

        yield return F("dropbox-token", "a Dropbox access token",
            new[] { "sl.", "AAAAAAAAAA" },
            @"(\bsl\.(u\.)?(?<secret>[A-Za-z0-9_\-=]{130,1500})|(?<![A-Za-z0-9_\-+/])(?<secret>[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_\-=]{43}))(?![A-Za-z0-9_\-=+/])",
            entropy: 3.5, validate: Secret(CredentialChecks.HasUpperAndLower), minLength: 64, matchCase: true);

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

        yield return F("flutterwave-secret-key", "a Flutterwave secret or encryption key",
            new[] { "FLWSECK" },
            @"\bFLWSECK(_TEST)?-(?<secret>[A-Za-z0-9]{32})-X\b|\bFLWSECK_TEST-?(?<secret>[A-Za-z0-9]{12})\b",
            entropy: 2.5, validate: Secret(CredentialChecks.HasLetterAndDigit), matchCase: true);

        yield return F("plaid-access-token", "a Plaid access token",
            new[] { "access-sandbox-", "access-development-", "access-production-" },
            @"\baccess-(sandbox|development|production)-(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
            entropy: 3.0, matchCase: true);

        yield return F("shippo-api-token", "a Shippo API token",
            new[] { "shippo_live_", "shippo_test_" },
            @"\bshippo_(live|test)_(?<secret>[a-fA-F0-9]{40})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit));

        yield return F("duffel-token", "a Duffel access token",
            new[] { "duffel_test_", "duffel_live_" },
            @"\bduffel_(test|live)_(?<secret>[A-Za-z0-9_=\-]{43})(?![A-Za-z0-9_=\-])",
            entropy: 3.5, matchCase: true);

        yield return F("easypost-api-key", "an EasyPost API key",
            new[] { "EZAK", "EZTK" },
            @"\bEZ[AT]K(?<secret>[A-Za-z0-9]{54})\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("lob-api-key", "a Lob API key",
            new[] { "live_", "test_" },
            @"\b(live|test)_(?<secret>[a-f0-9]{35})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 40, matchCase: true);

        yield return F("adobe-client-secret", "an Adobe client secret",
            new[] { "p8e-" },
            @"\bp8e-(?<secret>[A-Za-z0-9]{32})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasTwoKinds), matchCase: true);

        yield return F("airtable-token", "an Airtable personal access token",
            new[] { "pat" },
            @"\bpat[A-Za-z0-9]{14}\.(?<secret>[a-f0-9]{64})\b",
            entropy: 3.0, validate: Secret(CredentialChecks.HasLetterAndDigit), minLength: 82, matchCase: true, requires: ".");

        yield return F("maxmind-license-key", "a MaxMind license key",
            new[] { "_mmk" },
            @"\b[A-Za-z0-9]{6}_(?<secret>[A-Za-z0-9]{29})_mmk\b",
            entropy: 3.5, validate: Secret(CredentialChecks.HasTwoKinds), minLength: 40, matchCase: true);

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

        // Grafana's older API keys are the base64 of {"k":"<key>","n":"<name>","id":<n>}; the validator decodes it.
        yield return F("grafana-service-account-token", "a Grafana service account token or API key",
            new[] { "glsa_", "eyJrIjoi" },
            @"\b(glsa_(?<secret>[A-Za-z0-9]{32})_[A-Fa-f0-9]{8}\b|(?<legacy>eyJrIjoi[A-Za-z0-9+/]{60,400}={0,2})" + NoB64After + ")",
            entropy: 3.5, validate: m => !m.Groups["legacy"].Success || CredentialChecks.GrafanaApiKey(m.Groups["legacy"].Value));

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
        // Also a whole JWT encoded once more in base64 ("ZXlK" is the base64 of "eyJ"): the validator decodes it.
        yield return F("jwt", "a JSON Web Token",
            new[] { "eyJ", "ZXlK" },
            NoB64UBefore + @"(?<header>eyJ[A-Za-z0-9_\-]{10,2000})\.(?<payload>eyJ[A-Za-z0-9_\-]{10,8000})\.(?<secret>[A-Za-z0-9_\-]{16,2000})" + NoB64UAfter +
            "|" + NoB64Before + @"(?<encoded>ZXlK[A-Za-z0-9+/]{60,8000}={0,2})" + NoB64After,
            entropy: 3.0, validate: CredentialChecks.Jwt);

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
