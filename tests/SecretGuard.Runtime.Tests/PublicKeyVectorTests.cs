using System;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// The version 2 known-answer vectors of docs/formats.md#known-answer-vectors-version-2, word for word, in both
/// directions: written by a second implementation (docs/reference/secretguard_v2.py) from the spec alone.
/// </summary>
public sealed class PublicKeyVectorTests
{
    public const string AppPrivate = "sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";
    public const string AppPublic = "sgpub2_BFFcPW6545a5BNP-yn9U_c0MwemXvzddylFa0KbDtANfRTa-OlDzGPv5pUdZAqIhUCvvDVfgjFOyzApW8X2fk1Q";
    public const string OpsPrivate = "sgkey2_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2A";
    public const string OpsPublic = "sgpub2_BCYe-9NVDPBo7wE-1zZroy9db-VXtLKrzoreWMuhaKVeF4igsppWpqvsQITAyWvT3LymtQfzXb6p6YVwhHnYvck";

    public const string DevValue = "DEV_ENC:v2:42698894:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iStccrU7EvHmIyNYmndRlB5rFAR4ID0nyLWHEkyHsmPMpgt6fwh7C_c-10-QJ8_tSLcAAQIDBAUGBwgJCgtdg7sFmHHO1aYBPTrexFqJ1sfRaHVCHqokiCT-U63UbUAJJBRgbS1jHY_XJg";
    public const string ProdValue = "PROD_ENC:v2:42698894-56380e02:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iSumiU3C7A4a3tGraoanY-qe_u-QydPIJFhl8axmVIQoQzR9-6gWtbyP54Z4UoQ3pnECDyKryMMGNapIj57zAH5TVpcBNP3JLjUqszd4phwkReugZNoLo8M4sIxkYjrBumf_______________8VenOvZh3cVROUUpV8-Lgz5ZxHH_QX31j3zsrNFZnaA-z2qg";
    public const string IntValue = "INT_ENC:v2:56380e02:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iStXWnf-nZZTYP8d2sumVSsGA8JUYaice2B_5mIt80lxECUQVuWDFh677PuRqBe2b4sHBwcHBwcHBwcHBwfqMOc69-joPGRm0R1pWC5N";

    private static readonly byte[] Ephemeral = Range(0x21, 32);

    // env, key name, recipients ("app", "ops" in order), content key, nonce, plaintext, value
    public static TheoryData<string, string, string, byte[], byte[], string, string> Vectors => new()
    {
        { "dev", "API_KEY_SECRET", "app", Range(0xA0, 32), Range(0x00, 12), "correct horse battery staple", DevValue },
        { "prod", "Db__Password_SECRET", "app,ops", Repeat(0x5A, 32), Repeat(0xFF, 12), "pässwörd ✓ 🔑", ProdValue },
        { "int", "EMPTY_SECRET", "ops", Repeat(0x0F, 32), Repeat(0x07, 12), string.Empty, IntValue },
    };

    [Fact]
    public void The_key_texts_of_the_vectors_decode_to_the_listed_bytes_and_rids()
    {
        Assert.True(KeyFiles.PrivateKeyText.TryDecode(AppPrivate, out var app));
        Assert.Equal(Range(0x01, 32), app);
        Assert.True(KeyFiles.PrivateKeyText.TryDecode(OpsPrivate, out var ops));
        Assert.Equal(Range(0x41, 32), ops);

        using var appKey = PrivateKey.FromText("dev", AppPrivate, "vector");
        using var opsKey = PrivateKey.FromText("dev", OpsPrivate, "vector");
        Assert.Equal("42698894", appKey.RecipientId);
        Assert.Equal("56380e02", opsKey.RecipientId);
        Assert.Equal(AppPublic, appKey.ToRecipient().ToText());
        Assert.Equal(OpsPublic, opsKey.ToRecipient().ToText());
        Assert.Equal("42698894", RecipientKey.Parse(AppPublic, "vector").RecipientId);
        Assert.Equal("56380e02", RecipientKey.Parse(OpsPublic, "vector").RecipientId);
    }

