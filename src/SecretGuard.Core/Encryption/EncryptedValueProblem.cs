namespace SecretGuard.Encryption;

/// <summary>Why a text is not a readable encrypted value.</summary>
internal enum EncryptedValueProblem
{
    /// <summary>The text is a well-formed encrypted value (version 1 or 2).</summary>
    None,

    /// <summary>The text has no <c>&lt;ENV&gt;_ENC:</c> prefix and does not look encrypted: it is plaintext.</summary>
    NotEncrypted,

    /// <summary>
    /// The text has no exact prefix but looks like an encrypted value (a prefix in another case, a character of it
    /// changed: docs/formats.md#recognising-an-encrypted-value). An error, never plaintext.
    /// </summary>
    Damaged,

    /// <summary>The prefix is there but the rest breaks the format.</summary>
    Malformed,

    /// <summary>A version this SecretGuard does not know (<c>v3</c>): a newer SecretGuard wrote it.</summary>
    NewerVersion,
}
