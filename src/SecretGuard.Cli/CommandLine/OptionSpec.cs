namespace SecretGuard.Cli.CommandLine;

/// <summary>One option a command accepts: <c>--name</c>, or <c>--name VALUE</c> / <c>--name=VALUE</c>.</summary>
internal sealed class OptionSpec
{
    private OptionSpec(string name, string? valueName, bool repeatable, string description)
    {
        Name = name;
        ValueName = valueName;
        Repeatable = repeatable;
        Description = description;
    }

    /// <summary>The option with its dashes, e.g. <c>--env</c>.</summary>
    public string Name { get; }

    /// <summary>The placeholder of its value in help (<c>ENV</c>); null for a flag.</summary>
    public string? ValueName { get; }

    /// <summary>Whether it takes a value.</summary>
    public bool TakesValue => ValueName is not null;

    /// <summary>Whether it may be given more than once (the values add up).</summary>
    public bool Repeatable { get; }

    /// <summary>One line for the help text.</summary>
    public string Description { get; }

    public static OptionSpec Flag(string name, string description) => new(name, null, false, description);

    public static OptionSpec Value(string name, string valueName, string description, bool repeatable = false) =>
        new(name, valueName, repeatable, description);
}
