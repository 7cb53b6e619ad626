using System;
using System.Collections.Generic;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// Reads the string fields of structured text held in one literal: a JSON document, YAML <c>key: value</c> lines, XML,
/// <c>KEY=value</c> lines, an absolute URL's query and fragment, a form body, a connection string. The whole text must be
/// that structure — prose with a sample in it, a log template with <c>password=</c>, a format string's <c>{{</c> are
/// not — so a field is only ever read where the text is what it looks like. Never throws.
/// </summary>
/// <remarks>Which fields are credentials, and whether their values are secrets, is the caller's question.</remarks>
internal static partial class StructuredFields
{
    /// <summary>Texts longer than this are documents, not literals worth parsing field by field.</summary>
    public const int MaxLength = 32 * 1024;

    private const int MinLength = 8;

    /// <summary>
    /// Whether the text has the shape of one of the structures at all: braces or angle brackets at both ends, a line
    /// break with <c>:</c> or <c>=</c>, a URL with a query, or pairs joined by <c>;</c> or <c>&amp;</c>. A few character
    /// tests, before anything is parsed.
    /// </summary>
    public static bool MayHold(string text)
    {
        if (text.Length < MinLength || text.Length > MaxLength)
        {
            return false;
        }

        int first = FirstNonSpace(text), last = LastNonSpace(text);
        if (first < 0 || last <= first)
        {
            return false;
        }

        var open = text[first];
        var close = text[last];
        if ((open == '{' && close == '}') || (open == '[' && close == ']') || (open == '<' && close == '>'))
        {
            return true;
        }

        var equals = text.IndexOf('=');
        if (text.IndexOf('\n') >= 0)
        {
            return equals > 0 || text.IndexOf(':') > 0;
        }

        return equals > 0 && (text.IndexOf(';') > 0 || text.IndexOf('&') > 0 || text.IndexOf("://", StringComparison.Ordinal) > 0);
    }

    /// <summary>
    /// The structure the whole text is, with its string fields added to <paramref name="fields"/>; null when it is none
    /// of them. <paramref name="host"/> is a URL's host.
    /// </summary>
    public static Structure? Read(string text, List<StructuredField> fields, out string? host)
    {
        host = null;
        try
        {
            return ReadStructure(text, fields, out host);
        }
        catch (Exception)
        {
            // A reader that meets something it did not expect says "no structure"; it never breaks the compiler.
            fields.Clear();
            return null;
        }
    }

    /// <summary>How a message names the structure: "this JSON", "this connection string".</summary>
    public static string Describe(Structure structure) => structure switch
    {
        Structure.Json => "this JSON",
        Structure.Yaml => "this YAML",
        Structure.Xml => "this XML",
        Structure.KeyValueLines => "these KEY=value lines",
        Structure.Url => "this URL",
        Structure.Query => "this query string",
        _ => "this connection string",
    };

    private static Structure? ReadStructure(string text, List<StructuredField> fields, out string? host)
    {
        host = null;
        if (text.Length < MinLength || text.Length > MaxLength)
        {
            return null;
        }

        int first = FirstNonSpace(text), last = LastNonSpace(text);
        if (first < 0 || last <= first)
        {
            return null;
        }

        var open = text[first];
        var close = text[last];
        if ((open == '{' && close == '}') || (open == '[' && close == ']'))
        {
            return ReadJson(text, fields) ? Structure.Json : null;
        }

        if (open == '<' && close == '>')
        {
            return ReadXml(text, fields) ? Structure.Xml : null;
        }

        if (text.IndexOf('\n') >= 0)
        {
            if (ReadYaml(text, fields))
            {
                return Structure.Yaml;
            }

            fields.Clear();
            return ReadKeyValueLines(text, fields) ? Structure.KeyValueLines : null;
        }

        var trimmed = text.Substring(first, last - first + 1);
        if (StartsWithScheme(trimmed))
        {
            return ReadUrl(trimmed, fields, out host) ? Structure.Url : null;
        }

        if (trimmed.IndexOf(';') > 0)
        {
            return ReadConnectionString(trimmed, fields) ? Structure.ConnectionString : null;
        }

        return ReadQuery(trimmed.TrimStart('?'), fields, minimumPairs: 2) ? Structure.Query : null;
    }

    // ---- JSON ------------------------------------------------------------------------------------------------------

    private static bool ReadJson(string text, List<StructuredField> fields)
    {
        var values = new List<JsonStringValue>();
        if (!JsonStringValues.TryReadDocument(text, values))
        {
            return false;
        }

        foreach (var value in values)
        {
            fields.Add(new StructuredField(value.Key, value.Value));
        }

        // { "name": "DB_PASSWORD", "value": "..." }: the sibling "name" (or "key") names the value.
        for (var i = 0; i < values.Count; i++)
        {
            if (!IsValueKey(values[i].Key))
            {
                continue;
            }

            var parent = Parent(values[i].Path);
            for (var j = 0; j < values.Count; j++)
            {
                if (j != i && IsNameKey(values[j].Key) && Parent(values[j].Path) == parent && IsFieldName(values[j].Value))
                {
                    fields.Add(new StructuredField(values[j].Value, values[i].Value));
                    break;
                }
            }
        }

        return true;
    }

    private static string Parent(string path)
    {
        var colon = path.LastIndexOf(':');
        return colon < 0 ? string.Empty : path.Substring(0, colon);
    }

    // ---- URL, query, connection string -----------------------------------------------------------------------------

