namespace SecretGuard.Analyzers;

/// <summary>The analyzers' diagnostic ids (docs/rules/README.md).</summary>
internal static class RuleIdentifiers
{
    public const string HardcodedCredentialFormat = "SG0001";
    public const string HardcodedCredential = "SG0002";
    public const string HardcodedKeyMaterial = "SG0003";
    public const string SecretInLog = "SG0004";
    public const string InsecureRandomness = "SG0005";
    public const string SecretReadBypassingDecryption = "SG0006";
    public const string PlaintextSecretInConfigFile = "SG0007";
    public const string InvalidOption = "SG0008";
    public const string PossibleHardcodedCredential = "SG0009";
}
