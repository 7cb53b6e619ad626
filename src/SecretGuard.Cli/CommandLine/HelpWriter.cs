using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// The help texts: the overview (<c>secretguard --help</c>), a command's (<c>secretguard set --help</c>) and a group's
/// (<c>secretguard hook --help</c>). Ours rather than System.CommandLine's layout: usage, what the command does with
/// examples, options, exit codes and the link to its section of the docs.
/// </summary>
internal static class HelpWriter
{
    /// <summary>
    /// Where the help sends people: an absolute URL, because the tool runs from a NuGet package, far from any clone of
    /// this repository. Each command's section adds its anchor (GitHub's: the heading's words joined by '-').
    /// </summary>
    public const string DocsUrl = HelpLinks.RepositoryUrl + "/blob/main/docs/cli.md";

    private const string ExitCodesLine = "Exit codes: 0 ok, 1 findings or failure, 2 wrong command line.";

    public static void WriteOverview(TextWriter output, IReadOnlyList<ICommand> commands)
    {
        output.WriteLine("secretguard " + ToolVersion.Semantic + " — keeps secrets out of .NET code and plaintext config.");
        output.WriteLine();
        output.WriteLine("Usage: secretguard <command> [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        WriteColumns(output, commands.Select(c => (c.Name, c.Summary)).ToList());
        output.WriteLine();
        output.WriteLine("Run 'secretguard <command> --help' for a command's options and examples.");
        output.WriteLine(ExitCodesLine);
        output.WriteLine("Docs: " + DocsUrl);
    }

    public static void WriteHelp(TextWriter output, ICommand command)
    {
        output.WriteLine("Usage: " + command.Usage);
        output.WriteLine();
        output.WriteLine(char.ToUpperInvariant(command.Summary[0]) + command.Summary.Substring(1) + ".");
        output.WriteLine();
        output.WriteLine(command.Description.TrimEnd());
        output.WriteLine();
        output.WriteLine("Options:");
        var options = command.Options
            .Select(o => (o.Name + (o.TakesValue ? " " + o.ValueName : string.Empty), o.Description))
            .Append(("-h, --help", "show this help"))
            .ToList();
        WriteColumns(output, options);
        output.WriteLine();
        output.WriteLine(ExitCodesLine);
        output.WriteLine("Docs: " + DocsUrl + "#" + Anchor(command));
    }

    /// <summary>The help of a word that only groups commands (<c>hook</c>): its subcommands, linked to the first one's docs.</summary>
    public static void WriteGroupHelp(TextWriter output, string group, IReadOnlyList<ICommand> members)
    {
        output.WriteLine("Usage: secretguard " + group + " <subcommand> [options]");
        output.WriteLine();
        output.WriteLine("Subcommands:");
        WriteColumns(output, members.Select(c => (c.Name.Substring(group.Length + 1), c.Summary)).ToList());
        output.WriteLine();
        output.WriteLine("Run 'secretguard " + group + " <subcommand> --help' for a subcommand's options and examples.");
        output.WriteLine(ExitCodesLine);
        output.WriteLine("Docs: " + DocsUrl + "#" + Anchor(members[0]));
    }

    private static string Anchor(ICommand command) => command.Name.Replace(' ', '-');

    private static void WriteColumns(TextWriter output, IReadOnlyList<(string Left, string Right)> rows)
    {
        var width = rows.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in rows)
        {
            output.WriteLine("  " + left.PadRight(width) + right);
        }
    }
}
