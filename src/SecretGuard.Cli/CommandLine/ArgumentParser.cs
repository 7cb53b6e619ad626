using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// Turns System.CommandLine's parse of the command line into the command to run and its
/// <see cref="ParsedArguments"/>: <c>--name VALUE</c>, <c>--name=VALUE</c>, flags, <c>--</c> (everything after it is
/// positional), <c>-h</c>/<c>--help</c>/<c>-?</c>. A wrong command line is a <see cref="UsageException"/> in our words,
/// never System.CommandLine's: those quote what was typed, and what was typed may be a secret
/// (<see cref="ArgumentText"/>).
/// </summary>
internal static class ArgumentParser
{
    /// <summary>
    /// The command the arguments name: a command of <see cref="CommandTree.Commands"/>, or the root or a group
    /// (<c>hook</c>) when only help was asked for, or the root when nothing was given. Anything else where a command or
    /// subcommand belongs is a <see cref="UsageException"/>.
    /// </summary>
    public static Command SelectCommand(ParseResult result, CommandTree tree)
    {
        var selected = result.CommandResult.Command;
        var tokens = result.Tokens;

        // A directive other than [suggest] (handled before) is no command either: '[x]' is just a word in brackets.
        var directive = tokens.Select((token, index) => (token, index)).FirstOrDefault(t => t.token.Type == TokenType.Directive);
        if (directive.token is not null)
        {
            throw new UsageException(NotACommand(tree, directive.token.Value, directive.index));
        }

        if (tree.CommandFor(selected) is not null)
        {
            return selected;
        }

        // The root or a group takes no arguments: the first word that is not a command is the unknown command.
        var unknown = tokens.Select((token, index) => (token, index)).FirstOrDefault(t => t.token.Type is TokenType.Argument);
        var members = tree.GroupMembers(selected);
        if (unknown.token is not null)
        {
            throw new UsageException(members.Count > 0
                ? NotASubcommand(selected, members, unknown.token.Value, unknown.index)
                : NotACommand(tree, unknown.token.Value, unknown.index));
        }

        if (members.Count > 0 && !tokens.Any(t => IsHelp(t, tree)))
        {
            throw new UsageException("'" + selected.Name + "' needs a subcommand: " + string.Join(", ", members.Select(c => "'secretguard " + c.Name + "'")) + ".");
        }

        return selected;
    }

    /// <summary>Whether the arguments ask for help (of the command <see cref="SelectCommand"/> returned).</summary>
    public static bool IsHelpRequested(ParseResult result, CommandTree tree) => result.Tokens.Any(t => IsHelp(t, tree));

