using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace SecretGuard.Cli.Tests;

/// <summary>How the commands read key text: strictly, from the key file and from SECRETGUARD_KEY_&lt;ENV&gt;, never echoing it.</summary>
public sealed class KeyTextTests
{
    private const string Secret = "s3cr3t-Value-Never-Shown";

    [Fact]
    public void A_key_variable_with_a_line_break_inside_is_refused_and_a_trailing_newline_is_accepted()
    {
        using var ws = new Workspace();
        var key = NewKey();
        var broken = key.Substring(0, 22) + "\n" + key.Substring(22);

        var refused = Cli.Run(ws.Path, Secret, new Dictionary<string, string?> { ["SECRETGUARD_KEY_DEV"] = broken }, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("SG1012", refused.Stderr);
        Assert.Contains("SECRETGUARD_KEY_DEV", refused.Stderr);
        Assert.False(ws.Exists(".env.dev"));
        AssertNoKeyIn(refused.Output, key);

        var accepted = Cli.Run(ws.Path, Secret, new Dictionary<string, string?> { ["SECRETGUARD_KEY_DEV"] = "  " + key + "\n" }, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        ws.Write("secretguard.keys", "dev = " + key + "\n");
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "API_KEY_SECRET", ws.ValueOf(".env.dev", "API_KEY_SECRET")));
        AssertNoKeyIn(accepted.Output, key);
    }

    [Fact]
    public void A_key_file_line_with_a_space_inside_the_key_is_refused_by_set_and_validate()
    {
        using var ws = new Workspace();
        var key = NewKey();
        ws.Write("secretguard.keys", "# keys\ndev = " + key.Substring(0, 22) + " " + key.Substring(22) + "\n");

        var set = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, set.ExitCode);
        Assert.Contains("SG1012", set.Stderr);
        Assert.Contains("secretguard.keys(2)", set.Stderr);
        Assert.False(ws.Exists(".env.dev"));

        ws.Write(".env.dev", "A=1\n");
        var validate = ws.Run("validate");
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("secretguard.keys(2,1): error SG1012", validate.Stdout);
        AssertNoKeyIn(set.Output + validate.Output, key);
    }

    [Fact]
    public void Two_lines_for_one_environment_in_the_key_file_stop_every_command_naming_both_lines()
    {
        using var ws = new Workspace();
        var first = NewKey();
        var second = NewKey();
        ws.Write("secretguard.keys", "dev = " + second + "\n");
        Assert.Equal(0, ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev").ExitCode);

        // The value's key is on the second dev line: the first must not silently win.
        var keys = "# keys\ndev = " + first + "\nprod = " + NewKey() + "\ndev = " + second + "\n";
        ws.Write("secretguard.keys", keys);
        var env = ws.Read(".env.dev");
        foreach (var arguments in new[]
        {
            new[] { "set", "OTHER_SECRET", "--env", "dev" },
            new[] { "decrypt", "API_KEY_SECRET", "--env", "dev", "--force" },
            new[] { "encrypt", "OTHER_SECRET", "--env", "dev" },
            new[] { "rotate", "--env", "dev" },
            new[] { "keygen", "--env", "dev", "--write", "--force" },
            new[] { "init", "--v1", "--env", "dev", "--force" },
            new[] { "validate" },
        })
        {
            var result = ws.Pipe(Secret, arguments);
            var what = "secretguard " + string.Join(' ', arguments) + ": " + result;
            Assert.True(result.ExitCode == 1, what);
            Assert.True(result.Output.Contains("secretguard.keys(2)", StringComparison.Ordinal), what);
            Assert.True(result.Output.Contains("secretguard.keys(4)", StringComparison.Ordinal), what);
            Assert.True(result.Output.Contains("delete the other", StringComparison.Ordinal), what);
            AssertNoKeyIn(result.Output, first);
            AssertNoKeyIn(result.Output, second);
            Workspace.AssertNoneIn(result.Output, new[] { Secret });
        }

        Assert.Equal(keys, ws.Read("secretguard.keys"));
        Assert.Equal(env, ws.Read(".env.dev"));
    }

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>No piece of the key shows: not whole, and not either half of a key split by whitespace.</summary>
    internal static void AssertNoKeyIn(string output, string key)
    {
        Workspace.AssertNoneIn(output, new[] { key, key.Substring(0, 16), key.Substring(24, 16) });
    }
}
