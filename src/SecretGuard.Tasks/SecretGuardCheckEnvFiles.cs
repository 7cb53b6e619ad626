using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;
using SecretGuard.Keys;
using SecretGuard.Policy;

namespace SecretGuard.Tasks;

/// <summary>
/// Validates the project's env files and, in Encrypt mode, encrypts their plaintext secret values in place.
/// A thin shell over <see cref="EnvCheckRunner"/>: it turns findings into MSBuild errors and warnings with
/// file, line, column, code and help link. Master keys are read inside the task, never passed in.
/// </summary>
public sealed class SecretGuardCheckEnvFiles : Task
{
    /// <summary>The env files, with <c>Environment</c> metadata, or <c>Template=true</c>.</summary>
    [Required]
    public ITaskItem[] EnvFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The environment being built (empty: none; nothing is encrypted).</summary>
    public string? ActiveEnvironment { get; set; }

    /// <summary>
    /// <c>;</c>-separated environments whose files the build ships in its output (<c>SecretGuardShipEnvironments</c>): they
    /// are encrypted like the active environment's, and a plaintext secret that cannot be encrypted fails the build.
    /// </summary>
    public string? ShipEnvironments { get; set; }

    /// <summary><c>Encrypt</c> or <c>Verify</c>.</summary>
    [Required]
    public string Mode { get; set; } = "Verify";

    /// <summary>Encrypt every environment whose key is at hand.</summary>
    public bool EncryptAllEnvironments { get; set; }

