using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// An app reads a version 2 env file end to end: <see cref="Secrets.Get"/> and <c>AddSecretGuard</c> with the private
/// key in <c>SECRETGUARD_KEY_&lt;ENV&gt;</c>, v1 and v2 values side by side, a clear error naming who can decrypt when
/// the key is missing, and the cost of 1,000 values at start.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class PublicKeyRuntimeTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();

    public PublicKeyRuntimeTests() => Secrets.Reset();

    public void Dispose()
    {
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    private static RecipientKey[] ProdRecipients => new[]
    {
        RecipientKey.Parse(PublicKeyVectorTests.AppPublic, "test"),
        RecipientKey.Parse(PublicKeyVectorTests.OpsPublic, "test"),
    };

    [Fact]
    public void Secrets_Get_reads_v2_values_with_the_private_key_in_the_variable()
    {
        var token = PublicKeyCipher.Encrypt("prod", "Payments__Token_SECRET", "tok-live-7Qx", ProdRecipients);
        _app.Write(".env",
            "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n" +
            "Payments__Token_SECRET=\"" + token + "\"\n" +
            "Payments__Mode=live\n");
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.OpsPrivate);
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        });

        Assert.Equal("pässwörd ✓ 🔑", Secrets.Get("Db__Password_SECRET"));
        Assert.Equal("tok-live-7Qx", Secrets.Get("Payments__Token_SECRET"));
        Assert.Equal("live", Secrets.Get("Payments__Mode"));
        var status = Secrets.GetStatus();
        Assert.Contains(status.Keys, k => k.StartsWith("current 56380e02 (the environment variable SECRETGUARD_KEY_PROD)", StringComparison.Ordinal));
        Assert.DoesNotContain(status.Keys, k => k.Contains("QUJDREVG", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSecretGuard_reads_v1_and_v2_values_of_one_file_with_a_master_key_and_a_private_key()
    {
        var master = TestKeys.NewBase64();
        _app.Write("secretguard.keys", "prod.previous = " + master + "\n");
        _app.Write(".env",
            "Smtp__Password_SECRET=" + TestKeys.Encrypt("prod", master, "Smtp__Password_SECRET", "from-v1") + "\n" +
            "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n");
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.AppPrivate);

        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        }).Build();

        Assert.Equal("from-v1", config["Smtp:Password_SECRET"]);
        Assert.Equal("pässwörd ✓ 🔑", config["Db:Password_SECRET"]);
    }

    [Fact]
    public void Without_the_private_key_Get_says_who_can_decrypt_and_shows_no_value()
    {
        _app.Write(".env", "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n");
        _app.Write("secretguard.recipients", "prod = " + PublicKeyVectorTests.AppPublic + "\nprod = " + PublicKeyVectorTests.OpsPublic + "\n");
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        });

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("Db__Password_SECRET"));

        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains("42698894 (" + System.IO.Path.Combine(_app.Path, "secretguard.recipients") + "(1): prod)", ex.Message);
        Assert.Contains("56380e02 (", ex.Message);
        Assert.Contains("SECRETGUARD_KEY_PROD", ex.Message);
        Assert.DoesNotContain("BB8UAUa_", ex.Message);
        Assert.DoesNotContain("pässwörd", ex.Message);
    }

    [Fact]
    public void Decrypting_1000_v2_values_at_start_stays_within_the_budget_of_a_fifth_of_a_second()
    {
        var recipients = new[] { RecipientKey.Parse(PublicKeyVectorTests.AppPublic, "test") };
        var env = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            env.Append("Service").Append(i).Append("__Token_SECRET=").Append(PublicKeyCipher.Encrypt("prod", "Service" + i + "__Token_SECRET", "token-" + i, recipients)).Append('\n');
        }

        _app.Write(".env", env.ToString());
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.AppPrivate);

        // Warm the code paths once, on another store, so the figure is the per-value cost an app start pays.
        ReadAll(1);
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var started = ThreadTime.Now();
            ReadAll(1000);
            var spent = ThreadTime.Now() - started;
            best = spent < best ? spent : best;
        }

        // The budget is 0.2 s of an otherwise idle machine (bench/: PublicKeyDecryptBenchmarks, docs/performance.md).
        // The test counts this thread's CPU time where the platform says it, so a loaded runner does not fail it, and
        // still allows twice the budget: it guards against a regression such as importing the private key per value.
        Assert.True(best < TimeSpan.FromSeconds(0.4), "1,000 v2 values took " + best.TotalMilliseconds + " ms of " + ThreadTime.What);
    }

    private void ReadAll(int count)
    {
        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        }).Build();
        foreach (var i in Enumerable.Range(0, count))
        {
            Assert.Equal("token-" + i, config["Service" + i + ":Token_SECRET"]);
        }
    }

    /// <summary>The CPU time of the calling thread on Linux (clock_gettime), else wall-clock time.</summary>
    private static class ThreadTime
    {
        private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

        public static string What => OperatingSystem.IsLinux() ? "this thread's CPU time" : "wall-clock time";

        public static TimeSpan Now()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(ThreadCpuClock, out var time) == 0)
            {
                return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
            }

            return Stopwatch.GetElapsedTime(0);
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
