using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// The env-file name for a moved secret, in two steps: the analyzer gives the name's stem, from the symbol
/// (<c>StripeApiKey</c> → <c>STRIPE_API_KEY</c>) or the credential family; the code fix adds the project's secret
/// suffix (<c>SecretGuardSecretSuffixes</c>, read from the same options the analyzers read), so that the build encrypts
/// the entry whatever suffix the project chose.
/// </summary>
internal static class SecretNameSuggestion
{
    /// <summary>The stem: the symbol's words in upper snake case, or the fallback's; never starting with a digit.</summary>
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

        return words;
    }

    /// <summary>
    /// The entry name for <paramref name="stem"/> under the project's naming: the stem itself when it already names a
    /// secret (<c>CLIENT_SECRET</c> with <c>_SECRET</c>), otherwise the stem and the first suffix of the list, in upper
    /// case (<c>STRIPE_API_KEY_SECRET</c>, <c>STRIPE_API_KEY_VAULT</c> with <c>_vault;_SECRET</c>).
    /// </summary>
    public static string ForProject(string stem, SecretNaming naming) =>
        naming.IsSecret(stem) ? stem : stem + naming.PreferredSuffix.ToUpperInvariant();
}
