using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SecretGuard.IO;

/// <summary>
/// Replaces a file's contents all at once: write a temporary file beside it, flush it to disk, rename it over. A path that
/// is a symbolic link is followed (<see cref="FileLinks"/>): the file it points at is replaced, and the link stays.
/// </summary>
internal static class AtomicFile
{
    // File.GetUnixFileMode/SetUnixFileMode exist from .NET 7 on; this assembly targets netstandard2.0, so they are found at run time.
    private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
    private static readonly MethodInfo? SetUnixFileMode =
        GetUnixFileMode is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetUnixFileMode.ReturnType });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        using var prepared = Prepare(path, bytes);
        prepared.Commit();
    }

    /// <summary>
    /// The first half of <see cref="WriteAllBytes"/>: writes the new contents to a temporary file beside
    /// <paramref name="path"/>, or beside the file it links to (with the target's permissions, flushed to disk), and leaves
    /// the target untouched until <see cref="PreparedFile.Commit"/>. Lets a caller stage several files and replace them only when all are ready.
    /// Disposing an uncommitted file deletes the temporary file.
    /// </summary>
    public static PreparedFile Prepare(string path, byte[] bytes)
    {
        // A link is followed: the file it points at is replaced, in its own folder, and the link stays a link.
        var fullPath = FileLinks.ResolveForWriting(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no folder.", nameof(path));
        var name = Path.GetFileName(fullPath);
        DeleteStaleTemps(directory, name);
        var temp = Path.Combine(directory, TempName(name, Guid.NewGuid().ToString("N").Substring(0, 8)));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // Before any byte is written: the replacement keeps the target's permissions (a 0600 key file stays 0600).
                CopyUnixFileMode(fullPath, temp);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        CrashPoints.Reached("temp written for", fullPath);
        return new PreparedFile(fullPath, temp);
    }

    /// <summary>
    /// How long a temporary file of ours may sit beside its target before the next write of that target deletes it
    /// as a crash leftover. A writer holds its temp only from <see cref="Prepare"/> to the rename (milliseconds; seconds
    /// for a rotation that stages several files), so a temp this old belongs to a writer that is gone (killed, crashed,
    /// power lost). The margin is wide on purpose: deleting a living writer's temp would fail its save.
    /// </summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The temporary file's name for <paramref name="fileName"/>: <c>&lt;name&gt;.&lt;8 hex&gt;.tmp</c>, so that an ignore
    /// rule <c>&lt;name&gt;.*</c> (what <c>secretguard init</c> writes for <c>secretguard.keys</c>) covers a temp copy of the
    /// key file. A dot-file (<c>.env.dev</c>) keeps a leading dot (<c>..env.dev.&lt;8 hex&gt;.tmp</c>), so that no
    /// <c>.env.*</c> pattern (the package's AdditionalFiles, env-file discovery) ever takes a temp for an env file.
    /// </summary>
    internal static string TempName(string fileName, string hex) =>
        (fileName.StartsWith(".", StringComparison.Ordinal) ? "." : string.Empty) + fileName + "." + hex + ".tmp";

    /// <summary>
    /// Whether <paramref name="candidate"/> is a temporary file name this class uses (or used before temps of non-dot
    /// files were renamed: <c>.&lt;name&gt;.&lt;8 hex&gt;.tmp</c>) for a target named <paramref name="fileName"/>.
    /// </summary>
    internal static bool IsTempNameOf(string candidate, string fileName) =>
        Regex.IsMatch(candidate, "^\\.?" + Regex.Escape(fileName) + "\\.[0-9a-f]{8}\\.tmp$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Deletes our temps of <paramref name="fileName"/> in <paramref name="directory"/> that are older than
    /// <see cref="StaleAfter"/>: leftovers of a writer that died between writing its temp and renaming it. Without this a
    /// temp copy of the key file (every master key) would stay on disk for good. Best effort: a file that cannot be
    /// listed or deleted is left alone (the build's key-file hygiene check still reports a leftover key-file copy).
    /// </summary>
    internal static void DeleteStaleTemps(string directory, string fileName) => DeleteTemps(directory, fileName, StaleAfter);

    /// <summary>
    /// Deletes our temps of <paramref name="fileName"/> in <paramref name="directory"/> last written more than
    /// <paramref name="olderThan"/> ago; <see cref="TimeSpan.Zero"/> deletes all of them. Only a writer that holds the
    /// file's write lock may pass zero: every writer of a key file or env file holds it while its temp exists, so a temp
    /// found then belongs to a writer that is gone. Best effort, like <see cref="DeleteStaleTemps"/>.
    /// </summary>
    internal static void DeleteTemps(string directory, string fileName, TimeSpan olderThan)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, "*" + fileName + ".*.tmp");
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return;
        }

        var limit = DateTime.UtcNow - olderThan;
        foreach (var candidate in candidates)
        {
            try
            {
                if (IsTempNameOf(Path.GetFileName(candidate), fileName) && (olderThan <= TimeSpan.Zero || File.GetLastWriteTimeUtc(candidate) < limit))
                {
                    TryDelete(candidate);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>New contents staged beside their target by <see cref="Prepare"/>, not yet in place.</summary>
    public sealed class PreparedFile : IDisposable
    {
        private bool _done;

        internal PreparedFile(string targetPath, string tempPath)
        {
            TargetPath = targetPath;
            TempPath = tempPath;
        }

        /// <summary>The file that <see cref="Commit"/> replaces.</summary>
        public string TargetPath { get; }

        /// <summary>The temporary file holding the new contents.</summary>
        public string TempPath { get; }

        /// <summary>Renames the temporary file over the target: the target has its old contents or its new ones, never a mix.</summary>
        public void Commit()
        {
            if (_done)
            {
                throw new InvalidOperationException("The file was already committed or discarded.");
            }

            try
            {
                if (File.Exists(TargetPath))
                {
                    // Same-folder rename: atomic on every file system .NET supports.
                    File.Replace(TempPath, TargetPath, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(TempPath, TargetPath);
                }
            }
            catch
            {
                Dispose();
                throw;
            }

            _done = true;
            CrashPoints.Reached("renamed into place", TargetPath);
        }

        /// <summary>Deletes the temporary file unless it was committed.</summary>
        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                TryDelete(TempPath);
            }
        }
    }

    private static void CopyUnixFileMode(string from, string to)
    {
        if (GetUnixFileMode is null || SetUnixFileMode is null || RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !File.Exists(from))
        {
            return;
        }

        try
        {
            SetUnixFileMode.Invoke(null, new[] { to, GetUnixFileMode.Invoke(null, new object[] { from }) });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
