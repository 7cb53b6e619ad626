using System;
using System.Security.Cryptography;

namespace SecretGuard.Keys;

/// <summary>
/// The AES-256 key of one environment, derived from a master key (docs/formats.md#2-encrypted-values), with its kid:
/// the first 8 hex characters of SHA-256 of the derived key. Its text form names the environment, kid and source only.
/// </summary>
internal sealed class EnvironmentKey
{
    private readonly byte[] _aesKey;
    private volatile bool _cleared;

    internal EnvironmentKey(string environment, string kid, byte[] aesKey, string source, string cacheKey = "")
    {
        Environment = environment;
        Kid = kid;
        _aesKey = aesKey;
        Source = source;
        CacheKey = cacheKey;
    }

    /// <summary>The lower-case environment name.</summary>
    public string Environment { get; }

    /// <summary>The key id written into every value this key encrypts.</summary>
    public string Kid { get; }

    /// <summary>Where the master key came from.</summary>
    public string Source { get; }

    internal ReadOnlySpan<byte> AesKey => _cleared
        ? throw new ObjectDisposedException(nameof(EnvironmentKey), "The " + Environment + " key " + Kid + " was released (replaced by a reload or disposed) and its bytes were zeroed.")
        : _aesKey;

    // Where KeyDerivation keeps it: environment and master-key fingerprint.
    internal string CacheKey { get; }

    /// <summary>Whether the key bytes were zeroed (the key was released by everything that held it).</summary>
    internal bool IsCleared => _cleared;

    // Tests look at the bytes themselves, to prove they are zero.
    internal ReadOnlySpan<byte> RawBytesForTests => _aesKey;

    internal void Clear()
    {
        _cleared = true;
        CryptographicOperations.ZeroMemory(_aesKey);
    }

    /// <summary>Names the key; never shows it.</summary>
    public override string ToString() => Environment + " key " + Kid + " (" + Source + ")";
}
