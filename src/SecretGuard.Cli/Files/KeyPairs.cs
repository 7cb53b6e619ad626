using System;
using System.Security.Cryptography;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Files;

/// <summary>
/// A fresh version 2 key pair (docs/formats.md#version-2-public-key-values): a P-256 scalar from the operating system's
/// CSPRNG (through the platform's key generation) and its public key. The scalar is zeroed when the pair is disposed
/// (<c>using var pair = KeyPairs.New("prod");</c>); it is printed with <see cref="PrivateKeyText.WriteLine"/> or written
/// with <see cref="KeyFile.SetPrivateKey"/>, never held in a string.
/// </summary>
internal sealed class KeyPairs : IDisposable
{
    private KeyPairs(byte[] scalar, RecipientKey publicKey)
    {
        Scalar = scalar;
        PublicKey = publicKey;
    }

    /// <summary>The private scalar, 32 bytes big-endian; all zero after <see cref="Dispose"/>.</summary>
    public byte[] Scalar { get; }

    /// <summary>The public key (nothing secret).</summary>
    public RecipientKey PublicKey { get; }

    /// <summary>The rid that names the pair in values and messages.</summary>
    public string RecipientId => PublicKey.RecipientId;

    /// <summary>Makes a pair for <paramref name="environment"/>.</summary>
    public static KeyPairs New(string environment)
    {
        using var ecdh = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdh.ExportParameters(includePrivateParameters: true);
        var scalar = new byte[PrivateKeyText.KeyLength];
        try
        {
            // The platform pads D to the curve's size; copied right-aligned all the same.
            var d = parameters.D!;
            d.AsSpan().CopyTo(scalar.AsSpan(PrivateKeyText.KeyLength - d.Length));
            using var privateKey = PrivateKey.FromScalar(environment, scalar, "the new " + environment + " key");
            return new KeyPairs(scalar, privateKey.ToRecipient());
        }
        catch
        {
            CryptographicOperations.ZeroMemory(scalar);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Zeroes the scalar.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(Scalar);
}
