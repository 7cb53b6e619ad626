using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SecretGuard.IO;

namespace SecretGuard.Checks;

/// <summary>
/// The cross-process lock that every read-modify-write of a key file or env file holds from its read to its rename: the
/// build's encrypt-in-place and the <c>set</c>, <c>rotate</c>, <c>init</c> and <c>keygen</c> commands. Without it two
/// writers that read the same file each rename their own version over it, and one update is lost.
/// <para>
/// One lock file per file, <c>&lt;name&gt;.lock</c> (<c>..env.dev.lock</c> for a dot-file, like its temps), beside the file a
/// link points at, so every link to a shared file shares one lock. It is opened without sharing (an exclusive
/// <c>flock</c> on Unix, a share mode on Windows), which the operating system drops when its holder exits, however it
/// exits. The file itself is never deleted: deleting it while held would let a third process lock a new file at the
/// same path while a second one holds the old one, and a leftover lock file is harmless (nobody holds it) and reused.
/// </para>
/// <para>
/// Locks are taken in one order — the key file first, then env files by the ordinal order of their full paths — so two
/// writers never wait for each other. The lock holds between processes of one host, not across machines
/// (docs/operations.md#the-write-lock-is-per-host).
/// </para>
/// </summary>
internal sealed class FileWriteLock : IDisposable
{
    /// <summary>How long a writer waits for another one before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long a writer waits before it says that it is waiting.</summary>
    private static readonly TimeSpan AnnounceAfter = TimeSpan.FromSeconds(1);

    private readonly List<FileStream> _streams;

    private FileWriteLock(List<FileStream> streams, List<string> targets)
    {
        _streams = streams;
        Targets = targets;
    }

    /// <summary>The files locked (links resolved), in the order they were locked.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>
    /// Locks the key file (when there is one) and then the env files, each resolved through its links, waiting up to
    /// <paramref name="timeout"/> in all. A key file that is only read (<see cref="FileAccess.Read"/>: <c>set</c> encrypts
    /// with its key) is locked shared, so readers do not wait for each other but do wait for a writer (<c>rotate</c>);
    /// one that is rewritten, and every env file, is locked exclusively. <paramref name="waiting"/> hears once when the
    /// lock is not free within a second.
    /// </summary>
    /// <exception cref="IOException">Another writer held a lock for longer than <paramref name="timeout"/>, or a path is a link to nothing.</exception>
    /// <exception cref="UnauthorizedAccessException">A lock file could not be created: the file's folder is not writable.</exception>
    public static FileWriteLock Acquire(string? keyFilePath, FileAccess keyFileAccess, IEnumerable<string> envFilePaths, TimeSpan timeout, Action<string>? waiting = null)
    {
        var requests = new List<(string Target, bool Exclusive)>();
        if (keyFilePath is not null)
        {
            requests.Add((FileLinks.ResolveForWriting(keyFilePath), (keyFileAccess & FileAccess.Write) != 0));
        }

        var envTargets = envFilePaths.Select(FileLinks.ResolveForWriting).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal);
        requests.AddRange(envTargets.Where(t => requests.Count == 0 || t != requests[0].Target).Select(t => (t, true)));

        var deadline = DateTime.UtcNow + timeout;
        var streams = new List<FileStream>();
        var targets = new List<string>();
        try
        {
            foreach (var (target, exclusive) in requests)
            {
                var stream = Lock(target, exclusive, deadline, timeout, waiting);
                if (stream is null)
                {
                    continue;
                }

                streams.Add(stream);
                targets.Add(target);
                if (exclusive)
                {
                    // Every writer of this file holds this lock while its temp exists: a temp found now is a dead writer's.
                    AtomicFile.DeleteTemps(Path.GetDirectoryName(target)!, Path.GetFileName(target), TimeSpan.Zero);
                }
            }
        }
        catch
        {
            Release(streams);
            throw;
        }

        return new FileWriteLock(streams, targets);
    }

    /// <summary>
    /// The build's lock on one env file it may encrypt in place, or null when the lock file cannot be created because
    /// the file's folder is not writable for this process (a shared folder mounted read-only): such a process cannot
    /// replace the file either, so it reads it without the lock (writers rename whole files, so a read never sees half
    /// of one), and should it find a value to encrypt, saving fails with the folder's own error.
    /// </summary>
    public static FileWriteLock? AcquireForEncryption(string envFilePath, TimeSpan timeout)
    {
        try
        {
            return Acquire(null, FileAccess.Read, new[] { envFilePath }, timeout);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The lock file of a file (a resolved path): <c>&lt;name&gt;.lock</c> beside it, with a leading dot for a dot-file.</summary>
    public static string LockPathOf(string target)
    {
        var name = Path.GetFileName(target);
        return Path.Combine(Path.GetDirectoryName(target)!, (name.StartsWith(".", StringComparison.Ordinal) ? "." : string.Empty) + name + ".lock");
    }

    /// <summary>Unlocks, in the reverse order; the lock files stay for the next writer.</summary>
    public void Dispose() => Release(_streams);

    private static FileStream? Lock(string target, bool exclusive, DateTime deadline, TimeSpan timeout, Action<string>? waiting)
    {
        var lockPath = LockPathOf(target);
        var started = DateTime.UtcNow;
        var announced = false;
        while (true)
        {
            try
            {
                // Read access is enough to lock, and lets a lock file made by another user of a shared folder be used.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Read, exclusive ? FileShare.None : FileShare.Read, 1, FileOptions.None);
            }
            catch (DirectoryNotFoundException)
            {
                throw;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || (ex is IOException && !File.Exists(lockPath)))
            {
                if (!exclusive)
                {
                    // Only read: a process that cannot create the lock file cannot rewrite the key file either.
                    return null;
                }

                throw new UnauthorizedAccessException(
                    "SecretGuard could not create the lock file " + lockPath + " (" + ex.Message + "), which it holds while it rewrites " + target +
                    ": make that folder writable (replacing the file needs it too), then run the command again. Nothing was written.", ex);
            }
            catch (IOException) when (!(DateTime.UtcNow >= deadline))
            {
                // Another process holds it (the only way opening an existing lock file fails here): wait for it.
                if (!announced && DateTime.UtcNow - started >= AnnounceAfter)
                {
                    announced = true;
                    waiting?.Invoke("Waiting for another secretguard command or build that is writing " + target + " (lock file " + lockPath + ")...");
                }

                Thread.Sleep(20 + Random.Shared.Next(40));
            }
            catch (IOException ex)
            {
                throw new IOException(
                    "another secretguard command or build has been writing " + target + " for over " + Describe(timeout) + " (it holds the lock file " + lockPath +
                    "), so this one gave up. Nothing was written. Run it again once that one has finished.", ex);
            }
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalMinutes >= 1 ? timeout.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " minutes" : timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " seconds";

    private static void Release(List<FileStream> streams)
    {
        for (var i = streams.Count - 1; i >= 0; i--)
        {
            streams[i].Dispose();
        }

        streams.Clear();
    }
}
