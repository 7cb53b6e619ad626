using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SecretGuard.Encryption;

namespace SecretGuard.Tests;

/// <summary>
/// Strict unpadded base64url (RFC 4648 §5), as docs/formats.md#2-encrypted-values requires for payloads.
/// </summary>
public class Base64UrlTests
{
    // RFC 4648 §10 test vectors, with the padding removed.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "Zg")]
    [InlineData("fo", "Zm8")]
    [InlineData("foo", "Zm9v")]
    [InlineData("foob", "Zm9vYg")]
    [InlineData("fooba", "Zm9vYmE")]
    [InlineData("foobar", "Zm9vYmFy")]
    public void Rfc4648_vectors_without_padding(string plain, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(plain);
        Assert.Equal(encoded, Base64Url.Encode(bytes));
        Assert.True(Base64Url.TryDecode(encoded, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    // Where the url alphabet differs from the standard one: 62 is '-' (not '+'), 63 is '_' (not '/').
    [Theory]
    [InlineData(new byte[] { 0xFB, 0xFF }, "-_8")]
    [InlineData(new byte[] { 0xFB, 0xEF, 0xBE }, "----")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF }, "____")]
    [InlineData(new byte[] { 0xFF }, "_w")]
    [InlineData(new byte[] { 0x00 }, "AA")]
    [InlineData(new byte[] { 0x00, 0x00 }, "AAA")]
    [InlineData(new byte[] { 0x14, 0xFB, 0x9C, 0x03, 0xD9, 0x7E }, "FPucA9l-")]
    public void Url_alphabet_vectors(byte[] bytes, string encoded)
    {
        Assert.Equal(encoded, Base64Url.Encode(bytes));
        Assert.Equal(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'), encoded);
        Assert.True(Base64Url.TryDecode(encoded, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Fact]
    public void Encode_of_a_range()
    {
        var bytes = Encoding.ASCII.GetBytes("xxfoobarxx");
        Assert.Equal("Zm9vYmFy", Base64Url.Encode(bytes, 2, 6));
        Assert.Equal("Zm8", Base64Url.Encode(bytes, 2, 2));
        Assert.Equal(string.Empty, Base64Url.Encode(bytes, 5, 0));
    }

    [Property(MaxTest = 300)]
    public bool Random_bytes_round_trip_and_encode_to_the_url_alphabet_without_padding(byte[] bytes)
    {
        var encoded = Base64Url.Encode(bytes);
        return Base64Url.TryDecode(encoded, out var decoded)
            && decoded.SequenceEqual(bytes)
            && encoded.Length == (bytes.Length * 4 + 2) / 3
            && encoded.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')
            && encoded == Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static readonly Gen<string> AlphabetStrings =
        Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".ToCharArray()))
            .Select(chars => new string(chars));

    // Strictness: every accepted text is the one canonical spelling of its bytes.
    [Property(MaxTest = 300)]
    public Property Every_accepted_text_is_the_canonical_encoding_of_its_bytes() =>
        Prop.ForAll(AlphabetStrings.ToArbitrary(), text =>
            !Base64Url.TryDecode(text, out var bytes) ? text.Length % 4 == 1 || NonCanonicalTail(text) : Base64Url.Encode(bytes) == text);

    private static bool NonCanonicalTail(string text)
    {
        // Only the unused low bits of the last character may make an alphabet-only text invalid.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(text[text.Length - 1]);
        return (text.Length % 4 == 2 && (last & 0x0F) != 0) || (text.Length % 4 == 3 && (last & 0x03) != 0);
    }

    [Theory]
    [InlineData("Zg==")]
    [InlineData("Zm8=")]
    [InlineData("Zm9v=")]
    [InlineData("Zm9v+")]
    [InlineData("Zm+v")]
    [InlineData("Zm/v")]
    [InlineData("+/8")]
    [InlineData("Zm9 v")]
    [InlineData(" Zm9v")]
    [InlineData("Zm9v ")]
    [InlineData("Zm9v\n")]
    [InlineData("Zm9v\r\nYmFy")]
    [InlineData("Zm9\tv")]
    [InlineData("Z")]
    [InlineData("Zm9vY")]
    [InlineData("Zm9vYmFyZ")]
    [InlineData("AB")] // one byte: the second character's low 4 bits must be zero ('B' = 1)
    [InlineData("Zh")] // "f" is "Zg"; 'h' = 33 has a low bit set
    [InlineData("Zm9")] // "fo" is "Zm8"; '9' = 61 has its low 2 bits set
    [InlineData("AAB")]
    [InlineData("Zm9é")]
    [InlineData("Zm9\u0000")]
    [InlineData("Ｚm9v")]
    [InlineData("Zm.v")]
    public void Rejects_everything_but_strict_unpadded_base64url(string text)
    {
        Assert.False(Base64Url.TryDecode(text, out var data));
        Assert.Empty(data);
    }

    [Theory]
    [InlineData("AA", new byte[] { 0x00 })]
    [InlineData("AQ", new byte[] { 0x01 })]
    [InlineData("_w", new byte[] { 0xFF })]
    [InlineData("AAE", new byte[] { 0x00, 0x01 })]
    [InlineData("__8", new byte[] { 0xFF, 0xFF })]
    public void Accepts_the_canonical_final_characters(string text, byte[] bytes)
    {
        Assert.True(Base64Url.TryDecode(text, out var data));
        Assert.Equal(bytes, data);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(Base64Url.TryDecode(null!, out var data));
        Assert.Empty(data);
    }
}
