using System.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// Temp copies of the key file (issue 13, item 4), with real git: init ignores them.
/// </summary>
public class KeyFileCopyTests
{
    [Fact]
    public void Init_ignores_temp_copies_of_the_key_file_and_adds_the_pattern_to_an_older_repository_once()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        var init = ws.Run("init", "--env", "dev");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("Added secretguard.keys and secretguard.keys.* to .gitignore.", init.Stdout);
        File.Copy(ws.KeyFilePath, ws.File("secretguard.keys.0123abcd.tmp")); // what a crash during a save leaves
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys.0123abcd.tmp").ExitCode);
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys").ExitCode);

        // A repository set up by an older version ignores only secretguard.keys: init run again (even when it refuses
        // to replace the keys) adds the missing pattern, once.
        ws.Write(".gitignore", "bin/\n# SecretGuard master keys: never commit them\nsecretguard.keys\n");
        var again = ws.Run("init", "--env", "dev");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Added secretguard.keys.* to .gitignore.", again.Stdout);
        Assert.Equal(0, ws.Run("init", "--env", "int").ExitCode);
        var lines = ws.Read(".gitignore").Split('\n');
        Assert.Single(lines, l => l == "secretguard.keys");
        Assert.Single(lines, l => l == "secretguard.keys.*");
        Assert.Equal(0, Workspace.ShellWithOutput(ws.Path, null, "git", "check-ignore", "-q", "secretguard.keys.0123abcd.tmp").ExitCode);
        Workspace.AssertNoneIn(again.Output + init.Output, ws.Keys());
    }
}
