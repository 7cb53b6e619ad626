using System.Collections.Generic;
using System.Text;
using SecretGuard.Diagnostics;

namespace SecretGuard.EnvFiles;

/// <summary>
/// Reads the env-file grammar (docs/formats.md#1-env-files) into nodes that keep every character. Lines it cannot read
/// become <see cref="EnvInvalidLine"/> nodes with an SG1001 finding, and parsing goes on, so one run reports every
/// error.
/// </summary>
internal sealed class EnvFileParser
{
    private const string ExportKeyword = "export";
    private static readonly char[] QuoteOrEscape = { '"', '\\' };
    private const string StrayCarriageReturn = "carriage return without a line feed: save the file with LF or CRLF line endings";

    private readonly string _text;
    private readonly string? _path;
    private readonly List<EnvNode> _nodes = new List<EnvNode>();
    private readonly List<Finding> _findings = new List<Finding>();
    private int _pos;
    private int _line = 1;

    private EnvFileParser(string text, string? path)
    {
        _text = text;
        _path = path;
    }

    public static void Parse(string text, int start, string? path, out List<EnvNode> nodes, out List<Finding> findings)
    {
        var parser = new EnvFileParser(text, path) { _pos = start };
        parser.Run();
        nodes = parser._nodes;
        findings = parser._findings;
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            ReadPhysicalLine(_pos, out var contentEnd, out var next);
            var lineStart = _pos;
            var first = SkipBlanks(lineStart, contentEnd);
            if (first == contentEnd)
            {
                Add(new EnvBlankLine(_line, Slice(lineStart, next), next - contentEnd), next, 1);
                continue;
            }

            // Only a double-quoted value may hold a carriage return. One before any '"' is stray, on a comment line
            // too; one after a '"' is judged by IsEndOfEntryValid, which knows where the value ends.
            var strayCr = _text.IndexOf('\r', lineStart, contentEnd - lineStart);
            if (strayCr >= 0 && (_text[first] == '#' || !IsAfterDoubleQuote(lineStart, strayCr)))
            {
                Error(_line, strayCr - lineStart + 1, StrayCarriageReturn);
                Add(new EnvInvalidLine(_line, Slice(lineStart, next), next - contentEnd), next, 1);
                continue;
            }

            if (_text[first] == '#')
            {
                Add(new EnvComment(_line, Slice(lineStart, next), next - contentEnd), next, 1);
                continue;
            }

            ReadEntry(lineStart, contentEnd, first - lineStart);
        }
    }

    private void ReadEntry(int lineStart, int contentEnd, int first)
    {
        var scan = new EntryScan { Line = _line, EndLine = _line, LineStart = lineStart, ContentEnd = contentEnd };
        if (TryReadKeyAndSeparator(ref scan, lineStart + first) && TryReadValue(ref scan) && IsEndOfEntryValid(ref scan))
        {
            AddEntry(ref scan);
        }
    }

    // [export] KEY = or KEY: — the key, the separator and the blanks around it; fills everything up to ValueStart.
    private bool TryReadKeyAndSeparator(ref EntryScan scan, int i)
    {
        var lineStart = scan.LineStart;
        var contentEnd = scan.ContentEnd;
        if (StartsWithWord(i, contentEnd, ExportKeyword) && i + ExportKeyword.Length < contentEnd && IsBlank(_text[i + ExportKeyword.Length]))
        {
            scan.HasExport = true;
            i = SkipBlanks(i + ExportKeyword.Length, contentEnd);
        }

        var keyStart = i;
        if (i >= contentEnd || !IsKeyStart(_text[i]))
        {
            FailLine(scan.Line, i - lineStart + 1,
                "expected a key: a key starts with a letter or '_' and continues with letters, digits, '_', '.' or '-'");
            return false;
        }

        while (i < contentEnd && IsKeyChar(_text[i]))
        {
            i++;
        }

        var key = scan.Key = _text.Substring(keyStart, i - keyStart);
        scan.KeyColumn = keyStart - lineStart + 1;
        var blanksBeforeSeparator = i;
        i = SkipBlanks(i, contentEnd);
        var spaceBefore = i > blanksBeforeSeparator;

        if (i >= contentEnd || (_text[i] != '=' && _text[i] != ':'))
        {
            // The "key" may be a pasted secret on a line of its own: the message must not repeat it.
            var message = i < contentEnd && !spaceBefore
                ? "invalid character in the key at column " + (i - lineStart + 1) + ": keys contain letters, digits, '_', '.' or '-'; write KEY=value"
                : "expected '=' after the key at column " + (i - lineStart + 1) + ": write KEY=value, or KEY= for an empty value";
            FailLine(scan.Line, i - lineStart + 1, message);
            return false;
        }

        scan.Separator = _text[i];
        var separatorColumn = i - lineStart + 1;
        i++;
        scan.AfterSeparator = i;
        i = SkipBlanks(i, contentEnd);
        var spaceAfter = i > scan.AfterSeparator;
        scan.ValueStart = i;
        scan.ValueColumn = i - lineStart + 1;

        if (scan.Separator == ':')
        {
            AddAmbiguity(ref scan, separatorColumn,
                key + ": '" + key + ": value' is YAML style and only some loaders accept it; write " + key + "=value");
        }
        else if (spaceBefore || (spaceAfter && scan.ValueStart < contentEnd && _text[scan.ValueStart] != '#'))
        {
            AddAmbiguity(ref scan, separatorColumn,
                key + ": space around '=' is kept as part of the name or the value by some loaders (docker --env-file); write " + key + "=value without spaces");
        }

        return true;
    }

    private bool TryReadValue(ref EntryScan scan)
    {
        var first = scan.ValueStart < scan.ContentEnd ? _text[scan.ValueStart] : '\0';
        if (first == '"')
        {
            return TryReadDoubleQuotedValue(ref scan);
        }

        if (first == '\'')
        {
            return TryReadSingleQuotedValue(ref scan);
        }

        ReadUnquotedValue(ref scan);
        return true;
    }

    private bool TryReadDoubleQuotedValue(ref EntryScan scan)
    {
        if (!TryReadDoubleQuoted(scan.ValueStart, out scan.Value, out scan.ValueEnd, out var newlines))
        {
            FailLine(scan.Line, scan.ValueColumn,
                "the double quote that opens the value of " + scan.Key + " is never closed: add the closing \"");
            return false;
        }

        scan.Style = EnvQuoteStyle.Double;
        scan.EndLine = scan.Line + newlines;
        if (EnvAmbiguity.IndexOfVariableReference(_text, scan.ValueStart + 1, scan.ValueEnd - 1) >= 0)
        {
            AddAmbiguity(ref scan, scan.ValueColumn, VariableReferenceMessage(scan.Key));
        }

        // A closing quote on a later line moves the rest of the entry to that line.
        if (newlines > 0)
        {
            ReadPhysicalLine(scan.ValueEnd, out scan.ContentEnd, out _);
            scan.LineStart = _text.LastIndexOf('\n', scan.ValueEnd - 1) + 1;
        }

        return true;
    }

    private bool TryReadSingleQuotedValue(ref EntryScan scan)
    {
        var valueStart = scan.ValueStart;
        var close = _text.IndexOf('\'', valueStart + 1, scan.ContentEnd - valueStart - 1);
        if (close < 0)
        {
            FailLine(scan.Line, scan.ValueColumn,
                "the single quote that opens the value of " + scan.Key + " is never closed on this line: add the closing ' (use double quotes for a value that spans lines)");
            return false;
        }

        scan.Style = EnvQuoteStyle.Single;
        scan.ValueEnd = close + 1;
        scan.Value = _text.Substring(valueStart + 1, close - valueStart - 1);
        return true;
    }

    private void ReadUnquotedValue(ref EntryScan scan)
    {
        scan.Style = EnvQuoteStyle.None;
        var valueStart = scan.ValueStart;
        var commentStart = scan.ContentEnd;
        for (var j = valueStart; j < scan.ContentEnd; j++)
        {
            if (_text[j] == '#' && j > scan.AfterSeparator && IsBlank(_text[j - 1]))
            {
                commentStart = j;
                break;
            }
        }

        var valueEnd = commentStart;
        while (valueEnd > valueStart && IsBlank(_text[valueEnd - 1]))
        {
            valueEnd--;
        }

        scan.ValueEnd = valueEnd;
        scan.Value = _text.Substring(valueStart, valueEnd - valueStart);
        AddUnquotedAmbiguities(ref scan.Ambiguities, scan.Line, scan.LineStart, valueStart, valueEnd, scan.Key);

        // An empty value sits right after the separator, so the blanks (and the " # comment") after it stay in
        // the suffix: a value written there later must not lose the blank before '#' or gain one after '='.
        if (valueEnd == valueStart)
        {
            scan.ValueStart = scan.ValueEnd = scan.AfterSeparator;
            scan.ValueColumn = scan.AfterSeparator - scan.LineStart + 1;
        }
    }

    // What follows the value: no stray carriage return, and after a quoted value only blanks and a comment.
    private bool IsEndOfEntryValid(ref EntryScan scan)
    {
        // A '"' earlier on the line let a carriage return through the check in Run. Only a double-quoted value may
        // hold one: in any other value, and in the comment after any value, it is stray. (Accepting it after a quoted
        // value would make the line an error once the value is rewritten unquoted, as encryption does.)
        var from = scan.Style == EnvQuoteStyle.Double ? scan.ValueEnd : scan.ValueStart;
        var carriageReturn = _text.IndexOf('\r', from, scan.ContentEnd - from);
        if (carriageReturn >= 0)
        {
            FailThrough(scan.EndLine, scan.ContentEnd, carriageReturn - scan.LineStart + 1, StrayCarriageReturn);
            return false;
        }

        var rest = SkipBlanks(scan.ValueEnd, scan.ContentEnd);
        if (scan.Style != EnvQuoteStyle.None && rest < scan.ContentEnd && (_text[rest] != '#' || rest == scan.ValueEnd))
        {
            FailThrough(scan.EndLine, scan.ContentEnd, rest - scan.LineStart + 1,
                "unexpected text after the closing quote of " + scan.Key + " at column " + (rest - scan.LineStart + 1) +
                ": a comment needs whitespace and '#' before it; anything else belongs inside the quotes");
            return false;
        }

        return true;
    }

    private void AddEntry(ref EntryScan scan)
    {
        ReadPhysicalLine(scan.ValueEnd, out var entryContentEnd, out var next);
        var entryStart = _pos;
        var entry = new EnvEntry(
            scan.Line,
            scan.KeyColumn,
            scan.Key,
            scan.HasExport,
            scan.Separator,
            Slice(entryStart, next),
            scan.ValueStart - entryStart,
            scan.ValueEnd - scan.ValueStart,
            scan.Value,
            scan.Style,
            scan.ValueColumn,
            scan.EndLine,
            next - entryContentEnd);
        if (scan.Ambiguities is not null)
        {
            _findings.AddRange(scan.Ambiguities);
        }

        Add(entry, next, scan.EndLine - scan.Line + 1);
    }

    private void AddAmbiguity(ref EntryScan scan, int column, string message) =>
        (scan.Ambiguities ??= new List<Finding>()).Add(Ambiguity(scan.Line, column, scan.Key, message));

    private void AddUnquotedAmbiguities(ref List<Finding>? ambiguities, int line, int lineStart, int start, int end, string key)
    {
        for (var j = start; j < end; j++)
        {
            if (_text[j] == '#')
            {
                (ambiguities ??= new List<Finding>()).Add(Ambiguity(line, j - lineStart + 1, key,
                    key + ": '#' inside an unquoted value is read as the start of a comment by some loaders, which cut the value there; quote the value: " + key + "='...'"));
                break;
            }
        }

        for (var j = start; j < end; j++)
        {
            var c = _text[j];
            if (c == '"' || c == '\'' || c == '`')
            {
                (ambiguities ??= new List<Finding>()).Add(Ambiguity(line, j - lineStart + 1, key,
                    key + ": a quote character inside an unquoted value is read differently by different loaders; quote the whole value: " + key + "='...' (or \"...\" when it holds a single quote)"));
                break;
            }
        }

        var reference = EnvAmbiguity.IndexOfVariableReference(_text, start, end);
        if (reference >= 0)
        {
            (ambiguities ??= new List<Finding>()).Add(Ambiguity(line, reference - lineStart + 1, key, VariableReferenceMessage(key)));
        }
    }

    private static string VariableReferenceMessage(string key) =>
        key + ": '$' followed by a name is substituted by shells, docker compose and dotenv-expand, but SecretGuard reads values literally; " +
        "write the value in single quotes (" + key + "='...') so every loader reads the same text";

    // Reads "…" starting at the opening quote; the value may span lines. Returns false when it is never closed.
    private bool TryReadDoubleQuoted(int open, out string value, out int end, out int newlines)
    {
        // Most values have no escape and no CRLF: then the value is the text between the quotes, taken as one slice.
        var close = _text.IndexOfAny(QuoteOrEscape, open + 1);
        if (close >= 0 && _text[close] == '"' && _text.IndexOf('\r', open + 1, close - open - 1) < 0)
        {
            value = Slice(open + 1, close);
            end = close + 1;
            newlines = 0;
            for (var n = _text.IndexOf('\n', open + 1, close - open - 1); n >= 0; n = _text.IndexOf('\n', n + 1, close - n - 1))
            {
                newlines++;
            }

            return true;
        }

        var sb = new StringBuilder();
        newlines = 0;
        var i = open + 1;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '"')
            {
                value = sb.ToString();
                end = i + 1;
                return true;
            }

            if (c == '\\' && i + 1 < _text.Length)
            {
                var escaped = _text[i + 1];
                switch (escaped)
                {
                    case 'n': sb.Append('\n'); i += 2; continue;
                    case 't': sb.Append('\t'); i += 2; continue;
                    case '"': sb.Append('"'); i += 2; continue;
                    case '\\': sb.Append('\\'); i += 2; continue;
                    default:
                        // Unknown escapes are kept as written: values are literal.
                        sb.Append('\\');
                        i++;
                        continue;
                }
            }

            if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
            {
                // A value must not change with the checkout's line endings (git autocrlf): CRLF reads as LF.
                sb.Append('\n');
                newlines++;
                i += 2;
                continue;
            }

            if (c == '\n')
            {
                newlines++;
            }

            sb.Append(c);
            i++;
        }

        value = string.Empty;
        end = _text.Length;
        return false;
    }

    private void ReadPhysicalLine(int from, out int contentEnd, out int next)
    {
        var newline = _text.IndexOf('\n', from);
        if (newline < 0)
        {
            contentEnd = _text.Length;
            next = _text.Length;
            return;
        }

        next = newline + 1;
        contentEnd = newline > from && _text[newline - 1] == '\r' ? newline - 1 : newline;
        if (newline == from)
        {
            contentEnd = newline;
        }
    }

    private bool IsAfterDoubleQuote(int lineStart, int index) => _text.IndexOf('"', lineStart, index - lineStart) >= 0;

    private string Slice(int start, int end) => _text.Substring(start, end - start);

    private void FailLine(int line, int column, string message)
    {
        Error(line, column, message);
        FailLineNoError(line);
    }

    // Reports an error on the last line of an entry and keeps every line the entry spans verbatim.
    private void FailThrough(int lastLine, int lastContentEnd, int column, string message)
    {
        Error(lastLine, column, message);
        ReadPhysicalLine(lastContentEnd, out _, out var next);
        while (_pos < next)
        {
            FailLineNoError(_line);
        }
    }

    private void FailLineNoError(int line)
    {
        ReadPhysicalLine(_pos, out var contentEnd, out var next);
        Add(new EnvInvalidLine(line, Slice(_pos, next), next - contentEnd), next, 1);
    }

    private void Add(EnvNode node, int next, int lines)
    {
        _nodes.Add(node);
        _pos = next;
        _line += lines;
    }

    private void Error(int line, int column, string message) =>
        _findings.Add(new Finding(DiagnosticIds.SyntaxError, FindingSeverity.Error, _path, line, column, message));

    private Finding Ambiguity(int line, int column, string key, string message) =>
        new Finding(DiagnosticIds.AmbiguousConstruct, FindingSeverity.Warning, _path, line, column, message, key);

    private bool StartsWithWord(int i, int end, string word) =>
        end - i >= word.Length && string.CompareOrdinal(_text, i, word, 0, word.Length) == 0;

    private int SkipBlanks(int i, int end)
    {
        while (i < end && IsBlank(_text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';

    internal static bool IsKeyStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';

    internal static bool IsKeyChar(char c) => IsKeyStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';

    /// <summary>
    /// One entry as <see cref="ReadEntry"/> reads it, filled in step by step: key and separator, value, then the end
    /// of the entry. A multi-line double-quoted value moves <see cref="LineStart"/> and <see cref="ContentEnd"/> to the
    /// line of its closing quote.
    /// </summary>
    private struct EntryScan
    {
        public int Line;
        public int EndLine;
        public int LineStart;
        public int ContentEnd;
        public bool HasExport;
        public string Key;
        public int KeyColumn;
        public char Separator;
        public int AfterSeparator;
        public int ValueStart;
        public int ValueColumn;
        public int ValueEnd;
        public string Value;
        public EnvQuoteStyle Style;
        public List<Finding>? Ambiguities;
    }
}
