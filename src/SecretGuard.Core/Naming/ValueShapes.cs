using System;

namespace SecretGuard.Naming;

/// <summary>
/// Shapes of values that are not secrets even under a credential name, shared by SG0001's connection-string check,
/// SG0002, SG0007 and the env-file checks so they agree (docs/rules/SG0002.md#not-reported): placeholders and
/// fillers, templates, booleans, and names written where a value would be — configuration keys (<c>"Jwt:Secret"</c>),
/// environment variables (<c>"DB_PASSWORD"</c>), identifiers, options, headers. Text that is not a value is in
/// ValueShapes.Text.cs, values that are public, hashed or encrypted in ValueShapes.Material.cs.
/// </summary>
internal static partial class ValueShapes
{
    // Words typed in place of a value, compared with the whole value (ignoring case).
    private static readonly string[] Fillers =
    {
        "test", "tests", "testing", "pass", "passw", "fake", "random", "none", "null", "nil", "undefined", "empty", "unset", "notset",
        "not-set", "n/a", "na", "tbd", "tba", "foo", "bar", "baz", "qux", "foobar", "foo-bar", "lorem", "ipsum", "lorem-ipsum", "blah",
        "whatever", "nothing", "unknown", "mock", "stub", "demo", "default", "anonymous", "guest", "obfuscated", "hidden", "masked", "removed",
        "omitted", "secret", "password",

        // The base32 secret of the Google Authenticator key-uri documentation, used in countless samples.
        "JBSWY3DPEHPK3PXP",
    };

    // Words that, as one word of a value split at - _ . : / or a space, say the value is not a real one ("fake-token",
    // "test_key", "not-a-real-secret").
    private static readonly string[] FillerWords =
    {
        "test", "testing", "fake", "dummy", "mock", "stub", "sample", "example", "placeholder", "bogus", "invalid", "wrong", "nonexistent",
    };

