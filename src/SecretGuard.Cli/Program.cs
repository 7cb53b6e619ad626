using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Commands;

namespace SecretGuard.Cli;

/// <summary>The <c>secretguard</c> command: picks the command, parses its arguments and turns failures into exit codes.</summary>
internal static class Program
{
    private static readonly ICommand[] Commands =
    {
        new InitCommand(),
        new KeygenCommand(),
        new SetCommand(),
        new EncryptCommand(),
        new DecryptCommand(),
        new RotateCommand(),
        new MigrateCommand(),
        new ValidateCommand(),
        new HookInstallCommand(),
    };

    private static readonly CommandTree Tree = new(Commands);

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
            HelpWriter.WriteOverview(context.Error, Commands);
            return ExitCodes.Usage;
        }

        if (args[0] == "help")
        {
            if (args.Length == 1)
            {
                HelpWriter.WriteOverview(context.Out, Commands);
                return ExitCodes.Ok;
            }

            return Run(args.Skip(1).Append("--help").ToArray(), context);
        }

        if (args[0] == "version")
        {
            context.Out.WriteLine(ToolVersion.Informational);
            return ExitCodes.Ok;
        }

        var result = Tree.Parse(args);
        if (result.GetResult(Tree.Completion) is not null)
        {
            // [suggest]: what shells' completion asks for; it prints known command and option names only.
            return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }

        if (result.GetResult(Tree.Version) is not null)
        {
            context.Out.WriteLine(ToolVersion.Informational);
            return ExitCodes.Ok;
        }

        Command selected;
        try
        {
            selected = ArgumentParser.SelectCommand(result, Tree);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }

        var command = Tree.CommandFor(selected);
        if (command is null)
        {
            var help = ArgumentParser.IsHelpRequested(result, Tree);
            if (selected == Tree.Root)
            {
                HelpWriter.WriteOverview(help ? context.Out : context.Error, Commands);
                return help ? ExitCodes.Ok : ExitCodes.Usage;
            }

            HelpWriter.WriteGroupHelp(context.Out, selected.Name, Tree.GroupMembers(selected));
            return ExitCodes.Ok;
        }

        try
        {
            var arguments = ArgumentParser.Parse(result, command, Tree, args);
            if (arguments.HelpRequested)
            {
                HelpWriter.WriteHelp(context.Out, command);
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
}
