using System.Collections.Generic;
using SecretGuard.Diagnostics;

namespace SecretGuard.Cli.Validation;

/// <summary>The short description of each finding id (DESIGN §5), for SARIF rule metadata.</summary>
internal static class RuleCatalog
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [DiagnosticIds.SyntaxError] = "Env-file syntax error",
        [DiagnosticIds.DuplicateKey] = "Duplicate key in an env file",
        [DiagnosticIds.AmbiguousConstruct] = "Construct that env-file loaders read differently",
        [DiagnosticIds.PlaintextSecret] = "Plaintext value in a secret entry",
        [DiagnosticIds.WrongEnvironment] = "Value encrypted for another environment",
        [DiagnosticIds.Undecryptable] = "Value cannot be decrypted",
        [DiagnosticIds.SecretInNonSecretEntry] = "Secret-looking value in a non-secret entry",
        [DiagnosticIds.PolicyViolation] = "Policy rule violated",
        [DiagnosticIds.EnvironmentDrift] = "Entry present in some environments' files and missing in others",
        [DiagnosticIds.KeyFileTracked] = "Key file tracked by git",
        [DiagnosticIds.KeyFileExposed] = "Key file not git-ignored or readable by others",
        [DiagnosticIds.MissingMasterKey] = "Master key missing or unusable",
        [DiagnosticIds.UnsupportedMSBuild] = "SecretGuard tasks cannot run in this MSBuild",
        [DiagnosticIds.SecretNotFound] = "Secret not set",
        [DiagnosticIds.NoEnvironment] = "Build has no environment",
    };

    public static string Describe(string id) => Descriptions.TryGetValue(id, out var text) ? text : id;
}
