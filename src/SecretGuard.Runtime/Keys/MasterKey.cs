using System;
using System.Security.Cryptography;
using SecretGuard.Diagnostics;
using SecretGuard.KeyFiles;

namespace SecretGuard.Keys;

/// <summary>
/// A master key: 32 random bytes, written as standard base64. It knows where it came from (a variable name or a
/// key-file path and line) so errors can point there; its text forms never show the key.
/// </summary>
internal sealed class MasterKey
{
    private readonly byte[] _bytes;
    private volatile bool _cleared;

    private MasterKey(byte[] bytes, string source)
    {
        _bytes = bytes;
        Source = source;
        Fingerprint = Convert.ToHexString(SHA256.HashData(bytes));
    }

    /// <summary>Where the key came from, e.g. <c>SECRETGUARD_KEY_PROD</c> or <c>/repo/secretguard.keys line 3</c>.</summary>
    public string Source { get; }

    // A hash used only to tell keys apart in the derivation cache.
    internal string Fingerprint { get; }

    /// <summary>Makes a new key with the operating system's CSPRNG.</summary>
    public static MasterKey Generate(string source = "generated") => new MasterKey(RandomNumberGenerator.GetBytes(KeyFile.KeyLength), source);

    /// <summary>Wraps 32 key bytes (copied).</summary>
    public static MasterKey FromBytes(byte[] bytes, string source)
    {
        if (bytes is null || bytes.Length != KeyFile.KeyLength)
        {
            throw InvalidKey(source);
        }

        return new MasterKey((byte[])bytes.Clone(), source);
    }

    /// <summary>Reads a key written as standard base64; anything that is not 32 bytes is an error naming <paramref name="source"/>.</summary>
    public static MasterKey FromBase64(string? base64, string source)
    {
        if (!KeyFile.TryDecodeKey(base64, out var bytes))
        {
            throw InvalidKey(source);
        }

        return new MasterKey(bytes, source);
    }

    /// <summary>
    /// The key as standard base64, for tests and benchmarks that write a key file: a string nobody can zero, so the
    /// product never makes one (KeyFile.Set and KeyText write keys through arrays).
    /// </summary>
    public string ToBase64() => Convert.ToBase64String(Bytes);

    internal ReadOnlySpan<byte> Bytes => _cleared
        ? throw new ObjectDisposedException(nameof(MasterKey), "The master key from " + Source + " was zeroed after its derivation.")
        : _bytes;

    internal bool IsCleared => _cleared;

    // Tests look at the bytes themselves, to prove they are zero.
    internal ReadOnlySpan<byte> RawBytesForTests => _bytes;

    /// <summary>Zeroes the key bytes (<see cref="CryptographicOperations.ZeroMemory"/>); the key is unusable afterwards.</summary>
    internal void Clear()
    {
        _cleared = true;
        CryptographicOperations.ZeroMemory(_bytes);
    }

    /// <summary>Names the source; never shows the key.</summary>
    public override string ToString() => "master key from " + Source;

    private static SecretGuardException InvalidKey(string source) =>
        new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
            "The master key in " + source + " is not 32 bytes of standard base64 (44 characters ending in '=', with no space or line break inside; spaces around it and a final newline are fine). Generate one with 'secretguard keygen'.");
}
