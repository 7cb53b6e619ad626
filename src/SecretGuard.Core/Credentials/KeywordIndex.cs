using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SecretGuard.Credentials;

/// <summary>
/// The keywords of every family of a catalogue, found in one pass over a text instead of one search per keyword:
/// the keywords are grouped by their first two characters (ASCII, case folded), and at each position of the text
/// only the keywords starting with the two characters there are compared. Most pairs of characters start no
/// keyword at all, and one table lookup says so. Says, for a text, which families have a keyword in it — exactly
/// the families whose <see cref="KeywordSet"/> would find one with IndexOf, keyword after keyword.
/// </summary>
internal sealed class KeywordIndex
{
    private const int Ascii = 128;

    // The row of the pair table for "no character before this one".
    private const int NoCharacter = Ascii;

    // ASCII keywords of two characters or more, grouped by their first two characters, folded: one bucket per pair.
    private readonly FamilyKeyword[] _byFirstTwo;

    // For each folded pair of ASCII characters (first × 128 + second), the number of the bucket of keywords that
    // start with it, from 1, or 0 when none does (16 bits: there are at most 128 × 128 buckets). One more row,
    // for a first "character" 128 that stands for none (the start of the text, or a character outside ASCII), is
    // all 0, so the pass needs no test for it.
    private readonly ushort[] _bucketOfPair;

    // The pair table of an index without such keywords (every catalogue has a context-keyword index), shared.
    private static readonly ushort[] NoBuckets = new ushort[(Ascii + 1) * Ascii];

    // Where bucket b's keywords are in _byFirstTwo: _bucketStarts[b] to _bucketStarts[b + 1].
    private readonly int[] _bucketStarts;

    // Keywords the pass cannot see — one character long, or not all ASCII — searched for in every text.
    private readonly FamilyKeyword[] _searchedAlways;

    // ASCII keywords compared ignoring case, searched for again in a text that is not all ASCII: the pass folds
    // ASCII letters only, while a runtime's ordinal-ignore-case comparison may also equate a character outside
    // ASCII with an ASCII letter (.NET 10's does not; others' may), and the result must be the runtime's.
    private readonly FamilyKeyword[] _ignoringCase;

    /// <summary>Indexes the keywords of each family; <paramref name="keywordsByFamily"/>[i] belongs to the family at position i.</summary>
    public KeywordIndex(IReadOnlyList<KeywordSet> keywordsByFamily)
    {
        var indexed = new List<FamilyKeyword>();
        var searchedAlways = new List<FamilyKeyword>();
        var ignoringCase = new List<FamilyKeyword>();
        for (var family = 0; family < keywordsByFamily.Count; family++)
        {
            var set = keywordsByFamily[family];
            foreach (var keyword in set.Keywords)
            {
                var entry = new FamilyKeyword(keyword, set.MatchCase, family);
                if (keyword.Length < 2 || !IsAscii(keyword))
                {
                    searchedAlways.Add(entry);
                    continue;
                }

                indexed.Add(entry);
                if (!set.MatchCase)
                {
                    ignoringCase.Add(entry);
                }
            }
        }

        indexed.Sort((a, b) => Pair(a).CompareTo(Pair(b)));
        _byFirstTwo = indexed.ToArray();
        _bucketOfPair = _byFirstTwo.Length == 0 ? NoBuckets : new ushort[(Ascii + 1) * Ascii];
        var bucketStarts = new List<int> { 0 };
        for (var k = 0; k < _byFirstTwo.Length; k++)
        {
            var pair = Pair(_byFirstTwo[k]);
            if (_bucketOfPair[pair] == 0)
            {
                bucketStarts.Add(k);
                _bucketOfPair[pair] = (ushort)(bucketStarts.Count - 1);
            }
        }

        bucketStarts.Add(_byFirstTwo.Length);
        _bucketStarts = bucketStarts.ToArray();

        _searchedAlways = searchedAlways.ToArray();
        _ignoringCase = ignoringCase.ToArray();
        IsEmpty = _byFirstTwo.Length == 0 && _searchedAlways.Length == 0;
    }

    /// <summary>Whether no family has a keyword here.</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// Adds to <paramref name="families"/> every family with a keyword in the text, and returns the text's
    /// <see cref="CharMask"/>, which the same pass builds since it folds every character anyway.
    /// </summary>
    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    public CharMask AddFamiliesIn(string text, ref FamilySet families)
    {
        ulong lowChars = 0, highChars = 0;
        var allAscii = true;
        var previous = NoCharacter;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= Ascii)
            {
                allAscii = false;
                previous = NoCharacter;
                continue;
            }

            var folded = AsciiFold.Lower(c);

            // The character's bit in the mask, without a branch: folded >> 6 picks the word.
            var bit = 1UL << folded;
            var inHigh = 0UL - (ulong)(folded >> 6);
            highChars |= bit & inHigh;
            lowChars |= bit & ~inHigh;

            int bucket = _bucketOfPair[(previous << 7) | folded];
            previous = folded;
            if (bucket == 0)
            {
                continue;
            }

            // Keywords starting at i - 1 with these two characters; the third rules most out before a whole compare.
            for (var k = _bucketStarts[bucket]; k < _bucketStarts[bucket + 1]; k++)
            {
                ref readonly var keyword = ref _byFirstTwo[k];
                if (families.Contains(keyword.Family) ||
                    (keyword.FoldedThird >= 0 && (i + 1 == text.Length || AsciiFold.Lower(text[i + 1]) != keyword.FoldedThird)))
                {
                    continue;
                }

                if (keyword.OccursAt(text, i - 1))
                {
                    families.Add(keyword.Family);
                }
            }
        }

        var textMask = new CharMask(lowChars, highChars);

        AddFamiliesSearching(_searchedAlways, text, textMask, ref families);
        if (!allAscii)
        {
            AddFamiliesSearching(_ignoringCase, text, textMask, ref families);
        }

        return textMask;
    }

    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    private static void AddFamiliesSearching(FamilyKeyword[] keywords, string text, CharMask textMask, ref FamilySet families)
    {
        for (var k = 0; k < keywords.Length; k++)
        {
            ref readonly var keyword = ref keywords[k];
            if (!families.Contains(keyword.Family) && keyword.OccursIn(text, textMask))
            {
                families.Add(keyword.Family);
            }
        }
    }

    private static int Pair(in FamilyKeyword keyword) => (keyword.FoldedFirst << 7) | keyword.FoldedSecond;

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= Ascii)
            {
                return false;
            }
        }

        return true;
    }
}
