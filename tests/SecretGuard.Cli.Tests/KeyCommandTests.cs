using System;
using System.IO;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>init and keygen: fresh keys, never overwritten by accident, printed only by keygen --print.</summary>
public sealed class KeyCommandTests
{
    [Fact]
    public void Init_refuses_to_replace_keys_without_force()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--v1").ExitCode);
        var before = File.ReadAllText(ws.KeyFilePath);

        var again = ws.Run("init", "--v1");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has keys for dev, int, prod", again.Stderr);
        Assert.Contains("secretguard rotate --env dev", again.Stderr);
        Assert.Equal(before, File.ReadAllText(ws.KeyFilePath));

        var forced = ws.Run("init", "--v1", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("warning: replacing the keys", forced.Stderr);
        Assert.NotEqual(before, File.ReadAllText(ws.KeyFilePath));
        Workspace.AssertNoneIn(again.Output + forced.Output, ws.Keys());
    }

    [Fact]
    public void Init_adds_new_environments_keeps_existing_keys_and_gitignores_once()
    {
        using var ws = new Workspace();
        ws.Write(".gitignore", "bin/\nobj/");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev").ExitCode);
        var devKey = ws.Keys().Single();

        var more = ws.Run("init", "--v1", "--env", "staging,prod");
        Assert.True(more.ExitCode == 0, more.ToString());
        Assert.Equal(new[] { "dev", "staging", "prod" }, ws.KeyNames());
        Assert.Equal(devKey, ws.Keys()[0]);
        Assert.Equal(32, Convert.FromBase64String(ws.Keys()[1]).Length);
        Assert.Equal(3, ws.Keys().Distinct().Count());

        var ignore = ws.Read(".gitignore");
        Assert.StartsWith("bin/\nobj/\n", ignore);
        Assert.Single(ignore.Split('\n'), l => l == "secretguard.keys");
    }

    [Fact]
    public void Init_does_not_overwrite_existing_env_files()
    {
        using var ws = new Workspace();
        ws.Write(".env.example", "A=1\n");
        ws.Write("env_prod.env", "B=2\n");
        Assert.Equal(0, ws.Run("init", "--v1").ExitCode);
        Assert.Equal("A=1\n", ws.Read(".env.dev"));
        Assert.False(ws.Exists(".env.prod"));
        Assert.Equal("B=2\n", ws.Read("env_prod.env"));
    }

    [Fact]
    public void Keygen_print_gives_a_fresh_32_byte_key_and_writes_nothing()
    {
        using var ws = new Workspace();
        var first = ws.Run("keygen", "--env", "prod", "--print");
        var second = ws.Run("keygen", "--env", "prod", "--print");
        Assert.True(first.ExitCode == 0, first.ToString());
        var key = first.Stdout.Trim();
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.NotEqual(key, second.Stdout.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(ws.Path));
        Workspace.AssertNoneIn(first.Stderr, new[] { key });
    }

    [Fact]
    public void Keygen_write_adds_to_the_key_file_found_upward_and_refuses_to_replace()
    {
        using var ws = new Workspace();
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev").ExitCode);
        Directory.CreateDirectory(ws.File("src/App"));

        var write = ws.RunIn("src/App", "keygen", "--env", "staging", "--write");
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal(new[] { "dev", "staging" }, ws.KeyNames());
        Assert.Matches("kid [0-9a-f]{8}", write.Stdout);

        var before = File.ReadAllText(ws.KeyFilePath);
        var again = ws.RunIn("src/App", "keygen", "--env", "staging", "--write");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("secretguard rotate --env staging", again.Stderr);
        Assert.Equal(before, File.ReadAllText(ws.KeyFilePath));
        Workspace.AssertNoneIn(write.Output + again.Output, ws.Keys());
    }

    [Fact]
    public void Keygen_write_without_a_key_file_says_to_run_init_and_creates_an_explicit_one()
    {
        using var ws = new Workspace();
        var none = ws.Run("keygen", "--env", "dev", "--write");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("secretguard init", none.Stderr);

        var explicitFile = ws.Run("keygen", "--env", "dev", "--write", "--key-file", "keys/team.keys");
        Assert.True(explicitFile.ExitCode == 0, explicitFile.ToString());
        Assert.True(ws.Exists("keys/team.keys"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.File("keys/team.keys")));
        }
    }
}
