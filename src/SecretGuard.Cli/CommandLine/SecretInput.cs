using System;
using System.Text;

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
            value = StripFinalNewline(CommandContext.ReadStandardInput());
            if (value.Length > 0 && value[0] == '\uFEFF')
            {
                value = value.Substring(1);
            }
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

    // `echo value | secretguard set` adds one newline that is not part of the value; anything beyond it is.
    private static string StripFinalNewline(string text)
    {
        if (text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            return text.Substring(0, text.Length - 2);
        }

        return text.EndsWith('\n') ? text.Substring(0, text.Length - 1) : text;
    }

    private static string ReadHidden(CommandContext context, string prompt)
    {
        context.Error.Write(prompt);
        context.Error.Flush();
        var value = new StringBuilder();
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
                    if (value.Length > 0)
                    {
                        value.Length--;
                    }

                    continue;
                }

                if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                {
                    value.Append(key.KeyChar);
                }
            }
        }
        catch (InvalidOperationException)
        {
            throw new CommandFailedException("there is no terminal to type the value in: pipe it in on standard input instead.");
        }
        finally
        {
            context.Error.WriteLine();
        }

        var result = value.ToString();
        value.Clear();
        return result;
    }
}
