namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>The structures a literal can hold fields in (<see cref="StructuredFields"/>).</summary>
internal enum Structure
{
    Json,
    Yaml,
    Xml,

    /// <summary>Lines of <c>KEY=value</c>: an env file, an INI file, Java properties.</summary>
    KeyValueLines,

    /// <summary>An absolute URL's query and fragment parameters.</summary>
    Url,

    /// <summary><c>a=1&amp;b=2</c> alone: a form body or a query without its URL.</summary>
    Query,

    /// <summary><c>Key=value;Key=value</c>.</summary>
    ConnectionString,
}

/// <summary>One string field of a structured literal: its name (a key, an attribute, an element, a parameter) and value.</summary>
internal readonly struct StructuredField
{
    public StructuredField(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The field's own name, or the name a sibling gives it (<c>&lt;add key="ApiKey" value="..."/&gt;</c>, <c>- name: X / value: ...</c>).</summary>
    public string Name { get; }

    /// <summary>The value, unquoted and unescaped as the structure reads it.</summary>
    public string Value { get; }
}
