using System;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// A secret typed in the wrong place of a command line is never quoted back: messages go to standard error, and so
/// into CI logs. Only known command and option names are echoed (docs/cli.md#conventions). Each case puts a marker
/// where a value may land by mistake — an extra argument, the name, NAME=VALUE, an option's value, an unknown option,
/// the command — and no 8 characters of it may appear in any output.
/// </summary>
public sealed class ArgumentEchoTests : IClassFixture<ArgumentEchoTests.ProjectWithKeys>
{
    /// <summary>Looks like a live API key, which is what people paste.</summary>
    public const string Marker = "sk_live_MARKER0123456789abcdef";

    private readonly ProjectWithKeys _project;

    public ArgumentEchoTests(ProjectWithKeys project) => _project = project;

    [Theory]
    // The command itself, or what comes where a command or subcommand belongs.
    [InlineData(2, "M")]
    [InlineData(2, "M --help")]
    [InlineData(2, "help M")]
    [InlineData(2, "--M")]
    [InlineData(2, "-M")]
    [InlineData(2, "[M] validate")]
    [InlineData(2, "@M")]
    [InlineData(2, "hook M")]
    [InlineData(2, "hook M --help")]
    [InlineData(2, "hook --M")]
    // init
    [InlineData(2, "init M")]
    [InlineData(2, "init -- M")]
    [InlineData(2, "init --M")]
    [InlineData(2, "init --M=dev")]
    [InlineData(2, "init --env M")]
    [InlineData(2, "init --env=M")]
    [InlineData(2, "init --env dev,M")]
    [InlineData(2, "init --force=M")]
    // keygen
    [InlineData(2, "keygen M --env dev --print")]
    [InlineData(2, "keygen --env M --print")]
    [InlineData(2, "keygen --env dev --print=M")]
    [InlineData(2, "keygen --env dev --print --M")]
    // set: the value as a second argument, as NAME=VALUE, as the name
    [InlineData(2, "set API_SECRET M --env dev")]
    [InlineData(2, "set API_SECRET=M --env dev")]
    [InlineData(2, "set M=M --env dev")]
    [InlineData(2, "set M API_SECRET --env dev")]
    [InlineData(2, "set -- API_SECRET M --env dev")]
    [InlineData(2, "set M")]
    [InlineData(1, "set M --env dev")]
    [InlineData(1, "set M --env dev --force")]
    [InlineData(2, "set API_SECRET --env M")]
    [InlineData(2, "set API_SECRET --env dev --M")]
    [InlineData(2, "set API_SECRET --env dev --force=M")]
    [InlineData(2, "set API_SECRET --env dev --M=x")]
    [InlineData(1, "set API_SECRET --env dev --file M/.env.dev")]
    [InlineData(1, "set API_SECRET --env dev --key-file M")]
    // encrypt
    [InlineData(2, "encrypt API_SECRET M --env dev")]
    [InlineData(2, "encrypt API_SECRET=M --env dev")]
    [InlineData(2, "encrypt M")]
    [InlineData(1, "encrypt M --env dev")]
    [InlineData(1, "encrypt --name M --env dev")]
    [InlineData(2, "encrypt --name API_SECRET=M --env dev")]
    [InlineData(2, "encrypt M --name API_SECRET --env dev")]
    [InlineData(2, "encrypt API_SECRET --env M")]
    [InlineData(2, "encrypt API_SECRET --env dev --M")]
    [InlineData(1, "encrypt API_SECRET --env dev --key-file M")]
    // decrypt
    [InlineData(2, "decrypt API_SECRET M --env dev")]
    [InlineData(2, "decrypt API_SECRET=M --env dev")]
    [InlineData(2, "decrypt M")]
    [InlineData(1, "decrypt M --env dev --force")]
    [InlineData(2, "decrypt API_SECRET --env M --force")]
    [InlineData(1, "decrypt API_SECRET --env dev --force --file M")]
    [InlineData(1, "decrypt API_SECRET --env dev --force --key-file M")]
    [InlineData(2, "decrypt API_SECRET --env dev --M")]
    // rotate
    [InlineData(2, "rotate --env dev M")]
    [InlineData(2, "rotate --env M")]
    [InlineData(2, "rotate --env dev --finish=M")]
    [InlineData(2, "rotate --env dev --M")]
    [InlineData(1, "rotate --env dev --key-file M")]
    // validate
    [InlineData(2, "validate M")]
    [InlineData(2, "validate . M")]
    [InlineData(2, "validate --format M")]
    [InlineData(2, "validate --format=M")]
    [InlineData(2, "validate --mode M")]
    [InlineData(2, "validate --env M")]
    [InlineData(2, "validate --staged M")]
    [InlineData(2, "validate --M")]
    [InlineData(2, "validate --warnings-as-errors=M")]
    [InlineData(1, "validate --key-file M")]
    // hook install
    [InlineData(2, "hook install M")]
    [InlineData(2, "hook install --M")]
    [InlineData(2, "hook install --force=M")]
    public void A_value_in_the_wrong_place_is_never_quoted(int exitCode, string line)
    {
        var arguments = line.Split(' ').Select(a => a.Replace("M", Marker, StringComparison.Ordinal)).ToArray();
        var result = _project.Workspace.Run(arguments);
        Assert.True(result.ExitCode == exitCode, line + "\n" + result);
        Assert.True(result.Stderr.Length > 0, line + ": no message\n" + result);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
        AssertNoPartOfTheMarkerIn(result.Output, line);
    }

    /// <summary>The marker, and every 8 characters in a row of it (a message that cut or wrapped it would still leak).</summary>
    internal static void AssertNoPartOfTheMarkerIn(string output, string what)
    {
        for (var start = 0; start + 8 <= Marker.Length; start++)
        {
            var part = Marker.Substring(start, 8);
            Assert.False(output.Contains(part, StringComparison.Ordinal), what + ": the output quotes '" + part + "' of the marker:\n" + output);
        }
    }

    /// <summary>A project with keys for dev, int and prod and one encrypted entry, API_SECRET, in .env.dev.</summary>
    public sealed class ProjectWithKeys : IDisposable
    {
        public ProjectWithKeys()
        {
            var init = Workspace.Run("init", "--v1");
            Assert.True(init.ExitCode == 0, init.ToString());
            var set = Workspace.Pipe("a value", "set", "API_SECRET", "--env", "dev");
            Assert.True(set.ExitCode == 0, set.ToString());
        }

        public Workspace Workspace { get; } = new();

        public void Dispose() => Workspace.Dispose();
    }
}
