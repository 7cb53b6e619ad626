using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;
using SecretGuard.Diagnostics;
using SecretGuard.KeyFiles;

namespace SecretGuard.Keys;

/// <summary>
/// A version 2 private key of one environment (docs/formats.md#version-2-public-key-values): a P-256 scalar, held as
/// the platform's <see cref="ECDiffieHellman"/> object, imported once and used for every value it decrypts, with its
/// public point and rid. It knows where it came from; its text forms never show the key. Dispose (or
/// <see cref="Clear"/>) releases it.
/// </summary>
internal sealed class PrivateKey : IDisposable
{
    private readonly ECDiffieHellman _ecdh;
    private readonly byte[] _publicPoint;
    private readonly object _gate = new();

    // Copies of the platform key for threads that find _ecdh in use (an app start decrypting on every core): made once
    // per extra thread, returned after each use, released with the key.
    private readonly ConcurrentBag<ECDiffieHellman> _spares = new();
    private volatile bool _cleared;

    private PrivateKey(string environment, ECDiffieHellman ecdh, byte[] publicPoint, string source)
    {
        Environment = environment;
        _ecdh = ecdh;
        _publicPoint = publicPoint;
        Source = source;
        RecipientId = RecipientKey.RidOf(publicPoint);
    }

    /// <summary>The lower-case environment the key belongs to.</summary>
    public string Environment { get; }

    /// <summary>The rid of its public key: the values it can decrypt name it.</summary>
    public string RecipientId { get; }

    /// <summary>Where the key came from, e.g. <c>the environment variable SECRETGUARD_KEY_PROD</c>.</summary>
    public string Source { get; }

    /// <summary>The public point, 65 bytes <c>04 || X || Y</c>.</summary>
    public ReadOnlySpan<byte> PublicPoint => _publicPoint;

    internal bool IsCleared => _cleared;

    /// <summary>
    /// Imports a scalar (32 bytes big-endian, 1 ≤ d &lt; n); anything else is SG1012 naming <paramref name="source"/>.
    /// The caller's bytes are not zeroed; the copies made here are.
    /// </summary>
    public static PrivateKey FromScalar(string environment, byte[] scalar, string source)
    {
        if (!PrivateKeyText.IsInRange(scalar))
        {
            throw InvalidKey(source);
        }

        var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = (byte[])scalar.Clone() };
        ECDiffieHellman? ecdh = null;
        try
        {
            ecdh = ECDiffieHellman.Create(parameters);
            var q = ecdh.ExportParameters(includePrivateParameters: false).Q;
            var point = new byte[65];
            point[0] = 0x04;
            q.X!.CopyTo(point, 1);
            q.Y!.CopyTo(point, 33);
            return new PrivateKey(environment, ecdh, point, source);
        }
        catch (CryptographicException)
        {
            ecdh?.Dispose();
            throw InvalidKey(source);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Reads <c>sgkey2_...</c> text; anything else is SG1012 naming <paramref name="source"/>, never the text.</summary>
    public static PrivateKey FromText(string environment, string? text, string source)
    {
        if (!PrivateKeyText.TryDecode(text, out var scalar))
        {
            throw InvalidKey(source);
        }

        try
        {
            return FromScalar(environment, scalar, source);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>The public key of this private key.</summary>
    public RecipientKey ToRecipient()
    {
        RecipientKey.TryFromPoint(_publicPoint, Source, out var key);
        return key!;
    }

    /// <summary>
    /// The X coordinate of d·<paramref name="peer"/>, the plain ECDH shared secret. One key object serves every value; the
    /// platform does not promise it is safe to share between threads, so a thread that finds it in use takes a copy of
    /// its own (<see cref="SecretStore.DecryptAhead"/> decrypts on every core).
    /// </summary>
    internal byte[] Agree(ECDiffieHellmanPublicKey peer)
    {
        if (Monitor.TryEnter(_gate))
        {
            try
            {
                ThrowIfCleared();
                return _ecdh.DeriveRawSecretAgreement(peer);
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        var spare = RentSpare();
        try
        {
            return spare.DeriveRawSecretAgreement(peer);
        }
        finally
        {
            ReturnSpare(spare);
        }
    }

    /// <summary>Releases the key (and its copies): unusable afterwards.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _cleared = true;
            _ecdh.Dispose();
            while (_spares.TryTake(out var spare))
            {
                spare.Dispose();
            }
        }
    }

    /// <inheritdoc cref="Clear"/>
    public void Dispose() => Clear();

    private ECDiffieHellman RentSpare()
    {
        if (_spares.TryTake(out var spare))
        {
            return spare;
        }

        lock (_gate)
        {
            ThrowIfCleared();
            var parameters = _ecdh.ExportParameters(includePrivateParameters: true);
            try
            {
                return ECDiffieHellman.Create(parameters);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(parameters.D);
            }
        }
    }

    private void ReturnSpare(ECDiffieHellman spare)
    {
        lock (_gate)
        {
            if (_cleared)
            {
                spare.Dispose();
                return;
            }

            _spares.Add(spare);
        }
    }

    private void ThrowIfCleared()
    {
        if (_cleared)
        {
            throw new ObjectDisposedException(nameof(PrivateKey), "The " + Environment + " private key " + RecipientId + " was released.");
        }
    }

    /// <summary>Names the key; never shows it.</summary>
    public override string ToString() => Environment + " private key " + RecipientId + " (" + Source + ")";

    private static SecretGuardException InvalidKey(string source) =>
        new(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
            "The private key in " + source + " is not a version 2 private key ('" + PrivateKeyText.Prefix +
            "' and 43 base64url characters of a P-256 scalar in range, with no space or line break inside; spaces around it and a final newline are fine).");
}
