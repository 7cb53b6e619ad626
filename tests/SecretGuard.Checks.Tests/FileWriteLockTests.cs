using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using SecretGuard.Checks;

namespace SecretGuard.Tests;

/// <summary>
/// The write lock every writer of a key file or env file holds (issue 13, item 3): exclusive between writers, shared
/// between readers of the key file, taken on the file a link points at, never deleted while held (nor after: it is
/// reused), and released by the operating system when its holder dies.
/// </summary>
public class FileWriteLockTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void Holders_never_overlap_while_many_take_and_release_the_lock_in_a_tight_loop()
    {
        using var dir = new TempDirectory();
        var target = dir.Write(".env.dev", "A=1\n");
        var counter = dir.Write("counter", "0");
        var inside = 0;
        var overlaps = 0;
        const int Threads = 8;
        const int Rounds = 300;
        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                using (FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, TimeSpan.FromMinutes(1)))
                {
                    if (Interlocked.Increment(ref inside) > 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    // A read-modify-write that loses updates unless the holders take turns.
                    var n = int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture);
                    File.WriteAllText(counter, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Interlocked.Decrement(ref inside);
                }
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2))));

        Assert.Equal(0, overlaps);
        Assert.Equal((Threads * Rounds).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(counter));
    }

    [Fact]
    public void The_lock_file_is_never_deleted_and_the_next_holder_locks_the_same_file()
    {
        using var dir = new TempDirectory();
        var target = dir.Write(".env.dev", "A=1\n");
        var lockFile = Path.Combine(dir.Path, "..env.dev.lock");

        File.WriteAllText(lockFile, "marker"); // a lock file left by an earlier writer; shows whether the same file is used
        using (var held = FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, Short))
        {
            Assert.Equal(new[] { target }, held.Targets);
            Assert.Throws<IOException>(() => FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, Short));
        }

        // Released, the file stays: a process that opened it while it was held locks the file everyone else locks.
        Assert.Equal("marker", File.ReadAllText(lockFile));
        using (FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, Short))
        {
            Assert.Throws<IOException>(() => FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, Short));
        }

        Assert.Equal("marker", File.ReadAllText(lockFile));
        Assert.Equal(new[] { "..env.dev.lock", ".env.dev" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Readers_of_the_key_file_share_it_and_a_writer_waits_for_them()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "# keys\n");
        var env = dir.Write(".env.dev", "A=1\n");

        using (FileWriteLock.Acquire(keyFile, FileAccess.Read, new[] { env }, Short))
        using (FileWriteLock.Acquire(keyFile, FileAccess.Read, Array.Empty<string>(), Short))
        {
            var ex = Assert.Throws<IOException>(() => FileWriteLock.Acquire(keyFile, FileAccess.ReadWrite, Array.Empty<string>(), Short));
            Assert.Contains("another secretguard command or build has been writing " + keyFile, ex.Message);
            Assert.Contains("secretguard.keys.lock", ex.Message);
        }

        using (FileWriteLock.Acquire(keyFile, FileAccess.ReadWrite, Array.Empty<string>(), Short))
        {
            Assert.Throws<IOException>(() => FileWriteLock.Acquire(keyFile, FileAccess.Read, Array.Empty<string>(), Short));
        }
    }

    [Fact]
    public void The_key_file_is_locked_first_then_env_files_in_path_order_each_beside_the_file_a_link_names()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var dir = new TempDirectory();
        var keyFile = dir.Write(Path.Combine("shared", "secretguard.keys"), "# keys\n");
        var b = dir.Write(Path.Combine("b", ".env.dev"), "B=1\n");
        var a = dir.Write(Path.Combine("a", ".env.dev"), "A=1\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "repo"));
        var keyLink = Path.Combine(dir.Path, "repo", "secretguard.keys");
        var envLink = Path.Combine(dir.Path, "repo", ".env.dev");
        File.CreateSymbolicLink(keyLink, Path.Combine("..", "shared", "secretguard.keys"));
        File.CreateSymbolicLink(envLink, b);

        using (var held = FileWriteLock.Acquire(keyLink, FileAccess.ReadWrite, new[] { envLink, a, b }, Short))
        {
            Assert.Equal(new[] { keyFile, a, b }, held.Targets);
        }

        Assert.True(File.Exists(Path.Combine(dir.Path, "shared", "secretguard.keys.lock")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "b", "..env.dev.lock")));
        Assert.Equal(new[] { ".env.dev", "secretguard.keys" }, Directory.GetFiles(Path.Combine(dir.Path, "repo")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_lock_held_by_another_process_blocks_until_that_process_is_killed()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/flock"))
        {
            return; // util-linux flock(1) takes the same advisory lock .NET takes for FileShare.None
        }

        using var dir = new TempDirectory();
        var target = dir.Write(".env.dev", "A=1\n");
        var lockFile = FileWriteLock.LockPathOf(target);
        File.WriteAllText(lockFile, string.Empty);
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", new[] { lockFile, "sleep", "120" }) { UseShellExecute = false })!;
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (TryLock(target))
            {
                Assert.True(DateTime.UtcNow < deadline, "flock(1) did not take the lock");
                Thread.Sleep(50);
            }

            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
            using var taken = FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, TimeSpan.FromSeconds(10));
            Assert.Equal(new[] { target }, taken.Targets);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_where_no_lock_file_can_be_created_is_a_clear_error_and_the_build_reads_without_the_lock()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var target = dir.Write(Path.Combine("mounted", ".env.dev"), "A=1\n");
        var folder = Path.GetDirectoryName(target)!;
        using var readOnly = ReadOnlyFolder.Make(folder);

        var ex = Assert.Throws<UnauthorizedAccessException>(() => FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, Short));
        Assert.Contains("could not create the lock file " + Path.Combine(folder, "..env.dev.lock"), ex.Message);
        Assert.Contains("make that folder writable", ex.Message);
        Assert.Null(FileWriteLock.AcquireForEncryption(target, Short));

        // Only reading the key file: no lock needed from a process that cannot write there.
        var keyFile = Path.Combine(folder, "secretguard.keys");
        readOnly.Undo();
        File.WriteAllText(keyFile, "# keys\n");
        using var again = ReadOnlyFolder.Make(folder);
        using (var held = FileWriteLock.Acquire(keyFile, FileAccess.Read, Array.Empty<string>(), Short))
        {
            Assert.Empty(held.Targets);
        }

        Assert.Throws<UnauthorizedAccessException>(() => FileWriteLock.Acquire(keyFile, FileAccess.ReadWrite, Array.Empty<string>(), Short));
    }

    private static bool TryLock(string target)
    {
        try
        {
            using var _ = FileWriteLock.Acquire(null, FileAccess.Read, new[] { target }, TimeSpan.Zero);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A folder in which nothing can be created, for root too (an immutable folder), and undone after.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyFolder : IDisposable
    {
        private readonly string _folder;
        private bool _undone;

        private ReadOnlyFolder(string folder) => _folder = folder;

        public static ReadOnlyFolder Make(string folder)
        {
            if (Environment.UserName == "root")
            {
                using var chattr = Process.Start(new ProcessStartInfo("chattr", new[] { "+i", folder }) { UseShellExecute = false })!;
                chattr.WaitForExit();
                Assert.True(chattr.ExitCode == 0, "running as root and 'chattr +i' failed: there is no other way to make a folder read-only for root");
            }
            else
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            return new ReadOnlyFolder(folder);
        }

        public void Undo()
        {
            if (_undone)
            {
                return;
            }

            _undone = true;
            if (Environment.UserName == "root")
            {
                using var chattr = Process.Start(new ProcessStartInfo("chattr", new[] { "-i", _folder }) { UseShellExecute = false })!;
                chattr.WaitForExit();
            }
            else
            {
                File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        public void Dispose() => Undo();
    }
}
