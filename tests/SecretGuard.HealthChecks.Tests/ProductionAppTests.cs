using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SecretGuard.Observability;

namespace SecretGuard.HealthChecks.Tests;

/// <summary>
/// SecretGuard in a running ASP.NET Core app: health over HTTP through a whole rotation (Healthy → Degraded →
/// Healthy → still Healthy after --finish) with a request loop that never fails a read, IOptionsMonitor values
/// that change without a restart, a broken deployment that keeps the last good values, and startup validation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProductionAppTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Token = "tok-live-5bd0e6a1c9f2"; // 21 characters

    [Fact]
    public async Task A_rotation_runs_Healthy_Degraded_Healthy_and_no_request_fails_a_read()
    {
        using var deployment = new Deployment();
        deployment.WriteRepositoryFile(new[] { ("Api__Token_SECRET", Token), ("Db__Password_SECRET", "db-pass-8e21c4") });
        deployment.Deploy();
        deployment.RememberKeys();
        using var metrics = new MetricsRecorder();
        await using var app = await TestApp.StartAsync(deployment);

        Assert.Equal((200, "Healthy"), await app.GetAsync("/health"));
        Assert.Equal((200, Token), await app.GetAsync("/token"));

        // A bounded loop of reads (loopback only) runs across the whole rotation.
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var reads = 0;
        var loop = Task.Run(async () =>
        {
            using var client = new System.Net.Http.HttpClient { BaseAddress = app.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await client.GetAsync("/token");
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || body != Token)
                    {
                        failures.Enqueue((int)response.StatusCode + " " + (body == Token ? "(right value)" : "(wrong value)"));
                    }
                }
                catch (Exception ex) when (ex is System.Net.Http.HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
                }

                Interlocked.Increment(ref reads);
            }
        });

        // secretguard rotate: new key, old one kept as prod.previous, the repository's file re-encrypted.
        var rotate = Cli.Run(deployment.Repository, "rotate", "--env", "prod");
        Assert.True(rotate.ExitCode == 0, rotate.Stdout + rotate.Stderr);
        deployment.RememberKeys();
        Assert.Contains("prod.previous", File.ReadAllText(deployment.KeyFilePath));

        // The app sees the new key file; its deployed file still holds old-key values.
        await app.WaitForHealthAsync("Degraded");
        var degraded = app.Provider.Status!;
        Assert.Equal(new[] { "Api__Token_SECRET", "Db__Password_SECRET" }, degraded.ValuesOnPreviousKey.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal((200, Token), await app.GetAsync("/token"));

        // Deploy the re-encrypted file: Healthy.
        deployment.Deploy();
        await app.WaitForHealthAsync("Healthy");

        // rotate --finish drops the previous key: still Healthy, with only the current key in use.
        var finish = Cli.Run(deployment.Repository, "rotate", "--env", "prod", "--finish");
        Assert.True(finish.ExitCode == 0, finish.Stdout + finish.Stderr);
        Assert.DoesNotContain("prod.previous", File.ReadAllText(deployment.KeyFilePath));
        var deadline = Environment.TickCount64 + 20_000;
        while (app.Provider.Status!.Keys.Count != 1 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Single(app.Provider.Status!.Keys);
        Assert.Equal((200, "Healthy"), await app.GetAsync("/health"));

        stop.Cancel();
        await loop;
        output.WriteLine(reads + " reads of /token across the rotation, " + failures.Count + " failed");
        Assert.True(reads > 0);
        Assert.True(failures.IsEmpty, reads + " reads, failures: " + string.Join("; ", failures.Take(10)));
        Assert.Equal((200, Token), await app.GetAsync("/token"));

        // The reloads were counted and audited; nothing logged or measured holds a value or a key.
        Assert.True(metrics.Sum(SecretGuardMetrics.Reloads, "success") >= 3);
        Assert.True(metrics.Sum(SecretGuardMetrics.PreviousKeyDecryptions) >= 2);
        var events = app.Logs.Snapshot().Where(e => e.Category == SecretGuardEventIds.Category).ToList();
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.Reloaded && e.Fields["ChangedFile"] == deployment.KeyFilePath);
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.Reloaded && e.Fields["ChangedFile"] == deployment.DeployedEnvFile);
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.PreviousKeyInUse && e.Fields["KeyName"] == "Api__Token_SECRET");
        Assert.Equal(2, deployment.KeysSeen.Count); // the first key and the one rotate made
        AssertNothingLeaks(app.Logs.AllStrings().Concat(metrics.AllStrings()).Concat(new[] { rotate.Stderr, finish.Stdout, finish.Stderr }),
            new[] { Token, "db-pass-8e21c4" }, deployment.KeysSeen);
    }

    [Fact]
    public async Task An_options_value_changes_after_the_env_file_is_rewritten_without_a_restart()
    {
        using var deployment = new Deployment();
        deployment.WriteRepositoryFile(new[] { ("Api__Token_SECRET", Token) });
        deployment.Deploy();
        await using var app = await TestApp.StartAsync(deployment);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<ApiOptions>>();
        var changes = new ConcurrentQueue<string>();
        using var subscription = monitor.OnChange(o => changes.Enqueue(o.Token));
        Assert.Equal(Token, monitor.CurrentValue.Token);

        const string next = "tok-next-0a9b8c7d6e5f";
        deployment.WriteRepositoryFile(new[] { ("Api__Token_SECRET", next) });
        deployment.Deploy(); // written beside it, renamed over it

        var deadline = Environment.TickCount64 + 20_000;
        while ((await app.GetAsync("/token")).Body != next && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal((200, next), await app.GetAsync("/token"));
        Assert.Equal(next, monitor.CurrentValue.Token);
        // Listeners run right after the monitor drops its cached value: give them a moment.
        deadline = Environment.TickCount64 + 5_000;
        while (!changes.Contains(next) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains(next, changes);
        Assert.Equal((200, "Healthy"), await app.GetAsync("/health"));
    }

    [Fact]
    public async Task A_broken_deployment_keeps_the_last_good_values_and_health_says_why_without_values()
    {
        using var deployment = new Deployment();
        deployment.WriteRepositoryFile(new[] { ("Api__Token_SECRET", Token) });
        deployment.Deploy();
        await using var app = await TestApp.StartAsync(deployment);

        // A file encrypted with a key the app does not have, and a value copied under another name.
        var foreign = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var foreignKey = SecretGuard.Keys.KeyDerivation.Derive(SecretGuard.Keys.MasterKey.FromBase64(foreign, "foreign"), "prod");
        var current = deployment.CurrentKey();
        Deployment.Replace(deployment.DeployedEnvFile,
            deployment.Encrypt(new[] { ("Api__Token_SECRET", "tok-foreign-1f2e3d") }, foreignKey) +
            "Other_SECRET=" + SecretGuard.Crypto.SecretCipher.Encrypt(current, "Moved_SECRET", "moved-7a6b5c") + "\n");

        await app.WaitForHealthAsync("Unhealthy");
        Assert.Equal(503, (await app.GetAsync("/health")).Status);
        Assert.Equal((200, Token), await app.GetAsync("/token")); // never taken down

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries["secretguard"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("SG1006 UnknownKid at " + deployment.DeployedEnvFile + ":1, kid " + foreignKey.Kid, (string)entry.Data["problem:Api__Token_SECRET"], StringComparison.Ordinal);
        Assert.StartsWith("SG1006 Tampered at " + deployment.DeployedEnvFile + ":2", (string)entry.Data["problem:Other_SECRET"], StringComparison.Ordinal);
        Assert.NotNull(entry.Data["failedReload"]);
        var strings = entry.Data.Values.SelectMany(v => v is string[] list ? list : new[] { v.ToString()! }).Append(entry.Description ?? string.Empty);
        AssertNothingLeaks(strings.Concat(app.Logs.AllStrings()), new[] { Token, "tok-foreign-1f2e3d", "moved-7a6b5c" }, new[] { deployment.InitialKey, foreign });
        Assert.Contains(app.Logs.Snapshot(), e => e.Id.Id == SecretGuardEventIds.ReloadFailed);

        // Fixed: Healthy again, new values served.
        deployment.Deploy();
        await app.WaitForHealthAsync("Healthy");
    }

    [Fact]
    public void ValidateOnStart_with_three_broken_entries_fails_the_app_once_naming_all_three()
    {
        using var deployment = new Deployment();
        var current = deployment.CurrentKey();
        var stranger = SecretGuard.Keys.KeyDerivation.Derive(SecretGuard.Keys.MasterKey.Generate(), "prod");
        var devKey = SecretGuard.Keys.KeyDerivation.Derive(SecretGuard.Keys.MasterKey.Generate(), "dev");
        Deployment.Replace(deployment.DeployedEnvFile,
            "Api__Token_SECRET=" + SecretGuard.Crypto.SecretCipher.Encrypt(current, "Api__Token_SECRET", Token) + "\n" +
            "A_SECRET=" + SecretGuard.Crypto.SecretCipher.Encrypt(stranger, "A_SECRET", "a-value-1") + "\n" +
            "B_SECRET=" + SecretGuard.Crypto.SecretCipher.Encrypt(devKey, "B_SECRET", "b-value-2") + "\n" +
            "C_SECRET=" + SecretGuard.Crypto.SecretCipher.Encrypt(current, "c_SECRET", "c-value-3") + "\n");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = deployment.App });
        var attempts = 0;
        var ex = Assert.Throws<SecretGuardException>(() => builder.Configuration.AddSecretGuard(o =>
        {
            attempts++;
            o.BaseDirectory = deployment.App;
            o.Environment = "prod";
            o.KeyFilePath = deployment.KeyFilePath;
            o.KeyVariable = deployment.KeyVariable;
            o.ValidateOnStart = true;
        }));

        Assert.Equal(1, attempts);
        Assert.Equal(3, ex.Problems.Count);
        Assert.Equal(new[] { ("A_SECRET", SecretGuardErrorReason.UnknownKid, 2), ("B_SECRET", SecretGuardErrorReason.WrongEnvironment, 3), ("C_SECRET", SecretGuardErrorReason.Tampered, 4) },
            ex.Problems.Select(p => (p.KeyName!, p.Reason, p.Line!.Value)));
        foreach (var name in new[] { "A_SECRET", "B_SECRET", "C_SECRET", stranger.Kid })
        {
            Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        }

        AssertNothingLeaks(new[] { ex.ToString() }, new[] { Token, "a-value-1", "b-value-2", "c-value-3" }, new[] { deployment.InitialKey });
    }

    private static void AssertNothingLeaks(IEnumerable<string> captured, IEnumerable<string> plaintexts, IEnumerable<string> keys)
    {
        var forbidden = plaintexts.ToList();
        foreach (var key in keys)
        {
            var bytes = Convert.FromBase64String(key);
            forbidden.Add(key);
            forbidden.Add(key.TrimEnd('='));
            forbidden.Add(Convert.ToHexString(bytes));
            forbidden.Add(Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('='));
        }

        var texts = captured.ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), "A captured string holds a plaintext or a key: " + text.Replace(secret, "<<here>>", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}

/// <summary>The apps watch files and count process-wide metrics: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection
{
    public const string Name = "apps";
}

/// <summary>Every measurement of the SecretGuard meter while it lives.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SecretGuardMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.Start();
    }

    public double Sum(string instrument, string? outcome = null)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && (outcome is null || m.Tags.GetValueOrDefault("outcome") == outcome)).Sum(m => m.Value);
        }
    }

    public IEnumerable<string> AllStrings()
    {
        lock (_measurements)
        {
            return _measurements.SelectMany(m => new[] { m.Instrument, m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(m.Tags.SelectMany(t => new[] { t.Key, t.Value ?? string.Empty }))).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, map));
        }
    }
}
