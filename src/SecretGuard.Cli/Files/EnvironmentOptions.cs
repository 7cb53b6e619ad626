using System.Collections.Generic;
using System.Linq;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Environments;

namespace SecretGuard.Cli.Files;

/// <summary>Reads <c>--env</c> values.</summary>
internal static class EnvironmentOptions
{
    public const string EnvOption = "--env";

    public static OptionSpec Single(string description) => OptionSpec.Value(EnvOption, "ENV", description);

    public static OptionSpec List(string description) => OptionSpec.Value(EnvOption, "ENV[,ENV...]", description, repeatable: true);

    /// <summary>The one environment the command needs (required).</summary>
    public static string Require(ParsedArguments arguments, string example)
    {
        var value = arguments.Value(EnvOption)
            ?? throw new UsageException("say which environment: --env dev, --env prod, ... (for example: " + example + ").");
        return Validate(value);
    }

    /// <summary>The environments listed, or the defaults (dev, int, prod).</summary>
    public static IReadOnlyList<string> ListOrDefault(ParsedArguments arguments)
    {
        var list = arguments.List(EnvOption);
        return list.Count == 0 ? EnvironmentName.Defaults : list.Select(Validate).Distinct().ToList();
    }

    /// <summary>
    /// Refuses a value that is not an environment name, without quoting it: it may be a secret typed in the wrong
    /// place. A valid name is quoted by later messages; it is made of lower-case letters and digits only.
    /// </summary>
    public static string Validate(string value)
    {
        if (!EnvironmentName.IsValid(value))
        {
            throw new UsageException("the value of " + EnvOption + " (" + ArgumentText.Length(value) + ") is not an environment name: use a lower-case letter followed by lower-case letters or digits (dev, int, prod, staging2).");
        }

        return value;
    }
}
