using System;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>Encrypt and Verify modes, wrong-environment and undecryptable values, missing keys.</summary>
public class EnvCheckRunnerTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    // ---- Encrypt mode -------------------------------------------------------------------------------------------

    [Fact]
    public void Encrypt_mode_encrypts_the_active_environments_plaintext_secrets_and_changes_only_their_bytes()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev",
            "# Dev settings\n" +
            "export API_KEY_SECRET=canary-api-7f3e  # rotated monthly\n" +
            "DB_PASSWORD_SECRET=\"canary db 9c2a\"\n" +
            "TOKEN_SECRET='canary#tok$en'\n" +
            "EMPTY_SECRET=\n" +
            "LOG_LEVEL=Information\n" +
            "\n" +
            "MULTI_SECRET=\"canary line one\n" +
            "canary line two\"");
        var prodText = "API_KEY_SECRET=canary-prod-1\n";
        var prod = s.Write(".env.prod", prodText);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod")));

        // Only the values changed: the ciphertext replaces each value's text (quotes included), nothing else moved.
        var masked = CheckScenario.Ciphertext.Replace(s.Read(dev), "<ENC>");
        Assert.Equal(
            "# Dev settings\n" +
            "export API_KEY_SECRET=<ENC>  # rotated monthly\n" +
            "DB_PASSWORD_SECRET=<ENC>\n" +
            "TOKEN_SECRET=<ENC>\n" +
            "EMPTY_SECRET=\n" +
            "LOG_LEVEL=Information\n" +
            "\n" +
            "MULTI_SECRET=<ENC>",
            masked);
        Assert.Equal(4, report.EncryptedCounts[dev]);
        Assert.Single(report.EncryptedCounts);

        Assert.Equal("canary-api-7f3e", s.Decrypt("dev", "API_KEY_SECRET", CheckScenario.ValueIn(dev, "API_KEY_SECRET")));
        Assert.Equal("canary db 9c2a", s.Decrypt("dev", "DB_PASSWORD_SECRET", CheckScenario.ValueIn(dev, "DB_PASSWORD_SECRET")));
        Assert.Equal("canary#tok$en", s.Decrypt("dev", "TOKEN_SECRET", CheckScenario.ValueIn(dev, "TOKEN_SECRET")));
        Assert.Equal("canary line one\ncanary line two", s.Decrypt("dev", "MULTI_SECRET", CheckScenario.ValueIn(dev, "MULTI_SECRET")));
        Assert.StartsWith("DEV_ENC:v1:" + s.Ring("dev").Current!.Kid + ":", CheckScenario.ValueIn(dev, "API_KEY_SECRET"));
        Assert.Equal(string.Empty, CheckScenario.ValueIn(dev, "EMPTY_SECRET"));

        // The other environment's file is not touched; its plaintext is a warning at the value.
        Assert.Equal(prodText, s.Read(prod));
        var warning = CheckAssert.Single(report, DiagnosticIds.PlaintextSecret);
        CheckAssert.Is(warning, DiagnosticIds.PlaintextSecret, FindingSeverity.Warning, 1, 16);
        Assert.Equal(prod, warning.FilePath);
        Assert.Equal("API_KEY_SECRET", warning.KeyName);
        Assert.Contains("API_KEY_SECRET holds a plaintext secret that this build does not encrypt, because it builds dev, not prod", warning.Message);
        CheckAssert.Ids(report, DiagnosticIds.PlaintextSecret);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void A_build_without_an_environment_says_so_instead_of_naming_an_empty_one()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev", "API_KEY_SECRET=canary-api-7f3e\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, null, new EnvFileTarget(dev, "dev")));

        var warning = CheckAssert.Single(report, DiagnosticIds.PlaintextSecret);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.StartsWith("API_KEY_SECRET holds a plaintext secret that this build does not encrypt, because this build has no environment (SG1015): build with SecretGuardEnvironment=dev", warning.Message);
        Assert.Equal("API_KEY_SECRET=canary-api-7f3e\n", s.Read(dev));
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void Encryption_keeps_crlf_endings_and_the_byte_order_mark()
    {
        using var s = new CheckScenario("dev");
        var path = Path.Combine(s.Root, "env_dev.env");
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        File.WriteAllBytes(path, bom.Concat(Encoding.UTF8.GetBytes("A_SECRET=canary-crlf-1\r\nB=plain\r\nC_SECRET=\"canary crlf 2\"   # note\r\n")).ToArray());

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
        Assert.Equal(2, report.EncryptedCounts[path]);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(bom, bytes.Take(3).ToArray());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal("A_SECRET=<ENC>\r\nB=plain\r\nC_SECRET=<ENC>   # note\r\n", CheckScenario.Ciphertext.Replace(text, "<ENC>"));
        Assert.Equal("canary crlf 2", s.Decrypt("dev", "C_SECRET", CheckScenario.ValueIn(path, "C_SECRET")));
    }

    [Fact]
    public void Encryption_keeps_the_files_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev", "API_KEY_SECRET=canary-mode\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        Assert.Equal(1, report.EncryptedCounts[path]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Encrypting_twice_encrypts_nothing_the_second_time_and_leaves_the_bytes_identical()
    {
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev", "A_SECRET=canary-once-1\nB_SECRET='canary once 2'\nNAME=app\n");
        var target = new EnvFileTarget(path, "dev");

        var first = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", target));
        Assert.Equal(2, first.EncryptedCounts[path]);
        var afterFirst = File.ReadAllBytes(path);
        var firstWrite = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, LongAgo);

        var second = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", target));

        Assert.Empty(second.EncryptedCounts);
        CheckAssert.Empty(second);
        Assert.Equal(afterFirst, File.ReadAllBytes(path));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path)); // not even rewritten with the same bytes
        Assert.NotEqual(LongAgo, firstWrite);
        Assert.Equal("canary-once-1", s.Decrypt("dev", "A_SECRET", CheckScenario.ValueIn(path, "A_SECRET")));
        Assert.Equal("canary once 2", s.Decrypt("dev", "B_SECRET", CheckScenario.ValueIn(path, "B_SECRET")));
    }

    [Fact]
    public void Empty_secret_values_are_not_encrypted_and_the_file_is_not_rewritten()
    {
        using var s = new CheckScenario("dev");
        var text = "EMPTY_SECRET=\nQUOTED_SECRET=\"\"\nSINGLE_SECRET=''\nCOMMENTED_SECRET=   # fill in\n";
        var path = s.Write(".env.dev", text);
        File.SetLastWriteTimeUtc(path, LongAgo);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
        Assert.Empty(report.EncryptedCounts);
        Assert.Equal(text, s.Read(path));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_never_rewritten()
    {
        using var s = new CheckScenario("dev");
        var text = "API_KEY_SECRET=canary-syntax-1\nthis line is broken\nDB_SECRET=\"canary never closed\n";
        var path = s.Write(".env.dev", text);
        File.SetLastWriteTimeUtc(path, LongAgo);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        Assert.Equal(text, s.Read(path));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.Empty(report.EncryptedCounts);
        Assert.True(report.HasErrors);
        var broken = CheckAssert.At(report, DiagnosticIds.SyntaxError, path, 2);
        CheckAssert.Is(broken, DiagnosticIds.SyntaxError, FindingSeverity.Error, 2, 6);
        Assert.Contains("expected '=' after the key", broken.Message);
        var unclosed = CheckAssert.At(report, DiagnosticIds.SyntaxError, path, 3);
        CheckAssert.Is(unclosed, DiagnosticIds.SyntaxError, FindingSeverity.Error, 3, 11);
        Assert.StartsWith("the double quote that opens the value of DB_SECRET is never closed", unclosed.Message);
        CheckAssert.Ids(report, DiagnosticIds.SyntaxError, DiagnosticIds.SyntaxError);
        CheckAssert.NoLeak(report, "canary");
        // No temp file; the lock file of .env.dev stays for the next writer (FileWriteLock).
        Assert.Equal(new[] { ".env.dev", "..env.dev.lock", KeyFileName() }.OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(s.Root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Encrypt_all_environments_encrypts_another_environment_when_its_key_is_at_hand()
    {
        using var s = new CheckScenario("dev", "prod");
        var dev = s.Write(".env.dev", "API_KEY_SECRET=canary-dev\n");
        var prod = s.Write(".env.prod", "# prod\nAPI_KEY_SECRET=\"canary prod\"\n");
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod"));
        options.EncryptAllEnvironments = true;

        var report = EnvCheckRunner.Run(options);

        CheckAssert.Empty(report);
        Assert.Equal(1, report.EncryptedCounts[dev]);
        Assert.Equal(1, report.EncryptedCounts[prod]);
        Assert.Equal("# prod\nAPI_KEY_SECRET=<ENC>\n", CheckScenario.Ciphertext.Replace(s.Read(prod), "<ENC>"));
        var prodValue = CheckScenario.ValueIn(prod, "API_KEY_SECRET");
        Assert.StartsWith("PROD_ENC:v1:" + s.Ring("prod").Current!.Kid + ":", prodValue);
        Assert.Equal("canary prod", s.Decrypt("prod", "API_KEY_SECRET", prodValue));
        Assert.Equal("canary-dev", s.Decrypt("dev", "API_KEY_SECRET", CheckScenario.ValueIn(dev, "API_KEY_SECRET")));
    }

    [Fact]
    public void Encrypt_all_environments_leaves_an_environment_without_a_key_as_a_warning_not_an_error()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev", "API_KEY_SECRET=canary-dev\n");
        var prodText = "API_KEY_SECRET=canary-prod\n";
        var prod = s.Write(".env.prod", prodText);
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod"));
        options.EncryptAllEnvironments = true;

        var report = EnvCheckRunner.Run(options);

        // The option encrypts "every environment whose key is at hand": a missing prod key must not fail a dev build.
        Assert.Equal(1, report.EncryptedCounts[dev]);
        Assert.False(report.EncryptedCounts.ContainsKey(prod));
        Assert.Equal(prodText, s.Read(prod));
        Assert.False(report.HasErrors, CheckAssert.Describe(report));
        var warning = CheckAssert.Single(report, DiagnosticIds.PlaintextSecret);
        CheckAssert.Is(warning, DiagnosticIds.PlaintextSecret, FindingSeverity.Warning, 1, 16);
        Assert.Equal(prod, warning.FilePath);
        Assert.Contains("no master key for prod", warning.Message);
        Assert.Contains("set " + s.VariableFor("prod") + " or add 'prod = <key>' to " + s.KeyFilePath, warning.Message);
        CheckAssert.Ids(report, DiagnosticIds.PlaintextSecret);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void The_key_can_come_from_the_variable()
    {
        using var s = new CheckScenario();
        var key = TestKeys.NewBase64();
        s.SetVariable(s.VariableFor("dev"), key);
        var path = s.Write(".env.dev", "API_KEY_SECRET=canary-variable\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
        Assert.Equal(1, report.EncryptedCounts[path]);
        var value = CheckScenario.ValueIn(path, "API_KEY_SECRET");
        Assert.Equal("canary-variable", Crypto.SecretCipher.Decrypt(value, "API_KEY_SECRET", TestKeys.Ring("dev", key)));
    }

    // ---- Verify mode --------------------------------------------------------------------------------------------

    [Fact]
    public void Verify_mode_writes_nothing_and_reports_plaintext_secrets_as_errors_at_the_value()
    {
        using var s = new CheckScenario("dev", "prod");
        var devText = "# header\nAPI_KEY_SECRET=canary-verify-1\n  export DB_PASSWORD_SECRET='canary verify 2'\nEMPTY_SECRET=\nNAME=app\n";
        var prodText = "API_KEY_SECRET=\"canary verify prod\"\n";
        var dev = s.Write(".env.dev", devText);
        var prod = s.Write(".env.prod", prodText);
        File.SetLastWriteTimeUtc(dev, LongAgo);
        File.SetLastWriteTimeUtc(prod, LongAgo);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(prod, "prod")));

        Assert.Equal(devText, s.Read(dev));
        Assert.Equal(prodText, s.Read(prod));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(dev));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(prod));
        Assert.Empty(report.EncryptedCounts);
        Assert.Equal(new[] { KeyFileName(), ".env.dev", ".env.prod" }.OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(s.Root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

        CheckAssert.Ids(report, DiagnosticIds.PlaintextSecret, DiagnosticIds.PlaintextSecret, DiagnosticIds.PlaintextSecret);
        var apiKey = CheckAssert.At(report, DiagnosticIds.PlaintextSecret, dev, 2);
        CheckAssert.Is(apiKey, DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 2, 16);
        Assert.StartsWith("API_KEY_SECRET holds a plaintext secret: build once on a developer machine with the dev key", apiKey.Message);
        Assert.Contains("secretguard set API_KEY_SECRET --env dev", apiKey.Message);
        Assert.Equal(dev + "(2,16): error SG1004: " + apiKey.Message, apiKey.ToString());
        var dbPassword = CheckAssert.At(report, DiagnosticIds.PlaintextSecret, dev, 3);
        CheckAssert.Is(dbPassword, DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 3, 29);
        Assert.Equal("DB_PASSWORD_SECRET", dbPassword.KeyName);
        var prodFinding = CheckAssert.At(report, DiagnosticIds.PlaintextSecret, prod, 1);
        CheckAssert.Is(prodFinding, DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 1, 16);
        Assert.Contains("with the prod key", prodFinding.Message);
        Assert.True(report.HasErrors);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void Lines_and_columns_count_past_multi_line_values_tabs_crlf_and_the_byte_order_mark()
    {
        using var s = new CheckScenario("dev");
        var path = Path.Combine(s.Root, ".env.dev");
        var text = "MULTI_SECRET=\"canary a\r\ncanary b\"\r\n\tNEXT_SECRET=canary-c\r\n# c\r\nexport LAST_SECRET='canary d'";
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray());

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Ids(report, DiagnosticIds.PlaintextSecret, DiagnosticIds.PlaintextSecret, DiagnosticIds.PlaintextSecret);
        CheckAssert.Is(report.Findings[0], DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 1, 14);
        CheckAssert.Is(report.Findings[1], DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 3, 14);
        CheckAssert.Is(report.Findings[2], DiagnosticIds.PlaintextSecret, FindingSeverity.Error, 5, 20);
        Assert.Equal(new[] { "MULTI_SECRET", "NEXT_SECRET", "LAST_SECRET" }, report.Findings.Select(f => f.KeyName));
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void A_missing_file_is_SG1001_and_leaves_nothing_behind()
    {
        using var s = new CheckScenario("dev");
        var path = Path.Combine(s.Root, ".env.dev");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        var finding = CheckAssert.Single(report, DiagnosticIds.SyntaxError);
        CheckAssert.Is(finding, DiagnosticIds.SyntaxError, FindingSeverity.Error, 0, 0);
        Assert.Equal(path, finding.FilePath);
        Assert.Contains("does not exist", finding.Message);
        Assert.False(File.Exists(path));
        Assert.Equal(new[] { KeyFileName() }, Directory.GetFiles(s.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_SG1001_and_never_rewritten()
    {
        using var s = new CheckScenario("dev");
        var path = Path.Combine(s.Root, ".env.dev");
        var bytes = Encoding.UTF8.GetBytes("API_KEY_SECRET=canary-latin1\nDB_SECRET=caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        File.WriteAllBytes(path, bytes);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        var finding = CheckAssert.Single(report, DiagnosticIds.SyntaxError);
        CheckAssert.Is(finding, DiagnosticIds.SyntaxError, FindingSeverity.Error, 2, 1);
        Assert.Contains("not valid UTF-8", finding.Message);
        CheckAssert.Ids(report, DiagnosticIds.SyntaxError);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Empty(report.EncryptedCounts);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void Verify_mode_accepts_values_that_decrypt()
    {
        using var s = new CheckScenario("dev");
        var text = "API_KEY_SECRET=" + s.Encrypt("dev", "API_KEY_SECRET", "canary-good") + "\nQUOTED_SECRET=\"" + s.Encrypt("dev", "QUOTED_SECRET", "canary-quoted") + "\"\n";
        var path = s.Write(".env.dev", text);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Empty(report);
        Assert.Equal(text, s.Read(path));
    }

    // ---- SG1005 / SG1006 ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_value_encrypted_for_another_environment_is_SG1005_with_or_without_the_key(bool keyAtHand)
    {
        using var s = keyAtHand ? new CheckScenario("dev") : new CheckScenario();
        var prodValue = TestKeys.Encrypt("prod", TestKeys.NewBase64(), "API_KEY_SECRET", "canary-prod-value");
        var intValue = TestKeys.Encrypt("int", TestKeys.NewBase64(), "OTHER_SECRET", "canary-int-value");
        var text = "API_KEY_SECRET=" + prodValue + "\nOTHER_SECRET=\"" + intValue + "\"\n";
        var path = s.Write(".env.dev", text);

        foreach (var mode in new[] { CheckMode.Verify, CheckMode.Encrypt })
        {
            var report = EnvCheckRunner.Run(s.Options(mode, "dev", new EnvFileTarget(path, "dev")));

            CheckAssert.Ids(report, DiagnosticIds.WrongEnvironment, DiagnosticIds.WrongEnvironment);
            var first = CheckAssert.At(report, DiagnosticIds.WrongEnvironment, path, 1);
            CheckAssert.Is(first, DiagnosticIds.WrongEnvironment, FindingSeverity.Error, 1, 16);
            Assert.StartsWith("API_KEY_SECRET holds a value encrypted for prod in the dev file", first.Message);
            var second = CheckAssert.At(report, DiagnosticIds.WrongEnvironment, path, 2);
            CheckAssert.Is(second, DiagnosticIds.WrongEnvironment, FindingSeverity.Error, 2, 14);
            Assert.StartsWith("OTHER_SECRET holds a value encrypted for int in the dev file", second.Message);
            Assert.Equal(text, s.Read(path));
            CheckAssert.NoLeak(report, "canary", prodValue, intValue);
        }
    }

    [Fact]
    public void Undecryptable_values_are_SG1006_at_the_value_when_the_key_is_at_hand()
    {
        using var s = new CheckScenario("dev");
        s.PreviousKeys["dev"] = TestKeys.NewBase64();
        s.WriteKeyFile();
        var (text, foreignKid) = UndecryptableFile(s);
        var path = s.Write(".env.dev", text);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev")));

        CheckAssert.Ids(report, Enumerable.Repeat(DiagnosticIds.Undecryptable, 6).ToArray());
        AssertUndecryptable(report, path, 1, 17, "TAMPERED_SECRET: the value failed authentication");
        AssertUndecryptable(report, path, 2, 14, "MOVED_SECRET: the value failed authentication");
        var foreign = AssertUndecryptable(report, path, 3, 16, "FOREIGN_SECRET: the value needs key " + foreignKid + "; keys available for dev: " + s.Ring("dev").Current!.Kid);
        Assert.Contains(s.Ring("dev").Previous!.Kid, foreign.Message);
        AssertUndecryptable(report, path, 4, 14, "NEWER_SECRET: the value has format version 'v3', which a newer SecretGuard wrote");
        AssertUndecryptable(report, path, 5, 15, "BROKEN_SECRET: the key id must be 8 lower-case hex characters");
        AssertUndecryptable(report, path, 6, 12, "CUT_SECRET: the payload is too short");
        foreach (var finding in report.Findings)
        {
            Assert.StartsWith(path + "(" + finding.Line + "," + finding.Column + "): error SG1006: " + finding.KeyName + ": ", finding.ToString());
            Assert.False(finding.Message.EndsWith(".", StringComparison.Ordinal), finding.Message);
        }

        CheckAssert.NoLeak(report, "canary");
        Assert.Equal(text, s.Read(path));
    }

    [Fact]
    public void Without_the_key_only_structural_problems_are_reported()
    {
        using var s = new CheckScenario("dev");
        var (text, _) = UndecryptableFile(s);
        using var other = new CheckScenario(); // same file, but nothing at hand for dev
        var path = other.Write(".env.dev", text);

        foreach (var mode in new[] { CheckMode.Verify, CheckMode.Encrypt })
        {
            var report = EnvCheckRunner.Run(other.Options(mode, "dev", new EnvFileTarget(path, "dev")));

            CheckAssert.Ids(report, DiagnosticIds.Undecryptable, DiagnosticIds.Undecryptable, DiagnosticIds.Undecryptable);
            AssertUndecryptable(report, path, 4, 14, "NEWER_SECRET: the value has format version 'v3'");
            AssertUndecryptable(report, path, 5, 15, "BROKEN_SECRET: the key id must be 8 lower-case hex characters");
            AssertUndecryptable(report, path, 6, 12, "CUT_SECRET: the payload is too short");
            Assert.Equal(text, other.Read(path));
            Assert.Empty(report.EncryptedCounts);
        }
    }

    // ---- SG1012 -------------------------------------------------------------------------------------------------

    [Fact]
    public void Encrypt_mode_without_a_key_reports_one_SG1012_per_file_saying_where_to_put_the_key()
    {
        using var s = new CheckScenario(); // a key file without a dev key, and no variable
        var firstText = "# dev\nNAME=app\nAPI_KEY_SECRET=canary-nokey-1\nDB_PASSWORD_SECRET=canary-nokey-2\n";
        var secondText = "TOKEN_SECRET=\"canary-nokey-3\"\nOTHER_SECRET=canary-nokey-4\n";
        var first = s.Write(".env.dev", firstText);
        var second = s.Write("env_dev.env", secondText);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(first, "dev"), new EnvFileTarget(second, "dev")));

        CheckAssert.Ids(report, DiagnosticIds.MissingMasterKey, DiagnosticIds.MissingMasterKey);
        var one = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, first, 3);
        CheckAssert.Is(one, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 3, 16);
        var two = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, second, 1);
        CheckAssert.Is(two, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 1, 14);
        foreach (var finding in new[] { one, two })
        {
            Assert.Contains("cannot be encrypted: no master key for dev", finding.Message);
            Assert.Contains("set " + s.VariableFor("dev") + " or add 'dev = <key>' to " + s.KeyFilePath, finding.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secretguard keygen --env dev", finding.Message);
        }

        Assert.Empty(report.EncryptedCounts);
        Assert.Equal(firstText, s.Read(first));
        Assert.Equal(secondText, s.Read(second));
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void Without_a_key_file_the_advice_names_the_search_folder()
    {
        using var dir = new TempDirectory();
        var project = Path.Combine(dir.Path, "src", "App");
        Directory.CreateDirectory(project);
        var path = Path.Combine(project, ".env.dev");
        File.WriteAllText(path, "API_KEY_SECRET=canary-search\n");
        var options = new EnvCheckOptions { Mode = CheckMode.Encrypt, ActiveEnvironment = "dev", CheckKeyFileHygiene = false };
        options.KeyLookup.KeyVariable = TestKeys.UniqueVariableTemplate();
        options.KeyLookup.KeyFilePath = null;
        options.KeyLookup.SearchDirectories.Add(project);
        options.Files.Add(new EnvFileTarget(path, "dev"));
        if (Environment.GetEnvironmentVariable("SECRETGUARD_KEY_FILE") is { Length: > 0 } || KeyFiles.KeyFile.FindUpward(project) is not null)
        {
            return; // this machine points at a key file of its own; the other tests cover the advice
        }

        var report = EnvCheckRunner.Run(options);

        var finding = CheckAssert.Single(report, DiagnosticIds.MissingMasterKey);
        Assert.Contains("et " + options.KeyLookup.VariableFor("dev") + " or add 'dev = <key>' to a secretguard.keys file in " + project + " or a folder above it", finding.Message);
    }

    [Fact]
    public void An_invalid_key_in_the_variable_is_SG1012_naming_the_variable_never_the_value()
    {
        using var s = new CheckScenario();
        const string NotAKey = "canary-not-a-key-Zm9vYmFy";
        s.SetVariable(s.VariableFor("dev"), NotAKey);
        var text = "API_KEY_SECRET=canary-plain\n";
        var path = s.Write(".env.dev", text);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        Assert.All(report.Findings, f => Assert.Equal(DiagnosticIds.MissingMasterKey, f.Id));
        Assert.All(report.Findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        var naming = Assert.Single(report.Findings, f => f.Message.Contains(s.VariableFor("dev"), StringComparison.Ordinal) && f.Message.Contains("is not 32 bytes of standard base64", StringComparison.Ordinal));
        Assert.Contains("the environment variable " + s.VariableFor("dev"), naming.Message);
        var atEntry = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, path, 1);
        CheckAssert.Is(atEntry, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 1, 16);
        Assert.Equal(text, s.Read(path));
        CheckAssert.NoLeak(report, NotAKey, "Zm9vYmFy", "canary");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static string KeyFileName() => KeyFiles.KeyFile.DefaultFileName;

    /// <summary>Six broken values (lines 1-6) and two good ones (7: current key, 8: previous key, if the ring has one).</summary>
    private static (string Text, string ForeignKid) UndecryptableFile(CheckScenario s)
    {
        var good = s.Encrypt("dev", "TAMPERED_SECRET", "canary-tampered");
        var payloadStart = good.LastIndexOf(':') + 1;
        var position = payloadStart + (good.Length - payloadStart) / 2;
        var tampered = good.Substring(0, position) + (good[position] == 'A' ? 'B' : 'A') + good.Substring(position + 1);
        var moved = s.Encrypt("dev", "OTHER_SECRET", "canary-moved");
        var foreignMaster = TestKeys.NewBase64();
        var foreign = TestKeys.Encrypt("dev", foreignMaster, "FOREIGN_SECRET", "canary-foreign");
        var foreignKid = TestKeys.Ring("dev", foreignMaster).Current!.Kid;
        var cut = "DEV_ENC:v1:" + s.Ring("dev").Current!.Kid + ":AAAA";
        var previous = s.PreviousKeys.TryGetValue("dev", out var previousKey)
            ? TestKeys.Encrypt("dev", previousKey, "OLD_SECRET", "canary-old")
            : s.Encrypt("dev", "OLD_SECRET", "canary-old");
        var text =
            "TAMPERED_SECRET=" + tampered + "\n" +
            "MOVED_SECRET=" + moved + "\n" +
            "FOREIGN_SECRET=" + foreign + "\n" +
            "NEWER_SECRET=DEV_ENC:v3:0123abcd:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n" +
            "BROKEN_SECRET=DEV_ENC:v1:XYZ:abc\n" +
            "CUT_SECRET=" + cut + "\n" +
            "GOOD_SECRET=" + s.Encrypt("dev", "GOOD_SECRET", "canary-good") + "\n" +
            "OLD_SECRET=" + previous + "\n";
        return (text, foreignKid);
    }

    private static Finding AssertUndecryptable(EnvCheckReport report, string path, int line, int column, string messageStart)
    {
        var finding = CheckAssert.At(report, DiagnosticIds.Undecryptable, path, line);
        CheckAssert.Is(finding, DiagnosticIds.Undecryptable, FindingSeverity.Error, line, column);
        Assert.StartsWith(messageStart, finding.Message);
        return finding;
    }
}
