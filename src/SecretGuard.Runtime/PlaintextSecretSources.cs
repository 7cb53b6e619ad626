using System;

namespace SecretGuard;

/// <summary>
/// Where a plaintext value under a secret name is accepted (<see cref="SecretGuardOptions.PlaintextSecrets"/>); from
/// anywhere else it is an error, SG1004 (docs/runtime.md#plaintext-secrets). Encrypted values are decrypted wherever
/// they come from, and a damaged one is an error everywhere.
/// </summary>
[Flags]
public enum PlaintextSecretSources
{
    /// <summary>Nowhere: every secret must be encrypted, environment variables too.</summary>
    None = 0,

    /// <summary>Process environment variables: how platforms and vaults inject secrets (Kubernetes, App Service).</summary>
    EnvironmentVariables = 1,

    /// <summary>The env file. In a deployed file a plaintext secret is what a ciphertext replaced by a plaintext looks like.</summary>
    EnvFile = 2,
}
