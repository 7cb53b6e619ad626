namespace SecretGuard.EnvFiles;

/// <summary>
/// One piece of an env file: an entry, a comment, a blank line or a line that could not be parsed.
/// Every node keeps its exact text, line ending included, so writing the nodes back gives the file byte for byte.
/// </summary>
internal abstract class EnvNode
{
    internal EnvNode(int line) => Line = line;

    /// <summary>The 1-based line the node starts on, in the text it was parsed from.</summary>
    public int Line { get; }

    /// <summary>The node's text, including its line ending.</summary>
    public abstract string Text { get; }

    /// <summary>The node's line ending: <c>"\n"</c>, <c>"\r\n"</c>, or empty at the end of a file without a final newline.</summary>
    public abstract string LineEnding { get; }

    internal abstract void SetLineEnding(string lineEnding);
}
