using System;
using System.Collections.Generic;

namespace SecretGuard.EnvFiles;

/// <summary>
/// A <c>KEY=value</c> entry. It keeps the text around the value (indentation, <c>export</c>, spacing, the trailing
/// comment) apart from the value's own text, so replacing the value changes only the value's bytes.
/// </summary>
internal sealed class EnvEntry : EnvNode
{
    private static readonly IReadOnlyCollection<string> NoIds = Array.Empty<string>();

    // The entry's whole text (line ending included) and where the value's text sits in it: one string per entry.
    private string _text;
    private int _valueStart;
    private int _valueLength;
    private int _lineEndingLength;
    private string _value;
    private EnvQuoteStyle _quoteStyle;

    internal EnvEntry(
        int line,
        int column,
        string key,
        bool hasExport,
        char separator,
        string text,
        int valueStart,
        int valueLength,
        string value,
        EnvQuoteStyle quoteStyle,
        int valueColumn,
        int endLine,
        int lineEndingLength)
        : base(line)
    {
        Column = column;
        Key = key;
        HasExport = hasExport;
        Separator = separator;
        _text = text;
        _valueStart = valueStart;
        _valueLength = valueLength;
        _value = value;
        _quoteStyle = quoteStyle;
        ValueColumn = valueColumn;
        EndLine = endLine;
        _lineEndingLength = lineEndingLength;
    }

    /// <summary>The key exactly as written.</summary>
    public string Key { get; }

    /// <summary>The logical value: quotes removed, escapes processed, unquoted values trimmed, CRLF inside quotes read as LF.</summary>
    public string Value => _value;

    /// <summary>How the value is quoted in the file.</summary>
    public EnvQuoteStyle QuoteStyle => _quoteStyle;

    /// <summary>Whether the line starts with <c>export </c>.</summary>
    public bool HasExport { get; }

    /// <summary><c>=</c>, or <c>:</c> for the YAML-like spelling (an SG1003 finding).</summary>
    public char Separator { get; }

    /// <summary>1-based column of the key.</summary>
    public int Column { get; }

    /// <summary>1-based column where the value's text (its opening quote, if any) starts, on <see cref="EnvNode.Line"/>.</summary>
    public int ValueColumn { get; }

    /// <summary>The line the entry ends on (later than <see cref="EnvNode.Line"/> for a multi-line double-quoted value).</summary>
    public int EndLine { get; }

    /// <summary>The value's text as written in the file, quotes included.</summary>
    public string ValueText => _text.Substring(_valueStart, _valueLength);

    /// <inheritdoc />
    public override string Text => _text;

    /// <inheritdoc />
    public override string LineEnding => LineEndings.Of(_lineEndingLength);

    /// <summary>Ids silenced by a <c># secretguard-disable-next-line</c> comment right above; <c>*</c> means all.</summary>
    public IReadOnlyCollection<string> SuppressedIds { get; internal set; } = NoIds;

    /// <summary>Whether findings with this id are silenced for this entry.</summary>
    public bool IsSuppressed(string id)
    {
        foreach (var suppressed in SuppressedIds)
        {
            if (suppressed == "*" || string.Equals(suppressed, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Replaces the value and keeps its quoting when the new value can be written that way without ambiguity;
    /// otherwise picks the simplest quoting that writes it exactly (single quotes, then double quotes).
    /// </summary>
    public void SetValue(string value) =>
        SetValue(value ?? throw new ArgumentNullException(nameof(value)), EnvValueFormatter.ChooseStyle(value, _quoteStyle));

    /// <summary>Replaces the value and writes it with the given quoting (falling back to one that can hold it).</summary>
    public void SetValue(string value, EnvQuoteStyle style)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (!EnvValueFormatter.CanWrite(value, style))
        {
            style = EnvValueFormatter.ChooseStyle(value, style);
        }

        var valueText = EnvValueFormatter.Format(value, style);
        _text = _text.Substring(0, _valueStart) + valueText + _text.Substring(_valueStart + _valueLength);
        _valueLength = valueText.Length;
        _value = value;
        _quoteStyle = style;
    }

    internal override void SetLineEnding(string lineEnding)
    {
        _text = _text.Substring(0, _text.Length - _lineEndingLength) + lineEnding;
        _lineEndingLength = lineEnding.Length;
    }

    /// <summary>Names the entry and its line; never shows the value.</summary>
    public override string ToString() => Key + " (line " + Line + ")";
}
