using System;

namespace SecretGuard.Encryption;

/// <summary>
/// The envelope of an encrypted value, <c>&lt;ENV&gt;_ENC:v1:&lt;kid&gt;:&lt;payload&gt;</c>
/// (docs/formats.md#2-encrypted-values), read strictly. This type only reads the structure; decryption lives in
/// SecretGuard.Runtime.
/// </summary>
internal sealed class EncryptedValue
{
    /// <summary>The version this SecretGuard writes and reads.</summary>
    public const string CurrentVersion = "v1";

    /// <summary>Nonce length in bytes.</summary>
    public const int NonceLength = 12;

    /// <summary>Authentication tag length in bytes.</summary>
    public const int TagLength = 16;

    /// <summary>Length of a kid in hex characters.</summary>
    public const int KidLength = 8;

    /// <summary>What is wrong with a damaged value, in words that never quote it.</summary>
    public const string DamagedDetail =
        "the value looks encrypted but is not in the exact form <ENV>_ENC:v1:<kid>:<payload> (the environment in upper case): " +
        "its prefix was changed or damaged, so it is never read as plaintext nor encrypted again; restore it from version control, " +
        "or replace it with the plaintext";

    private const string PrefixMarker = "_ENC:";

    private EncryptedValue(string environment, string kid, byte[] payload)
    {
        Environment = environment;
        Kid = kid;
        Payload = payload;
    }

    /// <summary>The lower-case environment the value was encrypted for.</summary>
    public string Environment { get; }

    /// <summary>The id of the key that encrypted it: 8 lower-case hex characters.</summary>
    public string Kid { get; }

    /// <summary><c>nonce(12) || ciphertext || tag(16)</c>.</summary>
    public byte[] Payload { get; }

    /// <summary>Length of the encrypted plaintext in bytes.</summary>
    public int CiphertextLength => Payload.Length - NonceLength - TagLength;

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
                detail = "the value has no format version after the prefix (expected " + EnvironmentsPrefix(environment) + "v1:<kid>:<payload>)";
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

        value = new EncryptedValue(environment, kid, payload);
        problem = EncryptedValueProblem.None;
        detail = string.Empty;
        return true;
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
    public override string ToString() => EnvironmentsPrefix(Environment) + CurrentVersion + ":" + Kid + ":…";

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
