using System;
using System.Text.RegularExpressions;
using SecretGuard.Naming;

namespace SecretGuard.Credentials;

/// <summary>
/// Checks the built-in families run on a regex match when the format alone is too loose. None of them throws:
/// they run inside the compiler.
/// </summary>
internal static class CredentialChecks
{
    // Passwords that documentation and samples use in place of a real one.
    private static readonly string[] GenericPasswords =
    {
        "password", "passwd", "pass", "pwd", "pw", "secret", "mypassword", "mysecret", "yourpassword", "p@ssw0rd", "changeit", "test", "testing",
    };

    /// <summary>The secret group's value, or the whole match.</summary>
    public static string Secret(Match match)
    {
        var group = match.Groups["secret"];
        return group.Success ? group.Value : match.Value;
    }

    /// <summary>Whether the text has an upper-case letter, a lower-case letter and a digit.</summary>
    public static bool HasUpperLowerDigit(string text) => Has(text, upper: true, lower: true, digit: true);

    /// <summary>Whether the text has a letter and a digit.</summary>
    public static bool HasLetterAndDigit(string text)
    {
        bool letter = false, digit = false;
        foreach (var c in text)
        {
            letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            digit |= c >= '0' && c <= '9';
        }

        return letter && digit;
    }

    /// <summary>
    /// Whether the text has two kinds of characters or more among upper case, lower case and digits: a random body of
    /// letters and digits almost always does, a word or a run of one kind does not. Unlike <see cref="HasLetterAndDigit"/>,
    /// it does not miss the few random bodies that happen to hold no digit (one 20-character body in 33).
    /// </summary>
    public static bool HasTwoKinds(string text)
    {
        bool u = false, l = false, d = false;
        foreach (var c in text)
        {
            u |= c >= 'A' && c <= 'Z';
            l |= c >= 'a' && c <= 'z';
            d |= c >= '0' && c <= '9';
        }

        return (u ? 1 : 0) + (l ? 1 : 0) + (d ? 1 : 0) >= 2;
    }

    /// <summary>Whether the text has an upper-case and a lower-case letter.</summary>
    public static bool HasUpperAndLower(string text) => Has(text, upper: true, lower: true, digit: false);

    public static bool Has(string text, bool upper, bool lower, bool digit)
    {
        bool u = false, l = false, d = false;
        foreach (var c in text)
        {
            u |= c >= 'A' && c <= 'Z';
            l |= c >= 'a' && c <= 'z';
            d |= c >= '0' && c <= '9';
        }

        return (!upper || u) && (!lower || l) && (!digit || d);
    }

