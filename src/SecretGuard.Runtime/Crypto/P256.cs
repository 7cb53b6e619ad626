using System;
using System.Numerics;

namespace SecretGuard.Crypto;

/// <summary>
/// The one piece of curve arithmetic SecretGuard does itself: whether an uncompressed point <c>04 || X || Y</c> lies on
/// NIST P-256 (y² = x³ − 3x + b mod p, 0 ≤ x, y &lt; p). Checked before any key agreement, so a value or a public key
/// with a point off the curve is reported as malformed instead of reaching the platform's crypto library.
/// </summary>
internal static class P256
{
    private static readonly BigInteger Prime = FromHex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger B = FromHex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    /// <summary>Whether <paramref name="point"/> is a 65-byte uncompressed encoding of a point of P-256.</summary>
    public static bool IsOnCurve(ReadOnlySpan<byte> point)
    {
        if (point.Length != 65 || point[0] != 0x04)
        {
            return false;
        }

        var x = new BigInteger(point.Slice(1, 32), isUnsigned: true, isBigEndian: true);
        var y = new BigInteger(point.Slice(33, 32), isUnsigned: true, isBigEndian: true);
        if (x >= Prime || y >= Prime)
        {
            return false;
        }

        var right = ((((x * x) % Prime) * x) - (3 * x) + B) % Prime;
        if (right.Sign < 0)
        {
            right += Prime;
        }

        return (y * y) % Prime == right;
    }

    private static BigInteger FromHex(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
