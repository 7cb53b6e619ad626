using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Crypto;
using SecretGuard.EnvFiles;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;
using Xunit.Abstractions;
using Kill = SecretGuard.Cli.Tests.CrashPointRun.Kill;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// <c>set</c> and <c>rotate</c> killed (SIGKILL) in the middle of their work, on files with many secrets, with the key
/// file a symbolic link into a shared folder and one env file linked too (issue 13). Each kill comes at a logged moment:
/// at every step of a save in turn (the tool stops there when <see cref="CrashPoints.Variable"/> names the step, and
/// the test kills it), and after delays drawn from a logged seed. After each kill: the links are links, no entry is
/// lost, every value decrypts with the old or the new key from the key file, and no key that a value needs exists only
/// in a temp file. Then the same command run again completes the work and leaves no temp file behind.
/// </summary>
public sealed class CrashConsistencyTests
{
    private const int RootSecrets = 200;
    private const int ServiceSecrets = 20;
    private const string KeyLinkText = "../team-keys/secretguard.keys";

    private readonly ITestOutputHelper _log;

    public CrashConsistencyTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void Rotate_killed_at_each_step_loses_no_key_and_no_value_and_a_rerun_completes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there, and SIGKILL is a Unix notion
        }

        using var template = Scenario.Create();
        List<string> steps;
        using (var baseline = template.Fresh())
        {
            steps = baseline.RunToCompletion("rotate", "--env", "prod");
            _log.WriteLine("rotate steps: " + string.Join("; ", steps));
            Assert.Equal(8, steps.Count); // three env files and the key file written beside, then renamed into place
            baseline.AssertConsistent("after a rotation that was not killed");
        }

        for (var step = 1; step <= steps.Count; step++)
        {
            using var scenario = template.Fresh();
            var moment = "rotate killed at step " + steps[step - 1];
            _log.WriteLine(moment);
            scenario.RunAndKillAtStep(step, null, "rotate", "--env", "prod");
            scenario.AssertConsistent(moment);
            scenario.RecoverAndAssertClean(moment, "rotate", "--env", "prod");
        }
    }

    [Fact]
    public void Set_killed_at_each_step_loses_no_entry_and_a_rerun_completes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var template = Scenario.Create();
        foreach (var file in new[] { ".env.prod", "services/worker/.env.prod" })
        {
            for (var step = 1; step <= 2; step++)
            {
                using var scenario = template.Fresh();
                var moment = "set into " + file + " killed at step " + step + " (1: temp written, 2: renamed into place)";
                _log.WriteLine(moment);
                scenario.RunAndKillAtStep(step, "late value", "set", "LATE_SECRET", "--env", "prod", "--file", file);
                scenario.AssertConsistent(moment);
                scenario.RecoverAndAssertClean(moment, "set", "LATE_SECRET", "--env", "prod", "--file", file);
                Assert.Equal("late value", scenario.Decrypt(file, "LATE_SECRET"));
            }
        }
    }

    [Fact]
    public void Rotate_killed_after_seeded_random_delays_loses_no_key_and_no_value()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var seed = int.TryParse(Environment.GetEnvironmentVariable("SECRETGUARD_CRASH_SEED"), out var given) ? given : Environment.TickCount & 0x7fffffff;
        _log.WriteLine("seed " + seed + " (set SECRETGUARD_CRASH_SEED=" + seed + " to replay these kills)");
        var random = new Random(seed);
        using var template = Scenario.Create();
        int duration;
        using (var baseline = template.Fresh())
        {
            var timer = Stopwatch.StartNew();
            baseline.RunToCompletion("rotate", "--env", "prod");
            duration = (int)timer.ElapsedMilliseconds;
        }

        // Half of the kills come at a random moment of the whole run, which is mostly start-up, reading and decrypting;
        // the others a random few milliseconds after the first temp file is written, among the writes.
        for (var i = 0; i < 6; i++)
        {
            using var scenario = template.Fresh();
            var amongWrites = i % 2 == 1;
            var delay = amongWrites ? random.Next(0, 12) : random.Next(duration / 3, duration + 1);
            var reached = scenario.RunAndKillAfter(TimeSpan.FromMilliseconds(delay), amongWrites, "rotate", "--env", "prod");
            var moment = "seed " + seed + ", kill " + (i + 1) + ": rotate killed " + delay + " ms after " + (amongWrites ? "its first write" : "it started (a run takes " + duration + " ms)") +
                " (" + (reached.Count == 0 ? "before its first write" : "after step " + reached[^1]) + ")";
            _log.WriteLine(moment);
            scenario.AssertConsistent(moment);
            scenario.RecoverAndAssertClean(moment, "rotate", "--env", "prod");
        }
    }

    /// <summary>
    /// A repository whose key file links to a shared folder's, with a big env file, a small one and one linked from the
    /// shared folder, all holding prod values; and the plaintext of every value, to check them against.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class Scenario : IDisposable
    {
        private static readonly string[] EnvFiles = { ".env.prod", "services/api/.env.prod", "services/worker/.env.prod" };

        private readonly Workspace _root;
        private readonly Dictionary<string, Dictionary<string, string>> _plaintexts;

        private Scenario(Workspace root, Dictionary<string, Dictionary<string, string>> plaintexts)
        {
            _root = root;
            _plaintexts = plaintexts;
        }

        private string Repo => _root.File("repo");

        private string SharedKeyFile => _root.File("team-keys/secretguard.keys");

        public static Scenario Create()
        {
            var root = new Workspace();
            Directory.CreateDirectory(root.File("team-keys/config"));
            Directory.CreateDirectory(root.File("repo/services/api"));
            Directory.CreateDirectory(root.File("repo/services/worker"));
            var init = Cli.Run(root.File("team-keys"), "init", "--v1", "--env", "prod");
            Assert.True(init.ExitCode == 0, init.ToString());
            File.CreateSymbolicLink(root.File("repo/secretguard.keys"), KeyLinkText);
            File.CreateSymbolicLink(root.File("repo/services/worker/.env.prod"), "../../../team-keys/config/.env.prod");

            var key = KeyRingLoader.Load("prod", Lookup(root.File("team-keys/secretguard.keys"))).Current!;
            var plaintexts = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var file in EnvFiles)
            {
                var count = file == ".env.prod" ? RootSecrets : ServiceSecrets;
                var values = Enumerable.Range(0, count).ToDictionary(i => "S" + i + "_SECRET", i => file + " value " + i + " ✓");
                plaintexts[file] = values;
                var text = new StringBuilder("# " + file + "\nPUBLIC_URL=https://example.test\n");
                foreach (var (name, plaintext) in values)
                {
                    text.Append(name).Append('=').Append(SecretCipher.Encrypt(key, name, plaintext)).Append('\n');
                }

                File.WriteAllText(Path.Combine(root.File("repo"), file), text.ToString());
            }

            return new Scenario(root, plaintexts);
        }

        /// <summary>A copy of this scenario's files, links included, in a folder of its own.</summary>
        public Scenario Fresh()
        {
            var copy = new Workspace();
            Copy(_root.Path, copy.Path);
            return new Scenario(copy, _plaintexts.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value), StringComparer.Ordinal));
        }

        /// <summary>Runs a command to its end with every step reported; returns the steps.</summary>
        public List<string> RunToCompletion(params string[] arguments)
        {
            var (exitCode, steps, output) = Start(int.MaxValue, null, arguments, Kill.Never, TimeSpan.Zero);
            Assert.True(exitCode == 0, output);
            return steps;
        }

        /// <summary>Runs a command and kills it when it stops at <paramref name="step"/>.</summary>
        public void RunAndKillAtStep(int step, string? input, params string[] arguments)
        {
            var (exitCode, steps, output) = Start(step, input, arguments, Kill.WhenStopped, TimeSpan.Zero);
            Assert.True(exitCode != 0 && steps.Count == step, "the command did not stop at step " + step + ":\n" + output);
        }

        /// <summary>
        /// Runs a command and kills it <paramref name="delay"/> after it started, or after its first step; returns the
        /// steps it reached.
        /// </summary>
        public List<string> RunAndKillAfter(TimeSpan delay, bool afterFirstStep, params string[] arguments) =>
            Start(int.MaxValue, null, arguments, afterFirstStep ? Kill.AfterFirstStep : Kill.AfterStart, delay).Steps;

        /// <summary>
        /// What must hold after any kill: links are links, every entry is there and decrypts, with the old or the new
        /// key of the key file, to its plaintext, and a key found only in a temp file is one no value needs.
        /// </summary>
        public void AssertConsistent(string moment)
        {
            LinkedFileTests.AssertLink(Path.Combine(Repo, "secretguard.keys"), KeyLinkText);
            LinkedFileTests.AssertLink(Path.Combine(Repo, "services/worker/.env.prod"), "../../../team-keys/config/.env.prod");
            var ring = KeyRingLoader.Load("prod", Lookup(SharedKeyFile));
            var kidsNeeded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (file, values) in _plaintexts)
            {
                var env = EnvFile.Load(Path.Combine(Repo, file));
                foreach (var (name, plaintext) in values)
                {
                    var value = env.Find(name)?.Value;
                    Assert.True(value is not null, moment + ": " + name + " is missing from " + file);
                    kidsNeeded.Add(value!.Split(':')[2]);
                    Assert.True(plaintext == SecretCipher.Decrypt(value, name, ring), moment + ": " + name + " in " + file + " decrypts to something else");
                }
            }

            var kidsInKeyFile = new[] { ring.Current, ring.Previous }.Where(k => k is not null).Select(k => k!.Kid).ToHashSet(StringComparer.Ordinal);
            foreach (var temp in Directory.GetFiles(_root.Path, "*.tmp", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(temp);
                if (!KeyFile.HoldsKeys(bytes))
                {
                    continue;
                }

                foreach (var entry in KeyFile.Parse(Encoding.UTF8.GetString(bytes), temp).Entries)
                {
                    var kid = KeyDerivation.Derive(MasterKey.FromBytes(entry.GetKeyBytes(), temp), "prod").Kid;
                    Assert.False(kidsNeeded.Contains(kid) && !kidsInKeyFile.Contains(kid), moment + ": key " + kid + ", which values need, exists only in " + temp);
                }
            }
        }

        /// <summary>
        /// The same command again completes the work: every value under the current key, no temp file left. A rotation
        /// killed after its last rename was complete: run again, it says so (finish it first) and changes nothing.
        /// </summary>
        public void RecoverAndAssertClean(string moment, params string[] arguments)
        {
            var (exitCode, _, output) = Start(int.MaxValue, arguments[0] == "set" ? "late value" : null, arguments, Kill.Never, TimeSpan.Zero);
            var wasComplete = arguments[0] == "rotate" && exitCode == 1 && output.Contains("finish the last rotation first", StringComparison.Ordinal);
            Assert.True(exitCode == 0 || wasComplete, moment + ", then run again: " + output);
            AssertConsistent(moment + ", then run again");
            var current = KeyRingLoader.Load("prod", Lookup(SharedKeyFile)).Current!.Kid;
            foreach (var (file, values) in _plaintexts)
            {
                var env = EnvFile.Load(Path.Combine(Repo, file));
                Assert.All(values.Keys, name => Assert.True(current == env.Find(name)!.Value.Split(':')[2], moment + ", then run again: " + name + " in " + file + " is not under the current key"));
            }

            var temps = Directory.GetFiles(_root.Path, "*.tmp", SearchOption.AllDirectories);
            Assert.True(temps.Length == 0, moment + ", then run again: temp files left: " + string.Join(", ", temps));
        }

        public string Decrypt(string file, string name) =>
            SecretCipher.Decrypt(EnvFile.Load(Path.Combine(Repo, file)).Find(name)!.Value, name, KeyRingLoader.Load("prod", Lookup(SharedKeyFile)));

        public void Dispose() => _root.Dispose();

        private static KeyLookupOptions Lookup(string keyFile) => new() { KeyFilePath = keyFile, KeyVariable = "SG_CLI_TESTS_NEVER_SET_{ENV}" };

        // Starts the tool in the repository with its steps reported, stopping at stopAt, and kills it as told.
        private (int ExitCode, List<string> Steps, string Output) Start(int stopAt, string? input, string[] arguments, Kill kill, TimeSpan delay) =>
            CrashPointRun.Start(Repo, _root.Path, stopAt, input, arguments, kill, delay);

        private static void Copy(string from, string to)
        {
            foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
            {
                var target = Path.Combine(to, entry.Name);
                if (entry.LinkTarget is { } link)
                {
                    File.CreateSymbolicLink(target, link);
                }
                else if (entry is DirectoryInfo)
                {
                    Directory.CreateDirectory(target);
                    Copy(entry.FullName, target);
                }
                else
                {
                    File.Copy(entry.FullName, target);
                    File.SetUnixFileMode(target, File.GetUnixFileMode(entry.FullName));
                }
            }
        }

    }
}
