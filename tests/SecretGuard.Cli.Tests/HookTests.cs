using System;
using System.Collections.Generic;
using System.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>hook install: a pre-commit hook that runs validate --staged, and that really stops a bad commit.</summary>
public sealed class HookTests
{
    [Fact]
    public void Install_writes_an_executable_hook_and_keeps_a_foreign_one()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        var hook = ws.File(".git/hooks/pre-commit");

        var install = ws.Run("hook", "install");
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("secretguard validate --staged", File.ReadAllText(hook));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(hook) & UnixFileMode.UserExecute) != 0);
        }

        Assert.Contains("already installed", ws.Run("hook", "install").Stdout);

        File.WriteAllText(hook, "#!/bin/sh\nexec lint-staged\n");
        var refused = ws.Run("hook", "install");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("was not written by SecretGuard", refused.Stderr);
        Assert.Equal("#!/bin/sh\nexec lint-staged\n", File.ReadAllText(hook));

        var forced = ws.Run("hook", "install", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("secretguard validate --staged", File.ReadAllText(hook));
        Assert.Equal("#!/bin/sh\nexec lint-staged\n", File.ReadAllText(hook + ".secretguard-backup"));
    }

    [Fact]
    public void Install_outside_a_repository_says_to_run_git_init()
    {
        using var ws = new Workspace();
        var result = ws.Run("hook", "install");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("git init", result.Stderr);
    }

    [Fact]
    public void The_hook_stops_a_commit_with_a_plaintext_secret()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the hook is a sh script; git for Windows runs it through its own sh, not covered here
        }

        using var ws = RotateTests.Initialized();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("hook", "install").ExitCode);

        // 'secretguard' on PATH is the tool under test.
        var bin = ws.File("tools");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "secretguard");
        File.WriteAllText(wrapper, "#!/bin/sh\nexec dotnet '" + Cli.DllPath + "' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = new Dictionary<string, string?> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        ws.Write(".env.dev", "API_KEY_SECRET=plain-text-secret-value\n");
        ws.Git("add", ".env.dev", ".gitignore");
        var (blocked, output) = Workspace.ShellWithOutput(ws.Path, path, "git", "commit", "-q", "-m", "add secret");
        Assert.True(blocked != 0, output);
        Assert.Contains("error SG1004", output);
        Assert.DoesNotContain("plain-text-secret-value", output);

        File.Delete(ws.File(".env.dev"));
        RotateTests.Set(ws, "dev", "API_KEY_SECRET", "plain-text-secret-value");
        ws.Git("add", ".env.dev");
        var (committed, commitOutput) = Workspace.ShellWithOutput(ws.Path, path, "git", "commit", "-q", "-m", "add encrypted secret");
        Assert.True(committed == 0, commitOutput);
    }
}
