using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.Environments;
using SecretGuard.IO;

namespace SecretGuard.KeyFiles;

/// <summary>
/// The master-key file (<c>secretguard.keys</c>, docs/formats.md#3-key-files): one <c>&lt;name&gt; = &lt;base64&gt;</c>
/// (a version 1 master key) or <c>&lt;name&gt; = sgkey2_...</c> (a version 2 private key) per line, spaces around <c>=</c> allowed, <c>#</c> comments, names <c>&lt;env&gt;</c> and
/// <c>&lt;env&gt;.previous</c>. Lines are kept as written so a rotation changes only the lines it must. No finding or
/// text form ever contains a key. The text is held in character arrays, never in strings, and <see cref="Dispose"/>
/// zeroes them and every key read from them (docs/operations.md#memory-hygiene): dispose of a key file when done.
/// </summary>
internal sealed class KeyFile : IDisposable
{
    /// <summary>The file name searched upward from the project or app folder.</summary>
    public const string DefaultFileName = "secretguard.keys";

    /// <summary>The suffix of the name of an environment's previous key.</summary>
    public const string PreviousSuffix = ".previous";

    /// <summary>Bytes in a master key.</summary>
    public const int KeyLength = 32;

    // A master key's length in standard base64 with padding.
    private const int EncodedKeyLength = 44;

    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // Each line's text without its line ending, and the ending itself ("\n", "\r\n" or "" for an unterminated last line).
    private readonly List<char[]> _lines;
    private readonly List<string> _endings;
    private readonly List<KeyFileEntry> _entries = new List<KeyFileEntry>();
    private readonly List<KeyFileDefinition> _definitions = new List<KeyFileDefinition>();
    private readonly List<Finding> _findings = new List<Finding>();
    private bool _disposed;

    private KeyFile(string? path, List<char[]> lines, List<string> endings)
    {
        FilePath = path;
        _lines = lines;
        _endings = endings;
        Read();
    }

    /// <summary>Where the file was read from.</summary>
    public string? FilePath { get; }

    /// <summary>The valid entries.</summary>
    public IReadOnlyList<KeyFileEntry> Entries => _entries;

