namespace SecretGuard.EnvFiles;

/// <summary>A line that carries no entry and is kept as it is.</summary>
public abstract class EnvTrivia : EnvNode
{
    // One string per line, line ending included: the parser's only allocation for such a line.
    private string _text;
    private int _lineEndingLength;

    internal EnvTrivia(int line, string text, int lineEndingLength)
        : base(line)
    {
        _text = text;
        _lineEndingLength = lineEndingLength;
    }

    /// <summary>The line without its line ending.</summary>
    public string Content => _text.Substring(0, _text.Length - _lineEndingLength);

    /// <inheritdoc />
    public override string Text => _text;

    /// <inheritdoc />
    public override string LineEnding => LineEndings.Of(_text, _lineEndingLength);

    internal override void SetLineEnding(string lineEnding)
    {
        _text = Content + lineEnding;
        _lineEndingLength = lineEnding.Length;
    }
}

/// <summary>An empty or whitespace-only line.</summary>
public sealed class EnvBlankLine : EnvTrivia
{
    internal EnvBlankLine(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }
}

/// <summary>A full-line comment (<c># ...</c>, optionally indented).</summary>
public sealed class EnvComment : EnvTrivia
{
    internal EnvComment(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }
}

/// <summary>A line the parser could not read; kept verbatim so a rewrite loses nothing. A SG1001 finding points at it.</summary>
public sealed class EnvInvalidLine : EnvTrivia
{
    internal EnvInvalidLine(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }

    /// <summary>Never shows the line: it may hold a secret.</summary>
    public override string ToString() => "invalid line " + Line;
}

/// <summary>The two line endings, shared instead of allocated per line.</summary>
internal static class LineEndings
{
    public const string Lf = "\n";
    public const string CrLf = "\r\n";

    public static string Of(string text, int length) => length == 0 ? string.Empty : length == 1 ? Lf : CrLf;
}
