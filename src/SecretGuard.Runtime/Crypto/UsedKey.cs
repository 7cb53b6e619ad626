namespace SecretGuard.Crypto;

/// <summary>Which key of a ring decrypted a value: its kid (version 1) or rid (version 2), and whether it is the previous key.</summary>
internal readonly record struct UsedKey(string Id, bool IsPrevious);