    [Fact]
    public void The_ephemeral_point_of_the_vectors_is_the_one_the_spec_lists()
    {
        using var ephemeral = PrivateKey.FromScalar("dev", Ephemeral, "vector");
        Assert.Equal(
            "041f140146bfb1b251f84f4ddbe0d4cdcfd77afd984a9520e35794021f8312bb9eec995a08b1fa7704df3dcc0b50a9665263fb7711f95f9f8a449c5096e47c892b",
            Convert.ToHexString(ephemeral.PublicPoint).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encrypting_with_the_vector_inputs_gives_the_vector(string env, string keyName, string recipients, byte[] contentKey, byte[] nonce, string plaintext, string expected)
    {
        var keys = recipients.Split(',').Select(r => RecipientKey.Parse(r == "app" ? AppPublic : OpsPublic, r)).ToList();
        Assert.Equal(expected, PublicKeyCipher.Encrypt(env, keyName, plaintext, keys, Ephemeral, contentKey, nonce));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decrypting_the_vector_with_each_listed_key_gives_the_plaintext(string env, string keyName, string recipients, byte[] contentKey, byte[] nonce, string plaintext, string value)
    {
        _ = contentKey;
        _ = nonce;
        foreach (var recipient in recipients.Split(','))
        {
            using var key = PrivateKey.FromText(env, recipient == "app" ? AppPrivate : OpsPrivate, recipient);
            var ring = new KeyRing(env, null, null, key, null, "test");
            Assert.Equal(plaintext, SecretCipher.Decrypt(value, keyName, ring));
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decrypting_the_vector_with_an_unlisted_key_fails_as_an_unknown_key(string env, string keyName, string recipients, byte[] contentKey, byte[] nonce, string plaintext, string value)
    {
        _ = contentKey;
        _ = nonce;
        var unlisted = recipients.Contains("app", StringComparison.Ordinal) && recipients.Contains("ops", StringComparison.Ordinal)
            ? "sgkey2_" + Base64Url.Encode(Repeat(0x33, 32))
            : recipients == "app" ? OpsPrivate : AppPrivate;
        using var key = PrivateKey.FromText(env, unlisted, "the unlisted key");
        var ring = new KeyRing(env, null, null, key, null, "test");
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, keyName, ring));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.UnknownKid, ex.Reason);
        Assert.Contains(value.Split(':')[2].Split('-')[0], ex.Message);
        Assert.Contains(key.RecipientId, ex.Message);
        if (plaintext.Length > 0)
        {
            Assert.DoesNotContain(plaintext, ex.Message);
        }

        Assert.DoesNotContain(value.Split(':')[3][..20], ex.Message);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Random_encryption_round_trips_to_the_same_recipients(string env, string keyName, string recipients, byte[] contentKey, byte[] nonce, string plaintext, string value)
    {
        _ = contentKey;
        _ = nonce;
        var keys = recipients.Split(',').Select(r => RecipientKey.Parse(r == "app" ? AppPublic : OpsPublic, r)).ToList();
        var first = PublicKeyCipher.Encrypt(env, keyName, plaintext, keys);
        var second = PublicKeyCipher.Encrypt(env, keyName, plaintext, keys);
        Assert.NotEqual(first, second);
        Assert.Equal(value.Split(':')[2], first.Split(':')[2]);
        Assert.Equal(value.Length, first.Length);
        foreach (var recipient in recipients.Split(','))
        {
            using var key = PrivateKey.FromText(env, recipient == "app" ? AppPrivate : OpsPrivate, recipient);
            Assert.Equal(plaintext, SecretCipher.Decrypt(first, keyName, new KeyRing(env, null, null, null, key, "test")));
        }
    }

    private static byte[] Range(int first, int count) => Enumerable.Range(first, count).Select(i => (byte)i).ToArray();

    private static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();
}
