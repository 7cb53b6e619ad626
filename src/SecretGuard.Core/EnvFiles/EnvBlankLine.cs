namespace SecretGuard.EnvFiles;

/// <summary>An empty or whitespace-only line.</summary>
internal sealed class EnvBlankLine : EnvTrivia
{
    internal EnvBlankLine(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }
}
