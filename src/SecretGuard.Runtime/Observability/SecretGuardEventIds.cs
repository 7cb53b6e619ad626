namespace SecretGuard.Observability;

/// <summary>
/// The stable <c>EventId</c>s of SecretGuard's audit events (logger category <c>SecretGuard</c>, see
/// docs/operations.md). Events carry names, files, lines, kids, sources and reasons as structured fields — never a
/// value or a key.
/// </summary>
public static class SecretGuardEventIds
{
    /// <summary>The logger category of every event.</summary>
    public const string Category = "SecretGuard";

    /// <summary>A plaintext value under a secret name in the env file (the next build encrypts it). Warning.</summary>
    public const int PlaintextSecret = 1004;

    /// <summary>A master key was found: environment, role (current/previous), kid, source. Information.</summary>
    public const int KeyFound = 2001;

    /// <summary>No master key for the environment: where to put one. Warning.</summary>
    public const int KeyMissing = 2002;

    /// <summary>A value was decrypted for the first time (or with another kid than before): name, kid, role. Information.</summary>
    public const int ValueDecrypted = 2003;

    /// <summary>A value could not be decrypted: name, file, line, kid, SG id, reason. Error.</summary>
    public const int DecryptionFailed = 2004;

    /// <summary>The env file or the key file changed and the new values are in use. Information.</summary>
    public const int Reloaded = 2005;

    /// <summary>A change broke secrets; the last good values stay in use. Error.</summary>
    public const int ReloadFailed = 2006;

    /// <summary>A value breaks a policy rule, or a required entry is missing: name, rule. Error.</summary>
    public const int PolicyViolation = 2007;

    /// <summary>A value decrypts only with the previous key (a rotation is not deployed yet): name, kid. Warning.</summary>
    public const int PreviousKeyInUse = 2008;
}
