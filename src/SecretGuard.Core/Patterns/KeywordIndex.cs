using System;
using System.Collections.Generic;

namespace SecretGuard.Patterns
{
    /// <summary>
    /// The keywords of every family of a catalogue, found in one pass over a text instead of one search per keyword:
    /// the keywords are grouped by their first two characters (ASCII, case folded), and at each position of the text
    /// only the keywords starting with the two characters there are compared. Most pairs of characters start no
    /// keyword at all, and a bit says so. Says, for a text, which families have a keyword in it — exactly the families
    /// whose <see cref="KeywordSet"/> would find one with IndexOf, keyword after keyword.
    /// </summary>
    internal sealed class KeywordIndex
    {
        private const int Ascii = 128;

        // ASCII keywords of two characters or more, sorted by folded first, then folded second character.
        private readonly FamilyKeyword[] _byFirstTwo;

        // Where the keywords whose folded first character is c start in _byFirstTwo: _firstCharStarts[c] to _firstCharStarts[c + 1].
        private readonly int[] _firstCharStarts = new int[Ascii + 1];

        // Which of the 128 × 128 folded pairs of characters start a keyword, one bit each.
        private readonly ulong[] _startingPairs = new ulong[Ascii * Ascii / 64];

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

            indexed.Sort((a, b) => a.FoldedFirst != b.FoldedFirst ? a.FoldedFirst.CompareTo(b.FoldedFirst) : a.FoldedSecond.CompareTo(b.FoldedSecond));
            _byFirstTwo = indexed.ToArray();
            foreach (var keyword in _byFirstTwo)
            {
                _firstCharStarts[keyword.FoldedFirst + 1]++;
                var pair = (keyword.FoldedFirst << 7) | keyword.FoldedSecond;
                _startingPairs[pair >> 6] |= 1UL << pair;
            }

            for (var c = 0; c < Ascii; c++)
            {
                _firstCharStarts[c + 1] += _firstCharStarts[c];
            }

            _searchedAlways = searchedAlways.ToArray();
            _ignoringCase = ignoringCase.ToArray();
            IsEmpty = _byFirstTwo.Length == 0 && _searchedAlways.Length == 0;
        }

        /// <summary>Whether no family has a keyword here.</summary>
        public bool IsEmpty { get; }

        /// <summary>Adds to <paramref name="families"/> every family with a keyword in the text; <paramref name="textMask"/> is the text's <see cref="CharMask"/>.</summary>
        public void AddFamiliesIn(string text, CharMask textMask, ref FamilySet families)
        {
            // Every character is in one of the pairs the loop looks at, unless the text is a single character.
            var allAscii = text.Length != 1 || text[0] < Ascii;
            for (var i = 0; i < text.Length - 1; i++)
            {
                var first = text[i];
                var second = text[i + 1];
                if ((first | second) >= Ascii)
                {
                    allAscii = false;
                    continue;
                }

                var foldedFirst = AsciiFold.Lower(first);
                var foldedSecond = AsciiFold.Lower(second);
                var pair = (foldedFirst << 7) | foldedSecond;
                if ((_startingPairs[pair >> 6] & (1UL << pair)) == 0)
                {
                    continue;
                }

                for (var k = _firstCharStarts[foldedFirst]; k < _firstCharStarts[foldedFirst + 1]; k++)
                {
                    ref readonly var keyword = ref _byFirstTwo[k];
                    if (keyword.FoldedSecond < foldedSecond)
                    {
                        continue;
                    }

                    if (keyword.FoldedSecond > foldedSecond)
                    {
                        break;
                    }

                    if (!families.Contains(keyword.Family) && keyword.OccursAt(text, i))
                    {
                        families.Add(keyword.Family);
                    }
                }
            }

            AddFamiliesSearching(_searchedAlways, text, textMask, ref families);
            if (!allAscii)
            {
                AddFamiliesSearching(_ignoringCase, text, textMask, ref families);
            }
        }

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
}
