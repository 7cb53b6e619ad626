using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit.Abstractions;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Issue 13, item 3, proven under load: many <c>secretguard set</c>s and two real builds in Encrypt mode write one env
/// file at once — a file in a shared folder that both projects link, with the second project's key file linked to the
/// first's. Every entry ends up present and every value encrypted exactly once, and the links stay links.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConcurrentWritersTests
{
    private const int MinimumSets = 16;
    private const int SetWorkers = 2;
    private const int PlaintextEntries = 100;
    private static readonly Regex Encrypted = new(@"SecretGuard: encrypted (\d+) values? in ", RegexOptions.CultureInvariant);

    private readonly PackageFeed _feed;
    private readonly ITestOutputHelper _log;

    public ConcurrentWritersTests(PackageFeed feed, ITestOutputHelper log)
    {
        _feed = feed;
        _log = log;
    }

    [Fact]
    public void Parallel_sets_and_two_builds_on_one_shared_env_file_keep_every_entry_and_encrypt_each_value_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        var timer = Stopwatch.StartNew();
        using var first = new SampleProject(_feed);
        using var second = new SampleProject(_feed);
        Directory.CreateDirectory(Path.Combine(first.Root, "config"));
        var shared = Path.Combine(first.Root, "config", ".env.dev");

        // Plaintext entries, for the builds to encrypt while the sets add theirs.
        var plaintexts = Enumerable.Range(0, PlaintextEntries).ToDictionary(i => "BUILD_" + i + "_SECRET", i => "build value " + i);
        File.WriteAllText(shared, "# shared dev settings\nPUBLIC_URL=https://example.test\n" + string.Concat(plaintexts.Select(p => p.Key + "=" + p.Value + "\n")));
        File.CreateSymbolicLink(first.EnvFile("dev"), Path.Combine("..", "config", ".env.dev"));
        File.CreateSymbolicLink(second.EnvFile("dev"), shared);
        File.Delete(second.KeyFilePath);
        File.CreateSymbolicLink(second.KeyFilePath, first.KeyFilePath);
        foreach (var project in new[] { first, second })
        {
            var restore = project.Restore();
            Assert.True(restore.ExitCode == 0, restore.Output);
        }

        _log.WriteLine("set up and restored in " + timer.Elapsed.TotalSeconds.ToString("0.0") + " s");
        timer.Restart();

        // Both builds and the sets start together, and the sets go on until both builds are done (at least
        // MinimumSets of them), half through each project's links, so that sets run before, during and after the
        // moment each build encrypts.
        var projects = new[] { first, second };
        var buildResults = new ProcessResult[projects.Length];
        var buildsRunning = projects.Length;
        var setValues = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var setResults = new ConcurrentBag<ProcessResult>();
        var next = -1;
        var threads = Enumerable.Range(0, projects.Length).Select(p => new Thread(() =>
            {
                buildResults[p] = projects[p].Build(extraArguments: "--no-restore");
                Interlocked.Decrement(ref buildsRunning);
            }))
            .Concat(Enumerable.Range(0, SetWorkers).Select(w => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < MinimumSets || Volatile.Read(ref buildsRunning) > 0)
                {
                    var name = "SET_" + i + "_SECRET";
                    setValues[name] = "set value " + i + " ✓";
                    setResults.Add(Tool.Run(i % 2 == 0 ? first.ProjectDirectory : second.ProjectDirectory, setValues[name], "set", name, "--env", "dev"));
                    Thread.Sleep(200);
                }
            })))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(5)), "the builds and sets did not finish"));
        _log.WriteLine(setResults.Count + " sets and 2 builds together took " + timer.Elapsed.TotalSeconds.ToString("0.0") + " s");

        Assert.All(setResults, r => Assert.True(r.ExitCode == 0, r.Output));
        var encryptedByBuilds = 0;
        foreach (var build in buildResults)
        {
            Assert.True(build.ExitCode == 0, build.Output);
            encryptedByBuilds += Encrypted.Matches(build.Output).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        // One build encrypted the plaintext entries; the other found them encrypted (it waited for the lock).
        Assert.Equal(PlaintextEntries, encryptedByBuilds);
        Assert.Equal(Path.Combine("..", "config", ".env.dev"), new FileInfo(first.EnvFile("dev")).LinkTarget);
        Assert.Equal(shared, new FileInfo(second.EnvFile("dev")).LinkTarget);
        Assert.Equal(first.KeyFilePath, new FileInfo(second.KeyFilePath).LinkTarget);

        var text = File.ReadAllText(shared);
        Assert.StartsWith("# shared dev settings\nPUBLIC_URL=https://example.test\n", text);
        var entries = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains('=')).Skip(1)
            .Select(l => (Name: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..])).ToList();
        var expected = plaintexts.Concat(setValues).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(setValues.Count >= MinimumSets);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Name).Order(StringComparer.Ordinal)); // each once
        foreach (var (name, value) in entries)
        {
            // Decrypted once, each value is its plaintext: nothing was encrypted twice.
            Assert.StartsWith("DEV_ENC:v1:", value);
            Assert.Equal(expected[name], TestCrypto.Decrypt("dev", first.DevKey, name, value));
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(first.Root, "config"), "*.tmp"));
        var run = second.RunApp(null, "BUILD_7_SECRET", "SET_3_SECRET");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(new[] { "BUILD_7_SECRET=build value 7", "SET_3_SECRET=set value 3 ✓" }, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }
}
