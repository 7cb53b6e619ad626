using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.IO;

namespace SecretGuard.EnvFiles;

/// <summary>
/// An env file as a list of nodes that keep every character: parsing and writing back gives the same bytes
/// (comments, blank lines, quoting, <c>export</c>, LF/CRLF/mixed endings, a missing final newline, a UTF-8 BOM).
/// Edits change only the bytes of the values they replace.
/// </summary>
internal sealed class EnvFile
{
    private const char ByteOrderMark = '\uFEFF';
    private const string SuppressionMarker = "secretguard-disable-next-line";
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<EnvNode> _nodes;
    private readonly List<Finding> _findings;

    private EnvFile(string? path, bool hasBom, List<EnvNode> nodes, List<Finding> findings, bool isWritable)
    {
        FilePath = path;
        HasByteOrderMark = hasBom;
        _nodes = nodes;
        _findings = findings;
        IsWritable = isWritable;
    }

    /// <summary>The path the file was read from, used in findings.</summary>
    public string? FilePath { get; }

    /// <summary>Whether the file starts with a UTF-8 byte order mark (kept on write).</summary>
    public bool HasByteOrderMark { get; }

    /// <summary>False when the file could not be decoded as UTF-8: such a file is never rewritten.</summary>
    public bool IsWritable { get; }

    /// <summary>Every node in file order.</summary>
    public IReadOnlyList<EnvNode> Nodes => _nodes;

    /// <summary>The entries in file order.</summary>
    public IEnumerable<EnvEntry> Entries => _nodes.OfType<EnvEntry>();

    /// <summary>
    /// Findings of the file itself: syntax errors (SG1001), duplicate keys (SG1002) and ambiguous constructs
    /// (SG1003), minus those silenced by <c># secretguard-disable-next-line</c>.
    /// </summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Whether the file has syntax errors.</summary>
    public bool HasSyntaxErrors => _findings.Any(f => f.Id == DiagnosticIds.SyntaxError);

    /// <summary>The line ending most lines use (LF when there are none), used for added lines.</summary>
    public string DominantLineEnding
    {
        get
        {
            int lf = 0, crlf = 0;
            foreach (var node in _nodes)
            {
                if (node.LineEnding == "\r\n")
                {
                    crlf++;
                }
                else if (node.LineEnding == "\n")
                {
                    lf++;
                }
            }

            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>Parses env-file text. A leading U+FEFF is read as a byte order mark.</summary>
    public static EnvFile Parse(string text, string? path = null)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var hasBom = text.Length > 0 && text[0] == ByteOrderMark;
        EnvFileParser.Parse(text, hasBom ? 1 : 0, path, out var nodes, out var findings);
        var file = new EnvFile(path, hasBom, nodes, findings, isWritable: true);
        file.ApplySuppressionsAndDuplicates();
        return file;
    }

    /// <summary>
    /// Reads a file from disk. A file that is not valid UTF-8 gives a file with one SG1001 finding and
    /// <see cref="IsWritable"/> false; a missing file throws <see cref="FileNotFoundException"/>.
    /// </summary>
    public static EnvFile Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? Math.Min(ex.Index, bytes.Length) : 0;
            var line = 1 + bytes.Take(offset).Count(b => b == (byte)'\n');
            var finding = new Finding(DiagnosticIds.SyntaxError, FindingSeverity.Error, path, line, 1,
                "the file is not valid UTF-8 (near byte " + offset + "): save it as UTF-8");
            return new EnvFile(path, hasBom, new List<EnvNode>(), new List<Finding> { finding }, isWritable: false);
        }

