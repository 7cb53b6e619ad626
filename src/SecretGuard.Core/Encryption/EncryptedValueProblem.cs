namespace SecretGuard.Encryption;

/// <summary>Why a text is not a readable encrypted value.</summary>
internal enum EncryptedValueProblem
{
    /// <summary>The text is a well-formed v1 encrypted value.</summary>
    None,

    /// <summary>The text has no <c>&lt;ENV&gt;_ENC:</c> prefix: it is plaintext.</summary>
    NotEncrypted,

    /// <summary>The prefix is there but the rest breaks the format.</summary>
    Malformed,

    /// <summary>A version this SecretGuard does not know (<c>v2</c>): a newer SecretGuard wrote it.</summary>
    NewerVersion,
}
