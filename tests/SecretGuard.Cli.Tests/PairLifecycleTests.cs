using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// Version 2 key lifecycle (issue 16): keygen makes pairs, init starts new repositories on public keys with only the
/// dev private key on disk, rotate replaces a pair and re-encrypts to it.
/// </summary>
public sealed class PairLifecycleTests
{
    [Fact]
    public void Keygen_print_and_write_together_print_only_the_private_key_and_write_only_the_public_key()
    {
        using var ws = new Workspace();
        var result = ws.Run("keygen", "--env", "prod", "--pair", "--print", "--write");
        Assert.True(result.ExitCode == 0, result.ToString());

        // Standard output is the private key alone: it is piped into a secret store.
        var printed = result.Stdout.TrimEnd('\n');
        Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var privateKey = PrivateKey.FromText("prod", printed, "stdout");
        Workspace.AssertNoneIn(result.Stderr, new[] { printed });

        var recipients = RecipientsFile.Load(ws.File("secretguard.recipients"));
        Assert.Empty(recipients.Findings);
        Assert.Equal(privateKey.RecipientId, Assert.Single(recipients.For("prod")).Key.RecipientId);
        Assert.False(ws.Exists("secretguard.keys"));
        AssertNoPrivateKeyOnDisk(ws, printed);
    }

    [Fact]
    public void Keygen_defaults_to_a_pair_in_a_v2_repository_and_add_appends_a_labelled_recipient()
    {
        using var ws = new Workspace();
        ws.Write("secretguard.recipients", "# our keys\r\n");
        var first = ws.Run("keygen", "--env", "prod", "--print", "--write");
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = ws.Run("keygen", "--env", "prod", "--print", "--write");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already lists 1 public key for prod", second.Stderr);
        Assert.Contains("--add", second.Stderr);

        var added = ws.Run("keygen", "--env", "prod", "--add", "--label", "break-glass", "--print", "--write");
        Assert.True(added.ExitCode == 0, added.ToString());
        var text = ws.Read("secretguard.recipients");
        Assert.StartsWith("# our keys\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty)); // the file's CRLF endings are kept
        Assert.EndsWith("   # break-glass\r\n", text);
        var listed = RecipientsFile.Load(ws.File("secretguard.recipients")).For("prod");
        Assert.Equal(2, listed.Count);
        using var appKey = PrivateKey.FromText("prod", first.Stdout.Trim(), "first");
        using var breakGlass = PrivateKey.FromText("prod", added.Stdout.Trim(), "added");
        Assert.Equal(new[] { appKey.RecipientId, breakGlass.RecipientId }, listed.Select(l => l.Key.RecipientId));

        // Either recipient decrypts a value written to both.
        var value = PublicKeyCipher.Encrypt("prod", "API_SECRET", "s3cr3t-ü", listed.Select(l => l.Key).ToList());
        foreach (var text2 in new[] { first.Stdout.Trim(), added.Stdout.Trim() })
        {
            var ring = new KeyRing("prod", null, null, PrivateKey.FromText("prod", text2, "t"), null, "n/a");
            Assert.Equal("s3cr3t-ü", SecretCipher.Decrypt(value, "API_SECRET", ring));
        }
    }

    [Fact]
    public void Keygen_pair_refuses_to_keep_the_private_key_nowhere_and_writes_it_only_when_asked()
    {
        using var ws = new Workspace();
        var nowhere = ws.Run("keygen", "--env", "prod", "--pair", "--write");
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("the private key would be kept nowhere", nowhere.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(ws.Path));

        ws.Write("secretguard.keys", "# keys\n");
        var written = ws.Run("keygen", "--env", "dev", "--pair", "--write-private", "--write");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.DoesNotContain(PrivateKeyText.Prefix, written.Output);
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        var entry = Assert.Single(keyFile.Entries);
        Assert.True(entry.IsPrivateKey);
        var rid = RecipientsFile.Load(ws.File("secretguard.recipients")).For("dev").Single().Key.RecipientId;
        using var ring = new Disposable(KeyRingLoader.Load("dev", Lookup(ws)));
        Assert.Equal(rid, ring.Ring.CurrentPrivateKey!.RecipientId);
    }

    [Fact]
    public void Init_starts_on_v2_with_the_dev_private_key_on_disk_and_the_others_printed_once()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        var init = ws.Run("init");
        Assert.True(init.ExitCode == 0, init.ToString());

        var recipients = RecipientsFile.Load(ws.File("secretguard.recipients"));
        Assert.Empty(recipients.Findings);
        Assert.Equal(new[] { "dev", "int", "prod" }, recipients.Environments);

        using (var keyFile = KeyFile.Load(ws.KeyFilePath))
        {
            var entry = Assert.Single(keyFile.Entries);
            Assert.Equal("dev", entry.Name);
            Assert.True(entry.IsPrivateKey);
        }

        Assert.Equal(recipients.For("dev").Single().Key.RecipientId, KeyRingLoader.Load("dev", Lookup(ws)).CurrentPrivateKey!.RecipientId);

        // int and prod: each private key printed once, matching its public key, and on disk nowhere.
        var printed = init.Stdout.Split('\n').Where(l => l.StartsWith(PrivateKeyText.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, printed.Count);
        foreach (var (environment, text) in new[] { ("int", printed[0]), ("prod", printed[1]) })
        {
            using var key = PrivateKey.FromText(environment, text, "stdout");
            Assert.Equal(recipients.For(environment).Single().Key.RecipientId, key.RecipientId);
            AssertNoPrivateKeyOnDisk(ws, text);
        }

        Assert.Contains("SECRETGUARD_KEY_PROD", init.Stdout);
        Assert.Contains("vault kv put", init.Stdout);
        Assert.Contains("<SecretGuardShipEnvironments>dev;int;prod</SecretGuardShipEnvironments>", ws.Read("Directory.Build.props"));
        var ignored = ws.Read(".gitignore").Split('\n');
        Assert.Contains("secretguard.keys", ignored);
        Assert.Contains("secretguard.recipients.*", ignored);
        var status = ws.Git("status", "--porcelain", "--untracked-files=all");
        Assert.Contains("secretguard.recipients", status);
        Assert.DoesNotContain("secretguard.keys", status);
        Assert.DoesNotContain(".lock", status);

        var again = ws.Run("init");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has keys for dev, int, prod", again.Stderr);
    }

    [Fact]
    public void Init_keeps_an_existing_v1_repository_on_v1_and_points_to_migrate()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev").ExitCode);
        var more = ws.Run("init", "--env", "prod");
        Assert.True(more.ExitCode == 0, more.ToString());
        Assert.Contains("secretguard migrate", more.Stderr);
        Assert.False(ws.Exists("secretguard.recipients"));
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        Assert.All(keyFile.Entries, e => Assert.False(e.IsPrivateKey));
    }

