namespace SecretGuard.Credentials;

/// <summary>ASCII case folding, the part of ordinal-ignore-case comparison every runtime agrees on.</summary>
internal static class AsciiFold
{
    /// <summary>The character with A-Z turned to a-z; every other character, ASCII or not, unchanged.</summary>
    public static int Lower(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c;
}
