using System.Runtime.CompilerServices;

namespace SecretGuard.Credentials;

/// <summary>
/// Which ASCII characters (folded to lower case) a text contains, as two 64-bit masks. Built in one pass, it lets
/// a keyword be ruled out without searching for it: a text that lacks one of a keyword's characters cannot hold it.
/// </summary>
internal readonly struct CharMask
{
    private readonly ulong _low;
    private readonly ulong _high;

    /// <summary>A mask from its bits: bit c of <paramref name="low"/> for folded character c below 64, bit c - 64 of <paramref name="high"/> for the rest.</summary>
    public CharMask(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
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
