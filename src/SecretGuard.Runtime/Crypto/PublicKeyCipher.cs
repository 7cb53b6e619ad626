using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Crypto;

/// <summary>
/// Version 2 values, <c>&lt;ENV&gt;_ENC:v2:&lt;rids&gt;:&lt;payload&gt;</c> (docs/formats.md#version-2-public-key-values):
/// a fresh ephemeral P-256 key per value, ECDH with each recipient's public key, HKDF-SHA256 to a key-encryption key
/// that wraps a fresh content key with AES-256-GCM, and the value under the content key with AES-256-GCM. Associated
/// data <c>secretguard:v2|&lt;env&gt;|&lt;KEY NAME&gt;|&lt;rids&gt;</c> binds each value to its entry, environment and
/// recipients. Encrypting needs only public keys; decrypting needs one of the recipients' private keys.
/// </summary>
internal static class PublicKeyCipher
{
    private const int ContentKeyLength = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] WrapInfo = Encoding.ASCII.GetBytes("secretguard:v2:wrap");

    // The nonce of every wrap: each key-encryption key comes from a fresh ephemeral key and encrypts one message.
    private static readonly byte[] WrapNonce = new byte[EncryptedValue.NonceLength];

    /// <summary>Encrypts <paramref name="plaintext"/> for the entry <paramref name="keyName"/> to every recipient, in their order.</summary>
    public static string Encrypt(string environment, string keyName, string plaintext, IReadOnlyList<RecipientKey> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var contentKey = RandomNumberGenerator.GetBytes(ContentKeyLength);
        Span<byte> nonce = stackalloc byte[EncryptedValue.NonceLength];
        RandomNumberGenerator.Fill(nonce);
        try
        {
            return Encrypt(environment, keyName, plaintext, recipients, ephemeral, contentKey, nonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>
    /// Encrypts with a given ephemeral private key, content key and nonce. Only for known-answer vectors: each of them
    /// must never serve two values.
    /// </summary>
    internal static string Encrypt(string environment, string keyName, string plaintext, IReadOnlyList<RecipientKey> recipients,
        ReadOnlySpan<byte> ephemeralScalar, ReadOnlySpan<byte> contentKey, ReadOnlySpan<byte> nonce)
    {
        using var ephemeral = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = ephemeralScalar.ToArray() });
        return Encrypt(environment, keyName, plaintext, recipients, ephemeral, contentKey, nonce);
    }

    /// <summary>
    /// Decrypts a parsed version 2 value of the ring's environment with the ring's private keys. Every failure is a
    /// <see cref="SecretGuardException"/> that never shows the value: no private key of the value's recipients (SG1006
    /// unknown key, or SG1012 when the ring has no key at all; both say who can decrypt), a point off the curve or a
    /// failed authentication (SG1006).
    /// </summary>
    internal static string Decrypt(EncryptedValue parsed, string keyName, KeyRing ring, ValueLocation location, out UsedKey usedKey)
    {
        if (!P256.IsOnCurve(parsed.Payload.AsSpan(0, EncryptedValue.PointLength)))
        {
            throw SecretCipher.Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Malformed, keyName, ring.Environment, parsed.Kid, location, NotOnCurveDetail);
        }

        var key = ring.FindByRecipients(parsed.RecipientIds, out var index);
        if (key is null)
        {
            throw NoKeyOfTheRecipients(parsed, keyName, ring, location);
        }

        usedKey = new UsedKey(key.RecipientId, !ReferenceEquals(key, ring.CurrentPrivateKey));
        var payload = parsed.Payload;
        var associatedData = AssociatedData(parsed.Environment, keyName, parsed.Kid);
        var contentKey = new byte[ContentKeyLength];
        var plainBytes = new byte[parsed.CiphertextLength];
        byte[]? kek = null;
        try
        {
            using (var ephemeral = ECDiffieHellman.Create(RecipientKey.ToParameters(payload.AsSpan(0, EncryptedValue.PointLength))))
            {
                var shared = key.Agree(ephemeral.PublicKey);
                kek = KeyEncryptionKey(shared, payload.AsSpan(0, EncryptedValue.PointLength), key.PublicPoint);
                CryptographicOperations.ZeroMemory(shared);
            }

            var wrap = payload.AsSpan(EncryptedValue.PointLength + EncryptedValue.WrapLength * index, EncryptedValue.WrapLength);
            using (var aes = new AesGcm(kek, EncryptedValue.TagLength))
            {
                aes.Decrypt(WrapNonce, wrap.Slice(0, ContentKeyLength), wrap.Slice(ContentKeyLength), contentKey, associatedData);
            }

            var content = parsed.ContentOffset;
            using (var aes = new AesGcm(contentKey, EncryptedValue.TagLength))
            {
                aes.Decrypt(
                    payload.AsSpan(content, EncryptedValue.NonceLength),
                    payload.AsSpan(content + EncryptedValue.NonceLength, plainBytes.Length),
                    payload.AsSpan(content + EncryptedValue.NonceLength + plainBytes.Length),
                    plainBytes,
                    associatedData);
            }
        }
        catch (CryptographicException)
        {
            throw SecretCipher.Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Tampered, keyName, ring.Environment, parsed.Kid, location,
                "the value failed authentication: it was changed (its recipients, a wrapped key, the ephemeral key or the ciphertext), or copied from another entry or environment");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
            if (kek is not null)
            {
                CryptographicOperations.ZeroMemory(kek);
            }
        }

        try
        {
            return StrictUtf8.GetString(plainBytes);
        }
        catch (DecoderFallbackException)
        {
            throw SecretCipher.Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Malformed, keyName, ring.Environment, parsed.Kid, location,
                "the decrypted value is not valid UTF-8; it was not written by SecretGuard");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBytes);
        }
    }

    /// <summary>What is wrong with a value whose ephemeral key is not a point of P-256 (decryption step 1).</summary>
    internal const string NotOnCurveDetail = "the ephemeral public key is not a point of P-256 (the value was changed or damaged)";

    /// <summary>
    /// The structure checks of decryption step 1 that need no key, the curve check included: null when the parsed
    /// value passes them, else what is wrong (for a reader without a private key, such as a Verify-mode build).
    /// </summary>
    internal static string? CheckStructure(EncryptedValue parsed) =>
        parsed.Version == 2 && !P256.IsOnCurve(parsed.Payload.AsSpan(0, EncryptedValue.PointLength)) ? NotOnCurveDetail : null;

    /// <summary>UTF-8 <c>secretguard:v2|&lt;env&gt;|&lt;KEY NAME&gt;|&lt;rids&gt;</c>.</summary>
    internal static byte[] AssociatedData(string environment, string keyName, string recipientIds) =>
        Encoding.UTF8.GetBytes("secretguard:v2|" + environment + "|" + keyName + "|" + recipientIds);

    /// <summary>
    /// Who can decrypt a value: its rids, each with the recipients-file line that lists it when the file is found and
    /// readable ("42698894 (secretguard.recipients(3): prod)").
    /// </summary>
    internal static string DescribeRecipients(IReadOnlyList<string> recipientIds, string environment, KeyLookupOptions? lookup)
    {
        RecipientsFile? file = null;
        try
        {
            var path = lookup is null ? null : RecipientsFile.Find(lookup.RecipientsFilePath, lookup.SearchDirectories);
            file = path is null ? null : RecipientsFile.Load(path);
        }
        catch (Exception ex) when (ex is SecretGuardException or System.IO.IOException or UnauthorizedAccessException)
        {
            // Only a help for the message: without the file the rids alone still say who can decrypt.
        }

        return string.Join(", ", recipientIds.Select(rid =>
        {
            var line = file?.FindRecipient(environment, rid);
            return line is null ? rid : rid + " (" + file!.FilePath + "(" + line.Line + "): " + line.Environment + ")";
        }));
    }

    private static string Encrypt(string environment, string keyName, string plaintext, IReadOnlyList<RecipientKey> recipients,
        ECDiffieHellman ephemeral, ReadOnlySpan<byte> contentKey, ReadOnlySpan<byte> nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        ArgumentNullException.ThrowIfNull(plaintext);
        Environments.EnvironmentName.Validate(environment, nameof(environment));
        if (recipients.Count is < 1 or > EncryptedValue.MaxRecipients)
        {
            throw new ArgumentException("A version 2 value has 1 to " + EncryptedValue.MaxRecipients + " recipients.", nameof(recipients));
        }

        byte[] plainBytes;
        try
        {
            plainBytes = StrictUtf8.GetBytes(plaintext);
        }
        catch (EncoderFallbackException)
        {
            // The framework's message quotes the offending character: never pass it on.
            throw new SecretGuardException(DiagnosticIds.Undecryptable, SecretGuardErrorReason.InvalidText,
                "The value of " + keyName + " is not valid Unicode (it holds an unpaired surrogate) and cannot be encrypted as UTF-8.",
                keyName: keyName, environment: environment);
        }

        var recipientIds = string.Join("-", recipients.Select(r => r.RecipientId));
        var associatedData = AssociatedData(environment, keyName, recipientIds);
        var k = recipients.Count;
        var payload = new byte[EncryptedValue.PointLength + EncryptedValue.WrapLength * k + EncryptedValue.NonceLength + plainBytes.Length + EncryptedValue.TagLength];
        var q = ephemeral.ExportParameters(includePrivateParameters: false).Q;
        payload[0] = 0x04;
        q.X!.CopyTo(payload, 1);
        q.Y!.CopyTo(payload, 33);
        var ephemeralPoint = payload.AsSpan(0, EncryptedValue.PointLength);
        try
        {
            for (var i = 0; i < k; i++)
            {
                var shared = ephemeral.DeriveRawSecretAgreement(recipients[i].PlatformKey);
                var kek = KeyEncryptionKey(shared, ephemeralPoint, recipients[i].Point);
                CryptographicOperations.ZeroMemory(shared);
                var wrap = payload.AsSpan(EncryptedValue.PointLength + EncryptedValue.WrapLength * i, EncryptedValue.WrapLength);
                using (var aes = new AesGcm(kek, EncryptedValue.TagLength))
                {
                    aes.Encrypt(WrapNonce, contentKey, wrap.Slice(0, ContentKeyLength), wrap.Slice(ContentKeyLength), associatedData);
                }

                CryptographicOperations.ZeroMemory(kek);
            }

            var content = EncryptedValue.PointLength + EncryptedValue.WrapLength * k;
            nonce.CopyTo(payload.AsSpan(content));
            using (var aes = new AesGcm(contentKey, EncryptedValue.TagLength))
            {
                aes.Encrypt(
                    nonce,
                    plainBytes,
                    payload.AsSpan(content + EncryptedValue.NonceLength, plainBytes.Length),
                    payload.AsSpan(content + EncryptedValue.NonceLength + plainBytes.Length),
                    associatedData);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBytes);
        }

        return EncryptedValue.FormatPublicKeyValue(environment, recipientIds, payload);
    }

    // KEK = HKDF-SHA256(IKM = Z, salt = E || P, info = "secretguard:v2:wrap", L = 32).
    private static byte[] KeyEncryptionKey(byte[] shared, ReadOnlySpan<byte> ephemeralPoint, ReadOnlySpan<byte> recipientPoint)
    {
        Span<byte> salt = stackalloc byte[EncryptedValue.PointLength * 2];
        ephemeralPoint.CopyTo(salt);
        recipientPoint.CopyTo(salt.Slice(EncryptedValue.PointLength));
        var kek = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, kek, salt, WrapInfo);
        return kek;
    }

    private static SecretGuardException NoKeyOfTheRecipients(EncryptedValue parsed, string keyName, KeyRing ring, ValueLocation location)
    {
        var who = DescribeRecipients(parsed.RecipientIds, ring.Environment, ring.Lookup);
        if (!ring.HasAnyKey)
        {
            return SecretCipher.Fail(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.MissingKey, keyName, ring.Environment, parsed.Kid, location,
                "no key for " + ring.Environment + " was found, and this version 2 value can be decrypted only with the private key of one of its recipients, " + who +
                ": " + ring.WhereToPutKey.Replace("<key>", "sgkey2_...", StringComparison.Ordinal));
        }

        var available = string.Join(", ", ring.Slots().Select(s => s.Id + " (" + s.Source + ")"));
        return SecretCipher.Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.UnknownKid, keyName, ring.Environment, parsed.Kid, location,
            "the value can be decrypted only with the private key of one of its recipients, " + who + "; keys available for " + ring.Environment + ": " + available +
            ". Get one of those private keys (whoever holds it can read the value), or have the value encrypted again to a public key whose private key you hold");
    }
}
