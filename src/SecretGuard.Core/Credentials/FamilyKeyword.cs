using System;

namespace SecretGuard.Credentials;

/// <summary>One keyword of one family in a <see cref="KeywordIndex"/>: the family's position and how to compare the keyword.</summary>
internal readonly struct FamilyKeyword
{
    public FamilyKeyword(string keyword, bool matchCase, int family)
    {
        Keyword = keyword;
        MatchCase = matchCase;
        Family = family;
        Mask = CharMask.Of(keyword);
        FoldedFirst = keyword.Length > 0 ? AsciiFold.Lower(keyword[0]) : 0;
        FoldedSecond = keyword.Length > 1 ? AsciiFold.Lower(keyword[1]) : 0;
        FoldedThird = keyword.Length > 2 ? AsciiFold.Lower(keyword[2]) : -1;
    }

    public string Keyword { get; }

    public bool MatchCase { get; }

    /// <summary>The family's position in its catalogue.</summary>
    public int Family { get; }

    /// <summary>The keyword's characters: a text without one of them cannot hold it, and is not searched (see <see cref="OccursIn"/>).</summary>
    public CharMask Mask { get; }

    /// <summary>The first two characters, ASCII letters folded to lower case: what the index groups keywords by.</summary>
    public int FoldedFirst { get; }

    public int FoldedSecond { get; }

    /// <summary>The third character, folded, or -1 for a keyword of two: checked before the whole keyword is compared.</summary>
    public int FoldedThird { get; }

    public StringComparison Comparison => MatchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Whether the keyword occurs at <paramref name="index"/> (an ASCII keyword; ignoring ASCII case unless <see cref="MatchCase"/>).</summary>
    public bool OccursAt(string text, int index)
    {
        var keyword = Keyword;
        if (keyword.Length > text.Length - index)
        {
            return false;
        }

        if (MatchCase)
        {
            return string.CompareOrdinal(text, index, keyword, 0, keyword.Length) == 0;
        }

        for (var i = 0; i < keyword.Length; i++)
        {
            // A character outside ASCII folds to itself here, so never equals an ASCII keyword's character; the
            // index searches texts with such characters again with the runtime's own comparison.
            if (AsciiFold.Lower(text[index + i]) != AsciiFold.Lower(keyword[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text holds the keyword, decided as the catalogue always has: the keyword's characters must all be in the text's mask, then IndexOf.</summary>
    public bool OccursIn(string text, CharMask textMask) => textMask.Covers(Mask) && text.IndexOf(Keyword, Comparison) >= 0;
}
