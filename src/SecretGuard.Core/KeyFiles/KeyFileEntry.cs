using System;

namespace SecretGuard.KeyFiles;

/// <summary>
/// One <c>&lt;name&gt; = &lt;key&gt;</c> line of a key file: a version 1 master key or a version 2 private key. Its key bytes are never part of its text form, and are
/// zeroed when its key file is disposed or re-read after an edit.
/// </summary>
internal sealed class KeyFileEntry
{
    private readonly byte[] _key;
    private bool _cleared;

    internal KeyFileEntry(string environment, bool isPrevious, int line, byte[] key, bool isPrivateKey = false)
    {
        Environment = environment;
        IsPrevious = isPrevious;
        Line = line;
        _key = key;
        IsPrivateKey = isPrivateKey;
    }

    /// <summary>
    /// Whether the line holds a version 2 private key (<c>sgkey2_...</c>, a P-256 scalar) rather than a version 1
    /// master key; both are 32 bytes.
    /// </summary>
    public bool IsPrivateKey { get; }

    /// <summary>The environment the key belongs to.</summary>
    public string Environment { get; }

    /// <summary>Whether this is the <c>&lt;env&gt;.previous</c> key kept during a rotation.</summary>
    public bool IsPrevious { get; }

    /// <summary>The entry's name as written: <c>prod</c> or <c>prod.previous</c>.</summary>
    public string Name => IsPrevious ? Environment + KeyFile.PreviousSuffix : Environment;

    /// <summary>1-based line in the key file.</summary>
    public int Line { get; }

    /// <summary>A copy of the 32 key bytes (a master key or a private scalar), the caller's to zero.</summary>
    public byte[] GetKeyBytes() => _cleared
        ? throw new ObjectDisposedException(nameof(KeyFileEntry), "The key of " + Name + " (line " + Line + ") was zeroed: its key file was disposed or edited since.")
        : (byte[])_key.Clone();

    // Tests look at the bytes themselves, to prove they are zero.
    internal byte[] RawKeyBytesForTests => _key;

    internal void Clear()
    {
        _cleared = true;
        Array.Clear(_key, 0, _key.Length);
    }

    /// <summary>Names the entry; never shows the key.</summary>
    public override string ToString() => Name + " (line " + Line + ")";
}
