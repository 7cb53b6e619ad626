namespace SecretGuard.Encryption;

/// <summary>What a reader takes a value for (docs/formats.md#recognising-an-encrypted-value).</summary>
internal enum ValueForm
{
    /// <summary>Neither encrypted nor damaged: the value is what it says.</summary>
    Plaintext,

    /// <summary>It starts with an environment's exact prefix, <c>&lt;ENV&gt;_ENC:</c>, and is read strictly.</summary>
    Encrypted,

    /// <summary>It looks like an encrypted value but is not in the exact form: an error, never plaintext.</summary>
    Damaged,
}
