using System;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace SecretGuard.IO
{
    /// <summary>Replaces a file's contents all at once: write a temporary file beside it, flush it to disk, rename it over.</summary>
    public static class AtomicFile
    {
        // File.GetUnixFileMode/SetUnixFileMode exist from .NET 7 on; this assembly targets netstandard2.0, so they are found at run time.
        private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly MethodInfo? SetUnixFileMode =
            GetUnixFileMode is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetUnixFileMode.ReturnType });

        /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            var fullPath = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no folder.", nameof(path));
            var temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Before any byte is written: the replacement keeps the target's permissions (a 0600 key file stays 0600).
                    CopyUnixFileMode(fullPath, temp);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(fullPath))
                {
                    // Same-folder rename: atomic on every file system .NET supports.
                    File.Replace(temp, fullPath, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temp, fullPath);
                }
            }
            catch
            {
                TryDelete(temp);
                throw;
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
}
