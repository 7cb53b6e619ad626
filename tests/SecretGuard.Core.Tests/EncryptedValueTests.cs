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
    [InlineData("DEV_ENC:v3:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw", "v3")]
    [InlineData("DEV_ENC:v3:anything at all", "v3")]
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

    // docs/formats.md#known-answer-vectors-version-2
    private const string DevV2 = "DEV_ENC:v2:42698894:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iStccrU7EvHmIyNYmndRlB5rFAR4ID0nyLWHEkyHsmPMpgt6fwh7C_c-10-QJ8_tSLcAAQIDBAUGBwgJCgtdg7sFmHHO1aYBPTrexFqJ1sfRaHVCHqokiCT-U63UbUAJJBRgbS1jHY_XJg";
    private const string ProdV2 = "PROD_ENC:v2:42698894-56380e02:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iSumiU3C7A4a3tGraoanY-qe_u-QydPIJFhl8axmVIQoQzR9-6gWtbyP54Z4UoQ3pnECDyKryMMGNapIj57zAH5TVpcBNP3JLjUqszd4phwkReugZNoLo8M4sIxkYjrBumf_______________8VenOvZh3cVROUUpV8-Lgz5ZxHH_QX31j3zsrNFZnaA-z2qg";
    private const string IntV2 = "INT_ENC:v2:56380e02:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iStXWnf-nZZTYP8d2sumVSsGA8JUYaice2B_5mIt80lxECUQVuWDFh677PuRqBe2b4sHBwcHBwcHBwcHBwfqMOc69-joPGRm0R1pWC5N";

    [Theory]
    [InlineData(DevV2, "dev", "42698894", 28)]
    [InlineData(ProdV2, "prod", "42698894-56380e02", 19)]
    [InlineData(IntV2, "int", "56380e02", 0)]
    public void TryParse_reads_the_version_2_vectors(string text, string environment, string rids, int plaintextLength)
    {
        Assert.True(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Equal(EncryptedValueProblem.None, problem);
        Assert.Equal(string.Empty, detail);
        Assert.Equal(2, value!.Version);
        Assert.Equal(environment, value.Environment);
        Assert.Equal(rids, value.Kid);
        Assert.Equal(rids.Split('-'), value.RecipientIds);
        Assert.Equal(plaintextLength, value.CiphertextLength);
        Assert.Equal(141 + 48 * (value.RecipientIds.Count - 1) + plaintextLength, value.Payload.Length);
        Assert.Equal(0x04, value.Payload[0]);
        Assert.Equal(text, EncryptedValue.FormatPublicKeyValue(environment, rids, value.Payload));
        Assert.StartsWith(environment.ToUpperInvariant() + "_ENC:v2:" + rids + ":", value.ToString());
        Assert.DoesNotContain(text.Substring(text.LastIndexOf(':') + 1, 10), value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("4269889")]
    [InlineData("426988940")]
    [InlineData("4269889A")]
    [InlineData("42698894-")]
    [InlineData("-42698894")]
    [InlineData("42698894--56380e02")]
    [InlineData("42698894_56380e02")]
    [InlineData("42698894 56380e02")]
    [InlineData("42698894-42698894")]
    [InlineData("00000001-00000002-00000003-00000004-00000005-00000006-00000007-00000008-00000009")]
    public void Version_2_recipient_lists_that_break_the_rules_are_malformed(string rids)
    {
        var text = "DEV_ENC:v2:" + rids + ":" + DevV2.Substring(DevV2.LastIndexOf(':') + 1);
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.Contains("recipient", detail);
        Assert.DoesNotContain("BB8UAUa_", detail);
    }

    [Fact]
    public void Eight_distinct_recipients_are_the_most_a_value_may_name()
    {
        var rids = string.Join("-", Enumerable.Range(1, 8).Select(i => i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)));
        var payload = new byte[141 + 48 * 7];
        payload[0] = 0x04;
        Assert.True(EncryptedValue.TryParse("DEV_ENC:v2:" + rids + ":" + Base64Url.Encode(payload), out var value, out _, out _));
        Assert.Equal(8, value!.RecipientIds.Count);
        Assert.Equal(0, value.CiphertextLength);

        payload = new byte[141 + 48 * 7 - 1];
        payload[0] = 0x04;
        Assert.False(EncryptedValue.TryParse("DEV_ENC:v2:" + rids + ":" + Base64Url.Encode(payload), out _, out var problem, out var detail));
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.Contains("too short for 8 recipients", detail);
    }

    [Theory]
    [InlineData(0, "too short")] // one recipient needs 141 bytes
    [InlineData(140, "too short")]
    [InlineData(-1, "first byte must be 04")] // 141 bytes whose E starts with 02 (a compressed point)
    public void Version_2_payloads_that_are_cut_or_hold_no_uncompressed_point_are_malformed(int length, string words)
    {
        var payload = new byte[length < 0 ? 141 : length];
        if (payload.Length > 0)
        {
            payload[0] = (byte)(length < 0 ? 0x02 : 0x04);
        }

        Assert.False(EncryptedValue.TryParse("PROD_ENC:v2:56380e02:" + Base64Url.Encode(payload), out _, out var problem, out var detail));
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.Contains(words, detail);
    }

    [Theory]
    [InlineData("DEV_ENC:v2:42698894")]
    [InlineData("DEV_ENC:v2:42698894:AAAA:extra")]
    [InlineData("DEV_ENC:v2:anything at all")]
    [InlineData("DEV_ENC:v2:42698894:BB8UAUa_sbJR=")]
    [InlineData("DEV_ENC:v2:42698894:BB8UAUa+sbJR")]
    public void Version_2_values_that_are_not_in_the_exact_form_are_malformed(string text)
    {
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.Malformed, problem);
        Assert.NotEmpty(detail);
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
