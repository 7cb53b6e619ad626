using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.Observability;

namespace SecretGuard.Configuration;

/// <summary>
/// Exposes the active env file as configuration, encrypted values decrypted. Keys map <c>__</c> to <c>:</c> as the
/// environment-variables provider does, and a secret entry is also exposed without its suffix
/// (<c>ConnectionStrings__Db_SECRET</c> → <c>ConnectionStrings:Db_SECRET</c> and <c>ConnectionStrings:Db</c>), so
/// <c>GetConnectionString("Db")</c> and options binding work unchanged. Loading decrypts every entry and checks every
/// rule; any problem throws one exception that lists them all: an app with a broken secret does not start. With
/// <see cref="SecretGuardOptions.ReloadOnChange"/> it watches the env file and the key file; a change that breaks a
/// secret keeps the last good values and shows in <see cref="Status"/> (and the health check), never as a failed read.
/// </summary>
public sealed class SecretGuardConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly SecretGuardOptions _options;
    private readonly IReadOnlyList<IConfigurationSource> _earlierSources;
    private readonly ConcurrentDictionary<string, string> _announced = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private SecretStore? _store;
    private SecretGuardStatus? _status;
    private FileChangeWatcher? _watcher;
    private bool _disposed;

    /// <summary>Creates the provider.</summary>
    public SecretGuardConfigurationProvider(SecretGuardOptions options, IReadOnlyList<IConfigurationSource> earlierSources)
    {
        _options = options.Clone();
        _earlierSources = earlierSources;
    }

    /// <summary>The environment the last load used.</summary>
    public ActiveEnvironment? Environment { get; private set; }

    /// <summary>What the health check reports: keys, problems, entries on the previous key, a failed reload.</summary>
    public SecretGuardStatus? Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    // Tests look at the keys in use, to prove they are zeroed when let go.
    internal Keys.KeyRing? KeyRingForTests
    {
        get
        {
            lock (_gate)
            {
                return _store?.LoadedKeyRing;
            }
        }
    }

    /// <inheritdoc />
    public override void Load()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var (store, data, inspection) = Read();
            if (inspection.Problems.Count > 0)
            {
                store.ReleaseKeys();
                throw SecretGuardException.FromProblems(inspection.Problems, store.Environment.Name);
            }

            Commit(store, data, inspection);
        }

        StartWatching();
    }

    /// <summary>Stops watching and zeroes the derived keys this provider holds.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
            _store?.ReleaseKeys();
            _store = null;
        }
    }

    /// <summary>Names the provider and its file; never shows values.</summary>
    public override string ToString() => "SecretGuard (" + (Environment?.ToString() ?? "not loaded") + ")";

    /// <summary>Reloads after a change; never throws, and keeps the last good values when the change broke something.</summary>
    internal void ReloadAfterChange(string changedFile)
    {
        var started = Stopwatch.GetTimestamp();
        var environment = Environment?.Name ?? "unknown";
        bool reloaded;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            SecretStore? store = null;
            try
            {
                (store, var data, var inspection) = Read();
                environment = store.Environment.Name;
                if (inspection.Problems.Count > 0)
                {
                    throw SecretGuardException.FromProblems(inspection.Problems, environment);
                }

                Commit(store, data, inspection);
                reloaded = true;
                SecretGuardMetrics.Reloaded(environment, succeeded: true);
                store.Events.Reloaded(environment, inspection.Values.Count, inspection.OnPreviousKey.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, changedFile);
            }
            catch (Exception ex)
            {
                // Runs on a timer thread: anything that escaped here would end the process. A reload never takes the
                // app down; it keeps the last good values and says why. Only I/O messages (paths) are passed on:
                // another exception's message could quote what it choked on.
                var detail = ex is System.IO.IOException or UnauthorizedAccessException ? ex.GetType().Name + ": " + ex.Message : ex.GetType().FullName;
                var failure = ex as SecretGuardException ?? new SecretGuardException(Diagnostics.DiagnosticIds.SyntaxError, SecretGuardErrorReason.InvalidEnvFile,
                    "could not reload after " + changedFile + " changed (" + detail + ")", filePath: changedFile);
                ReportFailedReload(store, environment, changedFile, failure);
                reloaded = false;
            }
        }

        if (reloaded)
        {
            OnReload();
        }

        try
        {
            StartWatching();
        }
        catch (Exception ex) when (ex is System.IO.IOException or ArgumentException or UnauthorizedAccessException)
        {
            // A folder that vanished or a watcher limit: the watchers already in place keep working.
        }
    }

    private void ReportFailedReload(SecretStore? store, string environment, string changedFile, SecretGuardException failure)
    {
        store?.ReleaseKeys();
        SecretGuardMetrics.Reloaded(environment, succeeded: false);
        new SecretGuardEvents(_options).ReloadFailed(environment, changedFile, failure);
        var when = changedFile + " changed at " + DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        _status = _status is null
            ? new SecretGuardStatus(environment, null, Array.Empty<string>(), failure.Problems, Array.Empty<string>(), 0, DateTimeOffset.UtcNow, when)
            : _status.WithFailedReload(failure.Problems, when);
    }

    private (SecretStore Store, Dictionary<string, string?> Data, StoreInspection Inspection) Read()
    {
        var store = new SecretStore(_options, _announced);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var inspection = new StoreInspection(store);
        try
        {
            if (_options.DecryptEarlierProviders)
            {
                AddDecryptedEarlierValues(inspection);
            }

            var file = store.EnvFile;
            store.DecryptAhead(file.Entries);
            foreach (var entry in file.Entries)
            {
                inspection.Add(entry.Key, entry.Value, ValueLocation.InFile(file.Path, entry.Line), fromFile: true);
            }
        }
        catch (SecretGuardException ex)
        {
            // The env file itself cannot be read (syntax, missing): nothing to inspect.
            inspection.Problems.Add(SecretGuardProblem.From(ex));
            return (store, data, inspection);
        }
        finally
        {
            store.ForgetDecryptedAhead();
        }

        inspection.Finish(strictKeys: _options.ValidateOnStart);
        foreach (var (keyName, value) in inspection.Values)
        {
            Add(store, data, keyName, value);
        }

        return (store, data, inspection);
    }

    private void Commit(SecretStore store, Dictionary<string, string?> data, StoreInspection inspection)
    {
        var old = _store;
        _store = store;
        Environment = store.Environment;
        _status = inspection.ToStatus(DateTimeOffset.UtcNow);

        // One reference swap: a reader sees the old values or the new ones, never a mix and never none.
        Data = data;

        // The new store took its keys before the old one lets go: an unchanged key is not derived again.
        old?.ReleaseKeys();
    }

    private void StartWatching()
    {
        if (!_options.ReloadOnChange)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || _store is null)
            {
                return;
            }

            _watcher ??= new FileChangeWatcher(ReloadAfterChange, _options.ReloadDelay, _options.ReloadPollingInterval);
            _watcher.Watch(_store.WatchedFiles());
        }
    }

    private void AddDecryptedEarlierValues(StoreInspection inspection)
    {
        var builder = new ConfigurationBuilder();
        foreach (var source in _earlierSources)
        {
            builder.Add(source);
        }

        var earlier = builder.Build();
        try
        {
            foreach (var pair in earlier.AsEnumerable())
            {
                // A damaged value is taken too: it is an error, never a plaintext passed on (docs/formats.md#recognising-an-encrypted-value).
                if (pair.Value is null || !EncryptedValueRecognition.LooksEncrypted(pair.Value))
                {
                    continue;
                }

                // The associated data holds the name as an env file writes it: ':' is spelled '__'.
                var keyName = pair.Key.Replace(":", "__", StringComparison.Ordinal);
                inspection.Add(keyName, pair.Value, ValueLocation.From("configuration key " + pair.Key), fromFile: false);
            }
        }
        finally
        {
            (earlier as IDisposable)?.Dispose();
        }
    }

    private static void Add(SecretStore store, Dictionary<string, string?> data, string keyName, string value)
    {
        data[ToConfigurationKey(keyName)] = value;
        var withoutSuffix = store.Naming.StripSuffix(keyName);
        if (withoutSuffix is not null)
        {
            data[ToConfigurationKey(withoutSuffix)] = value;
        }
    }

    private static string ToConfigurationKey(string envKey) => envKey.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}
