using System.Runtime.CompilerServices;

namespace SecretGuard.Credentials;

/// <summary>
/// A set of families, by their position in a catalogue, as bits. The first 128 positions live in the struct itself,
/// so a catalogue of up to 128 families (the built-in one has 113) finds its candidates without allocating;
/// a larger catalogue gets an array for the rest, allocated per set.
/// </summary>
internal struct FamilySet
{
    private const int InlineBits = 128;

    private ulong _bits0To63;
    private ulong _bits64To127;
    private readonly ulong[]? _bitsFrom128;

    /// <summary>An empty set able to hold positions 0 to <paramref name="capacity"/> - 1.</summary>
    public FamilySet(int capacity)
    {
        _bits0To63 = 0;
        _bits64To127 = 0;
        _bitsFrom128 = capacity > InlineBits ? new ulong[(capacity - InlineBits + 63) / 64] : null;
    }

    public bool Contains(int position) => (Word(position) & (1UL << position)) != 0;

    public void Add(int position)
    {
        if (position < 64)
        {
            _bits0To63 |= 1UL << position;
        }
        else if (position < InlineBits)
        {
            _bits64To127 |= 1UL << position;
        }
        else
        {
            _bitsFrom128![(position - InlineBits) >> 6] |= 1UL << position;
        }
    }

    public void Remove(int position)
    {
        if (position < 64)
        {
            _bits0To63 &= ~(1UL << position);
        }
        else if (position < InlineBits)
        {
            _bits64To127 &= ~(1UL << position);
        }
        else
        {
            _bitsFrom128![(position - InlineBits) >> 6] &= ~(1UL << position);
        }
    }

    /// <summary>Adds every position of <paramref name="other"/>, a set of the same capacity.</summary>
    public void UnionWith(in FamilySet other)
    {
        _bits0To63 |= other._bits0To63;
        _bits64To127 |= other._bits64To127;
        if (_bitsFrom128 is not null && other._bitsFrom128 is not null)
        {
            for (var i = 0; i < _bitsFrom128.Length; i++)
            {
                _bitsFrom128[i] |= other._bitsFrom128[i];
            }
        }
    }

    /// <summary>The smallest position in the set that is at least <paramref name="from"/>, or -1: walks the set in order.</summary>
    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    public int Next(int from)
    {
        var wordCount = 2 + (_bitsFrom128?.Length ?? 0);
        var word = from >> 6;
        if (word >= wordCount)
        {
            return -1;
        }

        // The first word, without the positions below from; then whole words.
        var bits = Word(from) & (ulong.MaxValue << from);
        while (bits == 0)
        {
            if (++word == wordCount)
            {
                return -1;
            }

            bits = Word(word << 6);
        }

        return (word << 6) + LowestBit(bits);
    }

    // The word holding a position; shifts by a position use its low six bits, as C# shifts of ulong do.
    private ulong Word(int position) =>
        position < 64 ? _bits0To63 : position < InlineBits ? _bits64To127 : _bitsFrom128![(position - InlineBits) >> 6];

    // The index of the lowest set bit (bits is not 0): isolate it, then a de Bruijn multiplication names it
    // (netstandard2.0 has no BitOperations.TrailingZeroCount).
    private static int LowestBit(ulong bits) => DeBruijnPositions[((bits & (~bits + 1)) * 0x03F79D71B4CB0A89UL) >> 58];

    private static readonly int[] DeBruijnPositions =
    {
        0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
        62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
        63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
        46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
    };
}