    /// <summary>
    /// Whether the secret looks typed rather than generated: a run such as <c>123456789</c> or <c>abcdefghij</c>, as
    /// documentation and samples write to fill a format.
    /// </summary>
    public static bool LooksTyped(string secret)
    {
        var ascending = 1;
        for (var i = 1; i < secret.Length; i++)
        {
            var a = Fold(secret[i - 1]);
            var b = Fold(secret[i]);
            ascending = IsAlnum(a) && b == a + 1 ? ascending + 1 : 1;
            if (ascending >= 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a password is a placeholder or one of the words samples use for one.</summary>
    public static bool IsPlaceholderPassword(string password, string? user)
    {
        if (ValueShapes.IsPlaceholder(password))
        {
            return true;
        }

        foreach (var word in GenericPasswords)
        {
            if (string.Equals(password, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // user:user (guest:guest, postgres:postgres) is a default, and a value starting like a template is one.
        return (user is not null && string.Equals(password, user, StringComparison.OrdinalIgnoreCase)) ||
               password[0] == '$' || password[0] == '%' || password[0] == '{' || password.StartsWith("#{", StringComparison.Ordinal);
    }

    /// <summary>A connection-string password (group <c>secret</c>) that is a real value.</summary>
    public static bool ConnectionStringPassword(Match match) => !IsPlaceholderPassword(match.Groups["secret"].Value, null);

    /// <summary>A URL's password (group <c>secret</c>, user in group <c>user</c>) that is a real value, not a port.</summary>
    public static bool UrlPassword(Match match)
    {
        var password = match.Groups["secret"].Value;
        if (IsAllDigits(password) && password.Length <= 5)
        {
            return false; // host:port@... is not a password
        }

        // file://C:\dir@x: a drive and a path, not user:password@host.
        if (match.Value.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || password[0] == '\\' || (match.Groups["user"].Length == 1 && password[0] == '/'))
        {
            return false;
        }

        return !IsPlaceholderPassword(password, match.Groups["user"].Value);
    }

    /// <summary><c>Basic &lt;base64(user:password)&gt;</c> with a printable user and a real password.</summary>
    public static bool BasicCredentials(Match match)
    {
        var bytes = DecodeBase64(match.Groups["secret"].Value, url: false);
        if (bytes is null || bytes.Length < 3)
        {
            return false;
        }

        var colon = -1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x20 || b == 0x7F)
            {
                return false;
            }

            if (b == (byte)':' && colon < 0)
            {
                colon = i;
            }
        }

        if (colon < 1 || colon >= bytes.Length - 1)
        {
            return false;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var separator = text.IndexOf(':');
        return separator > 0 && !IsPlaceholderPassword(text.Substring(separator + 1), text.Substring(0, separator));
    }

    private static readonly Regex ConnectionStringUserPattern = new Regex(
        @"(^|[;,""'{\n])\s{0,3}(user\s?id|userid|user\s?name|username|user|uid)\s{0,3}=\s{0,3}(?<user>[^;""'\s]{1,128})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));

    /// <summary>The user a connection string names (<c>User Id=</c>, <c>Username=</c>, <c>Uid=</c>), or null.</summary>
    public static string? ConnectionStringUser(string text)
    {
        try
        {
            var match = ConnectionStringUserPattern.Match(text);
            return match.Success ? match.Groups["user"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static readonly Regex NuGetConfigUserPattern = new Regex(
        @"<add\s{1,4}key\s{0,2}=\s{0,2}\\?[""']Username\\?[""']\s{1,4}value\s{0,2}=\s{0,2}\\?[""'](?<user>[^""'\\<>]{1,128})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));

    /// <summary>The user a nuget.config's <c>packageSourceCredentials</c> names (<c>&lt;add key="Username" value="..."/&gt;</c>), or null.</summary>
    public static string? NuGetConfigUser(string text)
    {
        try
        {
            var match = NuGetConfigUserPattern.Match(text);
            return match.Success ? match.Groups["user"].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static readonly Regex LocalServerPattern = new Regex(
        @"(^|[;,""'{\n])\s{0,3}(server|host|data\s?source|address|addr|network\s?address)\s{0,3}=\s{0,3}(tcp:)?(localhost|127\.0\.0\.1|\[?::1\]?|\(localdb\)|\.|host\.docker\.internal)([;,:\\\s""']|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// Whether a connection string or URL opens something on the developer's own machine (<c>Server=localhost</c>,
    /// <c>Host=127.0.0.1</c>, <c>(localdb)</c>, <c>host.docker.internal</c>, <c>postgres://app:pw@localhost</c>): its
    /// password is a local default, weak evidence of a leaked secret.
    /// </summary>
    public static bool IsLocalServer(Match match, string text)
    {
        var host = match.Groups["host"];
        if (host.Success)
        {
            return IsLocalHostName(host.Value);
        }

        try
        {
            return LocalServerPattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>localhost, 127.0.0.1, [::1], host.docker.internal: a server on the developer's own machine.</summary>
    public static bool IsLocalHostName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]" ||
        host.Equals("host.docker.internal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The user and password of a Basic header's <c>base64(user:password)</c>, or null.</summary>
    public static ChosenPassword? BasicPassword(Match match)
    {
        var bytes = DecodeBase64(match.Groups["secret"].Value, url: false);
        if (bytes is null)
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var separator = text.IndexOf(':');
        return separator > 0 ? new ChosenPassword(text.Substring(separator + 1), text.Substring(0, separator)) : null;
    }

    private static readonly Regex JwtShape = new Regex(
        @"^(?<header>eyJ[A-Za-z0-9_\-]{10,2000})\.(?<payload>eyJ[A-Za-z0-9_\-]{10,8000})\.[A-Za-z0-9_\-]{16,2000}$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// A JWT whose header decodes to JSON naming an algorithm and whose payload decodes to JSON; or (group
    /// <c>encoded</c>) the base64 of such a JWT, with its signature.
    /// </summary>
    public static bool Jwt(Match match)
    {
        var encoded = match.Groups["encoded"];
        if (encoded.Success)
        {
            var bytes = DecodeBase64(encoded.Value, url: false);
            if (bytes is null)
            {
                return false;
            }

            var inner = JwtShape.Match(System.Text.Encoding.ASCII.GetString(bytes).TrimEnd('\r', '\n'));
            return inner.Success && JwtParts(inner.Groups["header"].Value, inner.Groups["payload"].Value);
        }

        return JwtParts(match.Groups["header"].Value, match.Groups["payload"].Value);
    }

    /// <summary>
    /// Grafana's older API key: the base64 of <c>{"k":"&lt;key&gt;","n":"&lt;name&gt;","id":&lt;n&gt;}</c>.
    /// </summary>
    public static bool GrafanaApiKey(string text)
    {
        var bytes = DecodeBase64(text, url: false);
        if (bytes is null)
        {
            return false;
        }

        var json = System.Text.Encoding.UTF8.GetString(bytes);
        return json.StartsWith("{\"k\":\"", StringComparison.Ordinal) && json.EndsWith("}", StringComparison.Ordinal) &&
               json.IndexOf("\"n\":", StringComparison.Ordinal) > 0;
    }

    /// <summary>A 1Password service account token's body: the base64url of a JSON object that names a sign-in address and a secret key.</summary>
    public static bool OnePasswordServiceAccountToken(string text)
    {
        var bytes = DecodeBase64(text, url: true) ?? DecodeBase64(text, url: false);
        if (bytes is null || bytes.Length < 2 || bytes[0] != '{')
        {
            return false;
        }

        var json = System.Text.Encoding.UTF8.GetString(bytes);
        return json.IndexOf("\"signInAddress\"", StringComparison.Ordinal) > 0 || json.IndexOf("\"secretKey\"", StringComparison.Ordinal) > 0;
    }

    private static bool JwtParts(string headerText, string payloadText)
    {
        var header = DecodeBase64(headerText, url: true);
        var payload = DecodeBase64(payloadText, url: true);
        if (header is null || payload is null || header.Length < 2 || payload.Length < 2 || header[0] != '{' || payload[0] != '{')
        {
            return false;
        }

        return System.Text.Encoding.UTF8.GetString(header).IndexOf("\"alg\"", StringComparison.Ordinal) >= 0;
    }

    /// <summary>A Discord bot token: its first part is the base64 of the bot's numeric id (a snowflake).</summary>
    public static bool DiscordToken(Match match)
    {
        var id = DecodeBase64(match.Groups["id"].Value, url: true);
        if (id is null || id.Length < 17 || id.Length > 20)
        {
            return false;
        }

        foreach (var b in id)
        {
            if (b < '0' || b > '9')
            {
                return false;
            }
        }

        return HasUpperLowerDigit(match.Groups["secret"].Value) || HasLetterAndDigit(match.Groups["secret"].Value);
    }

    // The base62 alphabet GitHub and npm encode their token checksums in: digits, then upper case, then lower case.
    private const string Base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The length of a base62 CRC32 checksum at the end of a GitHub or npm token.</summary>
    public const int Base62ChecksumLength = 6;

    /// <summary>
    /// Whether a GitHub (<c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>) or npm (<c>npm_</c>) token body —
    /// 30 random base62 characters and a checksum — carries its checksum: the last six characters are the CRC32 of
    /// the first thirty, in base62 (digits, upper, lower case), padded with zeros. A body of another length has no
    /// checksum known here and passes.
    /// </summary>
    /// <remarks>GitHub, "Behind GitHub's new authentication token formats" (2021); npm's token format (2021) is the same.</remarks>
    public static bool HasBase62Checksum(string body)
    {
        if (body.Length != 30 + Base62ChecksumLength)
        {
            return true;
        }

        var random = body.Substring(0, 30);
        return string.Equals(Base62Checksum(random), body.Substring(30), StringComparison.Ordinal);
    }

    /// <summary>The six-character base62 CRC32 checksum GitHub and npm append to a token's random part.</summary>
    public static string Base62Checksum(string random)
    {
        var crc = Crc32(random);
        var chars = new char[Base62ChecksumLength];
        for (var i = Base62ChecksumLength - 1; i >= 0; i--)
        {
            chars[i] = Base62Digits[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(chars);
    }

    private static readonly uint[] Crc32Table = MakeCrc32Table();

    /// <summary>The CRC-32 (IEEE 802.3, as zlib computes it) of an ASCII text, one byte per character.</summary>
    public static uint Crc32(string ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc = (crc >> 8) ^ Crc32Table[(crc ^ (byte)c) & 0xFF];
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] MakeCrc32Table()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    /// <summary>Whether base64 or base64url text decodes to bytes that start with <paramref name="prefix"/> (ASCII).</summary>
    public static bool DecodesToPrefix(string text, string prefix, bool url)
    {
        // Decode only what the prefix needs: a whole number of 4-character groups.
        var take = Math.Min(text.Length, (prefix.Length + 2) / 3 * 4);
        take -= take % 4;
        var bytes = DecodeBase64(text.Substring(0, take), url);
        if (bytes is null || bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes base64 or base64url, padded or not; null when the text is not that.</summary>
    public static byte[]? DecodeBase64(string text, bool url)
    {
        var length = text.Length;
        while (length > 0 && text[length - 1] == '=')
        {
            length--;
        }

        if (length == 0 || length % 4 == 1 || text.Length - length > 2)
        {
            return null;
        }

        var output = new byte[length * 3 / 4];
        var buffer = 0;
        var bits = 0;
        var o = 0;
        for (var i = 0; i < length; i++)
        {
            var value = Value(text[i], url);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output[o++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return o == output.Length ? output : null;
    }

    private static int Value(char c, bool url)
    {
        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }

        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 26;
        }

        if (c >= '0' && c <= '9')
        {
            return c - '0' + 52;
        }

        if (c == '+' || (url && c == '-'))
        {
            return 62;
        }

        if (c == '/' || (url && c == '_'))
        {
            return 63;
        }

        return -1;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static char Fold(char c) => c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;

    private static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
