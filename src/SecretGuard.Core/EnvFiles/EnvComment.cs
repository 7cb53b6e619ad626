namespace SecretGuard.EnvFiles;

/// <summary>A full-line comment (<c># ...</c>, optionally indented).</summary>
internal sealed class EnvComment : EnvTrivia
{
    internal EnvComment(int line, string text, int lineEndingLength)
        : base(line, text, lineEndingLength)
    {
    }
}
