namespace SecretGuard;

/// <summary>Why SecretGuard could not give a value.</summary>
public enum SecretGuardErrorReason
{
    /// <summary>No master key for the environment (SG1012).</summary>
    MissingKey,

    /// <summary>A master key that is not 32 bytes of base64 (SG1012).</summary>
    InvalidKey,

    /// <summary>The value names a kid none of the environment's keys has (SG1006).</summary>
    UnknownKid,

    /// <summary>The value is encrypted for another environment (SG1005).</summary>
    WrongEnvironment,

    /// <summary>The value failed authentication: changed, moved to another entry, or a different key (SG1006).</summary>
    Tampered,

    /// <summary>
    /// The value has the prefix but breaks the format, or it looks encrypted but its prefix is not exact: a damaged
    /// value, never plaintext (SG1006).
    /// </summary>
    Malformed,

    /// <summary>A format version written by a newer SecretGuard (SG1006).</summary>
    NewerVersion,

    /// <summary>A value that is not valid Unicode cannot be encrypted (SG1006).</summary>
    InvalidText,

    /// <summary>No entry of that name (<c>Secrets.Get</c>).</summary>
    NotFound,

    /// <summary>The env file cannot be read (SG1001).</summary>
    InvalidEnvFile,

    /// <summary>The active environment is not a valid name.</summary>
    InvalidEnvironment,

    /// <summary>A decrypted value breaks a policy rule (<c>Require</c>, SG1008), or a required entry is missing.</summary>
    PolicyViolation,

    /// <summary>A plaintext value under a secret name from a source <see cref="SecretGuardOptions.PlaintextSecrets"/> does not accept (SG1004).</summary>
    PlaintextSecret,
}
