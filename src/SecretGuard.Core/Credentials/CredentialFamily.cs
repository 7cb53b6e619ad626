using System;
using System.Text.RegularExpressions;

namespace SecretGuard.Credentials;

/// <summary>
/// One kind of credential with a recognisable format: keywords for a cheap prefilter, a regular expression (run
/// with a timeout) and, where the format alone is too loose, an entropy floor for the matched secret, a validator
/// and context words that must occur near the match.
/// </summary>
internal sealed class CredentialFamily
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Creates a family. The regex's <c>secret</c> group, if any, is what the entropy floor measures.</summary>
    public CredentialFamily(string id, string description, string[] keywords, string pattern, double minEntropyBitsPerChar = 0, RegexOptions options = RegexOptions.None)
        : this(id, description, keywords, pattern, minEntropyBitsPerChar, options, contextKeywords: null)
    {
    }

    /// <summary>
    /// Creates a family with the optional refinements.
    /// </summary>
    /// <param name="id">A stable id, e.g. <c>github-token</c>.</param>
    /// <param name="description">What it is, for messages: "a GitHub token".</param>
    /// <param name="keywords">Substrings (ASCII) at least one of which the text must contain before the regex runs.</param>
    /// <param name="pattern">The format; its <c>secret</c> group, if any, is the random part.</param>
    /// <param name="minEntropyBitsPerChar">Minimum Shannon entropy of the secret part; 0 for none.</param>
    /// <param name="options">Extra regex options (ExplicitCapture and CultureInvariant are always applied).</param>
    /// <param name="contextKeywords">
    /// When not empty, the format alone is too loose: a match only counts when one of these words occurs near it
    /// in the text or in the context passed to <see cref="CredentialCatalogue.Find(string, string)"/> (e.g. the
    /// name of the setting or symbol that holds the value). The prefilter then also passes when the context
    /// holds one of them.
    /// </param>
    /// <param name="validate">A further check on a regex match (e.g. decoding it); false rejects the match.</param>
    /// <param name="minLength">The shortest text a match can fit in; shorter texts skip the family cheaply.</param>
    /// <param name="keywordsMatchCase">Whether the keywords are compared with case (default: ignoring ASCII case).</param>
    public CredentialFamily(
        string id,
        string description,
        string[] keywords,
        string pattern,
        double minEntropyBitsPerChar,
        RegexOptions options,
        string[]? contextKeywords,
        Func<Match, bool>? validate = null,
        int minLength = 0,
        bool keywordsMatchCase = false)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Keywords = keywords ?? Array.Empty<string>();
        Regex = new Regex(pattern, options | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        MinEntropyBitsPerChar = minEntropyBitsPerChar;
        ContextKeywords = contextKeywords ?? Array.Empty<string>();
        Validate = validate;
        MinLength = minLength < 0 ? 0 : minLength;
        KeywordsMatchCase = keywordsMatchCase;
        KeywordSet = new KeywordSet(Keywords, keywordsMatchCase);
        ContextKeywordSet = new KeywordSet(ContextKeywords, false);
    }

    /// <summary>A stable id, e.g. <c>github-token</c>.</summary>
    public string Id { get; }

    /// <summary>What it is, for messages: "a GitHub token".</summary>
    public string Description { get; }

    /// <summary>Substrings (ASCII, compared ignoring case unless <see cref="KeywordsMatchCase"/>) at least one of which the text must contain.</summary>
    public string[] Keywords { get; }

    /// <summary>The format.</summary>
    public Regex Regex { get; }

    /// <summary>Minimum Shannon entropy, in bits per character, of the secret part; 0 for none.</summary>
    public double MinEntropyBitsPerChar { get; }

    /// <summary>Words one of which must occur near a match (or in the context given to Find); empty when the format suffices.</summary>
    public string[] ContextKeywords { get; }

    /// <summary>Whether a match only counts with context (<see cref="ContextKeywords"/>): the format alone is too loose.</summary>
    public bool RequiresContext => ContextKeywords.Length > 0;

    /// <summary>A further check on a regex match, or null.</summary>
    public Func<Match, bool>? Validate { get; }

    /// <summary>The shortest text a match can fit in.</summary>
    public int MinLength { get; }

    /// <summary>Whether the keywords are compared with case.</summary>
    public bool KeywordsMatchCase { get; }

    internal KeywordSet KeywordSet { get; }

    internal KeywordSet ContextKeywordSet { get; }

    /// <summary>Characters (ASCII, any case) every match contains; a text without one of them skips the family at once.</summary>
    internal CharMask RequiredChars { get; private set; }

    /// <summary>
    /// For families whose secret is a password someone chose (a connection string's <c>Password=</c>, a URL's
    /// <c>user:password@</c>, a Basic header): reads the password and the user from a match, so the catalogue judges
    /// the password as the analyzers judge a literal under a credential name (<see cref="Naming.CredentialLiterals.JudgePassword"/>).
    /// Null for formats whose structure is the evidence.
    /// </summary>
    /// <remarks>The delegate gets the match and the whole text it was found in (a connection string names its user elsewhere).</remarks>
    internal Func<Match, string, ChosenPassword?>? PasswordOf { get; private set; }

    /// <summary>Sets <see cref="PasswordOf"/>; for building the built-in list.</summary>
    internal CredentialFamily WithChosenPassword(Func<Match, string, ChosenPassword?> passwordOf)
    {
        PasswordOf = passwordOf;
        return this;
    }

    /// <summary>Sets <see cref="RequiredChars"/>; for building the built-in list.</summary>
    internal CredentialFamily Requiring(string characters)
    {
        RequiredChars = CharMask.Of(characters);
        return this;
    }

    /// <summary>The id.</summary>
    public override string ToString() => Id;
}
