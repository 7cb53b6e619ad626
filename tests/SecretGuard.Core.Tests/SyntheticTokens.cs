using System;
using SecretGuard.Credentials;

namespace SecretGuard.Tests;

/// <summary>
/// Made-up tokens of formats that carry a checksum: 30 random base62 characters and their CRC32 in base62, as GitHub
/// (<c>ghp_</c>, <c>gho_</c>, ...) and npm (<c>npm_</c>) build them. None is anyone's token.
/// </summary>
internal static class SyntheticTokens
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A token with a correct checksum: <paramref name="prefix"/>, 30 characters drawn from <paramref name="random"/>, the checksum.</summary>
    public static string WithChecksum(string prefix, Random random)
    {
        var chars = new char[30];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Base62[random.Next(Base62.Length)];
        }

        var body = new string(chars);
        return prefix + body + CredentialChecks.Base62Checksum(body);
    }

    /// <summary>The same token with its checksum's last character changed: a made-up sample, not a token.</summary>
    public static string WithWrongChecksum(string prefix, Random random)
    {
        var token = WithChecksum(prefix, random);
        var last = token[token.Length - 1];
        return token.Substring(0, token.Length - 1) + (last == 'a' ? 'b' : 'a');
    }
}
