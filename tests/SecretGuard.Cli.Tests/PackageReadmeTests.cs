using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// The readmes nuget.org shows for the packages tell people which commands to type: every <c>secretguard</c> command
/// line in them must be one the tool accepts (command and options), or the first thing a new user types fails.
/// </summary>
public sealed class PackageReadmeTests
{
    [Theory]
    [InlineData("docs/package-readme.md")]
    [InlineData("docs/package-readme-cli.md")]
    public void Every_secretguard_command_in_the_readme_is_accepted_by_the_tool(string readme)
    {
        var commands = CommandLines(Repository.ReadText(readme));
        Assert.NotEmpty(commands);
        Assert.Contains(commands, c => c.StartsWith("secretguard init", StringComparison.Ordinal));
        using var ws = new Workspace();
        foreach (var command in commands)
        {
            // With --help the tool parses the whole command line, rejects an unknown command or option (exit 2),
            // and then only prints the help: nothing is created, no key is needed.
            var arguments = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Append("--help").ToArray();
            var result = ws.Run(arguments);
            Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, readme + ": '" + command + "'\n" + result);
        }
    }

    [Fact]
    public void The_main_readme_says_how_to_install_the_tool_and_make_a_key()
    {
        var readme = Repository.ReadText("docs/package-readme.md");
        Assert.Contains("dotnet tool install --global SecretGuard.Cli", readme);
        var commands = CommandLines(readme);
        Assert.Contains("secretguard init", commands);
        Assert.Contains(commands, c => c.StartsWith("secretguard keygen --env ", StringComparison.Ordinal));
    }

    /// <summary>
    /// Lines of fenced code blocks and inline code spans that start with <c>secretguard </c>, without a trailing
    /// comment, pipe or redirection.
    /// </summary>
    private static List<string> CommandLines(string markdown)
    {
        var found = new List<string>();
        var inCode = false;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                Add(line.Trim());
            }
            else
            {
                foreach (Match span in Regex.Matches(line, "`(secretguard [^`]+)`"))
                {
                    Add(span.Groups[1].Value);
                }
            }
        }

        return found;

        void Add(string text)
        {
            if (!text.StartsWith("secretguard ", StringComparison.Ordinal))
            {
                return;
            }

            var end = text.IndexOfAny(new[] { '#', '|', '>', '<' });
            found.Add((end < 0 ? text : text.Substring(0, end)).Trim());
        }
    }
}
