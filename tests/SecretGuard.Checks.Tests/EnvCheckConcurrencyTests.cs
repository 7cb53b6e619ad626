using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SecretGuard.Checks;

namespace SecretGuard.Tests;

/// <summary>Parallel builds (a multi-targeted project) encrypting one env file: the lock makes them take turns.</summary>
public class EnvCheckConcurrencyTests
{
    private const int Secrets = 12;

    [Fact]
    public void Parallel_runs_on_one_file_encrypt_each_value_exactly_once()
    {
        for (var round = 0; round < 5; round++)
        {
            using var s = new CheckScenario("dev");
            _ = s.Ring("dev"); // derive the key up front so the runs reach the file together
            var plaintexts = Enumerable.Range(0, Secrets).ToDictionary(i => "VALUE_" + i + "_SECRET", i => "canary-" + round + "-" + i);
            var path = s.Write(".env.dev", "# shared\n" + string.Concat(plaintexts.Select(p => p.Key + "=" + p.Value + "\n")) + "NAME=app\n");

            var reports = RunTogether(4, () => EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev"))));

            // One run encrypted everything; the others found nothing left to do.
            Assert.Equal(Secrets, reports.Sum(r => r.EncryptedCounts.Values.Sum()));
            Assert.Single(reports, r => r.EncryptedCounts.Count > 0);
            Assert.All(reports, r => CheckAssert.Empty(r));

            var masked = CheckScenario.Ciphertext.Replace(s.Read(path), "<ENC>");
            Assert.Equal("# shared\n" + string.Concat(plaintexts.Keys.Select(k => k + "=<ENC>\n")) + "NAME=app\n", masked);
            foreach (var (key, plaintext) in plaintexts)
            {
                Assert.Equal(plaintext, s.Decrypt("dev", key, CheckScenario.ValueIn(path, key)));
            }

            AssertOnlyFiles(s.Root, ".env.dev", "..env.dev.lock", "secretguard.keys");
        }
    }

    [Fact]
    public void A_run_waits_for_the_lock_and_then_sees_the_current_file()
    {
        using var s = new CheckScenario("dev");
        _ = s.Ring("dev");
        var text = "API_KEY_SECRET=canary-wait\n";
        var path = s.Write(".env.dev", text);
        EnvCheckReport? report = null;

        var thread = new Thread(() => report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev"))));
        using (FileWriteLock.Acquire(null, FileAccess.Read, new[] { path }, TimeSpan.FromSeconds(5)))
        {
            thread.Start();
            Assert.False(thread.Join(300)); // blocked by the lock
            Assert.Equal(text, s.Read(path));
        }

        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, report!.EncryptedCounts[path]);
        Assert.Equal("canary-wait", s.Decrypt("dev", "API_KEY_SECRET", CheckScenario.ValueIn(path, "API_KEY_SECRET")));
        AssertOnlyFiles(s.Root, ".env.dev", "..env.dev.lock", "secretguard.keys");
    }

    [Fact]
    public void A_lock_file_and_a_temp_left_by_a_crash_do_not_block_the_lock_file_is_reused_and_the_temp_deleted()
    {
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev", "API_KEY_SECRET=canary-stale\n");
        var lockFile = s.Write("..env.dev.lock", "left by a build that was killed\n"); // the same file is locked again, not a new one
        var temp = s.Write("..env.dev.0123abcd.tmp", "API_KEY_SECRET=canary-stale\n"); // young: its writer died a moment ago

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        Assert.Equal(1, report.EncryptedCounts[path]);
        Assert.False(File.Exists(temp));
        Assert.Equal("left by a build that was killed\n", s.Read(lockFile));
        AssertOnlyFiles(s.Root, ".env.dev", "..env.dev.lock", "secretguard.keys");
    }

    private static List<EnvCheckReport> RunTogether(int count, Func<EnvCheckReport> run)
    {
        var reports = new EnvCheckReport?[count];
        var errors = new Exception?[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                reports[i] = run();
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "a run did not finish");
        }

        Assert.All(errors, e => Assert.Null(e));
        return reports.Select(r => r!).ToList();
    }

    private static void AssertOnlyFiles(string folder, params string[] names) =>
        Assert.Equal(
            names.OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
}
