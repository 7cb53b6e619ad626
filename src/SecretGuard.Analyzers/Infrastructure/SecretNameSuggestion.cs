using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>The env-file name for a secret: from the symbol (<c>StripeApiKey</c> → <c>STRIPE_API_KEY_SECRET</c>) or the credential family.</summary>
internal static class SecretNameSuggestion
{
    public static string From(string? symbolName, string fallback)
    {
        var words = string.IsNullOrEmpty(symbolName) ? string.Empty : IdentifierWords.ToUpperSnakeCase(symbolName!);
        if (words.Length == 0)
        {
            words = IdentifierWords.ToUpperSnakeCase(fallback);
        }

        if (words.Length == 0 || !char.IsLetter(words[0]))
        {
            words = "HARDCODED_" + words;
        }

        return words.EndsWith("_SECRET", System.StringComparison.Ordinal) || words == "SECRET" ? (words == "SECRET" ? "SECRET_SECRET" : words) : words + "_SECRET";
    }
}
