using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace SecretGuard.Observability;

/// <summary>
/// The <c>SecretGuard</c> meter. dotnet-counters (<c>--counters SecretGuard</c>) and OpenTelemetry
/// (<c>AddMeter("SecretGuard")</c>) find it by name. Only cold work is counted: a cached <c>Secrets.Get</c> never
/// reaches this class.
/// </summary>
public static class SecretGuardMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SecretGuard";

    /// <summary>Decryptions, tagged <c>environment</c> and <c>outcome</c> (<c>success</c> or the failure reason).</summary>
    public const string Decryptions = "secretguard.decryptions";

    /// <summary>Values served with the <c>.previous</c> key, tagged <c>environment</c>.</summary>
    public const string PreviousKeyDecryptions = "secretguard.previous_key_decryptions";

    /// <summary>PBKDF2 key derivations that ran (cache misses), tagged <c>environment</c>.</summary>
    public const string KeyDerivations = "secretguard.key_derivations";

    /// <summary>How long each derivation took, in seconds, tagged <c>environment</c>.</summary>
    public const string KeyDerivationDuration = "secretguard.key_derivation.duration";

    /// <summary>Reloads after a change to the env file or the key file, tagged <c>environment</c> and <c>outcome</c> (<c>success</c>, <c>failure</c>).</summary>
    public const string Reloads = "secretguard.reloads";

    private static readonly Meter Meter = new(MeterName, typeof(SecretGuardMetrics).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> DecryptionCounter = Meter.CreateCounter<long>(Decryptions, "{decryption}", "Values decrypted, by environment and outcome");
    private static readonly Counter<long> PreviousKeyCounter = Meter.CreateCounter<long>(PreviousKeyDecryptions, "{decryption}", "Values that decrypted only with the previous key");
    private static readonly Counter<long> DerivationCounter = Meter.CreateCounter<long>(KeyDerivations, "{derivation}", "PBKDF2 key derivations (cache misses)");
    private static readonly Histogram<double> DerivationDuration = Meter.CreateHistogram<double>(KeyDerivationDuration, "s", "Duration of a PBKDF2 key derivation");
    private static readonly Counter<long> ReloadCounter = Meter.CreateCounter<long>(Reloads, "{reload}", "Reloads after a change to the env file or the key file");

    internal static void Decrypted(string environment, bool withPreviousKey)
    {
        DecryptionCounter.Add(1, Tag("environment", environment), Tag("outcome", "success"));
        if (withPreviousKey)
        {
            PreviousKeyCounter.Add(1, Tag("environment", environment));
        }
    }

    internal static void DecryptionFailed(string environment, SecretGuardErrorReason reason) =>
        DecryptionCounter.Add(1, Tag("environment", environment), Tag("outcome", OutcomeOf(reason)));

    internal static void KeyDerived(string environment, double seconds)
    {
        DerivationCounter.Add(1, Tag("environment", environment));
        DerivationDuration.Record(seconds, Tag("environment", environment));
    }

    internal static void Reloaded(string environment, bool succeeded) =>
        ReloadCounter.Add(1, Tag("environment", environment), Tag("outcome", succeeded ? "success" : "failure"));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static string OutcomeOf(SecretGuardErrorReason reason) => reason switch
    {
        SecretGuardErrorReason.MissingKey => "missing_key",
        SecretGuardErrorReason.InvalidKey => "invalid_key",
        SecretGuardErrorReason.UnknownKid => "unknown_kid",
        SecretGuardErrorReason.WrongEnvironment => "wrong_environment",
        SecretGuardErrorReason.Tampered => "tampered",
        SecretGuardErrorReason.NewerVersion => "newer_version",
        _ => "malformed",
    };
}
