using System;
using System.Collections.Generic;

namespace SecretGuard.EnvFiles
{
    /// <summary>
    /// A <c>KEY=value</c> entry. It keeps the text around the value (indentation, <c>export</c>, spacing, the trailing
    /// comment) apart from the value's own text, so replacing the value changes only the value's bytes.
    /// </summary>
    public sealed class EnvEntry : EnvNode
    {
        private static readonly IReadOnlyCollection<string> NoIds = Array.Empty<string>();

        private readonly string _prefix;
        private readonly string _suffix;
        private string _valueText;
        private string _lineEnding;
        private string _value;
        private EnvQuoteStyle _quoteStyle;

        internal EnvEntry(
            int line,
            int column,
            string key,
            bool hasExport,
            char separator,
            string prefix,
            string valueText,
            string value,
            EnvQuoteStyle quoteStyle,
            int valueColumn,
            int endLine,
            string suffix,
            string lineEnding)
            : base(line)
        {
            Column = column;
            Key = key;
            HasExport = hasExport;
            Separator = separator;
            _prefix = prefix;
            _valueText = valueText;
            _value = value;
            _quoteStyle = quoteStyle;
            ValueColumn = valueColumn;
            EndLine = endLine;
            _suffix = suffix;
            _lineEnding = lineEnding;
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
        public string ValueText => _valueText;

        /// <inheritdoc />
        public override string Text => _prefix + _valueText + _suffix + _lineEnding;

        /// <inheritdoc />
        public override string LineEnding => _lineEnding;

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

            _valueText = EnvValueFormatter.Format(value, style);
            _value = value;
            _quoteStyle = style;
        }

        internal override void SetLineEnding(string lineEnding) => _lineEnding = lineEnding;

        /// <summary>Names the entry and its line; never shows the value.</summary>
        public override string ToString() => Key + " (line " + Line + ")";
    }
}
