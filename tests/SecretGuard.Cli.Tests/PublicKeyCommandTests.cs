using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// set, encrypt, decrypt and validate in a version 2 environment (docs/formats.md#the-recipients-file): an environment
/// the recipients file lists gets values encrypted to all its public keys with no private key at hand; a broken
/// recipients line stops writing (never a fall-back to the master key); validate checks the rids of every value
/// against the file without any private key, and decrypts too when one is given.
/// </summary>
public sealed class PublicKeyCommandTests
{
    private const string Secret = "pk-Value-Never-Shown-7Qx";

    [Fact]
    public void Set_and_encrypt_write_to_every_public_key_of_a_listed_environment_and_only_a_private_key_reads_them()
    {
        using var ws = new Workspace();
        var app = TestKeyPair.New();
        var ops = TestKeyPair.New();
        WriteKeyFile(ws, "dev");
        ws.Write("secretguard.recipients", "# public keys\nprod = " + app.PublicText + "   # the app\nprod = " + ops.PublicText + "   # break-glass\n");

        var set = ws.Pipe(Secret, "set", "Db__Password_SECRET", "--env", "prod");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("Added Db__Password_SECRET in .env.prod (encrypted for prod to the public keys " + app.RecipientId + ", " + ops.RecipientId + " in secretguard.recipients", set.Stdout);
        var value = ws.ValueOf(".env.prod", "Db__Password_SECRET");
        Assert.StartsWith("PROD_ENC:v2:" + app.RecipientId + "-" + ops.RecipientId + ":", value);

        // Either private key reads it; this machine, with neither, gets the error that says who can.
        foreach (var pair in new[] { app, ops })
        {
            var read = Cli.Run(ws.Path, null, new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = pair.PrivateText }, "decrypt", "Db__Password_SECRET", "--env", "prod", "--force");
            Assert.True(read.ExitCode == 0, read.ToString());
            Assert.Equal(Secret, read.Stdout);
        }

        var denied = ws.Run("decrypt", "Db__Password_SECRET", "--env", "prod", "--force");
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("SG1012", denied.Stderr);
        Assert.Contains("can be decrypted only with the private key of one of its recipients, " + app.RecipientId + " (", denied.Stderr);
        Assert.Contains("secretguard.recipients(2): prod)", denied.Stderr);

        var encrypt = ws.Pipe(Secret, "encrypt", "API_TOKEN_SECRET", "--env", "prod");
        Assert.True(encrypt.ExitCode == 0, encrypt.ToString());
        Assert.StartsWith("PROD_ENC:v2:" + app.RecipientId + "-" + ops.RecipientId + ":", encrypt.Stdout);

        // dev is not listed: version 1 with its master key, as before.
        var dev = ws.Pipe(Secret, "set", "API_TOKEN_SECRET", "--env", "dev");
        Assert.True(dev.ExitCode == 0, dev.ToString());
        Assert.StartsWith("DEV_ENC:v1:", ws.ValueOf(".env.dev", "API_TOKEN_SECRET"));