        // GetString keeps a BOM as U+FEFF, which Parse reads as the byte order mark.
        return Parse(text, path);
    }

    /// <summary>The last entry with this key (loaders disagree on duplicates, which are SG1002), or null.</summary>
    public EnvEntry? Find(string key) => Entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>Every entry with this key, in file order.</summary>
    public IEnumerable<EnvEntry> FindAll(string key) => Entries.Where(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>The value of the last entry with this key.</summary>
    public bool TryGetValue(string key, out string value)
    {
        var entry = Find(key);
        value = entry?.Value ?? string.Empty;
        return entry is not null;
    }

    /// <summary>
    /// Appends <c>KEY=value</c> at the end, quoted as the value needs, with the file's dominant line ending.
    /// A file without a final newline gets one first.
    /// </summary>
    public EnvEntry AddEntry(string key, string value)
    {
        if (string.IsNullOrEmpty(key) || !EnvFileParser.IsKeyStart(key[0]) || !key.All(EnvFileParser.IsKeyChar))
        {
            throw new ArgumentException(
                "'" + key + "' is not a valid key: a key starts with a letter or '_' and continues with letters, digits, '_', '.' or '-'.",
                nameof(key));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var lineEnding = DominantLineEnding;
        if (_nodes.Count > 0 && _nodes[_nodes.Count - 1].LineEnding.Length == 0)
        {
            _nodes[_nodes.Count - 1].SetLineEnding(lineEnding);
        }

        var line = _nodes.Count == 0 ? 1 : LastLine() + 1;
        var style = EnvValueFormatter.ChooseStyle(value, EnvQuoteStyle.None);
        var valueText = EnvValueFormatter.Format(value, style);
        var entry = new EnvEntry(line, 1, key, false, '=', key + "=" + valueText + lineEnding, key.Length + 1, valueText.Length, value, style, key.Length + 2, line + CountNewlines(valueText), lineEnding.Length);
        _nodes.Add(entry);
        return entry;
    }

    /// <summary>The file's text, byte order mark included when it had one.</summary>
    public override string ToString()
    {
        var length = HasByteOrderMark ? 1 : 0;
        foreach (var node in _nodes)
        {
            length += node.Text.Length;
        }

        var sb = new StringBuilder(length);
        if (HasByteOrderMark)
        {
            sb.Append(ByteOrderMark);
        }

        foreach (var node in _nodes)
        {
            sb.Append(node.Text);
        }

        return sb.ToString();
    }

    /// <summary>The file's bytes as UTF-8 (with the BOM when it had one).</summary>
    public byte[] ToBytes() => StrictUtf8.GetBytes(ToString());

    /// <summary>
    /// Writes the file atomically: to a temporary file in the same folder, then renamed over the target,
    /// so a crash leaves the old file or the new one, never half of either. A target marked read-only is refused
    /// (<see cref="UnauthorizedAccessException"/> naming it and how to make it writable).
    /// </summary>
    public void Save(string? path = null)
    {
        var target = path ?? FilePath ?? throw new InvalidOperationException("The file has no path: pass one to Save.");
        if (!IsWritable)
        {
            throw new InvalidOperationException("'" + target + "' was not valid UTF-8 when it was read; SecretGuard does not rewrite it.");
        }

        // The rename below would succeed (it needs only a writable folder) and keep the read-only mode: refuse instead.
        if (ReadOnlyFiles.IsReadOnly(target))
        {
            throw new UnauthorizedAccessException(ReadOnlyFiles.Describe(target) + ", then try again. Nothing was written.");
        }

        AtomicFile.WriteAllBytes(target, ToBytes());
    }

    private int LastLine()
    {
        var last = _nodes[_nodes.Count - 1];
        return last is EnvEntry entry ? entry.EndLine : last.Line;
    }

    private static int CountNewlines(string text) => text.Count(c => c == '\n');

    private void ApplySuppressionsAndDuplicates()
    {
        EnvComment? previousComment = null;
        var firstByKey = new Dictionary<string, EnvEntry>(StringComparer.Ordinal);
        foreach (var node in _nodes)
        {
            if (node is EnvEntry entry)
            {
                if (previousComment is not null && previousComment.Line == entry.Line - 1 &&
                    previousComment.Text.IndexOf(SuppressionMarker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    entry.SuppressedIds = ReadSuppressedIds(previousComment.Content);
                }

                if (firstByKey.TryGetValue(entry.Key, out var first))
                {
                    _findings.Add(new Finding(DiagnosticIds.DuplicateKey, FindingSeverity.Warning, FilePath, entry.Line, entry.Column,
                        entry.Key + " is defined again here (first on line " + first.Line + "); loaders disagree on which one wins: remove one of them",
                        entry.Key));
                }
                else
                {
                    firstByKey.Add(entry.Key, entry);
                }
            }

            previousComment = node as EnvComment;
        }

        if (_findings.Count == 0)
        {
            return;
        }

        var entriesByLine = Entries.Where(e => e.SuppressedIds.Count > 0).ToDictionary(e => e.Line);
        if (entriesByLine.Count > 0)
        {
            _findings.RemoveAll(f => f.Id != DiagnosticIds.SyntaxError && entriesByLine.TryGetValue(f.Line, out var e) && e.IsSuppressed(f.Id));
        }

        _findings.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
    }

    private static IReadOnlyCollection<string> ReadSuppressedIds(string comment)
    {
        var text = comment.TrimStart(' ', '\t');
        text = text.Substring(1).Trim(); // after '#'
        // The marker is a whole word: "secretguard-disable-next-line-foo" is not a suppression.
        if (!text.StartsWith(SuppressionMarker, StringComparison.OrdinalIgnoreCase) ||
            (text.Length > SuppressionMarker.Length && text[SuppressionMarker.Length] != ' ' && text[SuppressionMarker.Length] != '\t'))
        {
            return Array.Empty<string>();
        }

        var ids = text.Substring(SuppressionMarker.Length)
            .Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            .ToArray();
        return ids.Length == 0 ? new[] { "*" } : ids;
    }
}
