namespace SecretGuard.Checks;

/// <summary>What a check run may do to env files.</summary>
internal enum CheckMode
{
    /// <summary>Developer machine: plaintext secret values of the active environment are encrypted in place.</summary>
    Encrypt,

    /// <summary>CI: nothing is written; a plaintext secret value is an error (SG1004).</summary>
    Verify,
}
