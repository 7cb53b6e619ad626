using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>
/// A ciphertext whose prefix was altered (another case, a character replaced or lost) is a damaged value
/// (docs/formats.md#recognising-an-encrypted-value): an SG1006 error in both modes, never a plaintext secret that
/// Encrypt mode would encrypt, which would hide the damage inside a valid ciphertext that validates.
/// </summary>
public sealed class DamagedValueCheckTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_damaged_prefix_is_SG1006_at_the_value_and_is_never_encrypted(bool encryptMode)
    {
        var mode = encryptMode ? CheckMode.Encrypt : CheckMode.Verify;
        using var s = new CheckScenario("prod");
        var good = s.Encrypt("prod", "DB_SECRET", "canary-db-4b1d");
        var body = good["PROD".Length..];
        var text =
            "DB_SECRET=" + good + "\n" +
            "CASE_SECRET=pROD" + body + "\n" +            // one letter's case
            "LOWER_SECRET=" + good.ToLowerInvariant()[..9] + good[9..] + "\n" + // the whole prefix in lower case
            "TYPO_SECRET=PROD_ENS" + body["_ENC".Length..] + "\n" + // one character replaced
            "DASH_SECRET=PROD-ENC" + body["_ENC".Length..] + "\n" +
            "LOST_COLON_SECRET=PROD_ENC" + body["_ENC:".Length..] + "\n" +
            "GARBLED_SECRET=PR@D" + body + "\n" +          // the body survives
            "LOG_LEVEL=Information\n";
        var path = s.Write(".env.prod", text);

        var report = EnvCheckRunner.Run(s.Options(mode, "prod", new EnvFileTarget(path, "prod")));

        CheckAssert.Ids(report, Enumerable.Repeat(DiagnosticIds.Undecryptable, 6).ToArray());
        foreach (var (line, name) in new[] { (2, "CASE_SECRET"), (3, "LOWER_SECRET"), (4, "TYPO_SECRET"), (5, "DASH_SECRET"), (6, "LOST_COLON_SECRET"), (7, "GARBLED_SECRET") })
        {
            var finding = CheckAssert.At(report, DiagnosticIds.Undecryptable, path, line);
            CheckAssert.Is(finding, DiagnosticIds.Undecryptable, FindingSeverity.Error, line, name.Length + 2);
            Assert.Equal(name, finding.KeyName);
            Assert.StartsWith(name + ": the value looks encrypted but is not in the exact form", finding.Message);
        }

        Assert.Equal(text, s.Read(path));
        Assert.Empty(report.EncryptedCounts);
        CheckAssert.NoLeak(report, "canary", body[10..30]);
    }

    [Fact]
    public void Encrypt_mode_still_encrypts_the_plaintext_beside_a_damaged_value_and_leaves_the_damaged_bytes_alone()
    {
        using var s = new CheckScenario("dev");
        var damaged = "dev_enc" + s.Encrypt("dev", "OLD_SECRET", "canary-old")["DEV_ENC".Length..];
        var path = s.Write(".env.dev", "OLD_SECRET=" + damaged + "\nNEW_SECRET=canary-new\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Is(CheckAssert.Single(report, DiagnosticIds.Undecryptable), DiagnosticIds.Undecryptable, FindingSeverity.Error, 1, 12);
        CheckAssert.Ids(report, DiagnosticIds.Undecryptable);
        Assert.Equal(1, report.EncryptedCounts[path]);
        Assert.Equal(damaged, CheckScenario.ValueIn(path, "OLD_SECRET"));
        Assert.Equal("canary-new", s.Decrypt("dev", "NEW_SECRET", CheckScenario.ValueIn(path, "NEW_SECRET")));
    }

    [Fact]
    public void A_damaged_value_under_a_name_that_is_not_secret_is_SG1006_too_and_a_template_is_left_alone()
    {
        using var s = new CheckScenario("dev");
        var damaged = "Dev_Enc" + s.Encrypt("dev", "CONNECTION", "canary-cs")["DEV_ENC".Length..];
        var path = s.Write(".env.dev", "CONNECTION=" + damaged + "\n");
        var template = s.Write(".env.example", "CONNECTION=" + damaged + "\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"), new EnvFileTarget(template, null, isTemplate: true)));

        CheckAssert.Is(CheckAssert.Single(report, DiagnosticIds.Undecryptable), DiagnosticIds.Undecryptable, FindingSeverity.Error, 1, 12);
        CheckAssert.Ids(report, DiagnosticIds.Undecryptable);
    }

    [Fact]
    public void A_plaintext_that_only_mentions_the_prefix_is_still_a_plaintext_secret()
    {
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev", "NOTE_SECRET='see DEV_ENC: for details'\nPASSWORD_SECRET=p4ss_enc0ded!\n");

        var verify = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));
        CheckAssert.Ids(verify, DiagnosticIds.PlaintextSecret, DiagnosticIds.PlaintextSecret);

        var encrypt = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));
        CheckAssert.Empty(encrypt);
        Assert.Equal("p4ss_enc0ded!", s.Decrypt("dev", "PASSWORD_SECRET", CheckScenario.ValueIn(path, "PASSWORD_SECRET")));
    }
}
