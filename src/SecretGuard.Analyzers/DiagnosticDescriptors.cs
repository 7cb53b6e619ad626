using Microsoft.CodeAnalysis;
using SecretGuard.Diagnostics;

namespace SecretGuard.Analyzers;

/// <summary>Every descriptor in one place, with its help link built from the id (docs/rules/README.md).</summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor HardcodedCredentialFormat = new DiagnosticDescriptor(
        RuleIdentifiers.HardcodedCredentialFormat,
        title: "Hardcoded credential (known format)",
        messageFormat: "This literal looks like {0}: move it out of the code (the fix puts it in the encrypted env file and reads it with Secrets.Get)",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string literal matches the format of a known credential (cloud keys, tokens, private keys, JWTs, connection strings with passwords). Anyone with the source or the binary has it.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.HardcodedCredentialFormat));

    public static readonly DiagnosticDescriptor HardcodedCredential = new DiagnosticDescriptor(
        RuleIdentifiers.HardcodedCredential,
        title: "Hardcoded secret in a credential-named symbol",
        messageFormat: "{0}: move it out of the code ({1})",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A literal is assigned, initialised, compared or passed to a symbol or parameter whose name says it holds a credential (password, secret, token, API key, ...), or a field of a JSON, YAML or XML literal, KEY=value lines, a URL's query or a connection string has such a name, and the value looks like a real secret, not a placeholder.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.HardcodedCredential));

    public static readonly DiagnosticDescriptor HardcodedKeyMaterial = new DiagnosticDescriptor(
        RuleIdentifiers.HardcodedKeyMaterial,
        title: "Hardcoded cryptographic key material",
        messageFormat: "Hardcoded key material reaches {0}: load the key from a secret store (the fix puts it in the encrypted env file and reads it with Secrets.Get)",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant byte array, encoded string or base64/hex literal is used as a key, IV, salt or password of a cryptographic API. Everyone with the binary can decrypt or forge.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.HardcodedKeyMaterial));

    public static readonly DiagnosticDescriptor SecretInLog = new DiagnosticDescriptor(
        RuleIdentifiers.SecretInLog,
        title: "Secret written to a log or the console",
        messageFormat: "'{0}' carries a secret into {1}: log Secrets.Redact({0}) instead",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A value that holds a secret (by its name or because it comes from Secrets.Get, a secret configuration entry or environment variable, or a SecureString) reaches a logger, the console, Debug/Trace output, an exception message, an ambient log property, telemetry (activity tags, spans, monitoring SDKs) or an error response to a client. Logs and telemetry are kept, shipped and read by many; write a redacted form.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.SecretInLog));

    public static readonly DiagnosticDescriptor InsecureRandomness = new DiagnosticDescriptor(
        RuleIdentifiers.InsecureRandomness,
        title: "Insecure randomness in a security context",
        messageFormat: "System.Random.{0} produces {1}: its output is predictable; use RandomNumberGenerator",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "System.Random (seeded, unseeded or Random.Shared) is not a cryptographic generator: its next values can be predicted from a few outputs. Its output here becomes a key, token, salt, nonce, password or another sensitive value.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.InsecureRandomness));

    public static readonly DiagnosticDescriptor SecretReadBypassingDecryption = new DiagnosticDescriptor(
        RuleIdentifiers.SecretReadBypassingDecryption,
        title: "Secret setting read around the SecretGuard helper",
        messageFormat: "'{0}' is read {1}, which returns the encrypted value: read it with Secrets.Get(\"{0}\")",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Entries named *_SECRET hold ciphertext in env files (and plaintext injected by a platform in the environment). Environment.GetEnvironmentVariable or a hand-written env-file reader returns the ciphertext; Secrets.Get decrypts and caches it.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.SecretReadBypassingDecryption));

    public static readonly DiagnosticDescriptor PlaintextSecretInConfigFile = new DiagnosticDescriptor(
        RuleIdentifiers.PlaintextSecretInConfigFile,
        title: "Plaintext secret in a configuration file",
        messageFormat: "{0}",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "appsettings*.json, launchSettings.json and env files are committed with the code; a plaintext secret in them is a leak. Move it to an env file entry named *_SECRET, which the build encrypts.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.PlaintextSecretInConfigFile));

    // The IDE-only tier of SG0001, SG0002 and SG0007 (docs/rules/SG0009.md): a suggestion, so it never fails a build
    // unless a team raises its severity. Its own id lets .editorconfig set the tiers apart.
    public static readonly DiagnosticDescriptor PossibleHardcodedCredential = new DiagnosticDescriptor(
        RuleIdentifiers.PossibleHardcodedCredential,
        title: "Possible hardcoded credential (weak evidence)",
        messageFormat: "{0} may be a hardcoded credential, but the evidence is weak ({1}): if it is a real secret, move it out of the code",
        category: RuleCategories.Security,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A credential name holds a value that is weak evidence of a leaked secret — a plain word, a short value, a value that spells a password word or a default, a phrase, a GUID, a chosen password in test data — or a connection string, URL or Basic header carries such a password. SG0001, SG0002 and SG0007 report strong evidence; this is the suggestion tier, shown in the IDE, that no build fails on by default.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.PossibleHardcodedCredential));

    public static readonly DiagnosticDescriptor InvalidOption = new DiagnosticDescriptor(
        RuleIdentifiers.InvalidOption,
        title: "Invalid SecretGuard option",
        messageFormat: "The .editorconfig option '{0}' has an invalid value: {1}; the default is used",
        category: RuleCategories.Configuration,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A SecretGuard option in .editorconfig could not be read. The analyzers keep working with the option's default.",
        helpLinkUri: HelpLinks.For(RuleIdentifiers.InvalidOption),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