    private static readonly string[] Booleans = { "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "y", "n", "0", "1" };

    // Rows of a keyboard and the alphabet: a value that is a piece of one (with a piece of the digit row) was typed.
    private static readonly string[] TypedRows = { "1234567890", "0987654321", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz", "1q2w3e4r5t6y7u8i9o0p" };

    // What a template, a CI system or infrastructure code puts before a dotted name it replaces: var.db_password,
    // env.API_TOKEN, secrets.DEPLOY_TOKEN, vars.X, inputs.x, parameters.x, values.x.
    private static readonly string[] ReferencePrefixes = { "var.", "vars.", "env.", "secrets.", "secret.", "inputs.", "input.", "params.", "parameters.", "values.", "local.", "data.", "steps.", "needs." };

    /// <summary>
    /// Whether a value under a credential name is evidently not the credential itself: a placeholder or filler
    /// (<see cref="IsPlaceholder"/>), a boolean, a name (a configuration key, an environment variable, an option, a
    /// header, an identifier, a word of the symbol's own name), text for people, code, a shell command, a regex, a
    /// list of CSS classes, a URL, host name, path or file name, a prefix, a value encrypted or hashed elsewhere, public
    /// key material, or a key a vendor publishes on purpose (<c>pk_live_...</c>, <c>pk.eyJ...</c>). SG0002 and SG0007 ask it alike.
    /// </summary>
    public static bool IsNotASecretValue(string value, string? symbolName = null)
    {
        if (IsPlaceholder(value))
        {
            return true;
        }

        var text = value.Trim();
        if (symbolName is not null && (string.Equals(text, symbolName, StringComparison.OrdinalIgnoreCase) || SpellsWordsOfName(text, symbolName)))
        {
            return true; // const string Password = "Password", _phoneToken = "phone": a key or a kind, not a value
        }

        return IsBoolean(text) || IsConfigurationKeyName(text) || IsEnvironmentVariableName(text) || IsNaturalLanguage(text) || IsFormatString(text) ||
               IsCredentialFreeUrlOrPath(text) || IsCredentialWord(text) || IsEncryptedElsewhere(text) || IsSqlStatement(text) || IsWordLabel(text) ||
               IsIdentifier(text) || IsOptionOrHeaderName(text) || IsHostName(text) || IsFileName(text) || IsPrefix(text) || IsCode(text) ||
               IsShellCommand(text) || IsRegex(text) || IsWordList(text) || IsHashOrCiphertext(text) || IsPublicOrEmptyPem(text) || IsPublishableKey(text) || HasFillerWord(text);
    }

    /// <summary>
    /// The one placeholder test of SG0001, SG0002, SG0007 and the env-file checks: what
    /// <see cref="SensitivityLexicon.IsPlaceholder"/> knows (empty, <c>changeme</c>, <c>&lt;your-key&gt;</c>, <c>xxxx</c>,
    /// <c>${X}</c>, <c>{{X}}</c>, <c>$(X)</c>, <c>#{X}</c>, <c>%X%</c>, ...), plus fillers typed in place of a value
    /// (<c>test</c>, <c>pass</c>, <c>fake</c>, <c>random</c>, <c>none</c>, <c>foo</c>, <c>not-a-real-secret</c>), masks
    /// (<c>XXXX-XXXX</c>, <c>AAAA-AAAA</c>), typed runs (<c>123456</c>, <c>qwerty123</c>, <c>abcd1234</c>) and references a
    /// tool replaces (<c>var.db_password</c>, <c>env.API_TOKEN</c>, <c>secrets.X</c>, <c>|||%%X%%|||</c>).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (SensitivityLexicon.IsPlaceholder(value))
        {
            return true;
        }

        var text = value!.Trim();
        return IsFiller(text) || IsMask(text) || IsTypedRun(text) || IsDottedReference(text) || HasEmbeddedTemplate(text);
    }

    /// <summary><c>true</c>, <c>false</c>, <c>yes</c>, <c>off</c>, <c>enabled</c>, ...: a switch, not a secret.</summary>
    public static bool IsBoolean(string text)
    {
        foreach (var word in Booleans)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>ApiKey</c>, <c>Jwt:Secret</c>, <c>Authentication:Google:ClientSecret</c>, <c>Smtp.Password</c>, <c>db-password</c>.</summary>
    public static bool IsConfigurationKeyName(string text)
    {
        if (text.Length == 0 || text.Length > 128 || !char.IsLetter(text[0]))
        {
            return false;
        }

        var hasSeparator = false;
        var upperAfterLower = false;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':' || c == '.' || c == '-' || c == '_' || c == '/')
            {
                hasSeparator = true;
                if (i + 1 < text.Length && !char.IsLetter(text[i + 1]))
                {
                    return false;
                }

                continue;
            }

            if (char.IsDigit(c))
            {
                digits++;
                continue;
            }

            if (!char.IsLetter(c))
            {
                return false;
            }

            if (i > 0 && char.IsUpper(c) && char.IsLower(text[i - 1]))
            {
                upperAfterLower = true;
            }
        }

        // Words only: "ApiKey", "Jwt:Secret", "db-password". Digits make it look like a value ("Summer2024", "s3cr3t").
        if (digits > 0)
        {
            return false;
        }

        var words = IdentifierWords.Split(text);
        return (hasSeparator || upperAfterLower) && words.Count >= 2 && words.TrueForAll(w => w.Length >= 2);
    }