    /// <summary>
    /// The arguments of <paramref name="command"/>, checked against its options and positional arguments. Help does
    /// not hide a wrong option: the command line is checked first, so <c>--help</c> appended to a command line tells
    /// whether the tool accepts it.
    /// </summary>
    public static ParsedArguments Parse(ParseResult result, ICommand command, CommandTree tree, IReadOnlyList<string> args)
    {
        RefuseValuesOfFlags(args, command);
        var consumed = new HashSet<Token>(result.CommandResult.Children.OfType<OptionResult>().SelectMany(o => o.Tokens), ReferenceEqualityComparer.Instance);
        var positionals = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var help = false;
        var onlyPositionals = false;
        var tokens = result.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Type)
            {
                case TokenType.Command:
                    continue;
                case TokenType.DoubleDash:
                    onlyPositionals = true;
                    continue;
                case TokenType.Option when IsHelp(token, tree):
                    help = true;
                    continue;
                case TokenType.Option:
                    // The token is the option's name as typed; ours have no aliases. Only help reaches a command from
                    // above it; anything else from above (none today) is not this command's.
                    var spec = command.Options.FirstOrDefault(o => o.Name == token.Value)
                        ?? throw new UsageException(UnknownOption(token.Value, command, tree));
                    var value = "true";
                    if (spec.TakesValue)
                    {
                        if (i + 1 >= tokens.Count || tokens[i + 1].Type != TokenType.Argument || !consumed.Contains(tokens[i + 1]))
                        {
                            throw new UsageException(spec.Name + " needs a value: " + spec.Name + " " + spec.ValueName + ".");
                        }

                        value = tokens[++i].Value;
                    }

                    Add(values, spec, value);
                    continue;
                case TokenType.Argument when !onlyPositionals && IsOptionLike(token.Value):
                    throw new UsageException(UnknownOption(token.Value, command, tree));
                default:
                    positionals.Add(token.Value);
                    continue;
            }
        }

        if (!help && positionals.Count > command.MaxPositionals)
        {
            var extra = positionals[command.MaxPositionals];
            throw new UsageException(command.MaxPositionals == 0
                ? "'" + command.Name + "' takes no arguments, but got " + (positionals.Count == 1 ? "one (" + ArgumentText.Length(extra) + ")." : positionals.Count + ".")
                : "'" + command.Name + "' takes " + (command.MaxPositionals == 1 ? "one argument" : command.MaxPositionals + " arguments") + ", but got a " +
                  ArgumentText.Ordinal(command.MaxPositionals) + " one (" + ArgumentText.Length(extra) + ")." +
                  (command.Options.Any(o => o.Name == SecretInput.ValueOption) ? " A value is never an argument: pipe it in, or type it at the hidden prompt." : string.Empty));
        }

        // Every error System.CommandLine knows of is one of the above, said in our words. Should a later version find
        // another, the command must not run on a half-read command line; its message (which quotes) stays unsaid.
        if (!help && result.Errors.Count > 0)
        {
            throw new UsageException("the command line could not be read.");
        }

        return new ParsedArguments(positionals, values, help);
    }

    /// <summary>The message for an option the command does not have; only a name some command knows is quoted.</summary>
    private static string UnknownOption(string typed, ICommand command, CommandTree tree)
    {
        var options = command.Options.Select(o => o.Name).Append("--help").ToList();
        var name = typed.Split('=', ':')[0];
        if (options.Contains(name, StringComparer.Ordinal) || tree.KnownOptionNames.Contains(name))
        {
            return "'" + name + "' is not an option of '" + command.Name + "': its options are " + ArgumentText.JoinAnd(options) + ".";
        }

        var closest = ArgumentText.Closest(name, options);
        return "an unknown option (" + ArgumentText.Length(typed) + "): the options of '" + command.Name + "' are " + ArgumentText.JoinAnd(options) + "." +
            (closest is null ? string.Empty : " Did you mean " + closest + "?");
    }

    private static void Add(Dictionary<string, List<string>> values, OptionSpec spec, string value)
    {
        if (!values.TryGetValue(spec.Name, out var list))
        {
            values.Add(spec.Name, new List<string> { value });
        }
        else if (spec.Repeatable)
        {
            list.Add(value);
        }
        else
        {
            throw new UsageException(spec.Name + " is given twice; give it once.");
        }
    }

    // System.CommandLine splits --force=yes into --force and yes, which would make 'yes' a positional argument: the
    // typed words tell them apart. A word that is the value of an option (--value --force=x) is skipped.
    private static void RefuseValuesOfFlags(IReadOnlyList<string> args, ICommand command)
    {
        for (var i = 0; i < args.Count && args[i] != "--"; i++)
        {
            var spec = command.Options.FirstOrDefault(o => o.Name == args[i]);
            if (spec is not null)
            {
                i += spec.TakesValue ? 1 : 0;
                continue;
            }

            var separator = args[i].IndexOfAny(new[] { '=', ':' });
            var flag = separator > 0 ? command.Options.FirstOrDefault(o => !o.TakesValue && string.CompareOrdinal(o.Name, 0, args[i], 0, separator) == 0 && o.Name.Length == separator) : null;
            if (flag is not null)
            {
                throw new UsageException(flag.Name + " takes no value.");
            }
        }
    }

    private static string NotACommand(CommandTree tree, string typed, int index)
    {
        var names = tree.Commands.Select(c => c.Name).ToList();
        var shown = tree.KnownOptionNames.Contains(typed) ? "'" + typed + "'" : "the " + ArgumentText.Ordinal(index) + " argument (" + ArgumentText.Length(typed) + ")";
        var closest = ArgumentText.Closest(typed, names.Select(n => n.Split(' ')[0]).Distinct());
        return shown + " is not a secretguard command. Commands: " + string.Join(", ", names) + ". Run 'secretguard --help'." +
            (closest is null ? string.Empty : " Did you mean '" + closest + "'?");
    }

    private static string NotASubcommand(Command group, IReadOnlyList<ICommand> members, string typed, int index)
    {
        var closest = ArgumentText.Closest(typed, members.Select(c => c.Name.Split(' ').Last()));
        return "the " + ArgumentText.Ordinal(index) + " argument (" + ArgumentText.Length(typed) + ") is not a subcommand of '" + group.Name + "'. " +
            (closest is null
                ? "Its subcommands: " + string.Join(", ", members.Select(c => "'secretguard " + c.Name + "'")) + "."
                : "Did you mean 'secretguard " + group.Name + " " + closest + "'?");
    }

    private static bool IsHelp(Token token, CommandTree tree) =>
        token.Type == TokenType.Option && (token.Value == tree.Help.Name || tree.Help.Aliases.Contains(token.Value));

    // "-" alone is a positional (standard input, by convention); "-x" and "--x" are options.
    private static bool IsOptionLike(string text) => text.Length >= 2 && text[0] == '-';
}
