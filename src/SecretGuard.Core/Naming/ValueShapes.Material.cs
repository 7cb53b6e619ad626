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

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
