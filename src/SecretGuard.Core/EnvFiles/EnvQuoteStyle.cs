namespace SecretGuard.EnvFiles;

/// <summary>How a value is written in the file.</summary>
internal enum EnvQuoteStyle
{
    /// <summary><c>KEY=value</c>: trimmed, ends at the line end or at whitespace followed by <c>#</c>.</summary>
    None,

    /// <summary><c>KEY='value'</c>: literal, on one line.</summary>
    Single,

    /// <summary><c>KEY="value"</c>: escapes <c>\n \t \" \\</c>, may span lines.</summary>
    Double,
}