    [Fact]
    public void Init_with_an_existing_directory_build_props_prints_the_shipping_line_instead_of_editing_it()
    {
        using var ws = new Workspace();
        ws.Write("Directory.Build.props", "<Project />\n");
        var init = ws.Run("init", "--env", "dev,prod", "--write-private");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal("<Project />\n", ws.Read("Directory.Build.props"));
        Assert.Contains("<SecretGuardShipEnvironments>dev;prod</SecretGuardShipEnvironments>", init.Stdout);
        Assert.DoesNotContain(PrivateKeyText.Prefix, init.Stdout);
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        Assert.Equal(new[] { "dev", "prod" }, keyFile.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Init_force_starts_over_and_takes_a_printed_environments_old_key_off_the_disk()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--env", "dev,prod", "--write-private").ExitCode);
        var forced = ws.Run("init", "--env", "dev,prod", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("warning: replacing the keys for dev, prod", forced.Stderr);
        var prodKeyText = Assert.Single(forced.Stdout.Split('\n'), l => l.StartsWith(PrivateKeyText.Prefix, StringComparison.Ordinal));
        using var prodKey = PrivateKey.FromText("prod", prodKeyText, "stdout");
        var recipients = RecipientsFile.Load(ws.File("secretguard.recipients"));
        Assert.Equal(prodKey.RecipientId, recipients.For("prod").Single().Key.RecipientId);
        Assert.Single(recipients.For("dev"));
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        Assert.Equal(new[] { "dev" }, keyFile.Entries.Select(e => e.Name));
        AssertNoPrivateKeyOnDisk(ws, prodKeyText);
    }

    [Theory]
    [InlineData("migrate --help", "secretguard migrate --env ENV[,ENV...]|all")]
    [InlineData("keygen --help", "--write-private")]
    [InlineData("init --help", "--v1")]
    public void The_lifecycle_commands_explain_pairs_in_their_help(string command, string expected)
    {
        using var ws = new Workspace();
        var help = ws.Run(command.Split(' '));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains(expected, help.Stdout);
    }

    [Fact]
    public void Migrate_without_an_environment_is_a_usage_error()
    {
        using var ws = new Workspace();
        var result = ws.Run("migrate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--env all", result.Stderr);
    }

    [Fact]
    public void Rotate_of_a_pair_reencrypts_every_value_of_every_project_to_a_new_key_and_finish_drops_the_old_one()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--env", "dev").ExitCode);
        var plaintexts = WriteV2Values(ws, "dev", ".env.dev", "services/api/.env.dev");
        var oldRid = KeyRingLoader.Load("dev", Lookup(ws)).CurrentPrivateKey!.RecipientId;

        var rotate = ws.Run("rotate", "--env", "dev");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var ring = KeyRingLoader.Load("dev", Lookup(ws));
        var newRid = ring.CurrentPrivateKey!.RecipientId;
        Assert.NotEqual(oldRid, newRid);
        Assert.Equal(oldRid, ring.PreviousPrivateKey!.RecipientId);
        Assert.Equal(newRid, RecipientsFile.Load(ws.File("secretguard.recipients")).For("dev").Single().Key.RecipientId);
        AssertValues(ws, "dev", plaintexts, newRid);
        Assert.DoesNotContain(PrivateKeyText.Prefix, rotate.Output);

        var again = ws.Run("rotate", "--env", "dev");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("finish the last rotation first", again.Stderr);

        var finish = ws.Run("rotate", "--env", "dev", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        using var keyFile = KeyFile.Load(ws.KeyFilePath);
        Assert.Equal(new[] { "dev" }, keyFile.Entries.Select(e => e.Name));
        AssertValues(ws, "dev", plaintexts, newRid);
    }

    [Fact]
    public void Rotate_of_a_pair_replaces_only_the_recipient_it_holds_and_keeps_a_break_glass_key()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--env", "dev").ExitCode);
        var breakGlass = ws.Run("keygen", "--env", "dev", "--add", "--label", "break-glass", "--print", "--write");
        Assert.True(breakGlass.ExitCode == 0, breakGlass.ToString());
        var plaintexts = WriteV2Values(ws, "dev", ".env.dev");

        var rotate = ws.Run("rotate", "--env", "dev");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var listed = RecipientsFile.Load(ws.File("secretguard.recipients")).For("dev");
        using var breakGlassKey = PrivateKey.FromText("dev", breakGlass.Stdout.Trim(), "break-glass");
        Assert.Equal(2, listed.Count);
        Assert.Equal(breakGlassKey.RecipientId, listed[1].Key.RecipientId);
        Assert.EndsWith("# break-glass", ws.Read("secretguard.recipients").Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
        var breakGlassRing = new KeyRing("dev", null, null, breakGlassKey, null, "n/a");
        foreach (var (name, plaintext) in plaintexts[".env.dev"])
        {
            var value = ws.ValueOf(".env.dev", name);
            Assert.Equal(listed[0].Key.RecipientId + "-" + listed[1].Key.RecipientId, value.Split(':')[2]);
            Assert.Equal(plaintext, SecretCipher.Decrypt(value, name, breakGlassRing));
        }
    }

    [Fact]
    public void Rotate_of_a_pair_without_the_private_key_says_which_key_where_it_is_looked_for_and_what_to_do()
    {
        using var ws = new Workspace();
        var init = ws.Run("init", "--env", "dev,prod");
        Assert.True(init.ExitCode == 0, init.ToString());
        WriteV2Values(ws, "prod", ".env.prod");
        var before = ws.Read(".env.prod");
        var recipientsBefore = ws.Read("secretguard.recipients");
        var prodRid = RecipientsFile.Load(ws.File("secretguard.recipients")).For("prod").Single().Key.RecipientId;

        var rotate = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, rotate.ExitCode);
        Assert.Contains("needs the current prod private key", rotate.Stderr);
        Assert.Contains("SECRETGUARD_KEY_PROD", rotate.Stderr);
        Assert.Contains("'prod = sgkey2_...' in secretguard.keys", rotate.Stderr);
        Assert.Contains(prodRid, rotate.Stderr);
        Assert.Contains("--print-new-key", rotate.Stderr);
        Assert.Contains("Nothing was changed", rotate.Stderr);
        Assert.Equal(before, ws.Read(".env.prod"));
        Assert.Equal(recipientsBefore, ws.Read("secretguard.recipients"));
    }

    [Fact]
    public void Rotate_of_a_pair_whose_private_key_is_in_a_variable_prints_the_new_key_alone_before_rewriting()
    {
        using var ws = new Workspace();
        var init = ws.Run("init", "--env", "dev,prod");
        var prodKey = init.Stdout.Split('\n').Single(l => l.StartsWith(PrivateKeyText.Prefix, StringComparison.Ordinal));
        var plaintexts = WriteV2Values(ws, "prod", ".env.prod", "worker/.env.prod");
        var environment = new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = prodKey };

        var refused = Cli.Run(ws.Path, null, environment, "rotate", "--env", "prod");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--print-new-key", refused.Stderr);

        var rotate = Cli.Run(ws.Path, null, environment, "rotate", "--env", "prod", "--print-new-key");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        var newKey = rotate.Stdout.Trim();
        using var key = PrivateKey.FromText("prod", newKey, "stdout");
        Assert.Equal(key.RecipientId, RecipientsFile.Load(ws.File("secretguard.recipients")).For("prod").Single().Key.RecipientId);
        Workspace.AssertNoneIn(rotate.Stderr, new[] { newKey, prodKey });
        AssertNoPrivateKeyOnDisk(ws, newKey);
        var ring = new KeyRing("prod", null, null, key, null, "n/a");
        foreach (var (file, values) in plaintexts)
        {
            foreach (var (name, plaintext) in values)
            {
                Assert.Equal(plaintext, SecretCipher.Decrypt(ws.ValueOf(file, name), name, ring));
            }
        }
    }

