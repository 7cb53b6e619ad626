using System;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;
using SecretGuard.Policy;

namespace SecretGuard.Tests;

/// <summary>Secret-looking values in non-secret entries and templates (SG1007), policy rules (SG1008), drift (SG1009).</summary>
public class EnvCheckRunnerPolicyTests
{
    // ---- SG1007 -------------------------------------------------------------------------------------------------

    [Fact]
    public void SG1007_suggests_the_projects_first_secret_suffix()
    {
        using var s = new CheckScenario("dev");
        var github = Tokens.GitHub();
        var path = s.Write(".env.dev", "GITHUB_TOKEN=" + github + "\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"));
        options.SecretSuffixes.Add("_VAULT");
        options.SecretSuffixes.Add("_SECRET");

        var finding = CheckAssert.At(EnvCheckRunner.Run(options), DiagnosticIds.SecretInNonSecretEntry, path, 1);

        Assert.Contains("name it GITHUB_TOKEN_VAULT (and read it with Secrets.Get)", finding.Message);
    }

    [Fact]
    public void Credentials_under_non_secret_names_are_SG1007_at_the_value()
    {
        using var s = new CheckScenario("dev");
        var github = Tokens.GitHub();
        var stripe = Tokens.StripeLive();
        var aws = Tokens.AwsAccessKeyId();
        var pemBody = Tokens.Alnum(40);
        var dbPassword = "Zq8!vR2" + Tokens.Alnum(6);
        var text =
            "GITHUB_TOKEN=" + github + "\n" +
            "STRIPE_KEY=" + stripe + "\n" +
            "AWS_ACCESS_KEY_ID=" + aws + "\n" +
            "SIGNING_KEY=\"-----BEGIN RSA PRIVATE KEY-----\\n" + pemBody + "\\n-----END RSA PRIVATE KEY-----\"\n" +
            "DB_CONNECTION=\"Server=db.internal;User Id=app;Password=" + dbPassword + ";\"\n";
        var path = s.Write(".env.dev", text);

        foreach (var mode in new[] { CheckMode.Verify, CheckMode.Encrypt })
        {
            var report = EnvCheckRunner.Run(s.Options(mode, "dev", new EnvFileTarget(path, "dev")));

            CheckAssert.Ids(report, Enumerable.Repeat(DiagnosticIds.SecretInNonSecretEntry, 5).ToArray());
            AssertLookalike(report, path, 1, 14, "GITHUB_TOKEN", "a GitHub token");
            AssertLookalike(report, path, 2, 12, "STRIPE_KEY", "a Stripe secret key");
            AssertLookalike(report, path, 3, 19, "AWS_ACCESS_KEY_ID", "an AWS access key id");
            AssertLookalike(report, path, 4, 13, "SIGNING_KEY", "a private key");
            AssertLookalike(report, path, 5, 15, "DB_CONNECTION", "a connection string with a password");
            CheckAssert.NoLeak(report, github, stripe, aws, pemBody, dbPassword, stripe.Substring(8));
            Assert.Equal(text, s.Read(path)); // non-secret entries are never encrypted
            Assert.Empty(report.EncryptedCounts);
        }
    }

    [Fact]
    public void Placeholders_urls_without_credentials_and_normal_config_are_not_SG1007()
    {
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev",
            "PLACEHOLDER_TOKEN=changeme\n" +
            "API_KEY=<your-key>\n" +
            "STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n" +
            "GITHUB_TOKEN=ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n" +
            "SERVICE_URL=https://api.stripe.com/v1/charges\n" +
            "DATABASE_URL=postgres://db.internal:5432/app\n" +
            "LOG_LEVEL=Information\n" +
            "PORT=8080\n" +
            "TRUSTED=\"Server=db;Database=app;Trusted_Connection=True;\"\n" +
            "FEATURES=search,checkout,beta-ui\n" +
            "GREETING=\"Hello, world\"\n" +
            "BUILD_ID=20240131.7\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
    }

    [Fact]
    public void A_credential_under_a_secret_name_is_not_SG1007()
    {
        using var s = new CheckScenario("dev");
        var github = Tokens.GitHub();
        var path = s.Write(".env.dev", "GITHUB_TOKEN_SECRET=" + github + "\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
        Assert.Equal(github, s.Decrypt("dev", "GITHUB_TOKEN_SECRET", CheckScenario.ValueIn(path, "GITHUB_TOKEN_SECRET")));
    }

    [Fact]
    public void A_template_with_a_real_looking_value_is_SG1007_and_never_encrypted()
    {
        using var s = new CheckScenario("dev");
        var github = Tokens.GitHub();
        var text =
            "# copy to .env.dev and fill in\n" +
            "API_KEY_SECRET=<your-key>\n" +
            "GITHUB_TOKEN_SECRET=" + github + "\n" +
            "STRIPE_SECRET=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n" +
            "DB_PASSWORD_SECRET=changeme\n" +
            "PLAIN_SECRET=canary-template-plain\n";
        var path = s.Write(".env.example", text);
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, null, isTemplate: true)));

        var finding = CheckAssert.Single(report, DiagnosticIds.SecretInNonSecretEntry);
        CheckAssert.Is(finding, DiagnosticIds.SecretInNonSecretEntry, FindingSeverity.Warning, 3, 21);
        Assert.Equal(path, finding.FilePath);
        Assert.Equal("GITHUB_TOKEN_SECRET", finding.KeyName);
        Assert.StartsWith("GITHUB_TOKEN_SECRET in a template holds what looks like a GitHub token: templates are committed and never encrypted", finding.Message);
        CheckAssert.Ids(report, DiagnosticIds.SecretInNonSecretEntry);
        Assert.Equal(text, s.Read(path));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(path));
        Assert.Empty(report.EncryptedCounts);
        CheckAssert.NoLeak(report, github, "canary");
    }

    [Fact]
    public void A_suppression_comment_silences_SG1007_for_the_next_entry_only()
    {
        using var s = new CheckScenario("dev");
        var github = Tokens.GitHub();
        var stripe = Tokens.StripeLive();
        var aws = Tokens.AwsAccessKeyId();
        var path = s.Write(".env.dev",
            "# secretguard-disable-next-line SG1007\n" +
            "GITHUB_TOKEN=" + github + "\n" +
            "STRIPE_KEY=" + stripe + "\n" +
            "  #  secretguard-disable-next-line SG1009, SG1007\n" +
            "AWS_ACCESS_KEY_ID=" + aws + "\n");
        var template = s.Write(".env.template",
            "# secretguard-disable-next-line SG1007\n" +
            "GITHUB_TOKEN_SECRET=" + github + "\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"), new EnvFileTarget(template, null, isTemplate: true)));

        var finding = CheckAssert.Single(report, DiagnosticIds.SecretInNonSecretEntry);
        CheckAssert.Is(finding, DiagnosticIds.SecretInNonSecretEntry, FindingSeverity.Warning, 3, 12);
        Assert.Equal("STRIPE_KEY", finding.KeyName);
        CheckAssert.Ids(report, DiagnosticIds.SecretInNonSecretEntry);
    }

    [Fact]
    public void The_SG0007_suppression_the_IDE_honours_silences_SG1007_too()
    {
        // The IDE reports an env-file line as SG0007 and a build as SG1007: one comment must silence both.
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev",
            "# secretguard-disable-next-line SG0007\n" +
            "GITHUB_TOKEN=" + Tokens.GitHub() + "\n" +
            "STRIPE_KEY=" + Tokens.StripeLive() + "\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));

        var finding = CheckAssert.Single(report, DiagnosticIds.SecretInNonSecretEntry);
        Assert.Equal("STRIPE_KEY", finding.KeyName);
        CheckAssert.Ids(report, DiagnosticIds.SecretInNonSecretEntry);
    }

    // ---- SG1008 -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_rule_with_Secret_true_makes_an_entry_without_the_suffix_encrypted()
    {
        using var s = new CheckScenario("dev");
        var plaintext = "canary-django-" + Tokens.Alnum(40);
        var path = s.Write(".env.dev", "SECRET_KEY=" + plaintext + "\nDEBUG=true\n");

        var verify = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"));
        verify.Rules.Add(new PolicyRule("SECRET_KEY", secret: true, minLength: 32));
        var verifyReport = EnvCheckRunner.Run(verify);
        CheckAssert.Is(CheckAssert.Single(verifyReport, DiagnosticIds.PlaintextSecret), DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 1, 12);
        CheckAssert.Ids(verifyReport, DiagnosticIds.PlaintextSecret);

        var encrypt = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev"));
        encrypt.Rules.Add(new PolicyRule("SECRET_KEY", secret: true, minLength: 32));
        var report = EnvCheckRunner.Run(encrypt);

        CheckAssert.Empty(report);
        Assert.Equal(1, report.EncryptedCounts[path]);
        Assert.Equal("SECRET_KEY=<ENC>\nDEBUG=true\n", CheckScenario.Ciphertext.Replace(s.Read(path), "<ENC>"));
        Assert.Equal(plaintext, s.Decrypt("dev", "SECRET_KEY", CheckScenario.ValueIn(path, "SECRET_KEY")));
        CheckAssert.NoLeak(verifyReport, plaintext);
    }

    [Fact]
    public void MinLength_is_checked_on_the_plaintext_before_encryption_and_on_the_decrypted_value_when_the_key_is_at_hand()
    {
        using var s = new CheckScenario("dev");
        const string Short = "canary-short";
        var path = s.Write(".env.dev", "# django\nSECRET_KEY=" + Short + "\n");
        EnvCheckOptions Options(CheckScenario scenario, CheckMode mode)
        {
            var options = scenario.Options(mode, "dev", new EnvFileTarget(path, "dev"));
            options.Rules.Add(new PolicyRule("SECRET_KEY", secret: true, minLength: 32));
            return options;
        }

        // Before encryption, on the plaintext.
        var first = EnvCheckRunner.Run(Options(s, CheckMode.Encrypt));
        var finding = CheckAssert.Single(first, DiagnosticIds.PolicyViolation);
        CheckAssert.Is(finding, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 2, 12);
        Assert.Equal("SECRET_KEY must be at least 32 characters long (rule MinLength=32)", finding.Message);
        Assert.Equal("SECRET_KEY", finding.KeyName);
        CheckAssert.Ids(first, DiagnosticIds.PolicyViolation);
        Assert.Equal(1, first.EncryptedCounts[path]);
        Assert.Equal(Short, s.Decrypt("dev", "SECRET_KEY", CheckScenario.ValueIn(path, "SECRET_KEY")));

        // After encryption, on the decrypted value.
        var second = EnvCheckRunner.Run(Options(s, CheckMode.Verify));
        CheckAssert.Is(CheckAssert.Single(second, DiagnosticIds.PolicyViolation), DiagnosticIds.PolicyViolation, FindingSeverity.Error, 2, 12);
        CheckAssert.Ids(second, DiagnosticIds.PolicyViolation);

        // Without the key the encrypted value cannot be judged.
        using var noKey = new CheckScenario();
        CheckAssert.Empty(EnvCheckRunner.Run(Options(noKey, CheckMode.Verify)));

        CheckAssert.NoLeak(first, Short);
        CheckAssert.NoLeak(second, Short);
    }

    [Fact]
    public void Length_counts_unicode_code_points()
    {
        using var s = new CheckScenario("dev");
        const string Emoji = "ab\U0001F511c"; // 4 code points, 5 UTF-16 units
        var path = s.Write(".env.dev", "PLAIN_PIN=" + Emoji + "\nENCRYPTED_PIN_SECRET=" + s.Encrypt("dev", "ENCRYPTED_PIN_SECRET", Emoji) + "\n");

        EnvCheckReport Run(int length)
        {
            var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"));
            options.Rules.Add(new PolicyRule("PLAIN_PIN", length: length));
            options.Rules.Add(new PolicyRule("ENCRYPTED_PIN_SECRET", length: length));
            return EnvCheckRunner.Run(options);
        }

        CheckAssert.Empty(Run(4));

        var tooLong = Run(5);
        CheckAssert.Ids(tooLong, DiagnosticIds.PolicyViolation, DiagnosticIds.PolicyViolation);
        var plain = CheckAssert.At(tooLong, DiagnosticIds.PolicyViolation, path, 1);
        CheckAssert.Is(plain, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 1, 11);
        Assert.Equal("PLAIN_PIN must be exactly 5 characters long (rule Length=5)", plain.Message);
        var encrypted = CheckAssert.At(tooLong, DiagnosticIds.PolicyViolation, path, 2);
        CheckAssert.Is(encrypted, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 2, 22);
        Assert.Equal("ENCRYPTED_PIN_SECRET must be exactly 5 characters long (rule Length=5)", encrypted.Message);
        CheckAssert.NoLeak(tooLong, Emoji, "\U0001F511");
    }

    [Fact]
    public void Pattern_must_match_the_whole_value_and_the_message_shows_the_pattern_intact()
    {
        using var s = new CheckScenario("dev");
        const string Hex = "0123456789abcdef0123456789abcdef";
        var path = s.Write(".env.dev",
            "GOOD_KEY=" + Hex + "\n" +
            "PREFIXED_KEY=canary" + Hex + "\n" +
            "NEWLINE_KEY=\"" + Hex + "\\n\"\n" +
            "ENCRYPTED_KEY_SECRET=" + s.Encrypt("dev", "ENCRYPTED_KEY_SECRET", Hex + "canary") + "\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"));
        foreach (var name in new[] { "GOOD_KEY", "PREFIXED_KEY", "NEWLINE_KEY", "ENCRYPTED_KEY_SECRET" })
        {
            options.Rules.Add(new PolicyRule(name, pattern: "[0-9a-f]{32}"));
        }

        var report = EnvCheckRunner.Run(options);

        CheckAssert.Ids(report, DiagnosticIds.PolicyViolation, DiagnosticIds.PolicyViolation, DiagnosticIds.PolicyViolation);
        var prefixed = CheckAssert.At(report, DiagnosticIds.PolicyViolation, path, 2);
        CheckAssert.Is(prefixed, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 2, 14);
        Assert.Equal("PREFIXED_KEY does not match the rule's Pattern [0-9a-f]{32}", prefixed.Message);
        var newline = CheckAssert.At(report, DiagnosticIds.PolicyViolation, path, 3);
        CheckAssert.Is(newline, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 3, 13);
        Assert.Equal("NEWLINE_KEY does not match the rule's Pattern [0-9a-f]{32}", newline.Message);
        var encrypted = CheckAssert.At(report, DiagnosticIds.PolicyViolation, path, 4);
        CheckAssert.Is(encrypted, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 4, 22);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void Required_reports_a_missing_entry_at_line_0_of_each_file_the_rule_applies_to()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev", "NAME=app\n");
        var prod = s.Write(".env.prod", "NAME=app\nENCRYPTION_KEY_SECRET=\n");
        var intFile = s.Write(".env.int", "NAME=app\n");
        var template = s.Write(".env.example", "NAME=app\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(template, null, isTemplate: true));
        options.Rules.Add(new PolicyRule("ENCRYPTION_KEY_SECRET", required: true));
        options.Rules.Add(new PolicyRule("SENTRY_DSN", required: true, environments: new[] { "prod" }));

        var report = EnvCheckRunner.Run(options);

        CheckAssert.Ids(report, DiagnosticIds.PolicyViolation, DiagnosticIds.PolicyViolation, DiagnosticIds.PolicyViolation);
        var devMissing = CheckAssert.At(report, DiagnosticIds.PolicyViolation, dev, 0);
        CheckAssert.Is(devMissing, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 0, 0);
        Assert.Equal("ENCRYPTION_KEY_SECRET", devMissing.KeyName);
        Assert.StartsWith("ENCRYPTION_KEY_SECRET is required in every env file (rule Required=true) and is missing here", devMissing.Message);
        CheckAssert.Is(CheckAssert.At(report, DiagnosticIds.PolicyViolation, intFile, 0), DiagnosticIds.PolicyViolation, FindingSeverity.Error, 0, 0);
        var sentry = CheckAssert.At(report, DiagnosticIds.PolicyViolation, prod, 0);
        Assert.StartsWith("SENTRY_DSN is required in every prod env file", sentry.Message);
    }

    [Fact]
    public void A_rule_with_Environments_applies_only_to_the_listed_environments()
    {
        using var s = new CheckScenario("dev", "prod");
        var dev = s.Write(".env.dev", "JWT_SIGNING_SECRET=canary-short-dev\n");
        var prod = s.Write(".env.prod", "JWT_SIGNING_SECRET=" + s.Encrypt("prod", "JWT_SIGNING_SECRET", "canary-short-prod") + "\n");
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod"));
        options.Rules.Add(new PolicyRule("JWT_SIGNING_SECRET", minLength: 64, environments: new[] { "prod", "int" }));

        var report = EnvCheckRunner.Run(options);

        var finding = CheckAssert.Single(report, DiagnosticIds.PolicyViolation);
        Assert.Equal(prod, finding.FilePath);
        CheckAssert.Is(finding, DiagnosticIds.PolicyViolation, FindingSeverity.Error, 1, 20);
        Assert.Equal("JWT_SIGNING_SECRET must be at least 64 characters long (rule MinLength=64)", finding.Message);
        CheckAssert.Ids(report, DiagnosticIds.PolicyViolation);
        Assert.Equal(1, report.EncryptedCounts[dev]);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void No_finding_of_any_kind_shows_a_value()
    {
        using var s = new CheckScenario("dev", "prod");
        const string Canary = "CanaryZ7q";
        var github = Tokens.GitHub();
        var dev = s.Write(".env.dev",
            "API_KEY_SECRET=" + Canary + "-plain\n" +
            "SECRET_KEY=" + Canary + "\n" +
            "GITHUB_TOKEN=" + github + "\n" +
            "WRONG_SECRET=" + TestKeys.Encrypt("prod", TestKeys.NewBase64(), "WRONG_SECRET", Canary) + "\n" +
            "PIN=" + Canary + "\U0001F511\n" +
            "DOLLAR=" + Canary + "$HOME\n" +
            "HASH=" + Canary + " #tail\n" +
            "export  SPACED = " + Canary + "\n" +
            "DUP=" + Canary + "1\n" +
            "DUP=" + Canary + "2\n");
        var prod = s.Write(".env.prod", "API_KEY_SECRET=" + Canary + "-prod\n");
        foreach (var mode in new[] { CheckMode.Verify, CheckMode.Encrypt })
        {
            var options = s.Options(mode, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod"));
            options.CheckDrift = true;
            options.Rules.Add(new PolicyRule("SECRET_KEY", secret: true, minLength: 50, pattern: "[a-z]+"));
            options.Rules.Add(new PolicyRule("PIN", length: 3, pattern: "[0-9]{3}"));
            options.Rules.Add(new PolicyRule("WRONG_SECRET", required: true));

            var report = EnvCheckRunner.Run(options);

            Assert.NotEmpty(report.Findings);
            CheckAssert.NoLeak(report, Canary, github);
        }
    }

    // ---- SG1009 -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_key_in_dev_and_prod_but_not_int_is_one_drift_warning_on_the_int_file()
    {
        using var s = new CheckScenario("dev");
        var (dev, intFile, prod) = DriftFiles(s, "FEATURE_X=on\nNAME=app\n", "NAME=app\n", "NAME=app\nFEATURE_X=off\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.CheckDrift = true;

        var report = EnvCheckRunner.Run(options);

        var drift = CheckAssert.Single(report, DiagnosticIds.EnvironmentDrift);
        CheckAssert.Is(drift, DiagnosticIds.EnvironmentDrift, FindingSeverity.Warning, 0, 0);
        Assert.Equal(intFile, drift.FilePath);
        Assert.Equal("FEATURE_X", drift.KeyName);
        Assert.StartsWith("FEATURE_X is defined for dev, prod but not for int", drift.Message);
        Assert.Contains("secretguard-disable-next-line SG1009", drift.Message);
        CheckAssert.Ids(report, DiagnosticIds.EnvironmentDrift);
    }

    [Fact]
    public void A_drift_suppression_comment_excludes_the_key()
    {
        using var s = new CheckScenario("dev");
        var (dev, intFile, prod) = DriftFiles(s,
            "# secretguard-disable-next-line SG1009\nFEATURE_X=on\nNAME=app\n",
            "NAME=app\n",
            "NAME=app\n# secretguard-disable-next-line SG1007,SG1009\nFEATURE_X=off\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.CheckDrift = true;

        CheckAssert.Empty(EnvCheckRunner.Run(options));
    }

    [Fact]
    public void A_rule_limited_to_dev_means_no_drift_for_a_key_only_in_dev()
    {
        using var s = new CheckScenario("dev");
        var (dev, intFile, prod) = DriftFiles(s, "DEV_ONLY_TOOLBAR=on\nNAME=app\n", "NAME=app\n", "NAME=app\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.CheckDrift = true;

        var without = EnvCheckRunner.Run(options);
        CheckAssert.Ids(without, DiagnosticIds.EnvironmentDrift, DiagnosticIds.EnvironmentDrift);
        Assert.Equal(new[] { intFile, prod }.OrderBy(p => p, StringComparer.Ordinal), without.Findings.Select(f => f.FilePath!));

        options.Rules.Add(new PolicyRule("DEV_ONLY_TOOLBAR", environments: new[] { "dev" }));
        CheckAssert.Empty(EnvCheckRunner.Run(options));
    }

    [Fact]
    public void CheckDrift_false_reports_no_drift()
    {
        using var s = new CheckScenario("dev");
        var (dev, intFile, prod) = DriftFiles(s, "FEATURE_X=on\n", "NAME=app\n", "FEATURE_X=off\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.CheckDrift = false;

        CheckAssert.Empty(EnvCheckRunner.Run(options));
    }

    [Fact]
    public void Templates_and_a_single_environment_do_not_drift()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev", "FEATURE_X=on\n");
        var second = s.Write("env_dev.env", "OTHER=1\n");
        var template = s.Write(".env.example", "TEMPLATE_ONLY=<value>\n");
        var options = s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(second, "dev"), new EnvFileTarget(template, null, isTemplate: true));
        options.CheckDrift = true;

        CheckAssert.Empty(EnvCheckRunner.Run(options));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static (string Dev, string Int, string Prod) DriftFiles(CheckScenario s, string dev, string intText, string prod) =>
        (s.Write(".env.dev", dev), s.Write(".env.int", intText), s.Write(".env.prod", prod));

    private static void AssertLookalike(EnvCheckReport report, string path, int line, int column, string key, string description)
    {
        var finding = CheckAssert.At(report, DiagnosticIds.SecretInNonSecretEntry, path, line);
        CheckAssert.Is(finding, DiagnosticIds.SecretInNonSecretEntry, FindingSeverity.Warning, line, column);
        Assert.Equal(key, finding.KeyName);
        Assert.StartsWith(key + " holds what looks like " + description + " under a name that is not secret, so it is not encrypted: name it " + key + "_SECRET", finding.Message);
    }
}
