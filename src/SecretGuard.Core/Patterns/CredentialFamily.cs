using System;
using System.Text.RegularExpressions;

namespace SecretGuard.Patterns
{
    /// <summary>
    /// One kind of credential with a recognisable format: keywords for a cheap prefilter, a regular expression (run
    /// with a timeout) and, where the format alone is too loose, an entropy floor for the matched secret.
    /// </summary>
    public sealed class CredentialFamily
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

        /// <summary>Creates a family. The regex's <c>secret</c> group, if any, is what the entropy floor measures.</summary>
        public CredentialFamily(string id, string description, string[] keywords, string pattern, double minEntropyBitsPerChar = 0, RegexOptions options = RegexOptions.None)
        {
            Id = id;
            Description = description;
            Keywords = keywords;
            Regex = new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
            MinEntropyBitsPerChar = minEntropyBitsPerChar;
        }

        /// <summary>A stable id, e.g. <c>github-token</c>.</summary>
        public string Id { get; }

        /// <summary>What it is, for messages: "a GitHub token".</summary>
        public string Description { get; }

        /// <summary>Substrings (ASCII, compared ignoring case) at least one of which a match must contain.</summary>
        public string[] Keywords { get; }

        /// <summary>The format.</summary>
        public Regex Regex { get; }

        /// <summary>Minimum Shannon entropy, in bits per character, of the secret part; 0 for none.</summary>
        public double MinEntropyBitsPerChar { get; }
    }
}
