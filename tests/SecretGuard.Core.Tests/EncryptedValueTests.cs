using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SecretGuard.Encryption;

namespace SecretGuard.Tests;

/// <summary>
/// The envelope <c>&lt;ENV&gt;_ENC:v1:&lt;kid&gt;:&lt;payload&gt;</c> (docs/formats.md#2-encrypted-values), read
/// strictly.
/// </summary>
public class EncryptedValueTests
{
    private const string DevVector = "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw";
    private const string ProdVector = "PROD_ENC:v1:0a74cc2e:________________XcMe0ffiHT41v17BZ0SRrsOTicHfFm-sLr9UAWpM7KbqA9w";
    private const string IntVector = "INT_ENC:v1:b510823c:BwcHBwcHBwcHBwcHoWSCuIVJTZ5-nGYIzaJdUA";

    public static TheoryData<string, string, string, byte[], int> Vectors => new()
    {
        { DevVector, "dev", "3f4fd31a", Enumerable.Range(0, 12).Select(i => (byte)i).ToArray(), 28 }, // "correct horse battery staple"
        { ProdVector, "prod", "0a74cc2e", Enumerable.Repeat((byte)0xFF, 12).ToArray(), 19 }, // "pässwörd ✓ 🔑" in UTF-8
        { IntVector, "int", "b510823c", Enumerable.Repeat((byte)0x07, 12).ToArray(), 0 }, // empty
    };

