using System;
using System.IO;

namespace SecretGuard.IO
{
    /// <summary>Replaces a file's contents all at once: write a temporary file beside it, flush it to disk, rename it over.</summary>
    public static class AtomicFile
    {
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
