using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.Linq;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// The commands as System.CommandLine sees them: a <see cref="RootCommand"/> with a subcommand per
/// <see cref="ICommand"/> (a group such as <c>hook</c> for a two-word name), each with its options and positional
/// arguments. System.CommandLine splits and classifies the tokens (<c>--env=dev</c>, <c>--</c>, directives) and
/// completes names (<c>[suggest]</c>); help, errors and their wording stay ours (<see cref="ArgumentParser"/>,
/// <see cref="HelpWriter"/>), because its messages quote what was typed.
/// </summary>
internal sealed class CommandTree
{
    /// <summary>
    /// Response files are off: with them, <c>@file</c> anywhere (a value given to <c>--value</c>, a path) would read
    /// the file's lines as arguments, and a value starting with '@' could not be passed (docs/cli.md#conventions).
    /// Bundling is off: no option has a one-letter name but help.
    /// </summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    private readonly Dictionary<Command, ICommand> _commands = new();
    private readonly Dictionary<Command, List<ICommand>> _groups = new();

    public CommandTree(IReadOnlyList<ICommand> commands)
    {
        Commands = commands;

        // Only the names, as today's help has them: -h, --help, -? (not the Windows-style /h and /?, which are paths).
        Root.Options.Clear();
        Root.Options.Add(Help);
        Root.Options.Add(Version);
        Completion = Root.Directives.OfType<SuggestDirective>().Single();
        foreach (var command in commands)
        {
            var words = command.Name.Split(' ');
            var parent = (Command)Root;
            foreach (var word in words.Take(words.Length - 1))
            {
                var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
                if (group is null)
                {
                    group = new Command(word);
                    parent.Subcommands.Add(group);
                    _groups.Add(group, new List<ICommand>());
                }

                _groups[group].Add(command);
                parent = group;
            }

            var leaf = new Command(words[words.Length - 1], command.Summary);
            foreach (var spec in command.Options)
            {
                leaf.Options.Add(Create(spec));
            }

            if (command.MaxPositionals > 0)
            {
                // Any number: ArgumentParser counts them, so that too many gets our message.
                leaf.Arguments.Add(new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore });
            }

            parent.Subcommands.Add(leaf);
            _commands.Add(leaf, command);
        }

        KnownOptionNames = new HashSet<string>(
            commands.SelectMany(c => c.Options).Select(o => o.Name).Concat(Help.Aliases).Append(Help.Name).Append(Version.Name),
            System.StringComparer.Ordinal);
    }

    /// <summary>Every command, in the order of the help.</summary>
    public IReadOnlyList<ICommand> Commands { get; }

    public RootCommand Root { get; } = new();

    /// <summary><c>--help</c>, <c>-h</c>, <c>-?</c>, on every command.</summary>
    public HelpOption Help { get; } = new("--help", "-h", "-?");

    /// <summary><c>--version</c>, before any command.</summary>
    public VersionOption Version { get; } = new();

    /// <summary><c>[suggest]</c>, which shells' completion (dotnet-suggest) calls.</summary>
    public SuggestDirective Completion { get; }

    /// <summary>Every option name of every command, and help's and version's: the option names a message may quote.</summary>
    public IReadOnlySet<string> KnownOptionNames { get; }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, Configuration);

    /// <summary>The command a leaf of the tree runs; null for the root and for a group.</summary>
    public ICommand? CommandFor(Command command) => _commands.TryGetValue(command, out var found) ? found : null;

    /// <summary>The commands under a group (<c>hook</c>: <c>hook install</c>); empty for anything else.</summary>
    public IReadOnlyList<ICommand> GroupMembers(Command group) => _groups.TryGetValue(group, out var members) ? members : new List<ICommand>();

    private static Option Create(OptionSpec spec)
    {
        if (!spec.TakesValue)
        {
            return new Option<bool>(spec.Name) { Arity = ArgumentArity.Zero, Description = spec.Description };
        }

        // One value per occurrence (--env dev --env prod), so that a second word is a positional argument, as before.
        return spec.Repeatable
            ? new Option<string[]>(spec.Name) { AllowMultipleArgumentsPerToken = false, HelpName = spec.ValueName, Description = spec.Description }
            : new Option<string>(spec.Name) { HelpName = spec.ValueName, Description = spec.Description };
    }
}
