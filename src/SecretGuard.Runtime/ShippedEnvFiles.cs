using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.Environments;

namespace SecretGuard;

/// <summary>
/// The env files a build ships beside the app, one per environment (<c>.env.dev</c>, <c>.env.int</c>, <c>.env.prod</c>),
/// when the project sets <c>SecretGuardShipEnvironments</c> (docs/configuration.md#properties).
/// </summary>
internal static class ShippedEnvFiles
{
    private const string Prefix = ".env.";

    /// <summary>The name of an environment's file in the output folder: <c>.env.&lt;env&gt;</c>.</summary>
    public static string FileName(string environment) => Prefix + environment;

    /// <summary>
    /// The environments whose file lies in <paramref name="directory"/>, sorted. Templates (<c>.env.example</c>,
    /// <c>.env.template</c>) and names that are no environment (<c>.env.dev.lock</c>) do not count.
    /// </summary>
    public static IReadOnlyList<string> Environments(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return Array.Empty<string>();
        }

        // The pattern also matches ".env" itself (".*" may match nothing, as on Windows).
        return Directory.EnumerateFiles(directory, Prefix + "*")
            .Select(Path.GetFileName)
            .Where(name => name!.Length > Prefix.Length && name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name![Prefix.Length..])
            .Where(name => EnvironmentName.IsValid(name) && name != "example" && name != "template")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The startup error for an output that ships other environments' files but not the chosen one's.</summary>
    public static SecretGuardException Missing(string path, ActiveEnvironment environment, IReadOnlyList<string> shipped) =>
        new(DiagnosticIds.SecretNotFound, SecretGuardErrorReason.NotFound,
            "There is no env file for " + environment.Name + ": " + path + " does not exist. The environment " + environment.Name + " was chosen by " +
            environment.Source + "; this output holds the files of " + string.Join(", ", shipped) +
            ". Add " + environment.Name + " to SecretGuardShipEnvironments (and to SecretGuardPublishEnvironments for a publish) and build again, " +
            "or run the app as one of " + string.Join(", ", shipped) + " (SECRETGUARD_ENVIRONMENT, or the hosting environment through EnvironmentMap). " +
            "Set Optional = true to read environment variables only.",
            environment: environment.Name, filePath: path);
}
