using System;
using System.IO;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// Temp copies of the key file (issue 13, item 4), with real git: init ignores them, and validate --staged refuses any
/// staged file that holds a valid key line, whatever it is called.
/// </summary>
public class KeyFileCopyTests
{
    [Fact]
    public void Init_ignores_temp_copies_of_the_key_file_and_adds_the_pattern_to_an_older_repository_once()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        var init = ws.Run("init", "--v1", "--env", "dev");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("Added secretguard.keys, secretguard.keys.*, ..env*.lock and *.env.lock to .gitignore.", init.Stdout);
        foreach (var lockFile in new[] { "secretguard.keys.lock", "..env.dev.lock", "..env.lock", "app.env.lock" })
        {
            // The write locks set, rotate and the build leave beside the files they write stay out of git status.
            ws.Write(lockFile, string.Empty);
            Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", lockFile).ExitCode);
        }

        File.Copy(ws.KeyFilePath, ws.File("secretguard.keys.0123abcd.tmp")); // what a crash during a save leaves
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys.0123abcd.tmp").ExitCode);
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys").ExitCode);

        // A repository set up by an older version ignores only secretguard.keys: init run again (even when it refuses
        // to replace the keys) adds the missing pattern, once.
        ws.Write(".gitignore", "bin/\n# SecretGuard master keys: never commit them\nsecretguard.keys\n");
        var again = ws.Run("init", "--v1", "--env", "dev");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Added secretguard.keys.*, ..env*.lock and *.env.lock to .gitignore.", again.Stdout);
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "int").ExitCode);
        var lines = ws.Read(".gitignore").Split('\n');
        Assert.Single(lines, l => l == "secretguard.keys");
        Assert.Single(lines, l => l == "secretguard.keys.*");
        Assert.Single(lines, l => l == "..env*.lock");
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys.0123abcd.tmp").ExitCode);
        Workspace.AssertNoneIn(again.Output + init.Output, ws.Keys());
    }

    [Fact]
    public void Staged_refuses_any_file_that_holds_a_valid_key_line_whatever_its_name()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        ws.Write(".env.dev", "A=1\n");
        ws.Git("add", ".env.dev", ".gitignore");
        Assert.Equal(0, ws.Run("validate", "--staged").ExitCode);

        // A leftover temp (old naming, not ignored), and a renamed copy somewhere else.
        File.Copy(ws.KeyFilePath, ws.File(".secretguard.keys.0123abcd.tmp"));
        Directory.CreateDirectory(ws.File("backup"));
        File.WriteAllText(ws.File("backup/notes.txt"), "# old\n" + ws.Read("secretguard.keys").Split('\n').First(l => l.StartsWith("prod", StringComparison.Ordinal)) + "\n");
        ws.Write("backup/broken.txt", "dev = not-a-key\n");
        ws.Git("add", "-f", ".secretguard.keys.0123abcd.tmp", "backup");

        var staged = ws.Run("validate", "--staged");
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(".secretguard.keys.0123abcd.tmp: error SG1010", staged.Stdout);
        Assert.Contains(Path.Combine("backup", "notes.txt") + ": error SG1010", staged.Stdout);
        Assert.DoesNotContain("broken.txt", staged.Output);
        Workspace.AssertNoneIn(staged.Output, ws.Keys());

        ws.Git("rm", "-q", "--cached", ".secretguard.keys.0123abcd.tmp", "backup/notes.txt");
        Assert.Equal(0, ws.Run("validate", "--staged").ExitCode);
    }

    [Fact]
    public void Staged_refuses_a_file_holding_a_version_2_private_key_and_accepts_the_recipients_file()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev").ExitCode);
        ws.Write(".env.dev", "A=1\n");

        // Made up for this test: a private key pasted into a notes file, and the recipients file with public keys only.
        const string privateKey = "sgkey2_Vq3xN8tLm2Rk5Zp7Wc1Hy4Jd6Fg9Bs0Qa2Ue5Ti8Ovw";
        ws.Write("ops/handover.txt", "# prod key for the on-call laptop\nprod = " + privateKey + "\n");
        ws.Write("secretguard.recipients", "# public keys: commit this file\nprod = sgpub2_BFFcPW6545a5BNP-yn9U_c0MwemXvzddylFa0KbDtANfRTa-OlDzGPv5pUdZAqIhUCvvDVfgjFOyzApW8X2fk1Q\n");
        ws.Git("add", ".env.dev", ".gitignore", "secretguard.recipients", "ops");

        var staged = ws.Run("validate", "--staged");
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(Path.Combine("ops", "handover.txt") + ": error SG1010", staged.Stdout);
        Assert.DoesNotContain("secretguard.recipients", staged.Output);
        Assert.DoesNotContain(privateKey.Substring(7, 12), staged.Output);

        ws.Git("rm", "-q", "--cached", "ops/handover.txt");
        Assert.Equal(0, ws.Run("validate", "--staged").ExitCode);
    }
}
