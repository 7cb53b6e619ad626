namespace SecretGuard.KeyFiles;

/// <summary>
/// A key-file line that names a key (<c>dev = ...</c>, <c>dev.previous = ...</c>), readable or not. A name must be
/// defined on one line only: with two, nobody can tell which key is meant.
/// </summary>
internal sealed class KeyFileDefinition
{
    internal KeyFileDefinition(string environment, bool isPrevious, int line, KeyFileEntry? entry)
    {
        Environment = environment;
        IsPrevious = isPrevious;
        Line = line;
        Entry = entry;
    }

    /// <summary>The environment the line names.</summary>
    public string Environment { get; }

    /// <summary>Whether the line names <c>&lt;env&gt;.previous</c>.</summary>
    public bool IsPrevious { get; }

    /// <summary>1-based line in the key file.</summary>
    public int Line { get; }

    /// <summary>The key on the line, or null when it is not a valid key (that line has its own finding).</summary>
    public KeyFileEntry? Entry { get; }

    /// <summary>Names the line; never shows the key.</summary>
    public override string ToString() => (IsPrevious ? Environment + KeyFile.PreviousSuffix : Environment) + " (line " + Line + ")";
}