    // scheme://[user[:password]@]host[:port][/path][?query][#fragment], with a real scheme (two characters or more, so a
    // drive letter is none) and a real host (no template, no path). The user's password is SG0001's (url-credentials).
    private static bool ReadUrl(string text, List<StructuredField> fields, out string? host)
    {
        host = null;
        if (HasWhiteSpace(text))
        {
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd + 3;
        var authorityEnd = text.IndexOfAny(AuthorityEnd, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }

        var authority = text.Substring(authorityStart, authorityEnd - authorityStart);
        var at = authority.LastIndexOf('@');
        var hostAndPort = at >= 0 ? authority.Substring(at + 1) : authority;
        if (!IsHostAndPort(hostAndPort, out host))
        {
            return false;
        }

        var query = text.IndexOf('?', authorityEnd);
        var fragment = text.IndexOf('#', authorityEnd);
        if (query >= 0 && (fragment < 0 || query < fragment))
        {
            var end = fragment < 0 ? text.Length : fragment;
            ReadQuery(text.Substring(query + 1, end - query - 1), fields, minimumPairs: 1);
        }

        if (fragment >= 0)
        {
            // #access_token=...&state=...: the implicit flow puts tokens in the fragment.
            ReadQuery(text.Substring(fragment + 1), fields, minimumPairs: 1);
        }

        return true;
    }

    private static readonly char[] AuthorityEnd = { '/', '?', '#' };

    private static bool StartsWithScheme(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 2 || schemeEnd > 30 || !char.IsLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < schemeEnd; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostAndPort(string text, out string? host)
    {
        host = null;
        var hostPart = text;
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text.Substring(0, close + 1);
            return close + 1 == text.Length || (text[close + 1] == ':' && IsDigits(text, close + 2, text.Length));
        }

        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            if (!IsDigits(text, colon + 1, text.Length))
            {
                return false;
            }

            hostPart = text.Substring(0, colon);
        }

        if (hostPart.Length == 0)
        {
            return false;
        }

        foreach (var c in hostPart)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))
            {
                return false; // {host}, $(Host), %HOST%: a template, not a host
            }
        }

        host = hostPart;
        return true;
    }

    // name=value&name=value; a value may be empty, a name may not. Names and values are percent-decoded.
    private static bool ReadQuery(string text, List<StructuredField> fields, int minimumPairs)
    {
        if (text.Length == 0 || HasWhiteSpace(text))
        {
            return false;
        }

        var pairs = text.Split('&');
        var found = new List<StructuredField>(pairs.Length);
        foreach (var pair in pairs)
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                if (minimumPairs > 1)
                {
                    return false; // a form body is pairs only
                }

                continue; // ?debug&x=1: a flag
            }

            var name = Decode(pair.Substring(0, equals));
            if (!IsFieldName(name))
            {
                return false;
            }

            found.Add(new StructuredField(name, Decode(pair.Substring(equals + 1))));
        }

        if (found.Count < minimumPairs)
        {
            return false;
        }

        fields.AddRange(found);
        return true;
    }

    private static string Decode(string text)
    {
        try
        {
            return text.IndexOf('%') < 0 ? text : Uri.UnescapeDataString(text);
        }
        catch (Exception)
        {
            return text;
        }
    }

    // Key=value;Key=value: two pairs or more, each key of letters, digits, spaces, '_', '-' or '.' starting with a letter
    // (User Id, Data Source, SharedAccessKeyName), values quoted or not.
    private static bool ReadConnectionString(string text, List<StructuredField> fields)
    {
        var found = new List<StructuredField>();
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var semicolon = text.IndexOf(';', i);
            if (semicolon >= 0 && (equals < 0 || semicolon < equals))
            {
                if (text.Substring(i, semicolon - i).Trim().Length > 0)
                {
                    return false; // a segment without '='
                }

                i = semicolon + 1;
                continue;
            }

            if (equals < 0)
            {
                if (text.Substring(i).Trim().Length > 0)
                {
                    return false;
                }

                break;
            }

            var key = text.Substring(i, equals - i).Trim();
            if (!IsConnectionStringKey(key))
            {
                return false;
            }

            var valueStart = equals + 1;
            while (valueStart < text.Length && text[valueStart] == ' ')
            {
                valueStart++;
            }

            string value;
            if (valueStart < text.Length && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var quote = text[valueStart];
                var close = text.IndexOf(quote, valueStart + 1);
                if (close < 0)
                {
                    return false;
                }

                value = text.Substring(valueStart + 1, close - valueStart - 1);
                var next = text.IndexOf(';', close + 1);
                if (text.Substring(close + 1, (next < 0 ? text.Length : next) - close - 1).Trim().Length > 0)
                {
                    return false;
                }

                i = next < 0 ? text.Length : next + 1;
            }
            else
            {
                var end = text.IndexOf(';', valueStart);
                value = text.Substring(valueStart, (end < 0 ? text.Length : end) - valueStart).Trim();
                i = end < 0 ? text.Length : end + 1;
            }

            found.Add(new StructuredField(key, value));
        }

        if (found.Count < 2)
        {
            return false;
        }

        fields.AddRange(found);
        return true;
    }

    private static bool IsConnectionStringKey(string key)
    {
        if (key.Length == 0 || key.Length > 40 || !char.IsLetter(key[0]))
        {
            return false;
        }

        var words = 1;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == ' ')
            {
                if (key[i - 1] == ' ')
                {
                    return false;
                }

                words++;
            }
            else if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return words <= 4;
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    /// <summary>A name a field can have: letters, digits, <c>_ - . [ ]</c>, starting with a letter or <c>_</c>, 64 characters at most.</summary>
    private static bool IsFieldName(string name)
    {
        if (name.Length == 0 || name.Length > 64 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameKey(string key) => string.Equals(key, "name", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "key", StringComparison.OrdinalIgnoreCase);

    private static bool IsValueKey(string key) => string.Equals(key, "value", StringComparison.OrdinalIgnoreCase);

    private static bool IsDigits(string text, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstNonSpace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastNonSpace(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
