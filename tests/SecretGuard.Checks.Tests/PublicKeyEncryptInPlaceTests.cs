using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// The build's encrypt-in-place in a version 2 environment (docs/formats.md#the-recipients-file): plaintext secrets of an
/// environment the recipients file lists are encrypted to all its public keys with no private or master key; values
/// already encrypted are left as they are; a broken line of the file stops encryption with SG1012 naming it, and never
/// falls back to the master key.
/// </summary>
public sealed class PublicKeyEncryptInPlaceTests
{
    private const string Plain = "pk-In-Place-Plaintext-4Rw";

    [Fact]
    public void Plaintext_secrets_of_a_listed_environment_are_encrypted_to_all_its_public_keys_with_no_private_key()
    {
        using var s = new CheckScenario("dev");
        var app = TestKeyPair.New();
        var ops = TestKeyPair.New();
        s.Write("secretguard.recipients", "prod = " + app.PublicText + "\nprod = " + ops.PublicText + "\n");
        var path = s.Write(".env.prod", "# prod\nDb__Password_SECRET=" + Plain + "\nHOST=db.internal\n");
        var options = s.Options(CheckMode.Encrypt, "prod", new EnvFileTarget(path, "prod"));
        options.KeyLookup.SearchDirectories.Add(s.Root);

        var report = EnvCheckRunner.Run(options);

        CheckAssert.Empty(report);
        Assert.Equal(1, report.EncryptedCounts[path]);
        var value = CheckScenario.ValueIn(path, "Db__Password_SECRET");
        Assert.StartsWith("PROD_ENC:v2:" + app.RecipientId + "-" + ops.RecipientId + ":", value);
        Assert.EndsWith("\nHOST=db.internal\n", s.Read(path));

        // The private key reads it; a second build leaves the file byte for byte as it is (never encrypted twice).
        var before = File.ReadAllBytes(path);
        CheckAssert.Empty(EnvCheckRunner.Run(options));
        Assert.Equal(before, File.ReadAllBytes(path));
        s.SetVariable(s.VariableFor("prod"), ops.PrivateText);
        var verify = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "prod", new EnvFileTarget(path, "prod")).WithRecipients(s.Root));
        CheckAssert.Empty(verify);
        CheckAssert.NoLeak(report, Plain, ops.PrivateText);
    }

    [Fact]
    public void Many_values_encrypted_together_each_read_under_its_own_name_with_either_key()
    {
        using var s = new CheckScenario();
        var app = TestKeyPair.New();
        var ops = TestKeyPair.New();
        s.Write("secretguard.recipients", "prod = " + app.PublicText + "\nprod = " + ops.PublicText + "\n");
        var names = Enumerable.Range(1, 40).Select(i => "VALUE" + i + "_SECRET").ToList();
        var path = s.Write(".env.prod", string.Concat(names.Select(n => n + "=" + Plain + "-" + n + "\n")));

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "prod", new EnvFileTarget(path, "prod")).WithRecipients(s.Root));

        CheckAssert.Empty(report);
        Assert.Equal(40, report.EncryptedCounts[path]);
        foreach (var pair in new[] { app, ops })
        {
            using var key = PrivateKey.FromText("prod", pair.PrivateText, "test");
            var ring = new KeyRing("prod", null, null, key, null, "test");
            foreach (var name in names)
            {
                Assert.Equal(Plain + "-" + name, SecretCipher.Decrypt(CheckScenario.ValueIn(path, name), name, ring));
            }
        }
    }

    [Fact]
    public void A_broken_line_of_the_recipients_file_stops_encryption_with_SG1012_even_with_a_master_key_at_hand()
    {
        using var s = new CheckScenario("prod");
        var app = TestKeyPair.New();
        var recipients = s.Write("secretguard.recipients", "prod = " + app.PublicText + "\nPROD = " + app.PublicText + "\n");
        var text = "Db__Password_SECRET=" + Plain + "\n";
        var path = s.Write(".env.prod", text);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "prod", new EnvFileTarget(path, "prod")).WithRecipients(s.Root));

        CheckAssert.Ids(report, DiagnosticIds.MissingMasterKey, DiagnosticIds.MissingMasterKey);
        var line = report.Findings.Single(f => f.FilePath == recipients);
        Assert.Equal(2, line.Line);
        Assert.Contains("expected '<environment> = sgpub2_...'", line.Message);
        var entry = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, path, 1);
        Assert.Contains("Db__Password_SECRET (and any other plaintext secret in this file) was not encrypted: " + recipients + "(2): ", entry.Message);
        Assert.Contains("nothing is encrypted for prod", entry.Message);
        Assert.Equal(text, s.Read(path));
        CheckAssert.NoLeak(report, Plain);
    }

    [Fact]
    public void A_recipients_file_named_but_missing_is_SG1012_and_nothing_is_encrypted()
    {
        using var s = new CheckScenario("prod");
        var text = "Db__Password_SECRET=" + Plain + "\n";
        var path = s.Write(".env.prod", text);
        var options = s.Options(CheckMode.Encrypt, "prod", new EnvFileTarget(path, "prod"));
        options.KeyLookup.RecipientsFilePath = Path.Combine(s.Root, "keys", "secretguard.recipients");

        var report = EnvCheckRunner.Run(options);

        Assert.Contains(report.Findings, f => f.Id == DiagnosticIds.MissingMasterKey && f.Message.Contains("does not exist", System.StringComparison.Ordinal));
        Assert.Equal(text, s.Read(path));
    }
}

internal static class RecipientOptions
{
    /// <summary>Searches the recipients file upward from <paramref name="folder"/> (the scenario's options search nowhere).</summary>
    public static EnvCheckOptions WithRecipients(this EnvCheckOptions options, string folder)
    {
        options.KeyLookup.SearchDirectories.Add(folder);
        return options;
    }
}
