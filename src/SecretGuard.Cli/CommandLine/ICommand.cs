using System.Collections.Generic;

namespace SecretGuard.Cli.CommandLine;

/// <summary>One <c>secretguard</c> command: its name, help and what it does.</summary>
internal interface ICommand
{
    /// <summary>The words that select it: <c>init</c>, <c>hook install</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line, e.g. <c>secretguard set NAME --env ENV [options]</c>.</summary>
    string Usage { get; }

    /// <summary>What the command does, then examples; shown by <c>--help</c> after the usage line.</summary>
    string Description { get; }

    /// <summary>The options it accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>How many positional arguments it accepts.</summary>
    int MaxPositionals { get; }

    /// <summary>Runs the command; returns its exit code or throws <see cref="UsageException"/> / <see cref="CommandFailedException"/>.</summary>
    int Run(ParsedArguments arguments, CommandContext context);
}
