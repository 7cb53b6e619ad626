namespace SecretGuard.Diagnostics;

/// <summary>
/// The ids the build, the command line and the runtime report (docs/rules/README.md); the analyzers' SG0xxx ids are in
/// SecretGuard.Analyzers' RuleIdentifiers. One problem has one id across the analyzers, the build, the command
/// line and the runtime's <c>SecretGuardException.ErrorCode</c>. Each id's title, severity and reporters are in
/// <see cref="DiagnosticRules"/>, which a test holds these constants to.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>Env-file syntax error.</summary>
    public const string SyntaxError = "SG1001";

    /// <summary>The same key appears twice in one env file.</summary>
    public const string DuplicateKey = "SG1002";

    /// <summary>A construct that env-file loaders read differently.</summary>
    public const string AmbiguousConstruct = "SG1003";

    /// <summary>A plaintext value in a secret entry (Verify mode).</summary>
    public const string PlaintextSecret = "SG1004";

    /// <summary>A value encrypted for another environment.</summary>
    public const string WrongEnvironment = "SG1005";

    /// <summary>A value that cannot be decrypted: unknown kid, wrong key, tampered, malformed, newer version.</summary>
    public const string Undecryptable = "SG1006";

    /// <summary>A secret-looking value in a non-secret entry.</summary>
    public const string SecretInNonSecretEntry = "SG1007";

    /// <summary>A policy rule is violated.</summary>
    public const string PolicyViolation = "SG1008";

    /// <summary>An entry present in some environments' files and missing in others.</summary>
    public const string EnvironmentDrift = "SG1009";

    /// <summary>The key file is tracked by git.</summary>
    public const string KeyFileTracked = "SG1010";

    /// <summary>The key file is not git-ignored or is readable by others.</summary>
    public const string KeyFileExposed = "SG1011";

    /// <summary>A master key is missing where one is needed.</summary>
    public const string MissingMasterKey = "SG1012";

    /// <summary>The MSBuild tasks cannot run in this MSBuild.</summary>
    public const string UnsupportedMSBuild = "SG1013";

    /// <summary>A secret the app asks for at run time is set nowhere: no environment variable, no env-file entry.</summary>
    public const string SecretNotFound = "SG1014";

    /// <summary>The build has no environment: its configuration is not in the environment map.</summary>
    public const string NoEnvironment = "SG1015";

    /// <summary>
    /// A value of a version 2 environment that is not encrypted to exactly the public keys the recipients file lists for
    /// it: a recipient missing or no longer listed, a version 1 value left from before the migration, or a version 2 value
    /// in an environment that lists none.
    /// </summary>
    public const string RecipientsMismatch = "SG1016";
}
