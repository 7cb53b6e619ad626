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

    /// <summary>A JWT whose header decodes to JSON naming an algorithm and whose payload decodes to JSON.</summary>
    public static bool Jwt(Match match)
    {
        var header = DecodeBase64(match.Groups["header"].Value, url: true);
        var payload = DecodeBase64(match.Groups["payload"].Value, url: true);
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
