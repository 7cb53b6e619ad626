namespace SecretGuard.Keys;

/// <summary>One <c>&lt;env&gt; = sgpub2_...</c> line of the recipients file.</summary>
internal sealed class RecipientEntry
{
    internal RecipientEntry(string environment, int line, RecipientKey key)
    {
        Environment = environment;
        Line = line;
        Key = key;
    }

    /// <summary>The environment the key is a recipient of.</summary>
    public string Environment { get; }

    /// <summary>1-based line in the file.</summary>
    public int Line { get; }

    /// <summary>The public key.</summary>
    public RecipientKey Key { get; }

    /// <summary>Names the line.</summary>
    public override string ToString() => Environment + " = " + Key.RecipientId + " (line " + Line + ")";
}
