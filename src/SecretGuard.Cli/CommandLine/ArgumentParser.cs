using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// Reads a command's arguments: <c>--name VALUE</c>, <c>--name=VALUE</c>, flags, <c>--</c> (everything after it is
/// positional), <c>-h</c>/<c>--help</c>. Anything unknown is a <see cref="UsageException"/> that lists what is known.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, ICommand command)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var help = false;
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || arg.Length < 2 || arg[0] != '-' || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            if (arg == "-h" || arg == "--help" || arg == "-?")
            {
                help = true;
                continue;
            }

            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg.Substring(0, equals) : arg;
            var spec = command.Options.FirstOrDefault(o => o.Name == name);
            if (spec is null)
            {
                var known = string.Join(", ", command.Options.Select(o => o.Name).Append("--help"));
                throw new UsageException("'" + name + "' is not an option of '" + command.Name + "'. Its options are: " + known + ".");
            }

            string value;
            if (!spec.TakesValue)
            {
                if (equals > 0)
                {
                    throw new UsageException(spec.Name + " takes no value.");
                }

                value = "true";
            }
            else if (equals > 0)
            {
                value = arg.Substring(equals + 1);
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException(spec.Name + " needs a value: " + spec.Name + " " + spec.ValueName + ".");
            }

            if (values.TryGetValue(spec.Name, out var list))
            {
                if (!spec.Repeatable)
                {
                    throw new UsageException(spec.Name + " is given twice; give it once.");
                }

                list.Add(value);
            }
            else
            {
                values.Add(spec.Name, new List<string> { value });
            }
        }

        if (!help && positionals.Count > command.MaxPositionals)
        {
            var extra = positionals[command.MaxPositionals];
            throw new UsageException(command.MaxPositionals == 0
                ? "'" + command.Name + "' takes no arguments, but got '" + Describe(extra) + "'."
                : "unexpected argument '" + Describe(extra) + "'. Usage: " + command.Usage);
        }

        return new ParsedArguments(positionals, values, help);
    }

    // An argument may be a pasted secret: quote only short, harmless-looking text.
    private static string Describe(string argument) =>
        argument.Length <= 40 && argument.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',')
            ? argument
            : "…";
}
