using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Diagnostics;

/// <summary>
/// The one table of SecretGuard's diagnostic ids. The CLI's SARIF rule metadata reads it; every other place that
/// names ids is held to it by RuleTableConsistencyTests (tests/SecretGuard.Analyzers.Tests): the analyzers'
/// descriptors, AnalyzerReleases.*.md, <see cref="DiagnosticIds"/>, <c>_SecretGuardIds</c> and the warnings in
/// build/*.targets, docs/rules/&lt;id&gt;.md and docs/rules/README.md. A new id starts here.
/// </summary>
internal static class DiagnosticRules
{
    private const DiagnosticReporters Analyzer = DiagnosticReporters.Analyzer;
    private const DiagnosticReporters BuildAndCli = DiagnosticReporters.Build | DiagnosticReporters.Cli;
    private const DiagnosticReporters BuildCliAndRuntime = DiagnosticReporters.Build | DiagnosticReporters.Cli | DiagnosticReporters.Runtime;
    private const FindingSeverity Warning = FindingSeverity.Warning;
    private const FindingSeverity Error = FindingSeverity.Error;

    /// <summary>Every id, in id order.</summary>
    public static IReadOnlyList<DiagnosticRule> All { get; } = new[]
    {
        new DiagnosticRule("SG0001", "Hardcoded credential (known format)", Analyzer, Warning),
        new DiagnosticRule("SG0002", "Hardcoded secret in a credential-named symbol", Analyzer, Warning),
        new DiagnosticRule("SG0003", "Hardcoded cryptographic key material", Analyzer, Warning),
        new DiagnosticRule("SG0004", "Secret written to a log or the console", Analyzer, Warning),
        new DiagnosticRule("SG0005", "Insecure randomness in a security context", Analyzer, Warning),
        new DiagnosticRule("SG0006", "Secret setting read around the SecretGuard helper", Analyzer, Warning),
        new DiagnosticRule("SG0007", "Plaintext secret in a configuration file", Analyzer, Warning),
        new DiagnosticRule("SG0008", "Invalid SecretGuard option", Analyzer, Warning),
        new DiagnosticRule("SG0009", "Possible hardcoded credential (weak evidence)", Analyzer, FindingSeverity.Info,
            notAnErrorInCiBecause: "it is the weak-evidence tier of SG0001, SG0002 and SG0007, a suggestion by default: the IDE shows it, " +
                                   "and only a warning becomes an error in CI. A team that wants it to fail builds raises its severity " +
                                   "(dotnet_diagnostic.SG0009.severity = error)."),
        new DiagnosticRule(DiagnosticIds.SyntaxError, "Env-file syntax error", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.DuplicateKey, "Duplicate key in an env file", BuildAndCli, Warning),
        new DiagnosticRule(DiagnosticIds.AmbiguousConstruct, "Ambiguous construct in an env file", BuildAndCli, Warning),

        // An error in Verify mode (CI) and at run time where PlaintextSecrets does not accept it; Encrypt mode encrypts it
        // instead, and warns only for a file it does not encrypt.
        new DiagnosticRule(DiagnosticIds.PlaintextSecret, "Plaintext value in a secret entry", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.WrongEnvironment, "Value encrypted for another environment", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.Undecryptable, "Value cannot be decrypted", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.SecretInNonSecretEntry, "Secret-looking value in a non-secret entry", BuildAndCli, Warning),
        new DiagnosticRule(DiagnosticIds.PolicyViolation, "Policy rule violated", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.EnvironmentDrift, "Entry missing in some environments", BuildAndCli, Warning),
        new DiagnosticRule(DiagnosticIds.KeyFileTracked, "Key file tracked by git", BuildAndCli, Error),
        new DiagnosticRule(DiagnosticIds.KeyFileExposed, "Key file not git-ignored, or readable by others", BuildAndCli, Warning),
        new DiagnosticRule(DiagnosticIds.MissingMasterKey, "Master key missing or unusable", BuildCliAndRuntime, Error),
        new DiagnosticRule(DiagnosticIds.UnsupportedMSBuild, "SecretGuard tasks cannot run in this MSBuild", DiagnosticReporters.Build, Warning,
            notAnErrorInCiBecause: "it describes the build host, not the project: on a .NET Framework MSBuild before 18 the targets skip the " +
                                   "env-file checks by design (docs/configuration.md#visual-studio), the analyzers still run there, and " +
                                   "'secretguard validate' does the skipped checks. As an error it would fail every CI build on such a host " +
                                   "whatever the project holds."),
        new DiagnosticRule(DiagnosticIds.SecretNotFound, "Secret not set", DiagnosticReporters.Runtime, Error,
            notAnErrorInCiBecause: "it exists only at run time, as the error code of the exception Secrets.Get throws; " +
                                   "no build logs it, so a build's warnings-as-errors list has nothing to act on."),
        new DiagnosticRule(DiagnosticIds.NoEnvironment, "Build has no environment", DiagnosticReporters.Build, Warning),
        new DiagnosticRule(DiagnosticIds.RecipientsMismatch, "Value not encrypted to the environment's public keys", BuildAndCli, Warning),
    };

    private static readonly Dictionary<string, DiagnosticRule> ById = All.ToDictionary(rule => rule.Id, StringComparer.Ordinal);

    /// <summary>The row of <paramref name="id"/>, or null for an id SecretGuard does not have.</summary>
    public static DiagnosticRule? Find(string id) => ById.TryGetValue(id, out var rule) ? rule : null;
}
