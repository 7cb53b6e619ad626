using System;

namespace SecretGuard.Patterns
{
    /// <summary>
    /// Which ASCII characters (folded to lower case) a text contains, as two 64-bit masks. Built in one pass, it lets
    /// a keyword be ruled out without searching for it: a text that lacks one of a keyword's characters cannot hold it.
    /// </summary>
    internal readonly struct CharMask
    {
        private readonly ulong _low;
        private readonly ulong _high;

        private CharMask(ulong low, ulong high)
        {
            _low = low;
            _high = high;
        }

        public static CharMask Of(string text)
        {
            ulong low = 0, high = 0;
            foreach (var ch in text)
            {
                if (ch >= 128)
                {
                    continue;
                }

                var c = ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
                if (c < 64)
                {
                    low |= 1UL << c;
                }
                else
                {
                    high |= 1UL << (c - 64);
                }
            }

            return new CharMask(low, high);
        }

        /// <summary>Whether every character of <paramref name="other"/> is also in this mask.</summary>
        public bool Covers(CharMask other) => (other._low & ~_low) == 0 && (other._high & ~_high) == 0;
    }

    /// <summary>Keywords with their character masks, searched without allocating.</summary>
    internal sealed class KeywordSet
    {
        private readonly string[] _keywords;
        private readonly CharMask[] _masks;
        private readonly StringComparison _comparison;

        public KeywordSet(string[] keywords, bool matchCase)
        {
            _keywords = Array.FindAll(keywords, k => !string.IsNullOrEmpty(k));
            _masks = Array.ConvertAll(_keywords, CharMask.Of);
            _comparison = matchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        }

        public bool IsEmpty => _keywords.Length == 0;

        /// <summary>Whether the text holds one of the keywords; <paramref name="mask"/> is the text's mask.</summary>
        public bool AnyIn(string text, CharMask mask)
        {
            for (var i = 0; i < _keywords.Length; i++)
            {
                if (mask.Covers(_masks[i]) && text.IndexOf(_keywords[i], _comparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether one of the keywords occurs in <c>text[start..start+count)</c>.</summary>
        public bool AnyIn(string text, int start, int count)
        {
            foreach (var keyword in _keywords)
            {
                if (keyword.Length <= count && text.IndexOf(keyword, start, count, _comparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
