using System;

namespace SecretGuard.KeyFiles;

/// <summary>
/// The text of a version 2 private key (docs/formats.md#version-2-public-key-values): <c>sgkey2_</c> and the
/// unpadded base64url of a P-256 scalar <c>d</c>, 32 bytes big-endian, with 1 ≤ d &lt; n. Read exactly as a master key:
/// spaces and tabs around it and line breaks after it are ignored, nothing inside it is. Decoded character by character
/// from wherever the text is, so no copy of it is made; the bytes returned are the caller's to zero.
/// </summary>
internal static class PrivateKeyText
{
    /// <summary>What every private key text starts with.</summary>
    public const string Prefix = "sgkey2_";

    /// <summary>Bytes in a private key (a P-256 scalar).</summary>
    public const int KeyLength = 32;

    // 32 bytes are 43 base64url characters (256 bits and 2 unused ones, which must be zero).
    private const int EncodedLength = 43;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // The order n of the P-256 group, big-endian (SEC 2, secp256r1).
    private static readonly byte[] GroupOrder =
    {
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    };

    /// <summary>Whether the text, after the spaces and tabs before it, starts with <c>sgkey2_</c>: then it is meant as a private key.</summary>
    public static bool LooksLikePrivateKey(string? text) => text is not null && LooksLikePrivateKey(i => text[i], text.Length);

    /// <summary>As <see cref="LooksLikePrivateKey(string?)"/>, for text held in a character array.</summary>
    public static bool LooksLikePrivateKey(char[] text, int start, int length) => LooksLikePrivateKey(i => text[start + i], length);

    /// <summary>Decodes a private key text; false for anything that is not exactly one, or a scalar out of range.</summary>
    public static bool TryDecode(string? text, out byte[] key)
    {
        key = Array.Empty<byte>();
        return text is not null && TryDecode(i => text[i], text.Length, out key);
    }

    /// <summary>As <see cref="TryDecode(string?, out byte[])"/>, for text held in a character array.</summary>
    public static bool TryDecode(char[] text, int start, int length, out byte[] key) => TryDecode(i => text[start + i], length, out key);

    /// <summary>Length of a private key text: the prefix and 43 base64url characters.</summary>
    public const int TextLength = 50;

    /// <summary>
    /// The text <c>sgkey2_...</c> of a scalar, in a character array the caller zeroes (never a string, which could not
    /// be): for printing a new key once and for writing it into the key file.
    /// </summary>
    public static char[] Encode(byte[] scalar)
    {
        if (!IsInRange(scalar))
        {
            throw new ArgumentException("A private key is a P-256 scalar of 32 bytes, 1 <= d < n.", nameof(scalar));
        }

        var text = new char[TextLength];
        Prefix.CopyTo(0, text, 0, Prefix.Length);
        var written = Prefix.Length;
        var buffer = 0;
        var bits = 0;
        foreach (var b in scalar)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 6)
            {
                bits -= 6;
                text[written++] = Alphabet[(buffer >> bits) & 0x3F];
            }

            buffer &= (1 << bits) - 1;
        }

        text[written] = Alphabet[(buffer << (6 - bits)) & 0x3F];
        buffer = 0;
        return text;
    }

    /// <summary>Writes the text of a scalar and a line break through a character array that is zeroed afterwards.</summary>
    public static void WriteLine(System.IO.TextWriter writer, byte[] scalar)
    {
        var text = Encode(scalar);
        try
        {
            writer.Write(text);
            writer.WriteLine();
        }
        finally
        {
            Array.Clear(text, 0, text.Length);
        }
    }

    /// <summary>Whether 32 big-endian bytes are a valid P-256 private scalar: 1 ≤ d &lt; n.</summary>
    public static bool IsInRange(byte[] scalar)
    {
        if (scalar is null || scalar.Length != KeyLength)
        {
            return false;
        }

        var zero = true;
        foreach (var b in scalar)
        {
            zero &= b == 0;
        }

        if (zero)
        {
            return false;
        }

        for (var i = 0; i < KeyLength; i++)
        {
            if (scalar[i] != GroupOrder[i])
            {
                return scalar[i] < GroupOrder[i];
            }
        }

        return false; // d == n
    }

    private static bool LooksLikePrivateKey(Func<int, char> at, int length)
    {
        var start = 0;
        while (start < length && (at(start) == ' ' || at(start) == '\t'))
        {
            start++;
        }

        if (length - start < Prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < Prefix.Length; i++)
        {
            if (at(start + i) != Prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecode(Func<int, char> at, int length, out byte[] key)
    {
        key = Array.Empty<byte>();
        var start = 0;
        var end = length;
        while (start < end && (at(start) == ' ' || at(start) == '\t'))
        {
            start++;
        }

        while (end > start && (at(end - 1) == ' ' || at(end - 1) == '\t' || at(end - 1) == '\r' || at(end - 1) == '\n'))
        {
            end--;
        }

        if (end - start != Prefix.Length + EncodedLength || !LooksLikePrivateKey(i => at(start + i), end - start))
        {
            return false;
        }

        var bytes = new byte[KeyLength];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        for (var i = start + Prefix.Length; i < end; i++)
        {
            var value = Alphabet.IndexOf(at(i));
            if (value < 0)
            {
                Array.Clear(bytes, 0, bytes.Length);
                return false;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        // Strict base64url: the 2 unused bits are zero, so one key has one spelling.
        if (buffer != 0 || !IsInRange(bytes))
        {
            Array.Clear(bytes, 0, bytes.Length);
            return false;
        }

        key = bytes;
        return true;
    }
}
