using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>
/// Build once, deploy many (issue 16): the files of the environments the build ships (SecretGuardShipEnvironments) must
/// hold no plaintext secret. Encrypt mode encrypts them with the keys at hand and fails for one it cannot encrypt.
/// </summary>
public class ShippedEnvironmentCheckTests
{
    [Fact]
    public void Encrypt_mode_encrypts_every_shipped_environments_file_with_its_own_key()
    {
        using var s = new CheckScenario("dev", "int", "prod");
        var dev = s.Write(".env.dev", "API_KEY_SECRET=canary-dev-41\n");
        var intFile = s.Write(".env.int", "API_KEY_SECRET=canary-int-42\n");
        var prod = s.Write(".env.prod", "API_KEY_SECRET=canary-prod-43\n");
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.ShippedEnvironments.UnionWith(new[] { "dev", "int", "prod" });

        var report = EnvCheckRunner.Run(options);

        CheckAssert.Empty(report);
        Assert.Equal("canary-int-42", s.Decrypt("int", "API_KEY_SECRET", CheckScenario.ValueIn(intFile, "API_KEY_SECRET")));
        Assert.Equal("canary-prod-43", s.Decrypt("prod", "API_KEY_SECRET", CheckScenario.ValueIn(prod, "API_KEY_SECRET")));
        Assert.Equal(3, report.EncryptedCounts.Count);
    }

    [Fact]
    public void A_shipped_plaintext_without_its_key_fails_the_build_at_the_value_and_nothing_is_written()
    {
        using var s = new CheckScenario("dev");
        var dev = s.Write(".env.dev", "API_KEY_SECRET=canary-dev-41\n");
        const string prodText = "PUBLIC_URL=https://shop.example.test\nAPI_KEY_SECRET=canary-prod-43\n";
        var prod = s.Write(".env.prod", prodText);
        const string intText = "API_KEY_SECRET=canary-int-42\n";
        var intFile = s.Write(".env.int", intText);
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(dev, "dev"), new EnvFileTarget(intFile, "int"), new EnvFileTarget(prod, "prod"));
        options.ShippedEnvironments.UnionWith(new[] { "dev", "prod" });

        var report = EnvCheckRunner.Run(options);

        var error = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, prod, 2);
        CheckAssert.Is(error, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 2, 16);
        Assert.Contains("API_KEY_SECRET (and any other plaintext secret in this file) cannot be encrypted, and this file ships in the output (SecretGuardShipEnvironments)", error.Message);
        Assert.Contains("no master key for prod", error.Message);
        Assert.Contains("'secretguard set API_KEY_SECRET --env prod'", error.Message);
        Assert.Contains("leave prod out of SecretGuardShipEnvironments", error.Message);
        Assert.Equal(prodText, s.Read(prod));

        // int is not shipped: its plaintext stays a warning, as before.
        var warning = CheckAssert.At(report, DiagnosticIds.PlaintextSecret, intFile, 1);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal(intText, s.Read(intFile));
        CheckAssert.Ids(report, DiagnosticIds.MissingMasterKey, DiagnosticIds.PlaintextSecret);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void A_shipped_file_that_is_already_encrypted_needs_no_key_to_ship()
    {
        using var s = new CheckScenario("dev", "prod");
        var prod = s.Write(".env.prod", "API_KEY_SECRET=" + s.Encrypt("prod", "API_KEY_SECRET", "canary-prod-43") + "\nPUBLIC_URL=https://shop.example.test\n");
        s.Keys.Remove("prod");
        s.WriteKeyFile();
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(prod, "prod"));
        options.ShippedEnvironments.Add("prod");

        CheckAssert.Empty(EnvCheckRunner.Run(options));
    }

    [Fact]
    public void Verify_mode_writes_nothing_and_reports_a_shipped_plaintext_as_before()
    {
        using var s = new CheckScenario("dev", "prod");
        const string prodText = "API_KEY_SECRET=canary-prod-43\n";
        var prod = s.Write(".env.prod", prodText);
        var options = s.Options(CheckMode.Verify, "prod", new EnvFileTarget(prod, "prod"));
        options.ShippedEnvironments.Add("prod");

        var report = EnvCheckRunner.Run(options);

        var error = CheckAssert.Single(report, DiagnosticIds.PlaintextSecret);
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(prodText, s.Read(prod));
        Assert.Empty(report.EncryptedCounts);
    }
}
