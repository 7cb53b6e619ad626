using System;
using System.Collections.Generic;

namespace SecretGuard;

/// <summary>
/// What a health check reports about one source of secrets (a configuration provider or <see cref="Secrets"/>): the
/// environment, the keys in use (kids and sources), the problems and the entries that still need the previous key.
/// Holds names, files, kids and reasons only — never a value or a key.
/// </summary>
public sealed class SecretGuardStatus
{
    internal SecretGuardStatus(
        string environment,
        string? envFilePath,
        IReadOnlyList<string> keys,
        IReadOnlyList<SecretGuardProblem> problems,
        IReadOnlyList<string> valuesOnPreviousKey,
        int valueCount,
        DateTimeOffset loadedAt,
        string? failedReload = null)
    {
        Environment = environment;
        EnvFilePath = envFilePath;
        Keys = keys;
        Problems = problems;
        ValuesOnPreviousKey = valuesOnPreviousKey;
        ValueCount = valueCount;
        LoadedAt = loadedAt;
        FailedReload = failedReload;
    }

    /// <summary>The active environment.</summary>
    public string Environment { get; }

    /// <summary>The env file the values come from, or null when there is none.</summary>
    public string? EnvFilePath { get; }

    /// <summary>The keys in use, e.g. <c>current 1a2b3c4d (SECRETGUARD_KEY_PROD)</c>; empty when none was found.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>What is wrong; empty when every secret decrypts and every rule holds.</summary>
    public IReadOnlyList<SecretGuardProblem> Problems { get; }

    /// <summary>Entries whose values decrypt only with the previous key (a rotation not yet deployed).</summary>
    public IReadOnlyList<string> ValuesOnPreviousKey { get; }

    /// <summary>How many entries the last good load served.</summary>
    public int ValueCount { get; }

    /// <summary>When the values in use were loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Set when the last reload failed and the values loaded at <see cref="LoadedAt"/> are still served: what changed
    /// (the file) and when. <see cref="Problems"/> then lists what the change broke.
    /// </summary>
    public string? FailedReload { get; }

    /// <summary>Unhealthy with any problem, Degraded while values need the previous key, else Healthy.</summary>
    public SecretGuardHealthState State =>
        Problems.Count > 0 || FailedReload is not null ? SecretGuardHealthState.Unhealthy
        : ValuesOnPreviousKey.Count > 0 ? SecretGuardHealthState.Degraded
        : SecretGuardHealthState.Healthy;

    /// <summary>A one-line summary for a health report.</summary>
    public string Describe() => State switch
    {
        SecretGuardHealthState.Healthy => ValueCount + " values of " + Environment + " decrypt with the current key",
        SecretGuardHealthState.Degraded => ValuesOnPreviousKey.Count + " of " + ValueCount + " values of " + Environment +
            " still need the previous key: deploy the re-encrypted env file, then run 'secretguard rotate --env " + Environment + " --finish'",
        _ => (FailedReload is not null ? "the last reload failed (" + FailedReload + "); the values loaded at " + LoadedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " are still served. " : string.Empty) +
            Problems.Count + (Problems.Count == 1 ? " problem" : " problems") + " with the secrets of " + Environment,
    };

    internal SecretGuardStatus WithFailedReload(IReadOnlyList<SecretGuardProblem> problems, string failedReload) =>
        new(Environment, EnvFilePath, Keys, problems, ValuesOnPreviousKey, ValueCount, LoadedAt, failedReload);
}
