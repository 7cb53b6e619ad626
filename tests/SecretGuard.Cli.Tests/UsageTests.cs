using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SecretGuard.Cli.Tests;

/// <summary>Wrong command lines exit with 2 and say what to type; every command has --help.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("init")]
    [InlineData("keygen")]
    [InlineData("set")]
    [InlineData("encrypt")]
    [InlineData("decrypt")]
    [InlineData("rotate")]
    [InlineData("validate")]
    [InlineData("hook install")]
    public void Every_command_has_help(string command)
    {
        using var ws = new Workspace();
        var result = ws.Run(ArgumentsOf(command + " --help"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Usage: secretguard " + command, result.Stdout);
        Assert.Contains("Options:", result.Stdout);
        Assert.Contains("Exit codes", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);

        // The last line links to the command's section of the docs, online: the tool runs far from any clone.
        var anchor = command.Replace(' ', '-');
        Assert.Equal("Docs: " + DocsUrl + "#" + anchor, LastLine(result.Stdout));
        Assert.Contains(anchor, CliDocAnchors());
    }

    [Fact]
    public void Overview_ends_with_the_docs_url()
    {
        using var ws = new Workspace();
        var help = ws.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Equal("Docs: " + DocsUrl, LastLine(help.Stdout));

        // No help text names a path inside this repository: a user of the package has no docs/ folder.
        foreach (var command in new[] { "init", "keygen", "set", "encrypt", "decrypt", "rotate", "validate", "hook install" })
        {
            var output = help.Stdout + ws.Run(ArgumentsOf(command + " --help")).Stdout;
            Assert.DoesNotContain(" docs/", output);
        }
    }

    [Fact]
    public void Overview_lists_every_command()
    {
        using var ws = new Workspace();
        var help = ws.Run("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "init", "keygen", "set", "encrypt", "decrypt", "rotate", "validate", "hook install" })
        {
            Assert.Contains("  " + command + " ", help.Stdout);
        }

        var none = ws.Run();
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Usage: secretguard <command>", none.Stderr);
    }

    [Theory]
    [InlineData("frobnicate", "is not a secretguard command")]
    [InlineData("hook", "needs a subcommand")]
    [InlineData("init --bogus", "'--bogus' is not an option of 'init'")]
    [InlineData("init extra", "takes no arguments")]
    [InlineData("set API_SECRET", "say which environment")]
    [InlineData("set --env dev", "say which entry to set")]
    [InlineData("set API_SECRET --env Prod", "'Prod' is not an environment name")]
    [InlineData("set 9LIVES_SECRET --env dev", "is not an env-file key")]
    [InlineData("set API_SECRET --env", "--env needs a value")]
    [InlineData("set API_SECRET --env dev --env prod", "--env is given twice")]
    [InlineData("keygen --env dev", "--print")]
    [InlineData("keygen --env dev --print --write", "choose one of --print and --write")]
    [InlineData("encrypt --env dev", "say which entry the value is for")]
    [InlineData("encrypt A_SECRET --name B_SECRET --env dev", "give the entry's name once")]
    [InlineData("decrypt --env dev", "say which entry to decrypt")]
    [InlineData("rotate", "say which environment")]
    [InlineData("rotate --env prod --finish --print-new-key", "--finish makes no key")]
    [InlineData("validate --format xml", "--format is human, json or sarif")]
    [InlineData("validate --mode encrypt", "validate only verifies")]
    [InlineData("validate missing-folder", "missing-folder does not exist")]
    [InlineData("validate --staged somewhere", "give no PATH with it")]
    [InlineData("keygen --env dev --print=yes", "--print takes no value")]
    public void Usage_errors_exit_2_and_say_what_to_do(string arguments, string expected)
    {
        using var ws = new Workspace();
        var result = ws.Run(ArgumentsOf(arguments));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
    }

    [Fact]
    public void A_value_passed_as_an_unexpected_argument_is_not_echoed()
    {
        using var ws = new Workspace();
        var result = ws.Run("set", "A_SECRET", "hunter2-Very-Secret!", "--env", "dev");
        Assert.Equal(2, result.ExitCode);
        Workspace.AssertNoneIn(result.Output, new[] { "hunter2-Very-Secret!" });
    }

    private const string DocsUrl = "https://github.com/secretguard/SecretGuard/blob/main/docs/cli.md";

    private static string[] ArgumentsOf(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string LastLine(string text) => text.TrimEnd('\n', '\r').Split('\n').Last().TrimEnd('\r');

    /// <summary>The anchors GitHub gives the headings of docs/cli.md: lower case, punctuation dropped, spaces as '-'.</summary>
    private static HashSet<string> CliDocAnchors()
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inCode = false;
        foreach (var line in Repository.ReadText("docs/cli.md").Split('\n'))
        {
            // A '#' line inside a fenced block is a shell or YAML comment, not a heading.
            inCode ^= line.StartsWith("```", StringComparison.Ordinal);
            if (inCode || !line.StartsWith('#'))
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in line.TrimStart('#').Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            anchors.Add(slug.ToString());
        }

        return anchors;
    }
}
