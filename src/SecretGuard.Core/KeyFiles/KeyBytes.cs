using System;

namespace SecretGuard.KeyFiles;

/// <summary>
/// Master-key bytes whose holder owns them: <see cref="Dispose"/> zeroes them, so <c>using var key = ...</c> keeps a
/// key from outliving its use in memory (docs/operations.md#memory-hygiene).
/// </summary>
internal sealed class KeyBytes : IDisposable
{
    /// <summary>Takes ownership of <paramref name="bytes"/>: they are zeroed on dispose.</summary>
    public KeyBytes(byte[] bytes)
    {
        Bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
    }

    /// <summary>The key bytes; all zero after <see cref="Dispose"/>.</summary>
    public byte[] Bytes { get; }

    /// <summary>Zeroes the bytes.</summary>
    public void Dispose() => Array.Clear(Bytes, 0, Bytes.Length);
}
