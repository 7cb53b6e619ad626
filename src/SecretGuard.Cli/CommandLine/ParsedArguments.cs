using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Cli.CommandLine;

/// <summary>A command's arguments after parsing: positionals, option values and flags.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values;

    public ParsedArguments(IReadOnlyList<string> positionals, Dictionary<string, List<string>> values, bool helpRequested)
    {
        Positionals = positionals;
        _values = values;
        HelpRequested = helpRequested;
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Whether <c>--help</c> or <c>-h</c> was given.</summary>
    public bool HelpRequested { get; }

    /// <summary>Whether the option was given.</summary>
    public bool Has(string option) => _values.ContainsKey(option);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Value(string option) => _values.TryGetValue(option, out var list) ? list[list.Count - 1] : null;

    /// <summary>
    /// Every value of a repeatable option, each split at commas (<c>--env dev,prod --env int</c> gives dev, prod, int).
    /// </summary>
    public IReadOnlyList<string> List(string option) =>
        _values.TryGetValue(option, out var list)
            ? list.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : Array.Empty<string>();
}
