using System;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// Reads a secret value for <c>set</c> and <c>encrypt</c>: from standard input when it is redirected, else from a
/// hidden prompt. <c>--value</c> works too, with a warning: command lines land in shell history and process lists.
/// </summary>
internal static class SecretInput
{
    public const string ValueOption = "--value";

    public static OptionSpec ValueOptionSpec { get; } =
        OptionSpec.Value(ValueOption, "VALUE", "the value on the command line (discouraged: it lands in shell history; pipe it in instead)");

    public static string Read(ParsedArguments arguments, CommandContext context, string name, string environment)
    {
        string value;
        var given = arguments.Value(ValueOption);
        if (given is not null)
        {
            context.Warn("--value puts the secret in your shell history and in the process list; next time pipe it in (printf '%s' \"$VALUE\" | secretguard ...) or type it at the hidden prompt.");
            value = given;
        }
        else if (context.IsInputRedirected)
        {
            value = CommandContext.ReadStandardInput();
        }
        else
        {
            value = ReadHidden(context, (ArgumentText.ShowsName(name) ? "Value for " + name : "Value") + " (" + environment + ", input hidden): ");
        }

        if (value.Length == 0)
        {
            throw new CommandFailedException((ArgumentText.ShowsName(name) ? "the value for " + name : "the value") + " is empty: pipe the value in on standard input, or type it at the prompt.");
        }

        return value;
    }

    private static string ReadHidden(CommandContext context, string prompt)
    {
        context.Error.Write(prompt);
        context.Error.Flush();

        // A character array, not a StringBuilder: it is zeroed when it grows and when done, which a builder's chunks are not.
        var value = new char[64];
        var length = 0;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (length > 0)
                    {
                        value[--length] = '\0';
                    }

                    continue;
                }

                if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    if (length == value.Length)
                    {
                        var larger = new char[value.Length * 2];
                        Array.Copy(value, larger, length);
                        Array.Clear(value, 0, value.Length);
                        value = larger;
                    }

                    value[length++] = key.KeyChar;
                }
            }

            return new string(value, 0, length);
        }
        catch (InvalidOperationException)
        {
            throw new CommandFailedException("there is no terminal to type the value in: pipe it in on standard input instead.");
        }
        finally
        {
            Array.Clear(value, 0, value.Length);
            context.Error.WriteLine();
        }
    }
}
