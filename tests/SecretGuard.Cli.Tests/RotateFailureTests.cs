using System;
using System.IO;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// A failure in the middle of a rotation leaves no file half-rotated and no key lost: afterwards every env file is
/// either fully old or fully new, every value decrypts with the key file on disk, and running the command again
/// completes the rotation.
/// </summary>
public sealed class RotateFailureTests
{
    private static readonly string[] Folders = { "a", "b", "c" };

    [Fact]
    public void A_file_that_cannot_be_replaced_leaves_every_file_old_and_every_value_readable()
    {
        using var ws = RotateTests.Initialized();
        foreach (var folder in Folders)
        {
            RotateTests.Set(ws, "prod", "ONE_SECRET", folder + "-one", folder + "/.env.prod");
            RotateTests.Set(ws, "prod", "TWO_SECRET", folder + "-two", folder + "/.env.prod");
        }

        var before = Folders.ToDictionary(f => f, f => File.ReadAllBytes(ws.File(f + "/.env.prod")));
        var oldKid = ws.KidOf("a/.env.prod", "ONE_SECRET");

        // b's file is renamed after a's: make that rename fail. As root (which ignores permissions), the file is made
        // immutable, so its new version is written and the key file updated before the rename fails; otherwise b's
        // folder is made read-only, so the new version cannot even be written beside it.
        using var injected = Injection.Block(ws.File("b/.env.prod"));
        var failed = ws.Run("rotate", "--env", "prod");
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains(Path.Combine("b", ".env.prod"), failed.Stderr);
        Assert.Matches("run (the command|'secretguard rotate --env prod') again", failed.Stderr);
        Workspace.AssertNoneIn(failed.Output, ws.Keys());
        Workspace.AssertNoneIn(failed.Output, Folders.SelectMany(f => new[] { f + "-one", f + "-two" }));

        // Every file fully old (a was put back), no temporary file left, every value readable with the key file on disk.
        foreach (var folder in Folders)
        {
            Assert.Equal(before[folder], File.ReadAllBytes(ws.File(folder + "/.env.prod")));
            Assert.Empty(Directory.GetFiles(ws.File(folder), "*.tmp"));
            Assert.Equal(folder + "-one", ws.DecryptWithKeyFileOnDisk("prod", "ONE_SECRET", ws.ValueOf(folder + "/.env.prod", "ONE_SECRET")));
            Assert.Equal(folder + "-two", ws.DecryptWithKeyFileOnDisk("prod", "TWO_SECRET", ws.ValueOf(folder + "/.env.prod", "TWO_SECRET")));
        }

        if (injected.KeyFileWrittenFirst)
        {
            Assert.Equal(new[] { "dev", "int", "prod", "prod.previous" }, ws.KeyNames());
        }
        else
        {
            Assert.Equal(new[] { "dev", "int", "prod" }, ws.KeyNames());
        }

        // Fixed, the same command completes the rotation.
        injected.Dispose();
        var rerun = ws.Run("rotate", "--env", "prod");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var newKid = ws.KidOf("a/.env.prod", "ONE_SECRET");
        Assert.NotEqual(oldKid, newKid);
        foreach (var folder in Folders)
        {
            Assert.Equal(newKid, ws.KidOf(folder + "/.env.prod", "TWO_SECRET"));
            Assert.Equal(folder + "-two", ws.DecryptWithKeyFileOnDisk("prod", "TWO_SECRET", ws.ValueOf(folder + "/.env.prod", "TWO_SECRET")));
        }

        Assert.Equal(0, ws.Run("rotate", "--env", "prod", "--finish").ExitCode);
        Assert.Equal("b-one", ws.DecryptWithKeyFileOnDisk("prod", "ONE_SECRET", ws.ValueOf("b/.env.prod", "ONE_SECRET")));
    }

    [Fact]
    public void A_failure_while_writing_the_new_files_changes_nothing()
    {
        using var ws = RotateTests.Initialized();
        RotateTests.Set(ws, "prod", "ONE_SECRET", "one");

        // A name so long that no temporary file fits beside it (NAME_MAX is 255 bytes): this fails as root too.
        var longName = new string('p', 241) + ".env";
        File.WriteAllText(ws.File(longName), "LONG_SECRET=" + ws.Pipe("long", "encrypt", "LONG_SECRET", "--env", "prod").Stdout.Trim() + "\n");
        var keys = File.ReadAllText(ws.KeyFilePath);
        var env = ws.Read(".env.prod");
        var longBefore = ws.Read(longName);

        var failed = ws.Run("rotate", "--env", "prod", longName);
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("Nothing was changed", failed.Stderr);
        Assert.Equal(keys, File.ReadAllText(ws.KeyFilePath));
        Assert.Equal(env, ws.Read(".env.prod"));
        Assert.Equal(longBefore, ws.Read(longName));
        Assert.Empty(Directory.GetFiles(ws.Path, "*.tmp"));
        Assert.Equal("long", ws.DecryptWithKeyFileOnDisk("prod", "LONG_SECRET", ws.ValueOf(longName, "LONG_SECRET")));
    }

    /// <summary>Makes one file impossible to replace, and undoes it.</summary>
    private sealed class Injection : IDisposable
    {
        private readonly string _path;
        private readonly Kind _kind;
        private bool _undone;

        private Injection(string path, Kind kind)
        {
            _path = path;
            _kind = kind;
        }

        private enum Kind
        {
            Immutable,
            ReadOnlyFolder,
            ReadOnlyFile,
        }

        /// <summary>Whether the failure comes after the key file is written (the rename fails, not the temporary write).</summary>
        public bool KeyFileWrittenFirst => _kind != Kind.ReadOnlyFolder;

        public static Injection Block(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(path, FileAttributes.ReadOnly);
                return new Injection(path, Kind.ReadOnlyFile);
            }

            if (IsRoot())
            {
                Assert.True(Workspace.Shell(Path.GetDirectoryName(path)!, "chattr", "+i", path) == 0,
                    "running as root and 'chattr +i' failed: there is no other way to make a rename fail for root");
                return new Injection(path, Kind.Immutable);
            }

            File.SetUnixFileMode(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            return new Injection(path, Kind.ReadOnlyFolder);
        }

        public void Dispose()
        {
            if (_undone)
            {
                return;
            }

            _undone = true;
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(_path, FileAttributes.Normal);
            }
            else if (_kind == Kind.Immutable)
            {
                Workspace.Shell(Path.GetDirectoryName(_path)!, "chattr", "-i", _path);
            }
            else
            {
                File.SetUnixFileMode(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        private static bool IsRoot()
        {
            try
            {
                return File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
