using System;
using System.Collections.Generic;

namespace SecretGuard.Encryption;

/// <summary>
/// The envelope of an encrypted value, <c>&lt;ENV&gt;_ENC:v1:&lt;kid&gt;:&lt;payload&gt;</c>
/// (docs/formats.md#2-encrypted-values) or <c>&lt;ENV&gt;_ENC:v2:&lt;rids&gt;:&lt;payload&gt;</c>
/// (docs/formats.md#version-2-public-key-values), read strictly. This type only reads the structure; decryption, and
/// the one check that needs curve arithmetic (the ephemeral key is a point of P-256), live in SecretGuard.Runtime.
/// </summary>
internal sealed class EncryptedValue
{
    /// <summary>The version tag of symmetric values (a master key per environment).</summary>
    public const string CurrentVersion = "v1";

    /// <summary>The version tag of public-key values.</summary>
    public const string PublicKeyVersion = "v2";

    /// <summary>Length of a v2 ephemeral public key: the uncompressed SEC 1 point <c>04 || X || Y</c>.</summary>
    public const int PointLength = 65;

    /// <summary>Length of a v2 wrapped content key: 32 bytes of AES-GCM ciphertext and its 16-byte tag.</summary>
    public const int WrapLength = 48;

    /// <summary>The most recipients a v2 value may have.</summary>
    public const int MaxRecipients = 8;

    /// <summary>The shortest v2 payload, for one recipient and an empty plaintext: 65 + 48 + 12 + 16 bytes.</summary>
    public const int ShortestPublicKeyPayload = PointLength + WrapLength + NonceLength + TagLength;

    /// <summary>Nonce length in bytes.</summary>
    public const int NonceLength = 12;

    /// <summary>Authentication tag length in bytes.</summary>
    public const int TagLength = 16;

    /// <summary>Length of a kid in hex characters.</summary>
    public const int KidLength = 8;

    /// <summary>What is wrong with a damaged value, in words that never quote it.</summary>
    public const string DamagedDetail =
        "the value looks encrypted but is not in the exact form <ENV>_ENC:v1:<kid>:<payload> or <ENV>_ENC:v2:<rids>:<payload> (the environment in upper case): " +
        "its prefix was changed or damaged, so it is never read as plaintext nor encrypted again; restore it from version control, " +
        "or replace it with the plaintext";

    private const string PrefixMarker = "_ENC:";

    private EncryptedValue(string environment, int version, string kid, string[] recipientIds, byte[] payload)
    {
        Environment = environment;
        Version = version;
        Kid = kid;
        RecipientIds = recipientIds;
        Payload = payload;
    }

    /// <summary>The lower-case environment the value was encrypted for.</summary>
    public string Environment { get; }

    /// <summary>The format version: 1 (a master key's kid) or 2 (public keys' rids).</summary>
    public int Version { get; }

    /// <summary>
    /// The key field as written: for version 1 the kid of the master key that encrypted it (8 lower-case hex
    /// characters), for version 2 the <c>&lt;rids&gt;</c> field (rids joined by <c>-</c>), which is also part of the
    /// associated data.
    /// </summary>
    public string Kid { get; }

    /// <summary>Version 2: the recipients' rids, in the order of their wrapped keys. Version 1: empty.</summary>
    public IReadOnlyList<string> RecipientIds { get; }

    /// <summary>
    /// Version 1: <c>nonce(12) || ciphertext || tag(16)</c>. Version 2:
    /// <c>E(65) || W1(48) || … || Wk(48) || N(12) || C || T(16)</c>.
    /// </summary>
    public byte[] Payload { get; }

    /// <summary>Length of the encrypted plaintext in bytes.</summary>
    public int CiphertextLength => Payload.Length - ContentOffset - NonceLength - TagLength;

    /// <summary>Where the content nonce starts in <see cref="Payload"/>: 0 in version 1, after E and the wraps in version 2.</summary>
    public int ContentOffset => Version == 1 ? 0 : PointLength + WrapLength * RecipientIds.Count;

