using System.Collections.Generic;
using System.Text;

namespace SecretGuard.Naming;

/// <summary>Splits identifiers and keys into lower-case words: <c>StripeApiKey</c>, <c>stripe_api_key</c>, <c>Stripe:ApiKey</c> → stripe, api, key.</summary>
internal static class IdentifierWords
{
    /// <summary>The words of <paramref name="identifier"/>, lower-case, in order.</summary>
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = identifier[i - 1];
                var nextIsLower = i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
                // A new word starts at lower→Upper ("apiKey") and at the last capital of an acronym ("APIKey" → api, key).
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>Upper snake case for env-file names: <c>StripeApiKey</c> → <c>STRIPE_API_KEY</c>.</summary>
    public static string ToUpperSnakeCase(string identifier)
    {
        var words = Split(identifier);
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(word.ToUpperInvariant());
        }

        return sb.ToString();
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