    /// <summary>Problems (SG1012), each naming the line and what to do; never the key.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Parses key-file text (the caller's string stays the caller's: prefer <see cref="Load"/>, which makes none).</summary>
    public static KeyFile Parse(string text, string? path = null)
    {
        var chars = text.ToCharArray();
        try
        {
            return FromCharacters(chars, 0, chars.Length, path);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    /// <summary>
    /// Reads a key file from disk as bytes and decodes them into character arrays it owns: the key text is never a
    /// string, and the bytes read are zeroed. UTF-8, or the UTF-16/UTF-32 a byte order mark names (as File.ReadAllText).
    /// </summary>
    public static KeyFile Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        char[]? chars = null;
        try
        {
            chars = Decode(bytes);
            return FromCharacters(chars, 0, chars.Length, path);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
            if (chars is not null)
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }
    }

    /// <summary>The largest file <see cref="HoldsKeys(byte[])"/> reads: a key file is a few lines; anything bigger is not one.</summary>
    public const int MaxProbeLength = 64 * 1024;

    /// <summary>
    /// Whether <paramref name="bytes"/> parse as a key file with at least one valid key line (a master key or a version 2
    /// private key), whatever the file is called
    /// (a temp copy of <c>secretguard.keys</c> left by a crash, a backup, a renamed copy): such a file holds master keys
    /// and is treated as a key file by SG1010/SG1011 and <c>validate --staged</c>. Files larger than
    /// <see cref="MaxProbeLength"/> or holding a NUL byte (binary) are not key files. Never exposes a key.
    /// </summary>
    public static bool HoldsKeys(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length > MaxProbeLength || Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        var chars = new UTF8Encoding(false).GetChars(bytes);
        try
        {
            var start = chars.Length > 0 && chars[0] == '\uFEFF' ? 1 : 0;
            using var file = FromCharacters(chars, start, chars.Length - start, null);
            return file.Entries.Count > 0;
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    /// <summary>An empty key file to add keys to.</summary>
    public static KeyFile Empty(string? path = null) => Parse(string.Empty, path);

    /// <summary>
    /// The nearest <c>secretguard.keys</c> in <paramref name="startDirectory"/> or any folder above it up to the
    /// file-system root, or null.
    /// </summary>
    public static string? FindUpward(string startDirectory, string fileName = DefaultFileName)
    {
        DirectoryInfo? directory;
        try
        {
            directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
        }
        catch (ArgumentException)
        {
            return null;
        }

        for (; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The entry for an environment's current (or previous) key, or null.</summary>
    public KeyFileEntry? Find(string environment, bool previous = false) =>
        _entries.FirstOrDefault(e => e.Environment == environment && e.IsPrevious == previous);

    /// <summary>
    /// Every line that names the key <c>env</c> (or <c>env.previous</c>), readable or not, in file order. More than
    /// one is an error (see <see cref="DescribeDuplicate"/>): readers must not pick one of them.
    /// </summary>
    public IReadOnlyList<KeyFileDefinition> Definitions(string environment, bool previous) =>
        _definitions.Where(d => d.Environment == environment && d.IsPrevious == previous).ToList();

    /// <summary>
    /// The problem with a name defined on several lines: names every line as <c>file(line)</c> (with what
    /// <paramref name="describeLine"/> adds about each, e.g. its kid) and says what to do. Never shows a key.
    /// </summary>
    public string DescribeDuplicate(IReadOnlyList<KeyFileDefinition> definitions, Func<KeyFileDefinition, string?>? describeLine = null)
    {
        var first = definitions[0];
        var name = first.IsPrevious ? first.Environment + PreviousSuffix : first.Environment;
        var lines = definitions.Select(d => (FilePath ?? DefaultFileName) + "(" + d.Line + ")" + (describeLine?.Invoke(d) is { } about ? " (" + about + ")" : string.Empty)).ToList();
        var where = string.Join(", ", lines.Take(lines.Count - 1)) + " and " + lines[lines.Count - 1];
        var advice = first.IsPrevious
            ? "keep the line with the key the values not yet re-encrypted need and delete the other"
            : "keep the line with the key your " + first.Environment + " values are encrypted with (the kid after " +
              EnvironmentName.ToPrefix(first.Environment) + "v1: in each value names it) and delete the other, or rename it '" +
              first.Environment + PreviousSuffix + "' if it is the key from before a rotation";
        return "'" + name + "' is defined on " + (definitions.Count == 2 ? "two" : definitions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) +
            " lines, " + where + ", and SecretGuard cannot tell which key is meant, so it uses none of them: " + advice;
    }

    /// <summary>Sets (replacing in place, or appending) the version 1 master key named <c>env</c> or <c>env.previous</c>.</summary>
    public void Set(string environment, bool previous, byte[] key)
    {
        EnvironmentName.Validate(environment, nameof(environment));
        if (key is null || key.Length != KeyLength)
        {
            throw new ArgumentException("A master key is 32 bytes.", nameof(key));
        }

        ThrowIfDisposed();
        var name = previous ? environment + PreviousSuffix : environment;
        var text = new char[name.Length + 3 + EncodedKeyLength];
        name.CopyTo(0, text, 0, name.Length);
        text[name.Length] = ' ';
        text[name.Length + 1] = '=';
        text[name.Length + 2] = ' ';
        Convert.ToBase64CharArray(key, 0, KeyLength, text, name.Length + 3);
        SetLine(environment, previous, text);
    }

    /// <summary>
    /// Sets (replacing in place, or appending) the version 2 private key named <c>env</c> or <c>env.previous</c>, from
    /// its scalar (32 bytes big-endian); written as <c>sgkey2_...</c>.
    /// </summary>
    public void SetPrivateKey(string environment, bool previous, byte[] scalar)
    {
        EnvironmentName.Validate(environment, nameof(environment));
        ThrowIfDisposed();
        var name = previous ? environment + PreviousSuffix : environment;
        var keyText = PrivateKeyText.Encode(scalar);
        var text = new char[name.Length + 3 + keyText.Length];
        name.CopyTo(0, text, 0, name.Length);
        text[name.Length] = ' ';
        text[name.Length + 1] = '=';
        text[name.Length + 2] = ' ';
        Array.Copy(keyText, 0, text, name.Length + 3, keyText.Length);
        Array.Clear(keyText, 0, keyText.Length);
        SetLine(environment, previous, text);
    }

    /// <summary>Sets the key named <c>env</c> or <c>env.previous</c> to the key held by <paramref name="entry"/>, of its kind.</summary>
    public void SetFrom(string environment, bool previous, KeyFileEntry entry)
    {
        var bytes = entry.GetKeyBytes();
        try
        {
            if (entry.IsPrivateKey)
            {
                SetPrivateKey(environment, previous, bytes);
            }
            else
            {
                Set(environment, previous, bytes);
            }
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    private void SetLine(string environment, bool previous, char[] text)
    {
        var existing = Find(environment, previous);
        if (existing is not null)
        {
            var old = _lines[existing.Line - 1];
            Array.Clear(old, 0, old.Length);
            _lines[existing.Line - 1] = text;
        }
        else
        {
            var ending = _endings.FirstOrDefault(e => e.Length > 0) ?? "\n";
            if (_endings.Count > 0 && _endings[_endings.Count - 1].Length == 0)
            {
                _endings[_endings.Count - 1] = ending;
            }

            _lines.Add(text);
            _endings.Add(ending);
        }

        Read();
    }

    /// <summary>Removes the key named <c>env</c> or <c>env.previous</c>; false when there was none.</summary>
    public bool Remove(string environment, bool previous)
    {
        var existing = Find(environment, previous);
        if (existing is null)
        {
            return false;
        }

        ThrowIfDisposed();
        var removed = _lines[existing.Line - 1];
        Array.Clear(removed, 0, removed.Length);
        _lines.RemoveAt(existing.Line - 1);
        _endings.RemoveAt(existing.Line - 1);
        Read();
        return true;
    }

    /// <summary>
    /// The file's text, as a string that holds keys and cannot be cleared: for tests only. <see cref="Save"/> never
    /// makes one.
    /// </summary>
    public string ToText()
    {
        ThrowIfDisposed();
        var sb = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            sb.Append(_lines[i]).Append(_endings[i]);
        }

        return sb.ToString();
    }

    /// <summary>Writes the file atomically, as UTF-8 without a byte order mark; the bytes it encodes are zeroed afterwards.</summary>
    public void Save(string? path = null)
    {
        ThrowIfDisposed();
        var target = path ?? FilePath ?? throw new InvalidOperationException("The key file has no path: pass one to Save.");
        var utf8 = new UTF8Encoding(false);
        var length = 0;
        for (var i = 0; i < _lines.Count; i++)
        {
            length += utf8.GetByteCount(_lines[i]) + _endings[i].Length;
        }

        var bytes = new byte[length];
        try
        {
            var offset = 0;
            for (var i = 0; i < _lines.Count; i++)
            {
                offset += utf8.GetBytes(_lines[i], 0, _lines[i].Length, bytes, offset);
                offset += utf8.GetBytes(_endings[i], 0, _endings[i].Length, bytes, offset);
            }

            AtomicFile.WriteAllBytes(target, bytes);
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
        }
    }

    /// <summary>Zeroes the file's text and every key read from it; the entries found before are unusable afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ClearEntries();
        foreach (var line in _lines)
        {
            Array.Clear(line, 0, line.Length);
        }
    }

    // Tests look at the characters themselves, to prove they are zero.
    internal IReadOnlyList<char[]> LinesForTests => _lines;

    /// <summary>Names the file and its entries; never shows a key.</summary>
    public override string ToString() => (FilePath ?? DefaultFileName) + ": " + string.Join(", ", _entries.Select(e => e.Name));

    // Splits text into lines, each copied into an array of its own, so that each can be zeroed when replaced or disposed.
    private static KeyFile FromCharacters(char[] text, int start, int length, string? path)
    {
        var lines = new List<char[]>();
        var endings = new List<string>();
        var end = start + length;
        while (start < end)
        {
            var newline = Array.IndexOf(text, '\n', start, end - start);
            if (newline < 0)
            {
                lines.Add(Copy(text, start, end));
                endings.Add(string.Empty);
                break;
            }

            var contentEnd = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            lines.Add(Copy(text, start, contentEnd));
            endings.Add(contentEnd == newline ? "\n" : "\r\n");
            start = newline + 1;
        }

        return new KeyFile(path, lines, endings);
    }

    private static char[] Copy(char[] text, int start, int end)
    {
        var copy = new char[end - start];
        Array.Copy(text, start, copy, 0, copy.Length);
        return copy;
    }

    // File.ReadAllText's rules: a byte order mark names UTF-8, UTF-16 or UTF-32; without one the text is UTF-8.
    private static char[] Decode(byte[] bytes)
    {
        bool Starts(params byte[] mark) => bytes.Length >= mark.Length && mark.Select((b, i) => bytes[i] == b).All(same => same);

        Encoding encoding = new UTF8Encoding(false);
        var skip = 0;
        if (Starts(0xEF, 0xBB, 0xBF))
        {
            skip = 3;
        }
        else if (Starts(0xFF, 0xFE, 0x00, 0x00))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }
        else if (Starts(0x00, 0x00, 0xFE, 0xFF))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }
        else if (Starts(0xFF, 0xFE))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }
        else if (Starts(0xFE, 0xFF))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        return encoding.GetChars(bytes, skip, bytes.Length - skip);
    }

    private void Read()
    {
        ClearEntries();
        _definitions.Clear();
        _findings.Clear();
        for (var i = 0; i < _lines.Count; i++)
        {
            ReadLine(i + 1, _lines[i]);
        }
    }

    // The entries hold key bytes: zeroed before they are dropped (a re-read after an edit makes new ones).
    private void ClearEntries()
    {
        foreach (var definition in _definitions)
        {
            definition.Entry?.Clear();
        }

        _entries.Clear();
    }

    // The grammar of docs/formats.md#3-key-files, read by index so that no part of the line becomes a string but the name.
    private void ReadLine(int line, char[] content)
    {
        var start = 0;
        var end = content.Length;
        Trim(content, ref start, ref end);
        if (line == 1 && end > start && content[start] == '\uFEFF')
        {
            start++;
            Trim(content, ref start, ref end);
        }

        if (end == start || content[start] == '#')
        {
            return;
        }

        var comment = Array.IndexOf(content, '#', start, end - start);
        if (comment >= 0)
        {
            end = comment;
            Trim(content, ref start, ref end);
        }

        var equals = Array.IndexOf(content, '=', start, end - start);
        if (equals < 0)
        {
            Add(line, "expected '<environment> = <base64 key>' (for example 'prod = ...'); generate a key with 'secretguard keygen'");
            return;
        }

        var nameStart = start;
        var nameEnd = equals;
        Trim(content, ref nameStart, ref nameEnd);
        var valueStart = equals + 1;
        var valueEnd = end;
        Trim(content, ref valueStart, ref valueEnd);
        if (!TryReadKeyName(content, nameStart, nameEnd, out var environment, out var previous))
        {
            // Not quoted: what stands before '=' may be a pasted key (base64 ends with '='), and messages never show keys.
            Add(line, "the name before '=' is not a key name: use an environment name (dev, int, prod, ...) or '<environment>.previous', then ' = <base64 key>'");
            return;
        }

        var name = previous ? environment + PreviousSuffix : environment;
        var earlier = Definitions(environment, previous);
        // The prefix tells the two kinds apart: a version 2 private key, or a version 1 master key.
        var isPrivateKey = PrivateKeyText.LooksLikePrivateKey(content, valueStart, valueEnd - valueStart);
        var valid = isPrivateKey
            ? PrivateKeyText.TryDecode(content, valueStart, valueEnd - valueStart, out var key)
            : TryDecodeKey(content, valueStart, valueEnd - valueStart, out key);
        var entry = valid ? new KeyFileEntry(environment, previous, line, key, isPrivateKey) : null;
        _definitions.Add(new KeyFileDefinition(environment, previous, line, entry));
        if (!valid)
        {
            Add(line, isPrivateKey
                ? "the key for '" + name + "' is not a version 2 private key ('" + PrivateKeyText.Prefix + "' and 43 base64url characters of a P-256 scalar in range, with no space or line break inside)"
                : "the key for '" + name + "' is not 32 bytes of standard base64 (44 characters ending in '=', with no space or line break inside), nor a version 2 private key ('" +
                  PrivateKeyText.Prefix + "...'); generate one with 'secretguard keygen --env " + environment + "'");
        }

        if (earlier.Count > 0)
        {
            // Readable or not, an earlier line names the same key: neither is used in place of the other.
            Add(line, DescribeDuplicate(Definitions(environment, previous)));
        }
        else if (entry is not null)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>
    /// Decodes a master key: standard base64 of exactly 32 bytes (44 characters, the last one '='), with spaces and
    /// tabs around it and line breaks after it (a key echoed into a variable or a file) ignored. Every decoder of
    /// master-key text goes through here: the key file and the <c>SECRETGUARD_KEY_&lt;ENV&gt;</c> variables. The text is
    /// decoded where it is, with no copy of it; the key bytes returned are the caller's to zero.
    /// </summary>
    public static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = Array.Empty<byte>();
        return base64 is not null && TryDecodeKey(i => base64[i], base64.Length, out key);
    }

    /// <summary>As <see cref="TryDecodeKey(string?, out byte[])"/>, for key text held in a character array.</summary>
    public static bool TryDecodeKey(char[] text, int start, int length, out byte[] key) =>
        TryDecodeKey(i => text[start + i], length, out key);

    private static bool TryDecodeKey(Func<int, char> at, int length, out byte[] key)
    {
        key = Array.Empty<byte>();

        // Convert.FromBase64String skips whitespace anywhere, so a key with a space or a line break inside (two
        // keys pasted over each other, a key wrapped by an editor) would decode: only the exact text is a key.
        var start = 0;
        var end = length;
        while (start < end && IsBlank(at(start)))
        {
            start++;
        }

        while (end > start && (IsBlank(at(end - 1)) || at(end - 1) == '\r' || at(end - 1) == '\n'))
        {
            end--;
        }

        if (end - start != EncodedKeyLength || at(end - 1) != '=')
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (Base64Alphabet.IndexOf(at(i)) < 0)
            {
                return false;
            }
        }

        // 43 characters of 6 bits are 258 bits: 32 bytes and 2 unused bits, which are ignored (as Convert does).
        var bytes = new byte[KeyLength];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        for (var i = start; i < end - 1; i++)
        {
            buffer = (buffer << 6) | Base64Alphabet.IndexOf(at(i));
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        key = bytes;
        return true;
    }

    // The name before '=': <env> or <env>.previous, env matching [a-z][a-z0-9]*. Checked by character, so that a key
    // pasted where the name belongs never becomes a string.
    private static bool TryReadKeyName(char[] text, int start, int end, out string environment, out bool previous)
    {
        environment = string.Empty;
        previous = end - start > PreviousSuffix.Length && EndsWith(text, end, PreviousSuffix);
        var environmentEnd = previous ? end - PreviousSuffix.Length : end;
        if (environmentEnd == start || text[start] < 'a' || text[start] > 'z')
        {
            return false;
        }

        for (var i = start; i < environmentEnd; i++)
        {
            if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9')))
            {
                return false;
            }
        }

        environment = new string(text, start, environmentEnd - start);
        return true;
    }

    private static bool EndsWith(char[] text, int end, string suffix)
    {
        for (var i = 0; i < suffix.Length; i++)
        {
            if (text[end - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    // string.Trim's whitespace, on a range.
    private static void Trim(char[] text, ref int start, ref int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(KeyFile), "The key file " + (FilePath ?? DefaultFileName) + " was disposed and its text zeroed.");
        }
    }

    private void Add(int line, string message) =>
        _findings.Add(new Finding(DiagnosticIds.MissingMasterKey, FindingSeverity.Error, FilePath, line, 1, message));
}
