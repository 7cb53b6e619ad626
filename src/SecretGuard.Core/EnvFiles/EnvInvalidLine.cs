namespace SecretGuard.EnvFiles;

/// <summary>A line the parser could not read; kept verbatim so a rewrite loses nothing. A SG1001 finding points at it.</summary>
internal sealed class EnvInvalidLine : EnvTrivia
{
    internal EnvInvalidLine(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }

    /// <summary>Never shows the line: it may hold a secret.</summary>
    public override string ToString() => "invalid line " + Line;
}
