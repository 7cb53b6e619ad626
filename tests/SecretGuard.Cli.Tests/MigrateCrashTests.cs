using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Crypto;
using SecretGuard.EnvFiles;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;
using Xunit.Abstractions;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// <c>migrate</c> and the rotation of a key pair killed (SIGKILL) at every step of their writes in turn (the tool stops
/// where <see cref="CrashPoints.Variable"/> says, and the test kills it), in a repository with several projects. After
/// each kill every entry is there and decrypts to its plaintext with a key that exists outside a temp file — the key
/// file's, or a private key the tool printed — and the same command run again completes the work and leaves no temp.
/// </summary>
public sealed class MigrateCrashTests
{
    private const int ValuesPerFile = 12;

    private readonly ITestOutputHelper _log;

    public MigrateCrashTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void Migrate_killed_at_each_step_loses_no_value_and_a_rerun_completes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGKILL at a chosen moment is a Unix notion
        }

        using var template = new Workspace();
        template.Git("init", "-q");
        Assert.Equal(0, template.Run("init", "--v1", "--env", "dev,prod").ExitCode);
        var plaintexts = MigrateTests.WriteV1Values(template, ValuesPerFile);

        List<string> steps;
        using (var baseline = Copy(template))
        {
            var (exitCode, reached, output) = Start(baseline, int.MaxValue, "migrate", "--env", "all");
            Assert.True(exitCode == 0, output);
            steps = reached;
            _log.WriteLine("migrate steps: " + string.Join("; ", steps));
            Assert.Equal(16, steps.Count); // six env files and the key file and recipients file written beside, then renamed into place
            AssertConsistent(baseline, plaintexts, PrintedKeys(output), "after a migration that was not killed", requireVersion2: true);
        }

        for (var step = 1; step <= steps.Count; step++)
        {
            using var scenario = Copy(template);
            var moment = "migrate killed at step " + step + " (" + steps[step - 1] + ")";
            _log.WriteLine(moment);
            var (exitCode, reached, output) = Start(scenario, step, "migrate", "--env", "all");
            Assert.True(exitCode != 0 && reached.Count == step, moment + ": the command did not stop there:\n" + output);
            var printed = PrintedKeys(output);
            AssertConsistent(scenario, plaintexts, printed, moment, requireVersion2: false);

            var (rerunExit, _, rerun) = Start(scenario, int.MaxValue, "migrate", "--env", "all");
            Assert.True(rerunExit == 0, moment + ", then run again:\n" + rerun);
            printed.AddRange(PrintedKeys(rerun));
            AssertConsistent(scenario, plaintexts, printed, moment + ", then run again", requireVersion2: true);
            var temps = Directory.GetFiles(scenario.Path, "*.tmp", SearchOption.AllDirectories);
            Assert.True(temps.Length == 0, moment + ", then run again: temp files left: " + string.Join(", ", temps));
        }
    }

    [Fact]
    public void Rotating_a_pair_killed_at_each_step_loses_no_value_and_a_rerun_completes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var template = new Workspace();
        template.Git("init", "-q");
        Assert.Equal(0, template.Run("init", "--env", "dev").ExitCode);
        var written = PairLifecycleTests.WriteV2Values(template, "dev", ".env.dev", "src/Api/.env.dev", "src/Worker/.env.dev");
        var plaintexts = written.SelectMany(f => f.Value.Select(v => (Key: (f.Key, v.Key), v.Value))).ToDictionary(p => p.Key, p => p.Value);

        List<string> steps;
        using (var baseline = Copy(template))
        {
            var (exitCode, reached, output) = Start(baseline, int.MaxValue, "rotate", "--env", "dev");
            Assert.True(exitCode == 0, output);
            steps = reached;
            _log.WriteLine("rotate steps: " + string.Join("; ", steps));
            Assert.Equal(10, steps.Count); // three env files, the key file and the recipients file
        }

        for (var step = 1; step <= steps.Count; step++)
        {
            using var scenario = Copy(template);
            var moment = "pair rotation killed at step " + step + " (" + steps[step - 1] + ")";
            _log.WriteLine(moment);
            var (exitCode, reached, output) = Start(scenario, step, "rotate", "--env", "dev");
            Assert.True(exitCode != 0 && reached.Count == step, moment + ": the command did not stop there:\n" + output);
            AssertConsistent(scenario, plaintexts, new List<string>(), moment, requireVersion2: true);

            var (rerunExit, _, rerun) = Start(scenario, int.MaxValue, "rotate", "--env", "dev");
            var wasComplete = rerunExit == 1 && rerun.Contains("finish the last rotation first", StringComparison.Ordinal);
            Assert.True(rerunExit == 0 || wasComplete, moment + ", then run again:\n" + rerun);
            AssertConsistent(scenario, plaintexts, new List<string>(), moment + ", then run again", requireVersion2: true);
            var ring = KeyRingLoader.Load("dev", PairLifecycleTests.Lookup(scenario));
            var current = ring.CurrentPrivateKey!.RecipientId;
            Assert.Equal(current, RecipientsFile.Load(scenario.File("secretguard.recipients")).For("dev").Single().Key.RecipientId);
            Assert.All(plaintexts.Keys, k => Assert.True(current == scenario.ValueOf(k.Item1, k.Item2).Split(':')[2], moment + ", then run again: " + k + " is not under the current key"));
            var temps = Directory.GetFiles(scenario.Path, "*.tmp", SearchOption.AllDirectories);
            Assert.True(temps.Length == 0, moment + ", then run again: temp files left: " + string.Join(", ", temps));
        }
    }

    /// <summary>
    /// Every entry is there and decrypts to its plaintext with the key file's keys or a printed private key; every value
    /// of an environment listed in the recipients file is version 2 once the work is complete; a private key found only
    /// in a temp file is one no value needs.
    /// </summary>
    private static void AssertConsistent(Workspace ws, Dictionary<(string File, string Name), string> plaintexts, List<string> printed, string moment, bool requireVersion2)
    {
        var rings = new Dictionary<string, List<KeyRing>>();
        foreach (var environment in new[] { "dev", "prod" })
        {
            rings[environment] = new List<KeyRing> { KeyRingLoader.Load(environment, PairLifecycleTests.Lookup(ws)) };
            foreach (var text in printed)
            {
                rings[environment].Add(new KeyRing(environment, null, null, PrivateKey.FromText(environment, text, "printed"), null, "n/a"));
            }
        }

        var ridsNeeded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((file, name), plaintext) in plaintexts)
        {
            var environment = MigrateTests.EnvironmentOf(file);
            var value = EnvFile.Load(ws.File(file)).Find(name)?.Value;
            Assert.True(value is not null, moment + ": " + name + " is missing from " + file);
            if (value!.Contains("_ENC:v2:", StringComparison.Ordinal))
            {
                ridsNeeded.UnionWith(value.Split(':')[2].Split('-'));
            }
            else
            {
                Assert.False(requireVersion2, moment + ": " + name + " in " + file + " is still version 1");
            }

            var decrypted = rings[environment].Select(ring => TryDecrypt(value, name, ring)).FirstOrDefault(p => p is not null);
            Assert.True(plaintext == decrypted, moment + ": " + name + " in " + file + " does not decrypt to its plaintext with any key at hand");
        }

        var ridsOutsideTemps = rings.Values.SelectMany(r => r).SelectMany(r => r.PrivateKeys).Select(k => k.RecipientId).ToHashSet(StringComparer.Ordinal);
        foreach (var temp in Directory.GetFiles(ws.Path, "*.tmp", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(temp);
            if (!KeyFile.HoldsKeys(bytes) && !Encoding.UTF8.GetString(bytes).Contains(PrivateKeyText.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var keyFile = KeyFile.Parse(Encoding.UTF8.GetString(bytes), temp);
            foreach (var entry in keyFile.Entries.Where(e => e.IsPrivateKey))
            {
                using var key = PrivateKey.FromScalar(entry.Environment, entry.GetKeyBytes(), temp);
                Assert.False(ridsNeeded.Contains(key.RecipientId) && !ridsOutsideTemps.Contains(key.RecipientId), moment + ": key " + key.RecipientId + ", which values need, exists only in " + temp);
            }
        }
    }

    private static string? TryDecrypt(string value, string name, KeyRing ring)
    {
        try
        {
            return SecretCipher.Decrypt(value, name, ring);
        }
        catch (SecretGuardException)
        {
            return null;
        }
    }

    private static List<string> PrintedKeys(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(PrivateKeyText.Prefix, StringComparison.Ordinal)).ToList();

    private static Workspace Copy(Workspace template)
    {
        var copy = new Workspace();
        CopyFolder(template.Path, copy.Path);
        return copy;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo)
            {
                Directory.CreateDirectory(target);
                CopyFolder(entry.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(entry.FullName));
                }
            }
        }
    }

    // Runs the tool in the workspace with its steps reported, and kills it when it stops at stopAt.
    private static (int ExitCode, List<string> Steps, string Output) Start(Workspace ws, int stopAt, params string[] arguments) =>
        CrashPointRun.Start(ws.Path, ws.Path, stopAt, null, arguments, stopAt == int.MaxValue ? CrashPointRun.Kill.Never : CrashPointRun.Kill.WhenStopped, TimeSpan.Zero);
}
