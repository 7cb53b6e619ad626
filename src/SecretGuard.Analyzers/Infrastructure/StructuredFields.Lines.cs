using System;
using System.Collections.Generic;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>Line-based structures: YAML <c>key: value</c> and <c>KEY=value</c> lines (env, INI, properties).</summary>
internal static partial class StructuredFields
{
    // Two lines or more that all read as the structure: one "key: value" line alone is as often a label or a log line.
    private const int MinimumLines = 2;

    // YAML as configuration writes it: mappings ("key: value", "key:"), sequences ("- item", "- key: value"), comments,
    // document markers, quoted and plain scalars, block scalars ("key: |" and the lines indented under it). Every line
    // that is not blank must be one of these; tabs for indentation are not YAML.
    private static bool ReadYaml(string text, List<StructuredField> fields)
    {
        var lines = text.Split('\n');
        var contentLines = 0;
        var pairs = 0;
        var blockIndent = -1;

        // The mappings open at each indentation, for "- name: X" + "value: ..." pairs.
        var mappings = new List<YamlMapping>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r', ' ');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            if (blockIndent >= 0)
            {
                if (indent > blockIndent)
                {
                    continue; // a line of a block scalar
                }

                blockIndent = -1;
            }

            if (line[indent] == '\t')
            {
                return false;
            }

            var rest = line.Substring(indent);
            contentLines++;
            if (rest[0] == '#' || rest == "---" || rest == "...")
            {
                continue;
            }

            var column = indent;
            var startsItem = false;
            if (rest == "-")
            {
                continue;
            }

            if (rest.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = 2;
                while (item < rest.Length && rest[item] == ' ')
                {
                    item++;
                }

                column = indent + item;
                rest = rest.Substring(item);
                startsItem = true;
                if (!TrySplitYamlPair(rest, out _, out _))
                {
                    continue; // "- scalar"
                }
            }

            if (!TrySplitYamlPair(rest, out var key, out var value))
            {
                return false;
            }

            pairs++;
            var mapping = MappingAt(mappings, column, startsItem);
            var trimmed = value.Trim();
            if (trimmed.StartsWith("|", StringComparison.Ordinal) || trimmed.StartsWith(">", StringComparison.Ordinal))
            {
                blockIndent = indent;
                continue;
            }

            if (trimmed.Length == 0 || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '&' || trimmed[0] == '*')
            {
                continue; // a nested block, a flow collection, an anchor or an alias
            }

            if (!TryReadYamlScalar(trimmed, out var scalar))
            {
                return false;
            }

            fields.Add(new StructuredField(key, scalar));
            if (IsNameKey(key) && IsFieldName(scalar))
            {
                mapping.Name = scalar;
            }
            else if (IsValueKey(key))
            {
                mapping.Value = scalar;
            }

            if (mapping.Name is not null && mapping.Value is not null && !mapping.Paired)
            {
                mapping.Paired = true;
                fields.Add(new StructuredField(mapping.Name, mapping.Value));
            }
        }

        return contentLines >= MinimumLines && pairs >= 1;
    }

    private static YamlMapping MappingAt(List<YamlMapping> open, int column, bool startsItem)
    {
        while (open.Count > 0 && (open[open.Count - 1].Column > column || (startsItem && open[open.Count - 1].Column == column)))
        {
            open.RemoveAt(open.Count - 1);
        }

        if (open.Count > 0 && open[open.Count - 1].Column == column)
        {
            return open[open.Count - 1];
        }

        var mapping = new YamlMapping(column);
        open.Add(mapping);
        return mapping;
    }

    // key: value / key: / "quoted key": value. A plain key is a name (letters, digits, _ - . /); a colon must be followed
    // by a space or end the line, so "https://host" and "12:30" are not pairs.
    private static bool TrySplitYamlPair(string rest, out string key, out string value)
    {
        key = string.Empty;
        value = string.Empty;
        int colon;
        if (rest[0] == '"' || rest[0] == '\'')
        {
            var close = rest.IndexOf(rest[0], 1);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                return false;
            }

            key = rest.Substring(1, close - 1);
            colon = close + 1;
        }
        else
        {
            colon = rest.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            key = rest.Substring(0, colon);
        }

        if (colon + 1 < rest.Length && rest[colon + 1] != ' ')
        {
            return false;
        }

        if (!IsFieldName(key.Replace('/', '.')))
        {
            return false;
        }

        value = colon + 1 < rest.Length ? rest.Substring(colon + 1) : string.Empty;
        return true;
    }

    // "double" (with escapes), 'single' ('' for a quote), or plain up to a " #" comment.
    private static bool TryReadYamlScalar(string text, out string scalar)
    {
        scalar = string.Empty;
        if (text[0] == '"')
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    sb.Append(text[++i] switch { 'n' => '\n', 't' => '\t', var e => e });
                    continue;
                }

                if (c == '"')
                {
                    scalar = sb.ToString();
                    return IsCommentOrNothing(text, i + 1);
                }

                sb.Append(c);
            }

            return false;
        }

        if (text[0] == '\'')
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == '\'')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        sb.Append('\'');
                        i++;
                        continue;
                    }

                    scalar = sb.ToString();
                    return IsCommentOrNothing(text, i + 1);
                }

                sb.Append(text[i]);
            }

            return false;
        }

        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        scalar = (comment < 0 ? text : text.Substring(0, comment)).Trim();
        return true;
    }

    private static bool IsCommentOrNothing(string text, int start)
    {
        var rest = text.Substring(start).Trim();
        return rest.Length == 0 || rest[0] == '#';
    }

    // KEY=value lines: env files (with "export "), INI files ([section], ; and # comments), Java properties. Every line
    // that is not blank is a pair, a section or a comment.
    private static bool ReadKeyValueLines(string text, List<StructuredField> fields)
    {
        var contentLines = 0;
        var pairs = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            contentLines++;
            if (line[0] == '#' || line[0] == ';' || (line[0] == '[' && line[line.Length - 1] == ']'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line.Substring(7).TrimStart();
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var key = line.Substring(0, equals).Trim();
            if (!IsFieldName(key))
            {
                return false;
            }

            var value = line.Substring(equals + 1).Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2);
            }
            else
            {
                var comment = value.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    value = value.Substring(0, comment).TrimEnd();
                }
            }

            pairs++;
            fields.Add(new StructuredField(key, value));
        }

        return contentLines >= MinimumLines && pairs >= 1;
    }

    private sealed class YamlMapping
    {
        public YamlMapping(int column) => Column = column;

        public int Column { get; }

        public string? Name { get; set; }

        public string? Value { get; set; }

        public bool Paired { get; set; }
    }
}
