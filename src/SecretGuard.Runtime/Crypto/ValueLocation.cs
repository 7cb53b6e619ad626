namespace SecretGuard.Crypto;

/// <summary>Where a value came from, for error messages: a file and line, or another source such as a variable.</summary>
internal readonly struct ValueLocation
{
    /// <summary>Creates a location.</summary>
    public ValueLocation(string? filePath, int line, string? source = null)
    {
        FilePath = filePath;
        Line = line;
        Source = source;
    }

    /// <summary>The file, when the value came from one.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line in <see cref="FilePath"/>, or 0.</summary>
    public int Line { get; }

    /// <summary>Another kind of source, e.g. "the environment variable X".</summary>
    public string? Source { get; }

    /// <summary>A location in a file.</summary>
    public static ValueLocation InFile(string? filePath, int line) => new(filePath, line);

    /// <summary>A location that is not a file.</summary>
    public static ValueLocation From(string source) => new(null, 0, source);

    internal string Describe(string keyName)
    {
        if (FilePath is not null)
        {
            return FilePath + (Line > 0 ? "(" + Line + ")" : string.Empty) + ": " + keyName;
        }

        return Source is not null ? keyName + " from " + Source : keyName;
    }
}
