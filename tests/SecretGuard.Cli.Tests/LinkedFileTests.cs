using System;
using System.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// A key file or env file that is a symbolic link into a shared folder (issue 13, items 1 and 2): every command that
/// writes follows the link, writes the file it points at (atomically, there) and leaves the link a link, so every
/// repository that links the same file sees the change. A link that points nowhere is an error, never a new file.
/// </summary>
public sealed class LinkedFileTests
{
    [Fact]
    public void Rotate_through_a_linked_key_file_writes_the_shared_file_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var shared = new Workspace();
        using var repo = new Workspace();
        using var teammate = new Workspace();
        Assert.Equal(0, shared.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        var sharedKeys = shared.KeyFilePath;
        var linkText = Path.Combine("..", Path.GetFileName(shared.Path), "secretguard.keys"); // relative, as a team would commit it
        File.CreateSymbolicLink(repo.KeyFilePath, linkText);
        File.CreateSymbolicLink(teammate.KeyFilePath, sharedKeys);
        RotateTests.Set(repo, "prod", "API_KEY_SECRET", "shared prod value");
        File.Copy(repo.File(".env.prod"), teammate.File(".env.prod"));
        var modeBefore = File.GetUnixFileMode(sharedKeys);

        var rotate = repo.Run("rotate", "--env", "prod");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());

        AssertLink(repo.KeyFilePath, linkText);
        Assert.Equal(new[] { "dev", "prod", "prod.previous" }, shared.KeyNames());
        Assert.Equal(modeBefore, File.GetUnixFileMode(sharedKeys));
        Assert.Equal(shared.CurrentKid("prod"), repo.KidOf(".env.prod", "API_KEY_SECRET"));
        Assert.Equal("shared prod value", shared.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", repo.ValueOf(".env.prod", "API_KEY_SECRET")));

        // Another repository linking the same file decrypts the rotated values, and its own old ones with prod.previous.
        Assert.Equal(0, teammate.Run("validate", "--env", "prod").ExitCode);
        File.Copy(repo.File(".env.prod"), teammate.File(".env.prod"), overwrite: true);
        Assert.Equal(0, teammate.Run("validate", "--env", "prod").ExitCode);

        var finish = repo.Run("rotate", "--env", "prod", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        AssertLink(repo.KeyFilePath, linkText);
        Assert.Equal(new[] { "dev", "prod" }, shared.KeyNames());
        AssertNoTemps(shared.Path, repo.Path);
        Workspace.AssertNoneIn(rotate.Output + finish.Output, shared.Keys());
    }

    [Fact]
    public void Init_and_keygen_through_a_linked_key_file_add_keys_to_the_shared_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var shared = new Workspace();
        using var repo = new Workspace();
        Assert.Equal(0, shared.Run("init", "--v1", "--env", "dev").ExitCode);
        File.CreateSymbolicLink(repo.KeyFilePath, shared.KeyFilePath);

        var init = repo.Run("init", "--v1", "--env", "qa");
        Assert.True(init.ExitCode == 0, init.ToString());
        var keygen = repo.Run("keygen", "--env", "staging", "--write");
        Assert.True(keygen.ExitCode == 0, keygen.ToString());

        AssertLink(repo.KeyFilePath, shared.KeyFilePath);
        Assert.Equal(new[] { "dev", "qa", "staging" }, shared.KeyNames());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(shared.KeyFilePath));
        AssertNoTemps(shared.Path, repo.Path);
    }

    [Fact]
    public void Set_and_rotate_through_a_linked_env_file_write_the_shared_file_and_keep_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var shared = new Workspace();
        using var repo = RotateTests.Initialized();
        var sharedEnv = shared.Write("config/.env.prod", "# shared prod settings\nPUBLIC_URL=https://example.test\n");
        var linkText = Path.Combine("..", Path.GetFileName(shared.Path), "config", ".env.prod");
        File.CreateSymbolicLink(repo.File(".env.prod"), linkText);

        RotateTests.Set(repo, "prod", "API_KEY_SECRET", "first");
        RotateTests.Set(repo, "prod", "OTHER_SECRET", "second");
        AssertLink(repo.File(".env.prod"), linkText);
        Assert.StartsWith("# shared prod settings\nPUBLIC_URL=https://example.test\nAPI_KEY_SECRET=PROD_ENC:", File.ReadAllText(sharedEnv));

        var rotate = repo.Run("rotate", "--env", "prod");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        Assert.Contains("Re-encrypted 2 values in 1 file", rotate.Stdout);
        AssertLink(repo.File(".env.prod"), linkText);
        Assert.Equal(repo.CurrentKid("prod"), shared.KidOf("config/.env.prod", "OTHER_SECRET"));
        Assert.Equal("first", repo.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", shared.ValueOf("config/.env.prod", "API_KEY_SECRET")));
        Assert.Equal("second", repo.DecryptWithKeyFileOnDisk("prod", "OTHER_SECRET", shared.ValueOf("config/.env.prod", "OTHER_SECRET")));
        AssertNoTemps(shared.File("config"), repo.Path);
    }

    [Fact]
    public void A_link_that_points_nowhere_is_an_error_and_no_file_is_created()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var repo = new Workspace();
        var missingKeys = repo.File("mount/secretguard.keys");
        File.CreateSymbolicLink(repo.KeyFilePath, missingKeys);

        var init = repo.Run("init", "--v1", "--env", "dev");
        Assert.Equal(1, init.ExitCode);
        Assert.Contains("secretguard.keys is a symbolic link to " + missingKeys + ", which does not exist", init.Stderr);
        var keygen = repo.Run("keygen", "--env", "dev", "--write");
        Assert.Equal(1, keygen.ExitCode);
        Assert.Contains("which does not exist", keygen.Stderr);

        Directory.CreateDirectory(repo.File("mount"));
        Assert.Equal(0, repo.Run("init", "--v1", "--env", "dev", "--key-file", "mount/secretguard.keys").ExitCode);
        var missingEnv = repo.File("mount/.env.dev");
        File.CreateSymbolicLink(repo.File(".env.dev"), missingEnv);
        var set = repo.Pipe("value", "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, set.ExitCode);
        Assert.Contains(".env.dev is a symbolic link to " + missingEnv + ", which does not exist", set.Stderr);
        Assert.False(File.Exists(missingEnv));
    }

    internal static void AssertLink(string path, string expectedTarget)
    {
        var info = new FileInfo(path);
        Assert.True(info.LinkTarget is not null, path + " is no longer a symbolic link");
        Assert.Equal(expectedTarget, info.LinkTarget);
    }

    internal static void AssertNoTemps(params string[] folders)
    {
        foreach (var folder in folders)
        {
            Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        }
    }
}
