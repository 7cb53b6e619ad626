using System;

namespace SecretGuard.Naming;

/// <summary>Values that are not secrets whatever their name: hashes, ciphertext, public keys and certificates, GUIDs.</summary>
internal static partial class ValueShapes
{
    // Public keys as base64 DER SubjectPublicKeyInfo (RSA 1024/2048/3072/4096, EC P-256/P-384/P-521, Ed25519, X25519)
    // and as OpenSSH lines.
    private static readonly string[] PublicKeyPrefixes =
    {
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GN", "MIIBIjANBgkqhkiG9w0BAQEFAAOC", "MIIBojANBgkqhkiG9w0BAQEFAAOC", "MIICIjANBgkqhkiG9w0BAQEFAAOC",
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE", "MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQ", "MCowBQYDK2VwAyEA",
        "MCowBQYDK2VuAyEA", "ssh-rsa AAAA", "ssh-ed25519 AAAA", "ssh-dss AAAA", "ecdsa-sha2-nistp256 AAAA", "ecdsa-sha2-nistp384 AAAA",
        "ecdsa-sha2-nistp521 AAAA", "sk-ssh-ed25519@openssh.com AAAA",
    };

    // Prefixes of values that are hashes or ciphertext by format: crypt(3) and bcrypt hashes, LDAP hashes, Windows DPAPI
    // blobs, ASP.NET Core Identity password hashes (v2, v3) and Data Protection payloads.
    private static readonly string[] HashOrCiphertextPrefixes =
    {
        "$2a$", "$2b$", "$2y$", "$2x$", "$argon2", "$pbkdf2", "$scrypt$", "$1$", "$5$", "$6$", "$apr1$", "{SSHA}", "{SHA}", "{SSHA256}", "{SSHA512}",
        "{bcrypt}", "{noop}", "{pbkdf2}", "AQAAANCMnd8BFdERjHoAwE/Cl+sB", "AQAAAAEAA", "AQAAAAIAA", "CfDJ8",
    };

    // Keys and tokens vendors publish on purpose, in web pages and apps, by their prefix: Stripe and Lob publishable keys,
    // Mapbox public tokens, Flutterwave public keys, Mailgun's public validation key, Plaid's public tokens. Their secret
    // counterparts (sk_live_, sk.eyJ, FLWSECK-, ...) are the catalogue's families.
    private static readonly string[] PublishablePrefixes =
    {
        "pk_live_", "pk_test_", "pk.eyJ", "FLWPUBK-", "FLWPUBK_TEST-", "pubkey-", "live_pub_", "test_pub_", "public-sandbox-",
        "public-development-", "public-production-",
    };

    /// <summary>A key or token meant to be seen (<c>pk_live_...</c>, <c>pk.eyJ...</c>, <c>FLWPUBK-...</c>): publishable by design.</summary>
    public static bool IsPublishableKey(string text)
    {
        foreach (var prefix in PublishablePrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length + 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Values other tools encrypted: SOPS <c>ENC[...]</c>, Spring <c>{cipher}</c>, Vault transit <c>vault:v1:</c>, Jasypt <c>ENC(...)</c>.</summary>
    public static bool IsEncryptedElsewhere(string text) =>
        text.StartsWith("ENC[", StringComparison.Ordinal) || text.StartsWith("ENC(", StringComparison.Ordinal) ||
        text.StartsWith("{cipher}", StringComparison.Ordinal) || text.StartsWith("vault:v", StringComparison.Ordinal);

    /// <summary>A bcrypt or crypt(3) hash, an LDAP password hash, a DPAPI blob, an ASP.NET Core Identity hash, a Data Protection payload.</summary>
    public static bool IsHashOrCiphertext(string text)
    {
        foreach (var prefix in HashOrCiphertextPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length + 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A PEM public key, certificate or request, a PEM block with nothing inside, a public key or certificate in base64
    /// DER (<c>MIIBIjANBgkqhkiG9w0BAQEFAAOC...</c>, <c>MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...</c>, <c>MIIDXTCCAkWgAwIBAgI...</c>)
    /// or an OpenSSH public key (<c>ssh-ed25519 AAAA...</c>): nothing secret.
    /// </summary>
    public static bool IsPublicOrEmptyPem(string text)
    {
        foreach (var prefix in PublicKeyPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // A base64 X.509 certificate: SEQUENCE, SEQUENCE, then the [0] version and the INTEGER serial.
        if (text.StartsWith("MII", StringComparison.Ordinal) && text.Length > 40 && text.IndexOf("gAwIBAgI", 0, 24, StringComparison.Ordinal) > 0)
        {
            return true;
        }

        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (begin < 0)
        {
            return false;
        }

        var labelEnd = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
        if (labelEnd < 0)
        {
            return false;
        }

        var label = text.Substring(begin + 11, labelEnd - begin - 11);
        if (label.IndexOf("PUBLIC KEY", StringComparison.Ordinal) >= 0 || label.IndexOf("CERTIFICATE", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var end = text.IndexOf("-----END ", labelEnd + 5, StringComparison.Ordinal);
        return end >= 0 && text.Substring(labelEnd + 5, end - labelEnd - 5).Trim().Length == 0;
    }

    /// <summary>A GUID (<c>7d9f3c1e-2b4a-4e8d-9f6c-0a1b2c3d4e5f</c>, with or without dashes or braces): more often an id than a key.</summary>
    public static bool IsGuid(string text)
    {
        var t = text.Trim('{', '}');
        if (t.Length == 36)
        {
            for (var i = 0; i < 36; i++)
            {
                var dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? t[i] != '-' : !IsHexDigit(t[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The sizes of symmetric keys in bytes: AES-128, 3DES/AES-192, AES-256 and HMAC-SHA256, HMAC-SHA384, HMAC-SHA512.</summary>
    public static bool IsKeySize(int length) => length == 16 || length == 24 || length == 32 || length == 48 || length == 64;

    /// <summary>
    /// Whether constant bytes look like a key someone generated, not a pattern someone typed: no repeated block (all
    /// zero, <c>AA AA ..</c>, <c>1 2 3 4 1 2 3 4</c>), no constant step (<c>0 1 2 ..</c>, <c>31 30 29 ..</c>), no runs
    /// counting up by one over half of them (<c>'0'..'9' 'a'..'f'</c>), and half of them distinct or more.
    /// </summary>
    public static bool LooksLikeKeyBytes(byte[] bytes)
    {
        var n = bytes.Length;
        if (n < 2)
        {
            return false;
        }

        for (var period = 1; period <= n / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < n && repeats; i++)
            {
                repeats = bytes[i] == bytes[i - period];
            }

            if (repeats)
            {
                return false;
            }
        }

        var step = (byte)(bytes[1] - bytes[0]);
        var constantStep = true;
        var upByOne = 0;
        var distinct = new bool[256];
        var distinctCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (!distinct[bytes[i]])
            {
                distinct[bytes[i]] = true;
                distinctCount++;
            }

            if (i > 0)
            {
                var difference = (byte)(bytes[i] - bytes[i - 1]);
                constantStep &= difference == step;
                upByOne += difference == 1 ? 1 : 0;
            }
        }

        return !constantStep && upByOne * 2 < n && distinctCount * 2 >= n;
    }

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