    [Fact]
    public void The_plaintext_lengths_of_the_vectors_are_their_utf8_lengths()
    {
        Assert.Equal(28, System.Text.Encoding.UTF8.GetByteCount("correct horse battery staple"));
        Assert.Equal(19, System.Text.Encoding.UTF8.GetByteCount("pässwörd ✓ 🔑"));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryParse_reads_the_design_vectors(string text, string environment, string kid, byte[] nonce, int plaintextLength)
    {
        Assert.True(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Equal(EncryptedValueProblem.None, problem);
        Assert.Equal(string.Empty, detail);
        Assert.NotNull(value);
        Assert.Equal(environment, value!.Environment);
        Assert.Equal(kid, value.Kid);
        Assert.Equal(12 + plaintextLength + 16, value.Payload.Length);
        Assert.Equal(plaintextLength, value.CiphertextLength);
        Assert.Equal(nonce, value.Payload.Take(12).ToArray());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Format_writes_the_design_vectors(string text, string environment, string kid, byte[] nonce, int plaintextLength)
    {
        _ = nonce;
        _ = plaintextLength;
        EncryptedValue.TryParse(text, out var value, out _, out _);
        Assert.Equal(text, EncryptedValue.Format(environment, kid, value!.Payload));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_text_form_never_shows_the_payload(string text, string environment, string kid, byte[] nonce, int plaintextLength)
    {
        _ = nonce;
        _ = plaintextLength;
        EncryptedValue.TryParse(text, out var value, out _, out _);
        var shown = value!.ToString();
        Assert.StartsWith(environment.ToUpperInvariant() + "_ENC:v1:" + kid + ":", shown);
        Assert.DoesNotContain(text.Substring(text.LastIndexOf(':') + 1, 10), shown);
    }

    [Theory]
    [InlineData("DEV_ENC:v1:3F4FD31A:")]
    [InlineData("DEV_ENC:v1:3f4fd31:")]
    [InlineData("DEV_ENC:v1:3f4fd31a0:")]
    [InlineData("DEV_ENC:v1:3f4fd31g:")]
    [InlineData("DEV_ENC:v1::")]
    [InlineData("DEV_ENC:v1: 3f4fd31a:")]
    public void Kids_that_are_not_8_lower_case_hex_characters_are_malformed(string prefix)
    {
        var text = prefix + DevVector.Substring(DevVector.LastIndexOf(':') + 1);
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.Contains("key id", detail);
    }

    [Theory]
    [InlineData("DEV_ENC:v2:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw", "v2")]
    [InlineData("DEV_ENC:v2:anything at all", "v2")]
    [InlineData("PROD_ENC:v10:x:y", "v10")]
    public void An_unknown_version_is_a_newer_version(string text, string version)
    {
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.NewerVersion, problem);
        Assert.Contains("newer SecretGuard", detail);
        Assert.Contains("'" + version + "'", detail);
    }

    [Theory]
    [InlineData("DEV_ENC:")]
    [InlineData("DEV_ENC:v1")]
    [InlineData("DEV_ENC:v1:")]
    [InlineData("DEV_ENC:v1:3f4fd31a")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw:extra")]
    [InlineData("DEV_ENC:V1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("DEV_ENC:1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("DEV_ENC:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("DEV_ENC:v1:3f4fd31a:")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw=")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23+lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMm")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91z SkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    public void Missing_or_broken_parts_are_malformed(string text)
    {
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.NotEmpty(detail);
        Assert.DoesNotContain("AAECAwQFBgcICQoL", detail);
    }

    [Fact]
    public void A_payload_shorter_than_nonce_and_tag_is_malformed()
    {
        var shortText = "DEV_ENC:v1:3f4fd31a:" + Base64Url.Encode(new byte[27]);
        Assert.False(EncryptedValue.TryParse(shortText, out _, out var problem, out var detail));
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.Contains("too short", detail);

        var justEnough = "DEV_ENC:v1:3f4fd31a:" + Base64Url.Encode(new byte[28]);
        Assert.True(EncryptedValue.TryParse(justEnough, out var value, out _, out _));
        Assert.Equal(0, value!.CiphertextLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("correct horse battery staple")]
    [InlineData("see DEV_ENC: for details")]
    public void Text_without_an_environment_prefix_is_not_encrypted(string? text)
    {
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out _));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.NotEncrypted, problem);
    }

    [Theory]
    [InlineData("DEV_ENC:", "dev")]
    [InlineData("DEV_ENC:v1:x", "dev")]
    [InlineData("INT_ENC:", "int")]
    [InlineData("STAGING2_ENC:v1:3f4fd31a:AAAA", "staging2")]
    [InlineData("A_ENC:", "a")]
    [InlineData("Q1_ENC:", "q1")]
    public void HasEncryptedPrefix_recognises_any_environment(string text, string environment)
    {
        Assert.True(EncryptedValue.HasEncryptedPrefix(text, out var env));
        Assert.Equal(environment, env);
        Assert.True(EncryptedValue.HasEncryptedPrefix(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("dev_ENC:")]
    [InlineData("Dev_ENC:")]
    [InlineData("DEV_enc:")]
    [InlineData("DEV_ENC")]
    [InlineData("DEVENC:")]
    [InlineData("_ENC:")]
    [InlineData("2DEV_ENC:")]
    [InlineData("DEV-X_ENC:")]
    [InlineData("MY_APP_ENC:")]
    [InlineData(" DEV_ENC:")]
    [InlineData("xDEV_ENC:")]
    [InlineData("see DEV_ENC: for details")]
    [InlineData("ÄDEV_ENC:")]
    public void HasEncryptedPrefix_is_false_for_anything_else(string? text)
    {
        Assert.False(EncryptedValue.HasEncryptedPrefix(text, out var env));
        Assert.Equal(string.Empty, env);
    }

    [Fact]
    public void Format_rejects_bad_kids_short_payloads_and_bad_environments()
    {
        var payload = new byte[28];
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("dev", "3F4FD31A", payload));
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("dev", "3f4fd31", payload));
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("dev", "3f4fd31a", new byte[27]));
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("dev", "3f4fd31a", null!));
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("Dev", "3f4fd31a", payload));
        Assert.Throws<ArgumentException>(() => EncryptedValue.Format("my env", "3f4fd31a", payload));
    }

    [Theory]
    [InlineData("3f4fd31a", true)]
    [InlineData("00000000", true)]
    [InlineData("abcdef09", true)]
    [InlineData("3F4FD31A", false)]
    [InlineData("3f4fd31", false)]
    [InlineData("3f4fd31a1", false)]
    [InlineData("3f4fd3 a", false)]
    [InlineData("ghijklmn", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKid(string? text, bool expected)
    {
        Assert.Equal(expected, EncryptedValue.IsKid(text));
    }

    private static readonly Gen<string> EnvironmentNames =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()))
        select first + new string(rest);

    private static readonly Gen<string> Kids =
        Gen.ArrayOf(Gen.Elements("0123456789abcdef".ToCharArray()), 8).Select(c => new string(c));

    private static readonly Gen<byte[]> Payloads =
        from length in Gen.Choose(28, 200)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length)
        select bytes;

    [Property(MaxTest = 200)]
    public Property Format_then_TryParse_round_trips() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(EnvironmentNames, Kids), Payloads).ToArbitrary(), t =>
        {
            var ((env, kid), payload) = t;
            var text = EncryptedValue.Format(env, kid, payload);
            return EncryptedValue.TryParse(text, out var value, out var problem, out _)
                && problem == EncryptedValueProblem.None
                && value!.Environment == env
                && value.Kid == kid
                && value.Payload.SequenceEqual(payload)
                && value.CiphertextLength == payload.Length - 28
                && text.StartsWith(env.ToUpperInvariant() + "_ENC:v1:" + kid + ":", StringComparison.Ordinal)
                && EncryptedValue.HasEncryptedPrefix(text);
        });
}
