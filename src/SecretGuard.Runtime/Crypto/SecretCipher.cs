using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Crypto;

/// <summary>
/// Encrypts and decrypts values in the <c>&lt;ENV&gt;_ENC:v1:&lt;kid&gt;:&lt;payload&gt;</c> format
/// (docs/formats.md#2-encrypted-values): AES-256-GCM, a fresh 12-byte nonce per value, a 16-byte tag, and associated
/// data <c>secretguard:v1|&lt;env&gt;|&lt;KEY NAME&gt;</c> that binds each value to its entry and environment.
/// <see cref="Decrypt(string, string, KeyRing, ValueLocation)"/> reads both versions: version 2 values go to
/// <see cref="PublicKeyCipher"/>.
/// </summary>
internal static class SecretCipher
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encrypts <paramref name="plaintext"/> for the entry <paramref name="keyName"/> with a random nonce.</summary>
    public static string Encrypt(EnvironmentKey key, string keyName, string plaintext)
    {
        Span<byte> nonce = stackalloc byte[EncryptedValue.NonceLength];
        RandomNumberGenerator.Fill(nonce);
        return Encrypt(key, keyName, plaintext, nonce);
    }

    /// <summary>
    /// Encrypts with a given nonce. Only for known-answer vectors: a nonce must never be used twice with one key.
    /// </summary>
    internal static string Encrypt(EnvironmentKey key, string keyName, string plaintext, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        ArgumentNullException.ThrowIfNull(plaintext);
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
                keyName: keyName, environment: key.Environment);
        }

        var payload = new byte[EncryptedValue.NonceLength + plainBytes.Length + EncryptedValue.TagLength];
        nonce.CopyTo(payload);
        using (var aes = new AesGcm(key.AesKey, EncryptedValue.TagLength))
        {
            aes.Encrypt(
                nonce,
                plainBytes,
                payload.AsSpan(EncryptedValue.NonceLength, plainBytes.Length),
                payload.AsSpan(EncryptedValue.NonceLength + plainBytes.Length),
                AssociatedData(key.Environment, keyName));
        }

        CryptographicOperations.ZeroMemory(plainBytes);
        return EncryptedValue.Format(key.Environment, key.Kid, payload);
    }

    /// <summary>
    /// Decrypts a value of the ring's environment, version 1 or 2. Every failure is a <see cref="SecretGuardException"/>:
    /// another environment's prefix (SG1005); a malformed value, a newer version, an unknown kid or rid or a failed
    /// authentication (SG1006); no key at all (SG1012).
    /// </summary>
    public static string Decrypt(string value, string keyName, KeyRing ring, ValueLocation location = default) =>
        Decrypt(value, keyName, ring, location, out _);

    /// <summary>As <see cref="Decrypt(string, string, KeyRing, ValueLocation)"/>, and says which of the ring's keys it took.</summary>
    internal static string Decrypt(string value, string keyName, KeyRing ring, ValueLocation location, out UsedKey usedKey)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        if (!EncryptedValue.TryParse(value, out var parsed, out var problem, out var detail))
        {
            if (problem == EncryptedValueProblem.NotEncrypted)
            {
                throw Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Malformed, keyName, ring.Environment, null, location, "the value is not encrypted");
            }

            if (problem == EncryptedValueProblem.Damaged)
            {
                throw Damaged(keyName, ring.Environment, location);
            }

            if (EncryptedValue.HasEncryptedPrefix(value, out var otherEnvironment) && otherEnvironment != ring.Environment)
            {
                throw WrongEnvironment(keyName, otherEnvironment, ring.Environment, location);
            }

            var reason = problem == EncryptedValueProblem.NewerVersion ? SecretGuardErrorReason.NewerVersion : SecretGuardErrorReason.Malformed;
            throw Fail(DiagnosticIds.Undecryptable, reason, keyName, ring.Environment, null, location, detail);
        }

        if (parsed!.Environment != ring.Environment)
        {
            throw WrongEnvironment(keyName, parsed.Environment, ring.Environment, location);
        }

        if (parsed.Version == 2)
        {
            return PublicKeyCipher.Decrypt(parsed, keyName, ring, location, out usedKey);
        }

        var key = ring.FindByKid(parsed.Kid);
        if (key is null)
        {
            if (!ring.HasAnyKey)
            {
                throw Fail(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.MissingKey, keyName, ring.Environment, parsed.Kid, location,
                    "no master key for " + ring.Environment + " was found: " + ring.WhereToPutKey);
            }

            var available = string.Join(", ", ring.Slots().Select(k => k.Id + " (" + k.Source + ")"));
            throw Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.UnknownKid, keyName, ring.Environment, parsed.Kid, location,
                "the value needs key " + parsed.Kid + "; keys available for " + ring.Environment + ": " + available +
                ". It was encrypted with another master key: get that key, or re-encrypt the value with the current one");
        }

        usedKey = new UsedKey(key.Kid, !ReferenceEquals(key, ring.Current));
        return DecryptWith(key, parsed, keyName, location);
    }

    internal static string DecryptWith(EnvironmentKey key, EncryptedValue parsed, string keyName, ValueLocation location)
    {
        var payload = parsed.Payload;
        var plainBytes = new byte[parsed.CiphertextLength];
        try
        {
            using var aes = new AesGcm(key.AesKey, EncryptedValue.TagLength);
            aes.Decrypt(
                payload.AsSpan(0, EncryptedValue.NonceLength),
                payload.AsSpan(EncryptedValue.NonceLength, plainBytes.Length),
                payload.AsSpan(EncryptedValue.NonceLength + plainBytes.Length),
                plainBytes,
                AssociatedData(key.Environment, keyName));
        }
        catch (CryptographicException)
        {
            throw Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Tampered, keyName, key.Environment, parsed.Kid, location,
                "the value failed authentication: it was changed, copied from another entry or environment, or encrypted with a different key");
        }

        try
        {
            return StrictUtf8.GetString(plainBytes);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Malformed, keyName, key.Environment, parsed.Kid, location,
                "the decrypted value is not valid UTF-8; it was not written by SecretGuard");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plainBytes);
        }
    }

    /// <summary>UTF-8 <c>secretguard:v1|&lt;env&gt;|&lt;KEY NAME&gt;</c>.</summary>
    internal static byte[] AssociatedData(string environment, string keyName) =>
        Encoding.UTF8.GetBytes("secretguard:v1|" + environment + "|" + keyName);

    /// <summary>
    /// The error for a damaged value (docs/formats.md#recognising-an-encrypted-value): it looks encrypted but is not in the
    /// exact form. No key could read it, so it needs none.
    /// </summary>
    internal static SecretGuardException Damaged(string keyName, string environment, ValueLocation location) =>
        Fail(DiagnosticIds.Undecryptable, SecretGuardErrorReason.Malformed, keyName, environment, null, location, EncryptedValue.DamagedDetail);

    private static SecretGuardException WrongEnvironment(string keyName, string valueEnvironment, string activeEnvironment, ValueLocation location) =>
        Fail(DiagnosticIds.WrongEnvironment, SecretGuardErrorReason.WrongEnvironment, keyName, activeEnvironment, null, location,
            "the value is encrypted for " + valueEnvironment + " but the active environment is " + activeEnvironment +
            ": encrypt it for " + activeEnvironment + ", or run with SECRETGUARD_ENVIRONMENT=" + valueEnvironment);

    internal static SecretGuardException Fail(string code, SecretGuardErrorReason reason, string keyName, string environment, string? kid, ValueLocation location, string what) =>
        new(code, reason, location.Describe(keyName) + ": " + what + ".", detail: what, keyName, environment, kid, location.FilePath, location.Line == 0 ? null : location.Line);
}
