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
/// per line, spaces around <c>=</c> allowed, <c>#</c> comments, names <c>&lt;env&gt;</c> and
/// <c>&lt;env&gt;.previous</c>. Lines are kept as written so a rotation changes only the lines it must. No finding or
/// text form ever contains a key.
/// </summary>
internal sealed class KeyFile
{
    /// <summary>The file name searched upward from the project or app folder.</summary>
    public const string DefaultFileName = "secretguard.keys";

    /// <summary>The suffix of the name of an environment's previous key.</summary>
    public const string PreviousSuffix = ".previous";

    /// <summary>Bytes in a master key.</summary>
    public const int KeyLength = 32;

    // A master key's length in standard base64 with padding.
    private const int EncodedKeyLength = 44;

    private readonly List<string> _lines;
    private readonly List<string> _endings;
    private readonly List<KeyFileEntry> _entries = new List<KeyFileEntry>();
    private readonly List<KeyFileDefinition> _definitions = new List<KeyFileDefinition>();
    private readonly List<Finding> _findings = new List<Finding>();

    private KeyFile(string? path, List<string> lines, List<string> endings)
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

    /// <summary>Parses key-file text.</summary>
    public static KeyFile Parse(string text, string? path = null)
    {
        var lines = new List<string>();
        var endings = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(text.Substring(start));
                endings.Add(string.Empty);
                break;
            }

            var contentEnd = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            lines.Add(text.Substring(start, contentEnd - start));
            endings.Add(text.Substring(contentEnd, newline + 1 - contentEnd));
            start = newline + 1;
        }

        return new KeyFile(path, lines, endings);
    }

    /// <summary>Reads a key file from disk.</summary>
    public static KeyFile Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The largest file <see cref="HoldsKeys(byte[])"/> reads: a key file is a few lines; anything bigger is not one.</summary>
    public const int MaxProbeLength = 64 * 1024;

    /// <summary>
    /// Whether <paramref name="bytes"/> parse as a key file with at least one valid key line, whatever the file is called
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

        var text = new UTF8Encoding(false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        return Parse(text).Entries.Count > 0;
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

    /// <summary>Sets (replacing in place, or appending) the key named <c>env</c> or <c>env.previous</c>.</summary>
    public void Set(string environment, bool previous, byte[] key)
    {
        EnvironmentName.Validate(environment, nameof(environment));
        if (key is null || key.Length != KeyLength)
        {
            throw new ArgumentException("A master key is 32 bytes.", nameof(key));
        }

        var name = previous ? environment + PreviousSuffix : environment;
        var text = name + " = " + Convert.ToBase64String(key);
        var existing = Find(environment, previous);
        if (existing is not null)
        {
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

        _lines.RemoveAt(existing.Line - 1);
        _endings.RemoveAt(existing.Line - 1);
        Read();
        return true;
    }

    /// <summary>The file's text. It holds keys: write it only to the key file.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            sb.Append(_lines[i]).Append(_endings[i]);
        }

        return sb.ToString();
    }

    /// <summary>Writes the file atomically.</summary>
    public void Save(string? path = null)
    {
        var target = path ?? FilePath ?? throw new InvalidOperationException("The key file has no path: pass one to Save.");
        AtomicFile.WriteAllBytes(target, new UTF8Encoding(false).GetBytes(ToText()));
    }

    /// <summary>Names the file and its entries; never shows a key.</summary>
    public override string ToString() => (FilePath ?? DefaultFileName) + ": " + string.Join(", ", _entries.Select(e => e.Name));

    private void Read()
    {
        _entries.Clear();
        _definitions.Clear();
        _findings.Clear();
        for (var i = 0; i < _lines.Count; i++)
        {
            ReadLine(i + 1, _lines[i]);
        }
    }

    private void ReadLine(int line, string content)
    {
        var text = content.Trim();
        if (line == 1 && text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1).Trim();
        }

        if (text.Length == 0 || text[0] == '#')
        {
            return;
        }

        var comment = text.IndexOf('#');
        if (comment >= 0)
        {
            text = text.Substring(0, comment).TrimEnd();
        }

        var equals = text.IndexOf('=');
        if (equals < 0)
        {
            Add(line, "expected '<environment> = <base64 key>' (for example 'prod = ...'); generate a key with 'secretguard keygen'");
            return;
        }

        var name = text.Substring(0, equals).Trim();
        var value = text.Substring(equals + 1).Trim();
        var previous = name.EndsWith(PreviousSuffix, StringComparison.Ordinal);
        var environment = previous ? name.Substring(0, name.Length - PreviousSuffix.Length) : name;
        if (!EnvironmentName.IsValid(environment))
        {
            // Not quoted: what stands before '=' may be a pasted key (base64 ends with '='), and messages never show keys.
            Add(line, "the name before '=' is not a key name: use an environment name (dev, int, prod, ...) or '<environment>.previous', then ' = <base64 key>'");
            return;
        }

        var earlier = Definitions(environment, previous);
        var valid = TryDecodeKey(value, out var key);
        var entry = valid ? new KeyFileEntry(environment, previous, line, key) : null;
        _definitions.Add(new KeyFileDefinition(environment, previous, line, entry));
        if (!valid)
        {
            Add(line, "the key for '" + name + "' is not 32 bytes of standard base64 (44 characters ending in '=', with no space or line break inside); generate one with 'secretguard keygen --env " + environment + "'");
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
    /// master-key text goes through here: the key file and the <c>SECRETGUARD_KEY_&lt;ENV&gt;</c> variables.
    /// </summary>
    public static bool TryDecodeKey(string? base64, out byte[] key)
    {
        key = Array.Empty<byte>();
        if (base64 is null)
        {
            return false;
        }

        // Convert.FromBase64String skips whitespace anywhere, so a key with a space or a line break inside (two
        // keys pasted over each other, a key wrapped by an editor) would decode: only the exact text is a key.
        var start = 0;
        var end = base64.Length;
        while (start < end && IsBlank(base64[start]))
        {
            start++;
        }

        while (end > start && (IsBlank(base64[end - 1]) || base64[end - 1] == '\r' || base64[end - 1] == '\n'))
        {
            end--;
        }

        if (end - start != EncodedKeyLength || base64[end - 1] != '=')
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (!IsBase64Char(base64[i]))
            {
                return false;
            }
        }

        try
        {
            var bytes = Convert.FromBase64String(base64.Substring(start, EncodedKeyLength));
            if (bytes.Length != KeyLength)
            {
                return false;
            }

            key = bytes;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';

    private static bool IsBase64Char(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';

    private void Add(int line, string message) =>
        _findings.Add(new Finding(DiagnosticIds.MissingMasterKey, FindingSeverity.Error, FilePath, line, 1, message));
}
