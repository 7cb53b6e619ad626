namespace SecretGuard.EnvFiles;

/// <summary>A line that carries no entry and is kept as it is.</summary>
internal abstract class EnvTrivia : EnvNode
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
    public override string LineEnding => LineEndings.Of(_lineEndingLength);

    internal override void SetLineEnding(string lineEnding)
    {
        _text = Content + lineEnding;
        _lineEndingLength = lineEnding.Length;
    }
}
