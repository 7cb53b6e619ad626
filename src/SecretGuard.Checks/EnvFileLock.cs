using System;
using System.IO;
using System.Threading;

namespace SecretGuard.Checks;

/// <summary>
/// An exclusive lock on an env file across processes (parallel builds of a multi-targeted project share one file):
/// a lock file beside it, opened without sharing and deleted on close.
/// </summary>
internal sealed class EnvFileLock : IDisposable
{
    private readonly FileStream _stream;

    private EnvFileLock(FileStream stream) => _stream = stream;

    public static EnvFileLock Acquire(string envFilePath, TimeSpan timeout)
    {
        var full = Path.GetFullPath(envFilePath);
        var lockPath = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".secretguard-lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                return new EnvFileLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
