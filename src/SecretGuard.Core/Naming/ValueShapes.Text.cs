using System;

namespace SecretGuard.Naming;

/// <summary>Text that is not a value at all: sentences, log lines, code, shell commands, regexes, CSS, SQL, URLs, host and file names.</summary>
internal static partial class ValueShapes
{
    private static readonly string[] SentenceWords =
    {
        " the ", " your ", " you ", " is ", " are ", " was ", " not ", " please ", " enter ", " must ", " invalid ", " a ", " an ",
        " to ", " for ", " of ", " and ", " or ", " with ", " has ", " have ", " be ", " been ", " could ", " cannot ", " can't ",
        " failed ", " missing ", " required ", " expired ", " incorrect ", " wrong ", " new ", " this ", " that ", " no ",
    };

    private static readonly string[] FileExtensions =
    {
        ".json", ".xml", ".yaml", ".yml", ".txt", ".bin", ".dat", ".db", ".sqlite", ".config", ".ini", ".env", ".cache", ".pem", ".key", ".pfx",
        ".p12", ".crt", ".cer", ".der", ".jks", ".keystore", ".snk", ".csv", ".log", ".html", ".js", ".cs", ".ps1", ".sh",
    };

    private static readonly string[] ShellCommands =
    {
        "echo ", "docker ", "git ", "curl ", "wget ", "openssl ", "az ", "aws ", "gcloud ", "kubectl ", "helm ", "ssh ", "scp ", "sh ", "bash ",
        "pwsh ", "powershell ", "cmd ", "dotnet ", "npm ", "nuget ", "sudo ", "export ", "set ", "mysql ", "psql ", "sqlcmd ", "net ",
    };

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

    /// <summary>
    /// A name reserved for documentation (RFC 2606, RFC 6761): <c>example.com</c>, <c>example.org</c>, <c>example.net</c>
    /// and their subdomains, and names under <c>.example</c>, <c>.test</c> and <c>.invalid</c>. What a URL on such a host
    /// carries is a sample.
    /// </summary>
    public static bool IsDocumentationHost(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        foreach (var reserved in DocumentationDomains)
        {
            if (name == reserved || name.EndsWith("." + reserved, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] DocumentationDomains = { "example.com", "example.org", "example.net", "example", "test", "invalid" };

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

    private static readonly string[] CodeMarks = { "=>", "();", "()", "\");", "\"]", "[\"", "{ get", "return ", "var ", "new ", "?.", "::", " != ", " == ", " && ", " || ", ");", "this.", "_options." };

    private static readonly string[] RegexMarks = { "[A-Z", "[a-z", "[0-9", "A-Z]", "a-z]", "0-9]", "\\d", "\\w", "\\s", "(?<", "(?:", "(?=", "(?!", "]{", "]+", "]*", ".*", ".+", "\\.", "{1,", "{2,", "{8,", "{16,", "{20,", "{32,", "}$" };

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
}
