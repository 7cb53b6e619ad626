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
    [InlineData("init --bogus", "an unknown option (7 characters): the options of 'init' are --env, --write-private, --v1, --key-file, --force and --help")]
    [InlineData("init --file x", "'--file' is not an option of 'init'")]
    [InlineData("validate --fromat json", "Did you mean --format?")]
    [InlineData("valdate", "Did you mean 'validate'?")]
    [InlineData("hook instal", "Did you mean 'secretguard hook install'?")]
    [InlineData("init extra", "takes no arguments")]
    [InlineData("set API_SECRET", "say which environment")]
    [InlineData("set --env dev", "say which entry to set")]
    [InlineData("set API_SECRET --env Prod", "the value of --env (4 characters) is not an environment name")]
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
    [InlineData("validate missing-folder", "the first PATH (14 characters) does not exist")]
    [InlineData("set A_SECRET --env dev extra", "'set' takes one argument, but got a second one (5 characters)")]
    [InlineData("set A_SECRET=x --env dev", "holds '='")]
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
    public void Hook_has_help_like_every_command()
    {
        using var ws = new Workspace();
        var help = ws.Run("hook", "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.StartsWith("Usage: secretguard hook <subcommand>", help.Stdout);
        Assert.Contains("  install  ", help.Stdout);
        Assert.Equal("Docs: " + DocsUrl + "#hook-install", LastLine(help.Stdout));
        Assert.Equal(string.Empty, help.Stderr);
        Assert.Equal(help.Stdout, ws.Run("help", "hook").Stdout);
        Assert.Equal(ws.Run("hook", "install", "--help").Stdout, ws.Run("help", "hook", "install").Stdout);
    }

    [Fact]
    public void Help_before_or_after_the_command_prints_the_same()
    {
        using var ws = new Workspace();
        var after = ws.Run("set", "--help");
        Assert.Equal(0, after.ExitCode);
        foreach (var arguments in new[] { new[] { "help", "set" }, new[] { "set", "-h" }, new[] { "set", "-?" }, new[] { "set", "A_SECRET", "--env", "dev", "--help" } })
        {
            var result = ws.Run(arguments);
            Assert.True(result.ExitCode == 0, string.Join(' ', arguments) + "\n" + result);
            Assert.Equal(after.Stdout, result.Stdout);
        }

        // Help does not hide a wrong option: the command line is still checked (the readme tests rely on it).
        Assert.Equal(2, ws.Run("set", "--bogus", "--help").ExitCode);
    }

    [Fact]
    public void Version_is_the_informational_version_of_the_tool()
    {
        using var ws = new Workspace();
        var informational = System.Diagnostics.FileVersionInfo.GetVersionInfo(Cli.DllPath).ProductVersion;
        Assert.False(string.IsNullOrEmpty(informational));
        Assert.True(informational == Repository.Version || informational.StartsWith(Repository.Version + "+", StringComparison.Ordinal), informational);
        foreach (var arguments in new[] { new[] { "--version" }, new[] { "version" } })
        {
            var result = ws.Run(arguments);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(informational + Environment.NewLine, result.Stdout);
            Assert.Equal(string.Empty, result.Stderr);
        }
    }

    [Fact]
    public void A_response_file_is_not_read()
    {
        // '@file' would turn the lines of a file into arguments; a file of secrets (an env file, the key file) among them.
        using var ws = new Workspace();
        ws.Write("args.txt", "A_SECRET " + ArgumentEchoTests.Marker + "\n");
        var result = ws.Run("set", "@args.txt", "--env", "dev");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is not an env-file key", result.Stderr);
        ArgumentEchoTests.AssertNoPartOfTheMarkerIn(result.Output, "set @args.txt");

        var validate = ws.Run("validate", "@args.txt");
        Assert.True(validate.ExitCode == 2, validate.ToString());
        Assert.Contains("the first PATH (9 characters) does not exist", validate.Stderr);
    }

    [Fact]
    public void Completion_suggests_commands_and_options()
    {
        using var ws = new Workspace();
        var commands = ws.Run("[suggest]", "va");
        Assert.True(commands.ExitCode == 0, commands.ToString());
        Assert.Equal("validate", commands.Stdout.Trim());

        var options = ws.Run("[suggest:14]", "validate --for");
        Assert.True(options.ExitCode == 0, options.ToString());
        Assert.Equal("--format", options.Stdout.Trim());
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
