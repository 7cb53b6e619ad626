using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Tests;

/// <summary><c>secretguard migrate</c>: a version 1 repository with several projects becomes version 2, all or nothing.</summary>
public sealed class MigrateTests
{
    internal static readonly string[] Projects = { ".", "src/Api", "src/Worker" };

    [Fact]
    public void Migrate_all_converts_every_value_of_every_project_and_each_decrypts_to_the_same_plaintext()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        var plaintexts = WriteV1Values(ws, 6);

        // Before: version 1 files decrypt with the master keys.
        foreach (var ((file, name), plaintext) in plaintexts)
        {
            var value = ws.ValueOf(file, name);
            Assert.Contains("_ENC:v1:", value);
            Assert.Equal(plaintext, ws.DecryptWithKeyFileOnDisk(EnvironmentOf(file), name, value));
        }

        var migrate = ws.Run("migrate", "--env", "all");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var prodKeyText = Assert.Single(migrate.Stdout.Split('\n'), l => l.StartsWith(PrivateKeyText.Prefix, StringComparison.Ordinal));
        PairLifecycleTests.AssertNoPrivateKeyOnDisk(ws, prodKeyText);

        var recipients = RecipientsFile.Load(ws.File("secretguard.recipients"));
        Assert.Equal(new[] { "dev", "prod" }, recipients.Environments.OrderBy(e => e, StringComparer.Ordinal));
        using var prodKey = PrivateKey.FromText("prod", prodKeyText, "stdout");
        Assert.Equal(prodKey.RecipientId, recipients.For("prod").Single().Key.RecipientId);
        var devRing = KeyRingLoader.Load("dev", PairLifecycleTests.Lookup(ws));
        Assert.Equal(recipients.For("dev").Single().Key.RecipientId, devRing.CurrentPrivateKey!.RecipientId);
        Assert.NotNull(devRing.Previous); // the dev master key, kept until rotate --finish
        var prodRing = new KeyRing("prod", null, null, prodKey, null, "n/a");
        foreach (var ((file, name), plaintext) in plaintexts)
        {
            var value = ws.ValueOf(file, name);
            Assert.Contains("_ENC:v2:", value);
            Assert.Equal(plaintext, SecretCipher.Decrypt(value, name, EnvironmentOf(file) == "dev" ? devRing : prodRing));
        }

        var again = ws.Run("migrate", "--env", "all");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to migrate", again.Stdout);
        Assert.DoesNotContain(PrivateKeyText.Prefix, again.Output);

        var finish = ws.Run("rotate", "--env", "dev", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        Assert.DoesNotContain(keyFile.Entries, e => e.Name == "dev.previous");
    }

    [Fact]
    public void Migrate_changes_nothing_when_one_value_of_one_project_cannot_be_read()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        WriteV1Values(ws, 3);
        using (var stranger = new Workspace())
        {
            Assert.Equal(0, stranger.Run("init", "--v1", "--env", "prod").ExitCode);
            var foreign = stranger.EncryptWithKeyFileOnDisk("prod", "FOREIGN_SECRET", "from another key");
            File.AppendAllText(ws.File("src/Worker/.env.prod"), "FOREIGN_SECRET=" + foreign + "\n");
        }

        var before = Snapshot(ws);
        var migrate = ws.Run("migrate", "--env", "all");
        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains("FOREIGN_SECRET", migrate.Stderr);
        Assert.Contains("nothing was changed", migrate.Stderr);
        Assert.Equal(before, Snapshot(ws));
        Assert.DoesNotContain(PrivateKeyText.Prefix, migrate.Output);
    }

    [Fact]
    public void Migrate_encrypts_to_a_public_key_already_listed_and_prints_no_private_key()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        var plaintexts = WriteV1Values(ws, 2);
        var keygen = ws.Run("keygen", "--env", "prod", "--pair", "--print", "--write");
        Assert.True(keygen.ExitCode == 0, keygen.ToString());
        using var prodKey = PrivateKey.FromText("prod", keygen.Stdout.Trim(), "vault");

        var migrate = ws.Run("migrate", "--env", "prod");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.DoesNotContain(PrivateKeyText.Prefix, migrate.Output);
        var ring = new KeyRing("prod", null, null, prodKey, null, "n/a");
        foreach (var ((file, name), plaintext) in plaintexts.Where(p => EnvironmentOf(p.Key.File) == "prod"))
        {
            Assert.Equal(plaintext, SecretCipher.Decrypt(ws.ValueOf(file, name), name, ring));
        }

        // dev was not asked for: still version 1.
        Assert.All(plaintexts.Where(p => EnvironmentOf(p.Key.File) == "dev"), p => Assert.Contains("DEV_ENC:v1:", ws.ValueOf(p.Key.File, p.Key.Name)));
        Assert.False(RecipientsFile.Load(ws.File("secretguard.recipients")).Lists("dev"));
    }

    /// <summary>Writes <paramref name="count"/> v1 values into .env.dev and .env.prod of each project; returns the plaintexts.</summary>
    internal static Dictionary<(string File, string Name), string> WriteV1Values(Workspace ws, int count)
    {
        var plaintexts = new Dictionary<(string, string), string>();
        foreach (var project in Projects)
        {
            foreach (var environment in new[] { "dev", "prod" })
            {
                var file = Path.Combine(project, ".env." + environment).Replace("./", string.Empty, StringComparison.Ordinal);
                var text = "# " + project + " " + environment + "\nLOG_LEVEL=info\n";
                for (var i = 0; i < count; i++)
                {
                    var name = "SERVICE" + i + "_SECRET";
                    var plaintext = i == 0 ? string.Empty : project + " " + environment + " secret " + i + (i % 2 == 0 ? " — ü" : string.Empty);
                    text += name + "=" + ws.EncryptWithKeyFileOnDisk(environment, name, plaintext) + "\n";
                    plaintexts[(file, name)] = plaintext;
                }

                ws.Write(file, text);
            }
        }

        return plaintexts;
    }

    internal static string EnvironmentOf(string file) => file.EndsWith(".env.dev", StringComparison.Ordinal) ? "dev" : "prod";

    private static Dictionary<string, string> Snapshot(Workspace ws) =>
        Directory.GetFiles(ws.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(ws.Path, f), File.ReadAllText);
}
