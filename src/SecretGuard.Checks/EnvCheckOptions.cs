using System.Collections.Generic;
using SecretGuard.Keys;
using SecretGuard.Naming;
using SecretGuard.Policy;

namespace SecretGuard.Checks;

/// <summary>What to check and how (the build task and <c>secretguard validate</c> fill this in).</summary>
internal sealed class EnvCheckOptions
{
    /// <summary>Encrypt (write) or Verify (read only).</summary>
    public CheckMode Mode { get; set; } = CheckMode.Verify;

    /// <summary>The environment being built; its plaintext secrets are encrypted in Encrypt mode.</summary>
    public string? ActiveEnvironment { get; set; }

    /// <summary>Encrypt every environment whose key is at hand, not only the active one.</summary>
    public bool EncryptAllEnvironments { get; set; }

    /// <summary>
    /// Environments whose files the build ships in its output (<c>SecretGuardShipEnvironments</c>): like the active
    /// environment's, their plaintext secrets are encrypted in Encrypt mode, and one that cannot be encrypted (no key) is an
    /// error, never a plaintext shipped.
    /// </summary>
    public ISet<string> ShippedEnvironments { get; } = new HashSet<string>(System.StringComparer.Ordinal);

    /// <summary>The files.</summary>
    public IList<EnvFileTarget> Files { get; } = new List<EnvFileTarget>();

    /// <summary>Policy rules.</summary>
    public IList<PolicyRule> Rules { get; } = new List<PolicyRule>();

    /// <summary>Secret suffixes (default <c>_SECRET</c>).</summary>
    public IList<string> SecretSuffixes { get; } = new List<string>();

    /// <summary>Where master keys are looked up.</summary>
    public KeyLookupOptions KeyLookup { get; set; } = new KeyLookupOptions();

    /// <summary>Whether to check the key file's git status and permissions (SG1010/SG1011).</summary>
    public bool CheckKeyFileHygiene { get; set; } = true;

    /// <summary>Whether to report entries present in some environments' files and missing in others (SG1009).</summary>
    public bool CheckDrift { get; set; } = true;

    internal SecretNaming CreateNaming()
    {
        var explicitSecrets = new List<string>();
        foreach (var rule in Rules)
        {
            if (rule.Secret)
            {
                explicitSecrets.Add(rule.Name);
            }
        }

        return new SecretNaming(SecretSuffixes, explicitSecrets);
    }
}
