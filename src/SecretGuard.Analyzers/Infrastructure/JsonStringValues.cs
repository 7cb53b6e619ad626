using System.Collections.Generic;
using System.Text;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// Reads the string values of a JSON document (appsettings.json, launchSettings.json) with their positions.
/// Tolerant as the configuration loader is — comments and trailing commas are fine — and never throws: on
/// malformed input it stops and returns what it has read.
/// </summary>
internal static class JsonStringValues
{
    public static List<JsonStringValue> Read(string text)
    {
        var result = new List<JsonStringValue>();
        var reader = new Reader(text, result, strict: false);
        reader.Run();
        return result;
    }

    /// <summary>
    /// Reads a text that must be one JSON object or array and nothing else (a JSON literal in code): false, with
    /// <paramref name="values"/> left as read so far, when it is not — prose around it, a format string's <c>{{</c>, a
    /// bare word where a value should be, or an unclosed brace.
    /// </summary>
    public static bool TryReadDocument(string text, List<JsonStringValue> values)
    {
        var reader = new Reader(text, values, strict: true);
        return reader.RunToEnd();
    }

    private sealed class Reader
    {
        // Objects and arrays nest by recursion: a hostile or broken file ("[[[[..." 30 000 deep) would overflow the
        // stack and take the compiler down with it. Configuration loading stops at 64 (System.Text.Json's default).
        private const int MaxDepth = 256;

        private readonly string _text;
        private readonly List<JsonStringValue> _result;
        private readonly List<string> _path = new List<string>();
        private readonly bool _strict;
        private int _pos;
        private int _depth;

        public Reader(string text, List<JsonStringValue> result, bool strict)
        {
            _text = text;
            _result = result;
            _strict = strict;
        }

        public void Run()
        {
            SkipTrivia();
            ReadValue(null);
        }

        public bool RunToEnd()
        {
            SkipTrivia();
            if (_pos >= _text.Length || (_text[_pos] != '{' && _text[_pos] != '['))
            {
                return false;
            }

            if (!ReadValue(null))
            {
                return false;
            }

            SkipTrivia();
            return _pos == _text.Length;
        }

        private bool ReadValue(string? key)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                return false;
            }

            switch (_text[_pos])
            {
                case '{':
                case '[':
                    if (_depth == MaxDepth)
                    {
                        return false;
                    }

                    _depth++;
                    var nested = _text[_pos] == '{' ? ReadObject() : ReadArray(key);
                    _depth--;
                    return nested;
                case '"':
                    var start = _pos;
                    if (!ReadString(out var value))
                    {
                        return false;
                    }

                    if (key is not null)
                    {
                        _result.Add(new JsonStringValue(string.Join(":", _path), key, value, start, _pos - start));
                    }

                    return true;
                default:
                    // number, true, false, null: skip to a delimiter
                    var tokenStart = _pos;
                    while (_pos < _text.Length && ",}] \t\r\n/".IndexOf(_text[_pos]) < 0)
                    {
                        _pos++;
                    }

                    return !_strict || IsBareValue(tokenStart, _pos - tokenStart);
            }
        }

        // true, false, null or a number: what JSON allows outside quotes.
        private bool IsBareValue(int start, int length)
        {
            if (length == 0)
            {
                return false;
            }

            var token = _text.Substring(start, length);
            if (token == "true" || token == "false" || token == "null")
            {
                return true;
            }

            foreach (var c in token)
            {
                if (!(char.IsDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
                {
                    return false;
                }
            }

            return char.IsDigit(token[token.Length - 1]);
        }

        private bool ReadObject()
        {
            _pos++; // {
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == '}')
                {
                    _pos++;
                    return true;
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] != '"' || !ReadString(out var name))
                {
                    return false;
                }

                SkipTrivia();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    return false;
                }

                _pos++;
                _path.Add(name);
                var ok = ReadValue(name);
                _path.RemoveAt(_path.Count - 1);
                if (!ok)
                {
                    return false;
                }
            }
        }

        private bool ReadArray(string? key)
        {
            _pos++; // [
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    return true;
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                // Array elements are keyed by index, as configuration keys them ("Hosts:0").
                var elementKey = (index++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _path.Add(elementKey);
                var ok = ReadValue(key ?? elementKey);
                _path.RemoveAt(_path.Count - 1);
                if (!ok)
                {
                    return false;
                }
            }
        }

        private bool ReadString(out string value)
        {
            var sb = new StringBuilder();
            _pos++; // opening quote
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    value = sb.ToString();
                    return true;
                }

                if (c == '\\' && _pos < _text.Length)
                {
                    var e = _text[_pos++];
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u' when _pos + 4 <= _text.Length && int.TryParse(_text.Substring(_pos, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                            sb.Append((char)code);
                            _pos += 4;
                            break;
                        default: sb.Append(e); break;
                    }

                    continue;
                }

                sb.Append(c);
            }

            value = string.Empty;
            return false;
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _pos);
                    _pos = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                    _pos = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
