using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SecretGuard.Crypto;
using SecretGuard.IO;
using SecretGuard.Keys;
using SecretGuard.Observability;

namespace SecretGuard.Tests;

/// <summary>
/// Metrics on the <c>SecretGuard</c> meter (captured with a <see cref="MeterListener"/>) and audit events (captured
/// with a logger factory): they say what happened — and no captured string holds a plaintext or a key.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ObservabilityTests : IDisposable
{
    // A fresh environment name per run, so measurements of other tests (other environments) are told apart.
    private readonly string _env = "obs" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _current = TestKeys.NewBase64();
    private readonly string _previous = TestKeys.NewBase64();
    private readonly string _keyFile;
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();
    private readonly RecordingLoggerFactory _logs = new();
    private readonly Dictionary<string, EnvironmentKey> _keys = new();

    public ObservabilityTests()
    {
        Secrets.Reset();
        _keyFile = _app.Write("secretguard.keys", _env + " = " + _current + "\n" + _env + ".previous = " + _previous + "\n");

        // Derived before the listener starts, outside the cache: what the metrics count is the app's own work.
        _keys[_current] = KeyDerivation.DeriveUncached(MasterKey.FromBase64(_current, "test"), _env);
        _keys[_previous] = KeyDerivation.DeriveUncached(MasterKey.FromBase64(_previous, "test"), _env);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SecretGuardMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    [Fact]
    public void Metrics_and_audit_events_tell_what_happened_without_a_value_or_a_key()
    {
        var plaintexts = new[] { "current-plaintext-51f0", "previous-plaintext-9ad3", "moved-plaintext-3c2e", "unencrypted-plaintext-77b1", "reloaded-plaintext-e04d", "short-plaintext-0b9c" };
        var envFile = Path.Combine(_app.Path, ".env");

        // 1. A load that fails: one value on the current key, one on the previous, one tampered, one plaintext secret.
        Replace(envFile,
            "CURRENT_SECRET=" + Enc(_current, "CURRENT_SECRET", plaintexts[0]) + "\n" +
            "PREVIOUS_SECRET=" + Enc(_previous, "PREVIOUS_SECRET", plaintexts[1]) + "\n" +
            "MOVED_SECRET=" + Enc(_current, "ELSEWHERE_SECRET", plaintexts[2]) + "\n" +
            "PLAIN_SECRET=" + plaintexts[3] + "\n");
        Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(Options).Build());

        // 2. A rule violation, then a good load that reloads after a change.
        Replace(envFile, "CURRENT_SECRET=" + Enc(_current, "CURRENT_SECRET", plaintexts[5]) + "\n");
        Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.Require("CURRENT_SECRET", minLength: 40);
        }).Build());

        Replace(envFile, "PREVIOUS_SECRET=" + Enc(_previous, "PREVIOUS_SECRET", plaintexts[1]) + "\n");
        using (var config = (ConfigurationRoot)new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.ReloadOnChange = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(50);
        }).Build())
        {
            Replace(envFile, "PREVIOUS_SECRET=" + Enc(_previous, "PREVIOUS_SECRET", plaintexts[1]) + "\nRELOADED_SECRET=" + Enc(_current, "RELOADED_SECRET", plaintexts[4]) + "\n");
            Eventually.True(() => config["RELOADED_SECRET"] == plaintexts[4], "the reload");
            Eventually.True(() => _logs.Snapshot().Any(e => e.Id.Id == SecretGuardEventIds.Reloaded), "the Reloaded event");
        }

        // 3. Secrets: a cache hit is not counted.
        Replace(envFile, "CURRENT_SECRET=" + Enc(_current, "CURRENT_SECRET", plaintexts[0]) + "\n");
        Secrets.Configure(Options);
        Assert.Equal(plaintexts[0], Secrets.Get("CURRENT_SECRET"));
        var decryptionsAfterFirstGet = Count(SecretGuardMetrics.Decryptions, "success");
        for (var i = 0; i < 100; i++)
        {
            Secrets.Get("CURRENT_SECRET");
        }

        _listener.RecordObservableInstruments();
        Assert.Equal(decryptionsAfterFirstGet, Count(SecretGuardMetrics.Decryptions, "success"));

        // Metrics
        Assert.True(Count(SecretGuardMetrics.Decryptions, "success") >= 5);
        Assert.Equal(1, Count(SecretGuardMetrics.Decryptions, "tampered"));
        Assert.True(Count(SecretGuardMetrics.PreviousKeyDecryptions) >= 3);
        // Both master keys were derived; a provider that fails to load or is disposed lets go of its keys (zeroed),
        // so the next one derives them again. Every derivation has its duration.
        var derivations = Count(SecretGuardMetrics.KeyDerivations);
        Assert.True(derivations >= 2);
        Assert.Equal(derivations, Measurements(SecretGuardMetrics.KeyDerivationDuration).Count(m => m.Value > 0));
        Assert.Equal(1, Count(SecretGuardMetrics.Reloads, "success"));

        // Audit events
        var events = _logs.Snapshot();
        Assert.All(events, e => Assert.Equal(SecretGuardEventIds.Category, e.Category));
        var current = _keys[_current].Kid;
        var previous = _keys[_previous].Kid;
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.KeyFound && e.Fields["Kid"] == current && e.Fields["KeySource"]!.StartsWith(_keyFile, StringComparison.Ordinal) && e.Fields["KeyRole"] == "current");
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.KeyFound && e.Fields["Kid"] == previous && e.Fields["KeyRole"] == "previous");
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.ValueDecrypted && e.Fields["KeyName"] == "CURRENT_SECRET" && e.Fields["Kid"] == current);
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.PreviousKeyInUse && e.Fields["KeyName"] == "PREVIOUS_SECRET" && e.Fields["Kid"] == previous);
        var failed = Assert.Single(events, e => e.Id.Id == SecretGuardEventIds.DecryptionFailed);
        Assert.Equal(("MOVED_SECRET", envFile, "3", current, "Tampered", "SG1006"), (failed.Fields["KeyName"], failed.Fields["File"], failed.Fields["Line"], failed.Fields["Kid"], failed.Fields["Reason"], failed.Fields["ErrorCode"]));
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.PlaintextSecret && e.Fields["KeyName"] == "PLAIN_SECRET");
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.PolicyViolation && e.Fields["KeyName"] == "CURRENT_SECRET" && e.Message.Contains("MinLength=40", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Id.Id == SecretGuardEventIds.Reloaded && e.Fields["ChangedFile"] == envFile && e.Fields["ValueCount"] == "2");
        // "decrypted for the first time": said once per name and kid, not again by the reload
        Assert.Single(events, e => e.Id.Id == SecretGuardEventIds.ValueDecrypted && e.Fields["KeyName"] == "RELOADED_SECRET");

        // Nothing captured holds a plaintext or a key, in any spelling.
        var forbidden = plaintexts.Concat(KeySpellings(_current)).Concat(KeySpellings(_previous)).ToList();
        var captured = _logs.AllStrings()
            .Concat(_measurements.SelectMany(m => new[] { m.Instrument, m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(m.Tags.SelectMany(t => new[] { t.Key, t.Value ?? string.Empty }))))
            .ToList();
        Assert.NotEmpty(captured);
        foreach (var text in captured)
        {
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Secrets_status_reports_values_on_the_previous_key_as_Degraded()
    {
        Replace(Path.Combine(_app.Path, ".env"), "A_SECRET=" + Enc(_previous, "A_SECRET", "a") + "\nB_SECRET=" + Enc(_current, "B_SECRET", "b") + "\n");
        Secrets.Configure(Options);
        var status = Secrets.GetStatus();
        Assert.Equal(SecretGuardHealthState.Degraded, status.State);
        Assert.Equal(new[] { "A_SECRET" }, status.ValuesOnPreviousKey);
        Assert.Equal(2, status.Keys.Count);
        Assert.Contains("still need the previous key", status.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_master_key_is_zeroed_right_after_derivation()
    {
        var masterKey = MasterKey.FromBase64(TestKeys.NewBase64(), "test");
        var derived = SecretGuard.Keys.KeyRingLoader.DeriveAndClear(masterKey, _env)!;

        Assert.True(masterKey.IsCleared);
        Assert.True(masterKey.RawBytesForTests.ToArray().All(b => b == 0));
        Assert.Throws<ObjectDisposedException>(() => masterKey.ToBase64());
        Assert.Equal(8, derived.Kid.Length);
        Assert.False(derived.IsCleared);
    }

    private static IEnumerable<string> KeySpellings(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return Convert.ToHexString(bytes);
        yield return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value?.ToString();
        }

        if (map.TryGetValue("environment", out var environment) && environment == _env)
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, map));
            }
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, string?> Tags)> Measurements(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).ToList();
        }
    }

    private double Count(string instrument, string? outcome = null) =>
        Measurements(instrument).Where(m => outcome is null || m.Tags.GetValueOrDefault("outcome") == outcome).Sum(m => m.Value);

    private void Options(SecretGuardOptions o)
    {
        o.BaseDirectory = _app.Path;
        o.Environment = _env;
        o.KeyFilePath = _keyFile;
        o.LoggerFactory = _logs;
    }

    // Not through the derivation cache, so the app's own derivations are what the metrics count.
    private string Enc(string masterKey, string name, string value) => SecretCipher.Encrypt(_keys[masterKey], name, value);

    private static void Replace(string path, string text) => AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
}
