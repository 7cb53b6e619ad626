namespace SecretGuard;

/// <summary>How well SecretGuard can serve an app's secrets (mapped one to one onto health-check statuses).</summary>
public enum SecretGuardHealthState
{
    /// <summary>The key is found and every secret decrypts with the current key.</summary>
    Healthy,

    /// <summary>Every secret decrypts, but some only with the <c>.previous</c> key: a rotation is not deployed yet.</summary>
    Degraded,

    /// <summary>A key is missing or unusable, a secret does not decrypt or breaks a rule, or the last reload failed.</summary>
    Unhealthy,
}
