using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// Commands that write one env file at the same time (issue 13, item 3): each holds the file's lock from its read to
/// its rename, so none loses another's update.
/// </summary>
public sealed class ConcurrentWriteTests
{
    private const int Writers = 16;

    [Fact]
    public void Parallel_sets_of_different_names_on_one_file_keep_every_entry()
    {
        using var ws = RotateTests.Initialized();
        ws.Write(".env.dev", "# team settings\nPUBLIC_URL=https://example.test\n");

        var results = RunTogether(Writers, i => ws.Pipe("value-" + i, "set", "NAME_" + i + "_SECRET", "--env", "dev"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        for (var i = 0; i < Writers; i++)
        {
            Assert.Equal("value-" + i, ws.DecryptWithKeyFileOnDisk("dev", "NAME_" + i + "_SECRET", ws.ValueOf(".env.dev", "NAME_" + i + "_SECRET")));
        }

        Assert.StartsWith("# team settings\nPUBLIC_URL=https://example.test\n", ws.Read(".env.dev"));
        Assert.Equal(Writers + 1, ws.Read(".env.dev").Split('\n').Count(l => l.Contains('=')));
        LinkedFileTests.AssertNoTemps(ws.Path);
    }

    [Fact]
    public void Sets_during_a_rotation_are_neither_lost_nor_left_under_a_key_that_is_gone()
    {
        using var ws = RotateTests.Initialized();
        ws.Write(".env.prod", string.Concat(Enumerable.Range(0, 40).Select(i => "OLD_" + i + "_SECRET=" + ws.EncryptWithKeyFileOnDisk("prod", "OLD_" + i + "_SECRET", "old-" + i) + "\n")));

        var results = RunTogether(9, i => i == 4
            ? ws.Run("rotate", "--env", "prod")
            : ws.Pipe("new-" + i, "set", "NEW_" + i + "_SECRET", "--env", "prod"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var names = Enumerable.Range(0, 40).Select(i => ("OLD_" + i + "_SECRET", "old-" + i))
            .Concat(Enumerable.Range(0, 9).Where(i => i != 4).Select(i => ("NEW_" + i + "_SECRET", "new-" + i)));
        foreach (var (name, value) in names)
        {
            Assert.Equal(value, ws.DecryptWithKeyFileOnDisk("prod", name, ws.ValueOf(".env.prod", name)));
        }

        // A set waits for the rotation (or the rotation for it): no value is left under the previous key.
        var finish = ws.Run("rotate", "--env", "prod", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        LinkedFileTests.AssertNoTemps(ws.Path);
    }

    /// <summary>Starts <paramref name="count"/> commands at once (one thread each) and waits for all.</summary>
    internal static CliResult[] RunTogether(int count, Func<int, CliResult> run)
    {
        using var start = new Barrier(count);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return run(i);
            },
            TaskCreationOptions.LongRunning)).ToArray();
        Assert.True(Task.WaitAll(tasks, TimeSpan.FromMinutes(2)), "a command did not finish");
        return tasks.Select(t => t.Result).ToArray();
    }
}