    /// <summary>
    /// Whether the text starts with some environment's prefix (<c>[A-Z][A-Z0-9]*_ENC:</c>), i.e. claims to be
    /// encrypted, and for which environment (lower-case).
    /// </summary>
    public static bool HasEncryptedPrefix(string? text, out string environment)
    {
        environment = string.Empty;
        if (text is null)
        {
            return false;
        }

        var marker = text.IndexOf(PrefixMarker, StringComparison.Ordinal);
        if (marker < 1 || text[0] < 'A' || text[0] > 'Z')
        {
            return false;
        }

        for (var i = 1; i < marker; i++)
        {
            var c = text[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        environment = Environments.EnvironmentName.ToLowerAscii(text.Substring(0, marker));
        return true;
    }

    /// <summary>Whether the text starts with some environment's prefix.</summary>
    public static bool HasEncryptedPrefix(string? text) => HasEncryptedPrefix(text, out _);

    /// <summary>
    /// Reads an encrypted value strictly. On failure <paramref name="problem"/> says why and
    /// <paramref name="detail"/> says what is wrong in words that never quote the value.
    /// </summary>
    public static bool TryParse(string? text, out EncryptedValue? value, out EncryptedValueProblem problem, out string detail)
    {
        value = null;
        if (!HasEncryptedPrefix(text, out var environment))
        {
            if (EncryptedValueRecognition.IsDamaged(text))
            {
                problem = EncryptedValueProblem.Damaged;
                detail = DamagedDetail;
                return false;
            }

            problem = EncryptedValueProblem.NotEncrypted;
            detail = "the value is not encrypted";
            return false;
        }

        var rest = text!.Substring(text.IndexOf(PrefixMarker, StringComparison.Ordinal) + PrefixMarker.Length);
        var parts = rest.Split(':');
        var version = parts[0];
        if (version == PublicKeyVersion)
        {
            return TryParsePublicKeyValue(environment, parts, out value, out problem, out detail);
        }

        if (version != CurrentVersion)
        {
            if (IsVersionToken(version))
            {
                problem = EncryptedValueProblem.NewerVersion;
                detail = "the value has format version '" + version + "', which a newer SecretGuard wrote; upgrade SecretGuard to read it";
            }
            else
            {
                problem = EncryptedValueProblem.Malformed;
                detail = "the value has no format version after the prefix (expected " + EnvironmentsPrefix(environment) + "v1:<kid>:<payload> or " +
                    EnvironmentsPrefix(environment) + "v2:<rids>:<payload>)";
            }

            return false;
        }

        problem = EncryptedValueProblem.Malformed;
        if (parts.Length != 3)
        {
            detail = "the value does not have the form " + EnvironmentsPrefix(environment) + "v1:<kid>:<payload>";
            return false;
        }

        var kid = parts[1];
        if (!IsKid(kid))
        {
            detail = "the key id must be 8 lower-case hex characters";
            return false;
        }

        if (!Base64Url.TryDecode(parts[2], out var payload))
        {
            detail = "the payload is not unpadded base64url (it may have been cut, wrapped or edited)";
            return false;
        }

        if (payload.Length < NonceLength + TagLength)
        {
            detail = "the payload is too short to hold a 12-byte nonce and a 16-byte tag (it may have been cut)";
            return false;
        }

        value = new EncryptedValue(environment, 1, kid, Array.Empty<string>(), payload);
        problem = EncryptedValueProblem.None;
        detail = string.Empty;
        return true;
    }

    // docs/formats.md#version-2-public-key-values, decryption step 1, all but the curve check (SecretGuard.Runtime's).
    private static bool TryParsePublicKeyValue(string environment, string[] parts, out EncryptedValue? value, out EncryptedValueProblem problem, out string detail)
    {
        value = null;
        problem = EncryptedValueProblem.Malformed;
        if (parts.Length != 3)
        {
            detail = "the value does not have the form " + EnvironmentsPrefix(environment) + "v2:<rids>:<payload>";
            return false;
        }

        if (!TryReadRecipientIds(parts[1], out var rids, out detail))
        {
            return false;
        }

        if (!Base64Url.TryDecode(parts[2], out var payload))
        {
            detail = "the payload is not unpadded base64url (it may have been cut, wrapped or edited)";
            return false;
        }

        var shortest = ShortestPublicKeyPayload + WrapLength * (rids.Length - 1);
        if (payload.Length < shortest)
        {
            detail = "the payload is too short for " + rids.Length + (rids.Length == 1 ? " recipient" : " recipients") + " (at least " + shortest +
                " bytes: an ephemeral key, a wrapped key per recipient, a nonce and a tag; it may have been cut)";
            return false;
        }

        if (payload[0] != 0x04)
        {
            detail = "the ephemeral public key is not an uncompressed P-256 point (its first byte must be 04)";
            return false;
        }

        value = new EncryptedValue(environment, 2, parts[1], rids, payload);
        problem = EncryptedValueProblem.None;
        detail = string.Empty;
        return true;
    }

    /// <summary>
    /// Reads a <c>&lt;rids&gt;</c> field: 1 to 8 distinct rids (8 lower-case hex characters each) joined by single
    /// hyphens. <paramref name="detail"/> says what is wrong, never quoting the field.
    /// </summary>
    public static bool TryReadRecipientIds(string field, out string[] rids, out string detail)
    {
        rids = Array.Empty<string>();
        var groups = field.Split('-');
        if (groups.Length > MaxRecipients)
        {
            detail = "the value names " + groups.Length + " recipients; at most " + MaxRecipients + " are allowed";
            return false;
        }

        foreach (var group in groups)
        {
            if (!IsKid(group))
            {
                detail = "the recipients must be 1 to " + MaxRecipients + " key ids of 8 lower-case hex characters joined by single hyphens";
                return false;
            }
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (Array.IndexOf(groups, groups[i], 0, i) >= 0)
            {
                detail = "the recipient " + groups[i] + " is named twice";
                return false;
            }
        }

        rids = groups;
        detail = string.Empty;
        return true;
    }

    /// <summary>
    /// Writes a version 2 envelope: <c>&lt;ENV&gt;_ENC:v2:&lt;rids&gt;:&lt;base64url(payload)&gt;</c>, with
    /// <paramref name="recipientIds"/> the rids field as written (it is part of the associated data).
    /// </summary>
    public static string FormatPublicKeyValue(string environment, string recipientIds, byte[] payload)
    {
        if (!TryReadRecipientIds(recipientIds, out var rids, out var detail))
        {
            throw new ArgumentException(detail, nameof(recipientIds));
        }

        if (payload is null || payload.Length < ShortestPublicKeyPayload + WrapLength * (rids.Length - 1) || payload[0] != 0x04)
        {
            throw new ArgumentException("A version 2 payload holds an ephemeral point, a wrap per recipient, a nonce and a tag.", nameof(payload));
        }

        return Environments.EnvironmentName.ToPrefix(environment) + PublicKeyVersion + ":" + recipientIds + ":" + Base64Url.Encode(payload);
    }

    /// <summary>Writes the envelope: <c>&lt;ENV&gt;_ENC:v1:&lt;kid&gt;:&lt;base64url(payload)&gt;</c>.</summary>
    public static string Format(string environment, string kid, byte[] payload)
    {
        if (!IsKid(kid))
        {
            throw new ArgumentException("A kid is 8 lower-case hex characters.", nameof(kid));
        }

        if (payload is null || payload.Length < NonceLength + TagLength)
        {
            throw new ArgumentException("The payload holds at least a 12-byte nonce and a 16-byte tag.", nameof(payload));
        }

        return Environments.EnvironmentName.ToPrefix(environment) + CurrentVersion + ":" + kid + ":" + Base64Url.Encode(payload);
    }

    /// <summary>Whether the text is a kid: exactly 8 lower-case hex characters.</summary>
    public static bool IsKid(string? text)
    {
        if (text is null || text.Length != KidLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes the value without its payload.</summary>
    public override string ToString() => EnvironmentsPrefix(Environment) + "v" + Version + ":" + Kid + ":…";

    private static string EnvironmentsPrefix(string environment) => Environments.EnvironmentName.ToUpperAscii(environment) + PrefixMarker;

    private static bool IsVersionToken(string token)
    {
        if (token.Length < 2 || token[0] != 'v')
        {
            return false;
        }

        for (var i = 1; i < token.Length; i++)
        {
            if (token[i] < '0' || token[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
