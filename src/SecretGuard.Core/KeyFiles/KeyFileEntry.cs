namespace SecretGuard.KeyFiles;

/// <summary>One <c>&lt;name&gt; = &lt;base64&gt;</c> line of a key file. Its key bytes are never part of its text form.</summary>
internal sealed class KeyFileEntry
{
    private readonly byte[] _key;

    internal KeyFileEntry(string environment, bool isPrevious, int line, byte[] key)
    {
        Environment = environment;
        IsPrevious = isPrevious;
        Line = line;
        _key = key;
    }

    /// <summary>The environment the key belongs to.</summary>
    public string Environment { get; }

    /// <summary>Whether this is the <c>&lt;env&gt;.previous</c> key kept during a rotation.</summary>
    public bool IsPrevious { get; }

    /// <summary>The entry's name as written: <c>prod</c> or <c>prod.previous</c>.</summary>
    public string Name => IsPrevious ? Environment + KeyFile.PreviousSuffix : Environment;

    /// <summary>1-based line in the key file.</summary>
    public int Line { get; }

    /// <summary>A copy of the 32 key bytes.</summary>
    public byte[] GetKeyBytes() => (byte[])_key.Clone();

    /// <summary>Names the entry; never shows the key.</summary>
    public override string ToString() => Name + " (line " + Line + ")";
}
