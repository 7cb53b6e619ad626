using System;
using System.Text;

namespace SecretGuard.Encryption;

/// <summary>
/// Base64url without padding (RFC 4648 §5), strict: the reader refuses padding, whitespace, characters
/// outside <c>A-Z a-z 0-9 - _</c>, an impossible length and non-zero unused trailing bits, so each byte
/// string has exactly one spelling and no bit of the text can change without the reader noticing.
/// </summary>
internal static class Base64Url
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Encodes bytes as unpadded base64url.</summary>
    public static string Encode(byte[] data) => Encode(data, 0, data.Length);

    /// <summary>Encodes a range of bytes as unpadded base64url.</summary>
    public static string Encode(byte[] data, int offset, int count)
    {
        var sb = new StringBuilder((count * 4 + 2) / 3);
        var i = offset;
        var end = offset + count;
        for (; i + 2 < end; i += 3)
        {
            var n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            sb.Append(Alphabet[(n >> 18) & 63]).Append(Alphabet[(n >> 12) & 63]).Append(Alphabet[(n >> 6) & 63]).Append(Alphabet[n & 63]);
        }

        var rest = end - i;
        if (rest == 1)
        {
            var n = data[i] << 16;
            sb.Append(Alphabet[(n >> 18) & 63]).Append(Alphabet[(n >> 12) & 63]);
        }
        else if (rest == 2)
        {
            var n = (data[i] << 16) | (data[i + 1] << 8);
            sb.Append(Alphabet[(n >> 18) & 63]).Append(Alphabet[(n >> 12) & 63]).Append(Alphabet[(n >> 6) & 63]);
        }

        return sb.ToString();
    }

    /// <summary>Decodes strict unpadded base64url; false for anything else.</summary>
    public static bool TryDecode(string text, out byte[] data)
    {
        data = Array.Empty<byte>();
        if (text is null || text.Length % 4 == 1)
        {
            return false;
        }

        var output = new byte[text.Length * 3 / 4];
        var o = 0;
        var i = 0;
        for (; i + 3 < text.Length; i += 4)
        {
            if (!TryValue(text[i], out var a) || !TryValue(text[i + 1], out var b) || !TryValue(text[i + 2], out var c) || !TryValue(text[i + 3], out var d))
            {
                return false;
            }

            var n = (a << 18) | (b << 12) | (c << 6) | d;
            output[o++] = (byte)(n >> 16);
            output[o++] = (byte)(n >> 8);
            output[o++] = (byte)n;
        }

        var rest = text.Length - i;
        if (rest == 2)
        {
            if (!TryValue(text[i], out var a) || !TryValue(text[i + 1], out var b) || (b & 0x0F) != 0)
            {
                return false;
            }

            output[o++] = (byte)((a << 2) | (b >> 4));
        }
        else if (rest == 3)
        {
            if (!TryValue(text[i], out var a) || !TryValue(text[i + 1], out var b) || !TryValue(text[i + 2], out var c) || (c & 0x03) != 0)
            {
                return false;
            }

            var n = (a << 18) | (b << 12) | (c << 6);
            output[o++] = (byte)(n >> 16);
            output[o++] = (byte)(n >> 8);
        }

        data = output;
        return true;
    }

    private static bool TryValue(char c, out int value)
    {
        value = c < 128 ? Values[c] : -1;
        return value >= 0;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -1;
        }

        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
