using System;
using System.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>Where set refuses to write an env file: a folder that does not exist.</summary>
public sealed class EnvFileWriteTests
{
    private const string Secret = "s3cr3t-Value-Never-Shown";

    [Fact]
    public void Set_refuses_a_file_in_a_folder_that_does_not_exist_and_creates_no_folder()
    {
        using var ws = Initialized();
        var relative = Path.Combine("no", "such", "folder", ".env.dev");
        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev", "--file", relative);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(Path.Combine("no", "such", "folder"), result.Stderr);
        Assert.Contains("does not exist", result.Stderr);
        Assert.False(Directory.Exists(ws.File("no")));

        // Anywhere on disk: an absolute path outside the project creates nothing either.
        var outside = Path.Combine(Path.GetTempPath(), "sg-cli-missing-" + Guid.NewGuid().ToString("N")[..8]);
        var absolute = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev", "--file", Path.Combine(outside, "deeper", ".env.dev"));
        Assert.True(absolute.ExitCode == 1, absolute.ToString());
        Assert.Contains("does not exist", absolute.Stderr);
        Assert.False(Directory.Exists(outside));
        Workspace.AssertNoneIn(result.Output + absolute.Output, new[] { Secret });

        // A folder that exists is fine, and a new file in it is created.
        Directory.CreateDirectory(ws.File("config"));
        var existing = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev", "--file", Path.Combine("config", "payments.env"));
        Assert.True(existing.ExitCode == 0, existing.ToString());
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "API_KEY_SECRET", ws.ValueOf(Path.Combine("config", "payments.env"), "API_KEY_SECRET")));
    }

    private static Workspace Initialized()
    {
        var ws = new Workspace();
        var init = ws.Run("init");
        Assert.True(init.ExitCode == 0, init.ToString());
        return ws;
    }
}