    /// <summary><c>SecretGuardRule</c> items: <c>Secret</c>, <c>MinLength</c>, <c>Length</c>, <c>Pattern</c>, <c>Required</c>, <c>Environments</c>.</summary>
    public ITaskItem[] Rules { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>;</c>-separated secret suffixes.</summary>
    public string? SecretSuffixes { get; set; }

    /// <summary>The name (not the value) of the variable holding a master key; <c>{ENV}</c> is the upper-case environment.</summary>
    public string? KeyVariable { get; set; }

    /// <summary>An explicit key file path.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// An explicit recipients file (<c>SecretGuardRecipientsFile</c>): a path, never a key. Empty:
    /// <c>SECRETGUARD_RECIPIENTS_FILE</c>, else <c>secretguard.recipients</c> searched upward from the project folder.
    /// The task reads the public keys itself.
    /// </summary>
    public string? RecipientsFile { get; set; }

    /// <summary>The project folder: the key file is searched upward from here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Whether to report drift between environments (SG1009).</summary>
    public bool CheckDrift { get; set; } = true;

    /// <summary>Whether to check the key file's git status and permissions (SG1010/SG1011).</summary>
    public bool CheckKeyFileHygiene { get; set; } = true;

    /// <inheritdoc />
    public override bool Execute()
    {
        var options = new EnvCheckOptions
        {
            ActiveEnvironment = string.IsNullOrWhiteSpace(ActiveEnvironment) ? null : ActiveEnvironment!.Trim(),
            EncryptAllEnvironments = EncryptAllEnvironments,
            CheckDrift = CheckDrift,
            CheckKeyFileHygiene = CheckKeyFileHygiene,
            KeyLookup = new KeyLookupOptions
            {
                KeyVariable = string.IsNullOrWhiteSpace(KeyVariable) ? KeyLookupOptions.DefaultKeyVariable : KeyVariable!.Trim(),
                KeyFilePath = string.IsNullOrWhiteSpace(KeyFile) ? null : KeyFile!.Trim(),
                RecipientsFilePath = string.IsNullOrWhiteSpace(RecipientsFile) ? null : RecipientsFile!.Trim(),
            },
        };
        options.KeyLookup.SearchDirectories.Add(ProjectDirectory);

        if (!Enum.TryParse<CheckMode>(Mode, ignoreCase: true, out var mode))
        {
            Log.LogError(null, DiagnosticIds.SyntaxError, null, null, 0, 0, 0, 0,
                "SecretGuardMode must be Encrypt or Verify, not '" + Mode + "'.");
            return false;
        }

        options.Mode = mode;
        foreach (var shipped in (ShipEnvironments ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = shipped.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!Environments.EnvironmentName.IsValid(name))
            {
                Log.LogError(null, DiagnosticIds.SyntaxError, null, null, 0, 0, 0, 0,
                    "SecretGuardShipEnvironments holds '" + name + "': " + Environments.EnvironmentName.InvalidNameMessage(name));
                return false;
            }

            options.ShippedEnvironments.Add(name);
        }

        foreach (var suffix in (SecretSuffixes ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            options.SecretSuffixes.Add(suffix.Trim());
        }

        if (!ReadRules(options) || !ReadFiles(options))
        {
            return false;
        }

        EnvCheckReport report;
        try
        {
            report = EnvCheckRunner.Run(options);
        }
        catch (IOException ex)
        {
            // File-system trouble (a locked or read-only file): the message names the file, never a value.
            Log.LogError(null, DiagnosticIds.SyntaxError, null, null, 0, 0, 0, 0, "SecretGuard could not update an env file: " + ex.Message);
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.LogError(null, DiagnosticIds.SyntaxError, null, null, 0, 0, 0, 0, "SecretGuard could not update an env file: " + ex.Message);
            return false;
        }

        foreach (var finding in report.Findings)
        {
            LogFinding(finding);
        }

        foreach (var written in report.EncryptedCounts)
        {
            Log.LogMessage(MessageImportance.High, "SecretGuard: encrypted " + written.Value + (written.Value == 1 ? " value" : " values") + " in " + written.Key);
        }

        return !Log.HasLoggedErrors;
    }

    private void LogFinding(Finding finding)
    {
        // Messages go out as they are: no format arguments, so braces in a rule's Pattern stay braces.
        if (finding.Severity == FindingSeverity.Error)
        {
            Log.LogError(null, finding.Id, null, finding.HelpLink, finding.FilePath, finding.Line, finding.Column, 0, 0, finding.Message);
        }
        else
        {
            Log.LogWarning(null, finding.Id, null, finding.HelpLink, finding.FilePath, finding.Line, finding.Column, 0, 0, finding.Message);
        }
    }

    private bool ReadFiles(EnvCheckOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in EnvFiles)
        {
            var path = item.GetMetadata("FullPath");
            if (!seen.Add(path))
            {
                continue;
            }

            var isTemplate = string.Equals(item.GetMetadata("Template"), "true", StringComparison.OrdinalIgnoreCase);
            var environment = item.GetMetadata("Environment");
            if (!isTemplate && !Environments.EnvironmentName.IsValid(environment))
            {
                Log.LogError(null, DiagnosticIds.SyntaxError, null, path, 0, 0, 0, 0,
                    "SecretGuardEnvFile '" + item.ItemSpec + "' needs Environment metadata with an environment name such as dev, int or prod (or Template=\"true\"); it has '" + environment + "'.");
                continue;
            }

            options.Files.Add(new EnvFileTarget(path, isTemplate ? null : environment, isTemplate));
        }

        return !Log.HasLoggedErrors;
    }

    private bool ReadRules(EnvCheckOptions options)
    {
        foreach (var item in Rules)
        {
            try
            {
                if (PolicyRule.TryCreate(
                    item.ItemSpec,
                    secret: Flag(item, "Secret"),
                    minLength: Number(item, "MinLength"),
                    length: Number(item, "Length"),
                    pattern: NullIfEmpty(item.GetMetadata("Pattern")),
                    required: Flag(item, "Required"),
                    environments: NullIfEmpty(item.GetMetadata("Environments"))?.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries),
                    out var rule,
                    out var problem))
                {
                    options.Rules.Add(rule);
                }
                else
                {
                    Log.LogError(null, DiagnosticIds.PolicyViolation, null, null, 0, 0, 0, 0, "SecretGuardRule '" + item.ItemSpec + "' is invalid: " + problem);
                }
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                Log.LogError(null, DiagnosticIds.PolicyViolation, null, null, 0, 0, 0, 0,
                    "SecretGuardRule '" + item.ItemSpec + "' has a MinLength or Length that is not a whole number.");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static bool Flag(ITaskItem item, string name) => string.Equals(item.GetMetadata(name).Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static int? Number(ITaskItem item, string name)
    {
        var text = item.GetMetadata(name).Trim();
        return text.Length == 0 ? null : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