        var all = set.Output + denied.Output + encrypt.Stderr + dev.Output;
        Workspace.AssertNoneIn(all, new[] { Secret, app.PrivateText, ops.PrivateText });
        Workspace.AssertNoneIn(all, ws.Keys());
    }

    [Fact]
    public void Set_passes_through_a_version_2_ciphertext_of_the_environments_keys_and_refuses_one_to_other_keys()
    {
        using var ws = new Workspace();
        var app = TestKeyPair.New();
        var stranger = TestKeyPair.New();
        ws.Write("secretguard.recipients", "prod = " + app.PublicText + "\n");

        var ciphertext = ws.Pipe(Secret, "encrypt", "TOKEN_SECRET", "--env", "prod").Stdout.TrimEnd('\n');
        var set = ws.Pipe(ciphertext, "set", "TOKEN_SECRET", "--env", "prod");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal(ciphertext, ws.ValueOf(".env.prod", "TOKEN_SECRET"));

        var foreign = PublicKeyCipher.Encrypt("prod", "OTHER_SECRET", Secret, new[] { RecipientKey.Parse(stranger.PublicText, "test") });
        var refused = ws.Pipe(foreign, "set", "OTHER_SECRET", "--env", "prod");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the value is already encrypted but not usable for OTHER_SECRET in prod (it is encrypted to " + stranger.RecipientId + ", not to prod's public keys " + app.RecipientId + ")", refused.Stderr);
        Workspace.AssertNoneIn(set.Output + refused.Output, new[] { Secret, foreign });
    }

    [Fact]
    public void A_broken_recipients_line_stops_set_and_encrypt_and_never_falls_back_to_the_master_key()
    {
        using var ws = new Workspace();
        var app = TestKeyPair.New();
        var leaked = TestKeyPair.New();
        WriteKeyFile(ws, "prod"); // a prod master key is at hand: version 1 would be possible, and must not happen
        ws.Write("secretguard.recipients", "prod = " + app.PublicText + "\nprod = " + app.PublicText[..40] + "\n");

        var set = ws.Pipe(Secret, "set", "Db__Password_SECRET", "--env", "prod");
        Assert.Equal(1, set.ExitCode);
        Assert.Contains("SG1012: ", set.Stderr);
        Assert.Contains("secretguard.recipients(2): the public key for 'prod' is not a version 2 public key", set.Stderr);
        Assert.Contains("Nothing was encrypted", set.Stderr);
        Assert.False(ws.Exists(".env.prod"));

        var encrypt = ws.Pipe(Secret, "encrypt", "Db__Password_SECRET", "--env", "prod");
        Assert.Equal(1, encrypt.ExitCode);
        Assert.Equal(string.Empty, encrypt.Stdout);
        Assert.Contains("secretguard.recipients(2)", encrypt.Stderr);

        // A private key committed by mistake: named as such, never shown.
        ws.Write("secretguard.recipients", "prod = " + app.PublicText + "\nprod = " + leaked.PrivateText + "\n");
        var withPrivate = ws.Pipe(Secret, "set", "Db__Password_SECRET", "--env", "prod");
        Assert.Equal(1, withPrivate.ExitCode);
        Assert.Contains("secretguard.recipients(2): this line holds a private key", withPrivate.Stderr);
        Assert.False(ws.Exists(".env.prod"));
        Workspace.AssertNoneIn(set.Output + encrypt.Output + withPrivate.Output, new[] { Secret, leaked.PrivateText, leaked.PrivateText["sgkey2_".Length..] });
    }

    [Fact]
    public void Validate_checks_every_values_recipients_without_a_private_key_and_decrypts_them_with_one()
    {
        using var ws = new Workspace();
        var app = TestKeyPair.New();
        var added = TestKeyPair.New();
        var removed = TestKeyPair.New();
        ws.Write("secretguard.recipients", "prod = " + app.PublicText + "\nprod = " + added.PublicText + "\n");
        var current = new[] { Key(app), Key(added) };
        var good = PublicKeyCipher.Encrypt("prod", "GOOD_SECRET", Secret, current);
        var legacyKey = RandomNumberGenerator.GetBytes(32);
        var legacy = SecretCipher.Encrypt(KeyDerivation.Derive(MasterKey.FromBytes(legacyKey, "test"), "prod"), "LEGACY_SECRET", Secret);
        ws.Write(".env.prod", string.Join("\n",
            "GOOD_SECRET=" + good,
            "OLD_SECRET=" + PublicKeyCipher.Encrypt("prod", "OLD_SECRET", Secret, new[] { Key(app), Key(removed) }),
            "PARTIAL_SECRET=" + PublicKeyCipher.Encrypt("prod", "PARTIAL_SECRET", Secret, new[] { Key(app) }),
            "LEGACY_SECRET=" + legacy,
            "REORDERED_SECRET=" + PublicKeyCipher.Encrypt("prod", "REORDERED_SECRET", Secret, new[] { Key(added), Key(app) }),
            "MOVED_SECRET=" + good,
            string.Empty));

        var withoutKey = ws.Run("validate", ".env.prod");
        Assert.True(withoutKey.ExitCode == 0, withoutKey.ToString()); // warnings where you build; CI makes them errors
        var findings = withoutKey.Stdout.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count == 3, withoutKey.ToString());
        Assert.StartsWith(".env.prod(2,12): warning SG1016: OLD_SECRET is encrypted to " + app.RecipientId + ", " + removed.RecipientId + ", not to prod's public keys in ", findings[0]);
        Assert.Contains("it is not encrypted to " + added.RecipientId + " (", findings[0]);
        Assert.Contains("secretguard.recipients(2)), so that key's holder cannot read it; it is still encrypted to " + removed.RecipientId + ", which ", findings[0]);
        Assert.Contains("Re-encrypt it to the listed keys: 'secretguard rotate --env prod'", findings[0]);
        Assert.StartsWith(".env.prod(3,16): warning SG1016: PARTIAL_SECRET is encrypted to " + app.RecipientId + ", not to", findings[1]);
        Assert.DoesNotContain("still encrypted", findings[1]);
        Assert.StartsWith(".env.prod(4,15): warning SG1016: LEGACY_SECRET is a version 1 value (master key ", findings[2]);
        Assert.Contains("run 'secretguard migrate'", findings[2]);

        var strict = ws.Run("validate", ".env.prod", "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);

        // With a private key of the environment, every version 2 value is decrypted too: the copied one fails.
        var withKey = Cli.Run(ws.Path, null, new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = app.PrivateText }, "validate", ".env.prod");
        Assert.Equal(1, withKey.ExitCode);
        Assert.Contains(".env.prod(6,14): error SG1006: MOVED_SECRET: the value failed authentication", withKey.Stdout);
        Assert.Equal(4, withKey.Stdout.Split('\n').Count(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)));
        Workspace.AssertNoneIn(withoutKey.Output + withKey.Output, new[] { Secret, app.PrivateText, Convert.ToBase64String(legacyKey) });
    }

    private static RecipientKey Key(TestKeyPair pair) => RecipientKey.Parse(pair.PublicText, "test");

    private static void WriteKeyFile(Workspace ws, string environment)
    {
        ws.Write("secretguard.keys", environment + " = " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(ws.KeyFilePath, System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite);
        }
    }
}
