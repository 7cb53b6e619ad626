using System;

namespace SecretGuard.Naming;

/// <summary>
/// Shapes of values that are not secrets even under a credential name: configuration key names
/// (<c>"Jwt:Secret"</c>), environment variable names (<c>"DB_PASSWORD"</c>), user-facing text
/// (<c>"Please enter your password"</c>), format strings, URLs and paths without credentials.
/// </summary>
internal static class ValueShapes
{
    private static readonly string[] SentenceWords =
    {
        " the ", " your ", " you ", " is ", " are ", " was ", " not ", " please ", " enter ", " must ", " invalid ", " a ", " an ",
        " to ", " for ", " of ", " and ", " or ", " with ", " has ", " have ", " be ", " been ", " could ", " cannot ", " can't ",
        " failed ", " missing ", " required ", " expired ", " incorrect ", " wrong ", " new ", " this ", " that ", " no ",
    };

    /// <summary>Whether a value under a credential name is evidently not the credential itself.</summary>
    public static bool IsNotASecretValue(string value, string? symbolName = null)
    {
        if (SensitivityLexicon.IsPlaceholder(value))
        {
            return true;
        }

        var text = value.Trim();
        if (symbolName is not null && string.Equals(text, symbolName, StringComparison.OrdinalIgnoreCase))
        {
            return true; // const string Password = "Password": a key, not a value
        }

        return IsConfigurationKeyName(text) || IsEnvironmentVariableName(text) || IsNaturalLanguage(text) || IsFormatString(text) ||
               IsCredentialFreeUrlOrPath(text) || IsCredentialWord(text) || IsEncryptedElsewhere(text) || IsSqlStatement(text) || IsWordLabel(text);
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

    /// <summary>User-facing text: several words with sentence words or punctuation.</summary>
    public static bool IsNaturalLanguage(string text)
    {
        var spaces = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                spaces++;
            }
        }

        if (spaces == 0)
        {
            return false;
        }

        var last = text[text.Length - 1];
        if (spaces >= 1 && (last == '.' || last == '!' || last == '?' || last == ':'))
        {
            return true;
        }

        var padded = " " + text.ToLowerInvariant() + " ";
        foreach (var word in SentenceWords)
        {
            if (padded.IndexOf(word, StringComparison.Ordinal) >= 0)
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

    /// <summary>A SQL statement (<c>UPDATE Accounts SET Password = @password</c>): code, not a credential.</summary>
    public static bool IsSqlStatement(string text)
    {
        foreach (var verb in new[] { "SELECT ", "UPDATE ", "INSERT ", "DELETE ", "MERGE ", "EXEC ", "CREATE ", "ALTER " })
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && text.IndexOf(' ', verb.Length) > 0)
            {
                return true;
            }
        }

        return false;
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

    /// <summary><c>{0}</c>, <c>{Password}</c>, <c>%s</c>: a template, not a value.</summary>
    public static bool IsFormatString(string text) =>
        (text.IndexOf('{') >= 0 && text.IndexOf('}') > text.IndexOf('{')) || text == "%s" || text.StartsWith("$(", StringComparison.Ordinal);

    /// <summary>A URL or file path that carries no credentials.</summary>
    public static bool IsCredentialFreeUrlOrPath(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var authorityEnd = text.IndexOf('/', scheme + 3);
            var authority = authorityEnd < 0 ? text.Substring(scheme + 3) : text.Substring(scheme + 3, authorityEnd - scheme - 3);
            return authority.IndexOf('@') < 0 && text.IndexOf("token=", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("key=", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("sig=", StringComparison.OrdinalIgnoreCase) < 0;
        }

        return (text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("~/", StringComparison.Ordinal) || text.StartsWith("./", StringComparison.Ordinal) ||
                (text.Length > 2 && text[1] == ':' && (text[2] == '\\' || text[2] == '/'))) && text.IndexOf(' ') < 0;
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
