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

    private static readonly string[] FileExtensions =
    {
        ".json", ".xml", ".yaml", ".yml", ".txt", ".bin", ".dat", ".db", ".sqlite", ".config", ".ini", ".env", ".cache", ".pem", ".key", ".pfx",
        ".p12", ".crt", ".cer", ".der", ".jks", ".keystore", ".snk", ".csv", ".log", ".html", ".js", ".cs", ".ps1", ".sh",
    };

    // Public keys as base64 DER SubjectPublicKeyInfo (RSA 1024/2048/3072/4096, EC P-256/P-384/P-521, Ed25519, X25519)
    // and as OpenSSH lines.
    private static readonly string[] PublicKeyPrefixes =
    {
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GN", "MIIBIjANBgkqhkiG9w0BAQEFAAOC", "MIIBojANBgkqhkiG9w0BAQEFAAOC", "MIICIjANBgkqhkiG9w0BAQEFAAOC",
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE", "MIGbMBAGByqGSM49AgEGBSuBBAAjA4GGAAQ", "MCowBQYDK2VwAyEA",
        "MCowBQYDK2VuAyEA", "ssh-rsa AAAA", "ssh-ed25519 AAAA", "ssh-dss AAAA", "ecdsa-sha2-nistp256 AAAA", "ecdsa-sha2-nistp384 AAAA",
        "ecdsa-sha2-nistp521 AAAA", "sk-ssh-ed25519@openssh.com AAAA",
    };

    private static readonly string[] ShellCommands =
    {
        "echo ", "docker ", "git ", "curl ", "wget ", "openssl ", "az ", "aws ", "gcloud ", "kubectl ", "helm ", "ssh ", "scp ", "sh ", "bash ",
        "pwsh ", "powershell ", "cmd ", "dotnet ", "npm ", "nuget ", "sudo ", "export ", "set ", "mysql ", "psql ", "sqlcmd ", "net ",
    };

    // Prefixes of values that are hashes or ciphertext by format: crypt(3) and bcrypt hashes, LDAP hashes, Windows DPAPI
    // blobs, ASP.NET Core Identity password hashes (v2, v3) and Data Protection payloads.
    private static readonly string[] HashOrCiphertextPrefixes =
    {
        "$2a$", "$2b$", "$2y$", "$2x$", "$argon2", "$pbkdf2", "$scrypt$", "$1$", "$5$", "$6$", "$apr1$", "{SSHA}", "{SHA}", "{SSHA256}", "{SSHA512}",
        "{bcrypt}", "{noop}", "{pbkdf2}", "AQAAANCMnd8BFdERjHoAwE/Cl+sB", "AQAAAAEAA", "AQAAAAIAA", "CfDJ8",
    };

    /// <summary>
    /// Whether a value under a credential name is evidently not the credential itself: a placeholder or filler
    /// (<see cref="IsPlaceholder"/>), a boolean, a name (a configuration key, an environment variable, an option, a
    /// header, an identifier, a word of the symbol's own name), text for people, code, a shell command, a regex, a
    /// list of CSS classes, a URL, host name, path or file name, a prefix, a value encrypted or hashed elsewhere, or
    /// public key material. SG0002 and SG0007 ask it alike.
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
               IsShellCommand(text) || IsRegex(text) || IsWordList(text) || IsHashOrCiphertext(text) || IsPublicOrEmptyPem(text) || HasFillerWord(text);
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

        // Four words or more, most of them words of letters: a sentence, a log line, a caption.
        if (spaces >= 3)
        {
            var words = 0;
            var parts = text.Split(' ');
            foreach (var part in parts)
            {
                var word = part.Trim(',', '.', ':', ';', '!', '?', '(', ')', '[', ']', '"', '\'');
                if (word.Length >= 2 && IsLetters(word))
                {
                    words++;
                }
            }

            if (words >= 4 && words * 10 >= parts.Length * 6)
            {
                return true;
            }
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

    /// <summary><c>vault.prod.contoso.internal</c>, <c>ldap-01.corp.contoso.com:636</c>: a host name, with or without a port.</summary>
    public static bool IsHostName(string text)
    {
        var host = text;
        var colon = text.LastIndexOf(':');
        if (colon > 0)
        {
            for (var i = colon + 1; i < text.Length; i++)
            {
                if (!char.IsDigit(text[i]))
                {
                    return false;
                }
            }

            host = text.Substring(0, colon);
        }

        var labels = host.Split('.');
        if (labels.Length < 3 && !(labels.Length == 2 && colon > 0))
        {
            return false; // "a.b" alone may be anything; three labels or a port make a host
        }

        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false; // host names are written in lower case
                }
            }
        }

        var last = labels[labels.Length - 1];
        return last.Length >= 2 && IsWordInOneCase(last);
    }

    /// <summary><c>token.json</c>, <c>certs/signing-2024.key</c>, <c>msal_token_cache.bin</c>: a file name.</summary>
    public static bool IsFileName(string text)
    {
        if (text.IndexOf(' ') >= 0)
        {
            return false;
        }

        foreach (var extension in FileExtensions)
        {
            if (text.Length > extension.Length + 1 && text.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// Source code: <c>public string Password => _options.Password;</c>, <c>context.Request.Headers["X-Api-Token"]</c>,
    /// <c>x =&gt; x.Token</c>. Two marks of code, or a statement ending in <c>;</c>.
    /// </summary>
    public static bool IsCode(string text)
    {
        var marks = 0;
        foreach (var mark in CodeMarks)
        {
            if (text.IndexOf(mark, StringComparison.Ordinal) >= 0)
            {
                marks++;
            }
        }

        return marks >= 2 || (marks >= 1 && text.IndexOf(' ') > 0) || (text.EndsWith(";", StringComparison.Ordinal) && text.IndexOf(' ') > 0 && text.IndexOf('=') < 0);
    }

    /// <summary><c>docker login -u ci --password-stdin</c>, <c>openssl rand -hex 32</c>: a shell command.</summary>
    public static bool IsShellCommand(string text)
    {
        if (text.IndexOf(' ') < 0)
        {
            return false;
        }

        foreach (var command in ShellCommands)
        {
            if (text.StartsWith(command, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return text.IndexOf(" | ", StringComparison.Ordinal) > 0 || text.IndexOf(" && ", StringComparison.Ordinal) > 0 || text.IndexOf(" --", StringComparison.Ordinal) > 0;
    }

    /// <summary><c>^[A-Fa-f0-9]{32}$</c>, <c>(?&lt;secret&gt;...)</c>: a regular expression. Two marks of one.</summary>
    public static bool IsRegex(string text)
    {
        var marks = 0;
        foreach (var mark in RegexMarks)
        {
            if (text.IndexOf(mark, StringComparison.Ordinal) >= 0)
            {
                marks++;
            }
        }

        if (text.Length > 1 && text[0] == '^')
        {
            marks++;
        }

        if (text.Length > 1 && text[text.Length - 1] == '$' && text[text.Length - 2] != '$')
        {
            marks++;
        }

        return marks >= 2;
    }

    /// <summary><c>form-control password-input is-invalid</c>, <c>badge bg-secondary</c>: words or CSS classes separated by spaces.</summary>
    public static bool IsWordList(string text)
    {
        if (text.IndexOf(' ') <= 0)
        {
            return false;
        }

        foreach (var part in text.Split(' '))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!char.IsLetter(part[0]))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }

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

    private static readonly string[] CodeMarks = { "=>", "();", "()", "\");", "\"]", "[\"", "{ get", "return ", "var ", "new ", "?.", "::", " != ", " == ", " && ", " || ", ");", "this.", "_options." };

    private static readonly string[] RegexMarks = { "[A-Z", "[a-z", "[0-9", "A-Z]", "a-z]", "0-9]", "\\d", "\\w", "\\s", "(?<", "(?:", "(?=", "(?!", "]{", "]+", "]*", ".*", ".+", "\\.", "{1,", "{2,", "{8,", "{16,", "{20,", "{32,", "}$" };

    private static bool IsFiller(string text)
    {
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

    private static bool IsLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

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
