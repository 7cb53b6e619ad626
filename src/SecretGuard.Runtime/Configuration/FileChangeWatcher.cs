using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;

namespace SecretGuard.Configuration;

/// <summary>
/// Watches a few files (the env file, the key file) and calls back once per burst of changes. Writers replace these
/// files by rename, so it watches each file's folder rather than the file (a watch on the old inode would go quiet),
/// waits <c>delay</c> after the last event, and calls back only when a file's contents really changed (a SHA-256 of
/// the bytes; a temporary file written beside it does not count). A file that is a symbolic link is watched in the
/// folder of the file it points at too. Optional polling covers file systems without events.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private readonly Action<string> _onChange;
    private readonly TimeSpan _delay;
    private readonly TimeSpan? _polling;
    private readonly object _gate = new();
    private readonly Timer _timer;
    private readonly List<FileSystemWatcher> _watchers = new();
    private Dictionary<string, string?> _fingerprints = new(StringComparer.Ordinal);
    private bool _disposed;

    public FileChangeWatcher(Action<string> onChange, TimeSpan delay, TimeSpan? polling)
    {
        _onChange = onChange;
        _delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        _polling = polling;
        _timer = new Timer(_ => Check(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Watches exactly <paramref name="paths"/> from now on, taking their current contents as the baseline.</summary>
    public void Watch(IEnumerable<string> paths)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var files = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
            var directories = files.SelectMany(FoldersOf).Where(Directory.Exists).Distinct(StringComparer.Ordinal).ToList();
            if (!directories.SequenceEqual(_watchers.Select(w => w.Path), StringComparer.Ordinal))
            {
                DisposeWatchers();
                foreach (var directory in directories)
                {
                    var watcher = new FileSystemWatcher(directory)
                    {
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                        IncludeSubdirectories = false,
                    };
                    watcher.Changed += (_, _) => Schedule();
                    watcher.Created += (_, _) => Schedule();
                    watcher.Deleted += (_, _) => Schedule();
                    watcher.Renamed += (_, _) => Schedule();
                    watcher.Error += (_, _) => Schedule();
                    watcher.EnableRaisingEvents = true;
                    _watchers.Add(watcher);
                }
            }

            // Files already watched keep their baseline: a change made while the caller was reloading is still seen.
            _fingerprints = files.ToDictionary(f => f, f => _fingerprints.TryGetValue(f, out var known) ? known : Fingerprint(f), StringComparer.Ordinal);
            if (_polling is TimeSpan interval)
            {
                _timer.Change(interval, interval);
            }
        }
    }

    /// <summary>
    /// The folders whose events can change <paramref name="file"/>: its own, and for a symbolic link the folder of the
    /// file it points at — a key file linked from a shared folder is rewritten there, by rename, and the link's folder
    /// sees no event (docs/operations.md#sharing-a-key-file-or-an-env-file).
    /// </summary>
    private static IEnumerable<string> FoldersOf(string file)
    {
        if (Path.GetDirectoryName(file) is { } folder)
        {
            yield return folder;
        }

        FileSystemInfo? target = null;
        try
        {
            target = File.ResolveLinkTarget(file, returnFinalTarget: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A missing file or a link to nothing: its own folder is watched, and the file's next appearance is seen there.
        }

        if (target is not null && Path.GetDirectoryName(target.FullName) is { } targetFolder)
        {
            yield return targetFolder;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            DisposeWatchers();
            _timer.Dispose();
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                // Every event pushes the check back: one reload per burst (temp file, rename, chmod...).
                _timer.Change(_delay, _polling ?? Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Check()
    {
        string? changed = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (path, before) in _fingerprints)
            {
                var fingerprint = Fingerprint(path);
                now[path] = fingerprint;
                if (changed is null && !string.Equals(fingerprint, before, StringComparison.Ordinal))
                {
                    changed = path;
                }
            }

            _fingerprints = now;
        }

        if (changed is not null)
        {
            // Outside the lock: the callback reloads and then calls Watch with the new baseline.
            _onChange(changed);
        }
    }

    private static string? Fingerprint(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                return Convert.ToHexString(SHA256.HashData(bytes));
            }
            finally
            {
                // The key file's bytes hold keys: do not leave them to the garbage collector.
                CryptographicOperations.ZeroMemory(bytes);
            }
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return "unreadable";
        }
        catch (UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private void DisposeWatchers()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        _watchers.Clear();
    }
}
