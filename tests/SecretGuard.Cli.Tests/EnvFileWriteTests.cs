using System;
using System.IO;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>Where set and rotate refuse to write an env file: a read-only file, a folder that does not exist.</summary>
public sealed class EnvFileWriteTests
{
    private const string Secret = "s3cr3t-Value-Never-Shown";

    [Fact]
    public void Set_refuses_a_read_only_env_file_says_how_to_make_it_writable_and_writes_nothing()
    {
        using var ws = Initialized();
        const string Text = "A=1\nAPI_KEY_SECRET=old\n";
        var path = ws.Write(".env.dev", Text);
        MakeReadOnly(path);
        var before = Listing(ws);

        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".env.dev is read-only", result.Stderr);
        Assert.Contains(OperatingSystem.IsWindows() ? "attrib -r" : "chmod u+w", result.Stderr);
        Assert.Equal(Text, ws.Read(".env.dev"));
        Assert.True(IsReadOnly(path));
        Assert.Equal(before, Listing(ws));
        Workspace.AssertNoneIn(result.Output, new[] { Secret });
        Workspace.AssertNoneIn(result.Output, ws.Keys());
    }

    [Fact]
    public void Rotate_refuses_a_read_only_env_file_before_it_changes_any_key_or_file()
    {
        using var ws = Initialized();
        Assert.Equal(0, ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev").ExitCode);
        var path = ws.File(".env.dev");
        MakeReadOnly(path);
        var keys = File.ReadAllText(ws.KeyFilePath);
        var env = ws.Read(".env.dev");
        var before = Listing(ws);

        var result = ws.Run("rotate", "--env", "dev");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".env.dev", result.Stderr);
        Assert.Contains("read-only", result.Stderr);
        Assert.Contains(OperatingSystem.IsWindows() ? "attrib -r" : "chmod u+w", result.Stderr);
        Assert.Equal(keys, File.ReadAllText(ws.KeyFilePath));
        Assert.Equal(env, ws.Read(".env.dev"));
        Assert.Equal(before, Listing(ws));
        Workspace.AssertNoneIn(result.Output, ws.Keys());
    }

    [Fact]
    public void Set_refuses_a_file_in_a_folder_that_does_not_exist_and_creates_no_folder()
    {
        using var ws = Initialized();
        var relative = Path.Combine("no", "such", "folder", ".env.dev");
        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev", "--file", relative);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("the folder of the --file path does not exist", result.Stderr);
        Assert.DoesNotContain("such", result.Stderr); // a path typed on the command line is not quoted back
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

    internal static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    private static bool IsReadOnly(string path) =>
        OperatingSystem.IsWindows()
            ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    // Every file and folder in the workspace: a refusal leaves no temporary file behind.
    private static string[] Listing(Workspace ws) =>
        Directory.GetFileSystemEntries(ws.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(ws.Path, p)).Order(StringComparer.Ordinal).ToArray();

    private static Workspace Initialized()
    {
        var ws = new Workspace();
        var init = ws.Run("init", "--v1");
        Assert.True(init.ExitCode == 0, init.ToString());
        return ws;
    }
}