    /// <summary><c>DB_PASSWORD</c>, <c>STRIPE_API_KEY_SECRET</c>: upper snake case with at least one underscore.</summary>
    public static bool IsEnvironmentVariableName(string text)
    {
        if (text.Length < 3 || text.IndexOf('_') < 0 || !char.IsUpper(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A single capitalised word of letters (<c>Passwort</c>, <c>Kennwort</c>): a label, not a generated secret.</summary>
    public static bool IsWordLabel(string text)
    {
        if (text.Length < 3 || text.Length > 16 || !char.IsUpper(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsLower(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An identifier: words in one case joined by <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c> (<c>dev-token</c>); next to a
    /// credential word also versions and words with digits (<c>new-token-format-v2</c>, <c>s3-password</c>).
    /// </summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length < 3 || text.Length > 128 || !char.IsLetter(text[0]))
        {
            return false;
        }

        var parts = text.Split(IdentifierSeparators);
        if (parts.Length < 2)
        {
            return false;
        }

        var hasCredentialWord = false;
        foreach (var part in parts)
        {
            hasCredentialWord |= CredentialNames.Default.IsCredentialName(part);
        }

        var letterParts = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return false;
            }

            if (IsWordInOneCase(part))
            {
                letterParts++;
                continue;
            }

            // Next to a credential word, a version or a word with digits still makes a name ("new-token-format-v2",
            // "s3-password"); without one, "blue-horse-42" may be a passphrase.
            if (hasCredentialWord && (IsVersion(part) || (part.Length <= 6 && char.IsLetter(part[0]) && IsLettersThenDigits(part))))
            {
                continue;
            }

            return false;
        }

        return letterParts >= 1;
    }

    /// <summary><c>--password</c>, <c>-p</c>, <c>/token</c>: a command-line option; <c>X-Api-Key</c>, <c>Proxy-Authorization</c>: a header name.</summary>
    public static bool IsOptionOrHeaderName(string text)
    {
        if (text.Length >= 2 && text[0] == '-')
        {
            var start = text[1] == '-' ? 2 : 1;
            return start < text.Length && IsLettersAndDashes(text, start);
        }

        if (text.Length < 3 || text.IndexOf('-') < 0 || !char.IsUpper(text[0]))
        {
            return false;
        }

        foreach (var part in text.Split('-'))
        {
            if (part.Length == 0 || !char.IsUpper(part[0]) || !IsLettersAndDashes(part, 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>whsec_</c>, <c>jwt:</c>, <c>Bearer </c>, <c>.legacy</c>: a prefix or suffix of a format, not a value.</summary>
    public static bool IsPrefix(string text)
    {
        if (text.Length < 2 || text.Length > 16)
        {
            return false;
        }

        var first = text[0];
        var last = text[text.Length - 1];
        if (IsAffixSeparator(last) && IsAlphanumeric(text, 0, text.Length - 1))
        {
            return true;
        }

        return IsAffixSeparator(first) && IsAlphanumeric(text, 1, text.Length);
    }

    /// <summary>Whether the value's letters are the words of <paramref name="name"/> or some of them in a row: <c>_phoneToken = "phone"</c>.</summary>
    public static bool SpellsWordsOfName(string value, string name)
    {
        var compact = Letters(value);
        if (compact.Length < 3 || compact.Length != value.Length - CountSeparators(value))
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        for (var start = 0; start < words.Count; start++)
        {
            var joined = string.Empty;
            for (var end = start; end < words.Count; end++)
            {
                joined += words[end];
                if (string.Equals(joined, compact, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (joined.Length >= compact.Length)
                {
                    break;
                }
            }
        }

        return false;
    }

    private static readonly char[] IdentifierSeparators = { '-', '_', '.', ':' };

    private static bool IsFiller(string text)
    {
        // "(hidden)", "[none]": a filler in brackets, as prompts and samples write it.
        if (text.Length > 2 && ((text[0] == '(' && text[text.Length - 1] == ')') || (text[0] == '[' && text[text.Length - 1] == ']')))
        {
            text = text.Substring(1, text.Length - 2).Trim();
        }

        foreach (var filler in Fillers)
        {
            if (string.Equals(text, filler, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var compact = Letters(text).ToLowerInvariant();
        return compact.StartsWith("notareal", StringComparison.Ordinal) || compact.StartsWith("notasecret", StringComparison.Ordinal) ||
               compact.StartsWith("notreal", StringComparison.Ordinal) || compact == "notapassword" || compact == "nopassword" || compact == "nosecret";
    }

    // One repeated character with separators: XXXX-XXXX, AAAA AAAA, ●●●●-●●●●, 0000-0000.
    private static bool IsMask(string text)
    {
        var first = '\0';
        var count = 0;
        foreach (var c in text)
        {
            if (c == '-' || c == ' ' || c == '.' || c == '_' || c == ':' || c == '/')
            {
                continue;
            }

            if (first == '\0')
            {
                first = char.ToLowerInvariant(c);
            }
            else if (char.ToLowerInvariant(c) != first)
            {
                return false;
            }

            count++;
        }

        return count >= 3;
    }

    // The whole value is a typed run, or two (123456, qwerty123, abcd1234, 1q2w3e4r): at least four characters of a row.
    private static bool IsTypedRun(string text)
    {
        if (text.Length < 4 || text.Length > 32)
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var position = 0;
        while (position < lower.Length)
        {
            var longest = 0;
            foreach (var row in TypedRows)
            {
                for (var length = lower.Length - position; length > longest; length--)
                {
                    if (length >= 3 && row.IndexOf(lower.Substring(position, length), StringComparison.Ordinal) >= 0)
                    {
                        longest = length;
                        break;
                    }
                }
            }

            if (longest == 0)
            {
                return false;
            }

            position += longest;
        }

        return true;
    }

    private static bool IsDottedReference(string text)
    {
        foreach (var prefix in ReferencePrefixes)
        {
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal) && IsReferenceName(text, prefix.Length))
            {
                return true;
            }
        }

        return false;
    }

    // |||%%STORED_PASSWORD%%|||, [[${TOKEN}]]: a template reference inside markers.
    private static bool HasEmbeddedTemplate(string text)
    {
        var open = text.IndexOf("%%", StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = text.IndexOf("%%", open + 2, StringComparison.Ordinal);
            if (close > open + 2 && IsReferenceName(text.Substring(open + 2, close - open - 2), 0))
            {
                return true;
            }
        }

        var dollar = text.IndexOf("${", StringComparison.Ordinal);
        return dollar >= 0 && text.IndexOf('}', dollar) > dollar + 2;
    }

    private static bool IsReferenceName(string text, int start)
    {
        if (start >= text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return char.IsLetter(text[start]) || text[start] == '_';
    }

    private static bool HasFillerWord(string text)
    {
        if (text.IndexOfAny(FillerSeparators) < 0)
        {
            // testValue2, fakeApiToken, dummySecret: a filler word in an identifier written in camel case.
            return IsAlphanumeric(text, 0, text.Length) && HasFillerIdentifierWord(text);
        }

        foreach (var part in text.Split(FillerSeparators))
        {
            foreach (var word in FillerWords)
            {
                if (string.Equals(part, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly char[] FillerSeparators = { '-', '_', '.', ':', '/', ' ' };

    private static bool HasFillerIdentifierWord(string text)
    {
        var words = IdentifierWords.Split(text);
        if (words.Count < 2 || words.Count > 6)
        {
            return false;
        }

        foreach (var word in words)
        {
            var letters = word.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (Array.IndexOf(FillerWords, letters) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordInOneCase(string part)
    {
        bool upper = true, lower = true;
        foreach (var c in part)
        {
            upper &= c >= 'A' && c <= 'Z';
            lower &= c >= 'a' && c <= 'z';
        }

        return part.Length > 0 && (upper || lower);
    }

    private static bool IsVersion(string part)
    {
        var start = part.Length > 1 && (part[0] == 'v' || part[0] == 'V') ? 1 : 0;
        if (part.Length - start < 1 || part.Length - start > 3)
        {
            return false;
        }

        for (var i = start; i < part.Length; i++)
        {
            if (!char.IsDigit(part[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLettersThenDigits(string part)
    {
        var i = 0;
        while (i < part.Length && char.IsLetter(part[i]))
        {
            i++;
        }

        while (i < part.Length && char.IsDigit(part[i]))
        {
            i++;
        }

        return i == part.Length;
    }

    private static bool IsLettersAndDashes(string text, int start)
    {
        var letters = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            {
                letters++;
            }
            else if (c != '-')
            {
                return false;
            }
        }

        return letters > 0;
    }

    private static bool IsAffixSeparator(char c) => c is '_' or '-' or ':' or '=' or '/' or '.' or ' ' or '|' or '@';

    private static bool IsAlphanumeric(string text, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Letters(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters.Append(c);
            }
        }

        return letters.ToString();
    }

    private static int CountSeparators(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '-' || c == '_' || c == '.' || c == ':' || c == ' ')
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsCredentialWord(string text) => CredentialNames.Default.IsCredentialName(text) && IdentifierWords.Split(text).Count <= 3 && !HasDigit(text);

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
