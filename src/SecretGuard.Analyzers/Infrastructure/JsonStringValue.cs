namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>One string value of a JSON document, with the keys that lead to it and where its text is.</summary>
internal readonly struct JsonStringValue
{
    public JsonStringValue(string path, string key, string value, int start, int length)
    {
        Path = path;
        Key = key;
        Value = value;
        Start = start;
        Length = length;
    }

    /// <summary>The configuration path, <c>ConnectionStrings:Db</c>.</summary>
    public string Path { get; }

    /// <summary>The last key, <c>Db</c>.</summary>
    public string Key { get; }

    public string Value { get; }

    /// <summary>Offset of the opening quote in the text.</summary>
    public int Start { get; }

    /// <summary>Length including the quotes.</summary>
    public int Length { get; }
}
