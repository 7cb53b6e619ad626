using System;
using System.Linq;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.KeyFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Version 2 private keys as text (docs/formats.md#version-2-public-key-values) and in the key file
/// (docs/formats.md#3-key-files): <c>sgkey2_</c> and 43 base64url characters of a P-256 scalar 1 ≤ d &lt; n, read
/// exactly, beside version 1 master keys; never shown in a message.
/// </summary>
public sealed class PrivateKeyTextTests
{
    // The app key of the v2 vectors: bytes 01 02 … 20.
    private const string AppKey = "sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";
    private const string OpsKey = "sgkey2_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2A";
    private static readonly string MasterKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    // n, the order of P-256, and its neighbours.
    private static readonly byte[] N = Convert.FromHexString("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    [Fact]
    public void The_vector_key_decodes_to_its_bytes()
    {
        Assert.True(PrivateKeyText.TryDecode(AppKey, out var key));
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), key);
    }

    [Fact]
    public void Surrounding_blanks_and_a_final_line_break_are_ignored()
    {
        Assert.True(PrivateKeyText.TryDecode("  " + AppKey + "\t\r\n", out _));
        Assert.True(PrivateKeyText.TryDecode(AppKey + "\n", out _));
    }

    [Theory]
    [InlineData("SGKEY2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA")] // prefix in another case
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy")] // cut
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAA")] // one too many
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4P EBESExQVFhcYGRobHB0eHyA")] // a space inside
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4P\nEBESExQVFhcYGRobHB0eHyA")] // a line break inside
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")] // padding
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy+")] // standard base64
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyB")] // non-zero unused bits
    [InlineData("sgpub2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA")] // the public prefix
    public void Anything_but_the_exact_text_is_no_private_key(string text)
    {
        Assert.False(PrivateKeyText.TryDecode(text, out var key));
        Assert.Empty(key);
    }

    [Fact]
    public void Only_scalars_from_1_to_n_minus_1_are_private_keys()
    {
        var nMinusOne = (byte[])N.Clone();
        nMinusOne[31]--;
        var nPlusOne = (byte[])N.Clone();
        nPlusOne[31]++;
        var one = new byte[32];
        one[31] = 1;

        Assert.True(PrivateKeyText.IsInRange(one));
        Assert.True(PrivateKeyText.IsInRange(nMinusOne));
        Assert.False(PrivateKeyText.IsInRange(new byte[32]));
        Assert.False(PrivateKeyText.IsInRange(N));
        Assert.False(PrivateKeyText.IsInRange(nPlusOne));
        Assert.False(PrivateKeyText.IsInRange(Enumerable.Repeat((byte)0xFF, 32).ToArray()));

        Assert.False(PrivateKeyText.TryDecode(PrivateKeyText.Prefix + Base64Url.Encode(new byte[32]), out _));
        Assert.False(PrivateKeyText.TryDecode(PrivateKeyText.Prefix + Base64Url.Encode(N), out _));
        Assert.True(PrivateKeyText.TryDecode(PrivateKeyText.Prefix + Base64Url.Encode(nMinusOne), out _));
    }

    [Fact]
    public void A_key_file_holds_master_keys_and_private_keys_side_by_side()
    {
        var file = KeyFile.Parse("dev = " + MasterKey + "\nprod = " + AppKey + "   # the app\nprod.previous = " + OpsKey + "\n", "/repo/secretguard.keys");

        Assert.Empty(file.Findings);
        Assert.False(file.Find("dev")!.IsPrivateKey);
        Assert.True(file.Find("prod")!.IsPrivateKey);
        Assert.True(file.Find("prod", previous: true)!.IsPrivateKey);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), file.Find("prod")!.GetKeyBytes());
        Assert.DoesNotContain("AQIDBAUG", file.ToString());
        Assert.DoesNotContain("AQIDBAUG", file.Find("prod")!.ToString());
    }

    [Theory]
    [InlineData("prod = sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy")]
    [InlineData("prod = sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESE xQVFhcYGRobHB0eHyA")]
    [InlineData("prod = sgkey2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("prod = sgkey2_____________________________________________")]
    public void A_broken_private_key_line_is_SG1012_naming_the_line_never_the_text(string line)
    {
        var file = KeyFile.Parse("dev = " + MasterKey + "\n" + line + "\n", "/repo/secretguard.keys");

        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.MissingMasterKey, finding.Id);
        Assert.Equal(2, finding.Line);
        Assert.Contains("version 2 private key", finding.Message);
        Assert.DoesNotContain(line.Substring(14, 12), finding.ToString());
        Assert.Null(file.Find("prod"));
    }

    [Fact]
    public void A_public_key_in_the_key_file_is_no_key()
    {
        var file = KeyFile.Parse("prod = sgpub2_BFFcPW6545a5BNP-yn9U_c0MwemXvzddylFa0KbDtANfRTa-OlDzGPv5pUdZAqIhUCvvDVfgjFOyzApW8X2fk1Q\n");
        Assert.Single(file.Findings);
        Assert.Empty(file.Entries);
    }

    [Fact]
    public void A_file_with_a_private_key_line_holds_keys_whatever_it_is_called_and_a_recipients_file_does_not()
    {
        Assert.True(KeyFile.HoldsKeys(Encoding.UTF8.GetBytes("# copy\nprod = " + AppKey + "\n")));
        Assert.True(KeyFile.HoldsKeys(Encoding.UTF8.GetBytes("int.previous=" + OpsKey + "\r\n")));
        Assert.False(KeyFile.HoldsKeys(Encoding.UTF8.GetBytes(
            "# SecretGuard public keys: commit this file\nprod = sgpub2_BFFcPW6545a5BNP-yn9U_c0MwemXvzddylFa0KbDtANfRTa-OlDzGPv5pUdZAqIhUCvvDVfgjFOyzApW8X2fk1Q\n")));
    }
}
