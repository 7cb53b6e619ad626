using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Commands;
using SecretGuard.Diagnostics;

namespace SecretGuard.Cli;

/// <summary>The <c>secretguard</c> command: picks the command, parses its arguments and turns failures into exit codes.</summary>
internal static class Program
{
    /// <summary>
    /// Where the help sends people: an absolute URL, because the tool runs from a NuGet package, far from any clone of
    /// this repository. Each command's section adds its anchor (GitHub's: the heading's words joined by '-').
    /// </summary>
    public const string DocsUrl = HelpLinks.RepositoryUrl + "/blob/main/docs/cli.md";

    private static readonly ICommand[] Commands =
    {
        new InitCommand(),
        new KeygenCommand(),
        new SetCommand(),
        new EncryptCommand(),
        new DecryptCommand(),
        new RotateCommand(),
        new ValidateCommand(),
        new HookInstallCommand(),
    };

    public static int Main(string[] args)
    {
        var context = new CommandContext(Console.Out, Console.Error, Directory.GetCurrentDirectory());
        try
        {
            return Run(args, context);
        }
        finally
        {
            context.Out.Flush();
            context.Error.Flush();
        }
    }

    private static int Run(string[] args, CommandContext context)
    {
        if (args.Length == 0)
        {
            WriteOverview(context.Error);
            return ExitCodes.Usage;
        }

        if (args[0] is "-h" or "--help" or "-?" or "help")
        {
            if (args[0] == "help" && args.Length > 1)
            {
                return Run(args.Skip(1).Append("--help").ToArray(), context);
            }

            WriteOverview(context.Out);
            return ExitCodes.Ok;
        }

        if (args[0] is "--version" or "version")
        {
            context.Out.WriteLine(Version());
            return ExitCodes.Ok;
        }

        var (command, rest) = Find(args);
        if (command is null)
        {
            var group = Commands.Where(c => c.Name.StartsWith(args[0] + " ", StringComparison.Ordinal)).ToList();
            context.Error.WriteLine(group.Count > 0
                ? "error: '" + args[0] + "' needs a subcommand: " + string.Join(", ", group.Select(c => "'secretguard " + c.Name + "'")) + "."
                : "error: '" + (args[0].Length <= 40 ? args[0] : "…") + "' is not a secretguard command. Commands: " + string.Join(", ", Commands.Select(c => c.Name)) + ". Run 'secretguard --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            var arguments = ArgumentParser.Parse(rest, command);
            if (arguments.HelpRequested)
            {
                WriteHelp(context.Out, command);
                return ExitCodes.Ok;
            }

            return command.Run(arguments, context);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine("error: " + ex.Message);
            context.Error.WriteLine("Usage: " + command.Usage);
            context.Error.WriteLine("Run 'secretguard " + command.Name + " --help' for more.");
            return ExitCodes.Usage;
        }
        catch (CommandFailedException ex)
        {
            context.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Failure;
        }
        catch (SecretGuardException ex)
        {
            // Its messages name keys, files and kids, never values
            // (docs/architecture.md#no-value-or-key-in-any-output).
            context.Error.WriteLine("error " + ex.ErrorCode + ": " + ex.Message);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Not expected: say what failed without a stack trace (whose frames could hold nothing useful for a user).
            context.Error.WriteLine("error: secretguard " + command.Name + " failed unexpectedly (" + ex.GetType().Name + ": " + ex.Message + "). Please report it.");
            return ExitCodes.Failure;
        }
    }

    private static (ICommand? Command, string[] Remaining) Find(string[] args)
    {
        if (args.Length >= 2)
        {
            var two = Commands.FirstOrDefault(c => c.Name == args[0] + " " + args[1]);
            if (two is not null)
            {
                return (two, args.Skip(2).ToArray());
            }
        }

        var one = Commands.FirstOrDefault(c => c.Name == args[0]);
        return (one, args.Skip(1).ToArray());
    }

    private static void WriteOverview(TextWriter output)
    {
        output.WriteLine("secretguard " + Version() + " — keeps secrets out of .NET code and plaintext config.");
        output.WriteLine();
        output.WriteLine("Usage: secretguard <command> [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        var width = Commands.Max(c => c.Name.Length) + 2;
        foreach (var command in Commands)
        {
            output.WriteLine("  " + command.Name.PadRight(width) + command.Summary);
        }

        output.WriteLine();
        output.WriteLine("Run 'secretguard <command> --help' for a command's options and examples.");
        output.WriteLine("Exit codes: 0 ok, 1 findings or failure, 2 wrong command line.");
        output.WriteLine("Docs: " + DocsUrl);
    }

    private static void WriteHelp(TextWriter output, ICommand command)
    {
        output.WriteLine("Usage: " + command.Usage);
        output.WriteLine();
        output.WriteLine(char.ToUpperInvariant(command.Summary[0]) + command.Summary.Substring(1) + ".");
        output.WriteLine();
        output.WriteLine(command.Description.TrimEnd());
        output.WriteLine();
        output.WriteLine("Options:");
        var options = new List<(string Left, string Right)>();
        foreach (var option in command.Options)
        {
            options.Add((option.Name + (option.TakesValue ? " " + option.ValueName : string.Empty), option.Description));
        }

        options.Add(("-h, --help", "show this help"));
        var width = options.Max(o => o.Left.Length) + 2;
        foreach (var (left, right) in options)
        {
            output.WriteLine("  " + left.PadRight(width) + right);
        }

        output.WriteLine();
        output.WriteLine("Exit codes: 0 ok, 1 findings or failure, 2 wrong command line.");
        output.WriteLine("Docs: " + DocsUrl + "#" + command.Name.Replace(' ', '-'));
    }

    private static string Version()
    {
        var informational = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? "0.0.0").Split('+')[0];
    }
}