    /// <summary>Writes a few version 2 values of <paramref name="environment"/> into each file, to its listed public keys.</summary>
    internal static Dictionary<string, Dictionary<string, string>> WriteV2Values(Workspace ws, string environment, params string[] files)
    {
        var recipients = RecipientsFile.Load(ws.File("secretguard.recipients")).RecipientsOf(environment);
        var all = new Dictionary<string, Dictionary<string, string>>();
        foreach (var file in files)
        {
            var values = Enumerable.Range(0, 4).ToDictionary(i => "S" + i + "_SECRET", i => file + " " + environment + " value " + i + (i == 3 ? string.Empty : " ✓"));
            values["EMPTY_SECRET"] = string.Empty;
            var text = "# " + file + "\nPUBLIC_URL=https://example.test\n" + string.Concat(values.Select(v => v.Key + "=" + PublicKeyCipher.Encrypt(environment, v.Key, v.Value, recipients) + "\n"));
            ws.Write(file, text);
            all[file] = values;
        }

        return all;
    }

    private static void AssertValues(Workspace ws, string environment, Dictionary<string, Dictionary<string, string>> plaintexts, string rid)
    {
        var ring = KeyRingLoader.Load(environment, Lookup(ws));
        foreach (var (file, values) in plaintexts)
        {
            foreach (var (name, plaintext) in values)
            {
                var value = ws.ValueOf(file, name);
                Assert.Equal(rid, value.Split(':')[2]);
                Assert.Equal(plaintext, SecretCipher.Decrypt(value, name, ring));
            }
        }
    }

    internal static KeyLookupOptions Lookup(Workspace ws) => new() { KeyFilePath = ws.KeyFilePath, KeyVariable = "SG_CLI_TESTS_NEVER_SET_{ENV}" };

    internal static void AssertNoPrivateKeyOnDisk(Workspace ws, string privateKeyText)
    {
        foreach (var file in Directory.GetFiles(ws.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            Assert.False(File.ReadAllText(file).Contains(privateKeyText, StringComparison.Ordinal), file + " holds a private key that was only to be printed");
        }
    }

    private sealed class Disposable : IDisposable
    {
        public Disposable(KeyRing ring) => Ring = ring;

        public KeyRing Ring { get; }

        public void Dispose()
        {
            foreach (var key in Ring.PrivateKeys)
            {
                key.Dispose();
            }
        }
    }
}
