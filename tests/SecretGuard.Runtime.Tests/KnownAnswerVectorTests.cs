using System;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// The known-answer vectors of docs/formats.md#known-answer-vectors, word for word: the published format, not our own
/// round trip.
/// </summary>
public class KnownAnswerVectorTests
{
    private const string MasterKeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static TheoryData<string, string, byte[], string, string> Vectors => new()
    {
        { "dev", "API_KEY_SECRET", Enumerable.Range(0, 12).Select(i => (byte)i).ToArray(), "correct horse battery staple",
            "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw" },
        { "prod", "Db__Password_SECRET", Enumerable.Repeat((byte)0xff, 12).ToArray(), "pässwörd ✓ 🔑",
            "PROD_ENC:v1:0a74cc2e:________________XcMe0ffiHT41v17BZ0SRrsOTicHfFm-sLr9UAWpM7KbqA9w" },
        { "int", "EMPTY_SECRET", Enumerable.Repeat((byte)7, 12).ToArray(), "",
            "INT_ENC:v1:b510823c:BwcHBwcHBwcHBwcHoWSCuIVJTZ5-nGYIzaJdUA" },
    };

    [Fact]
    public void Master_key_of_the_vectors_is_bytes_0_to_31()
    {
        var key = MasterKey.FromBase64(MasterKeyBase64, "vector");
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), key.Bytes.ToArray());
    }

    [Fact]
    public void Derived_dev_key_matches_the_spec()
    {
        var derived = KeyDerivation.DeriveUncached(MasterKey.FromBase64(MasterKeyBase64, "vector"), "dev");
        Assert.Equal("b739d4865373f89de0294bc330a506c7956c4e231191aae6fd5abdc08c263117", Convert.ToHexString(derived.AesKey).ToLowerInvariant());
        Assert.Equal("3f4fd31a", derived.Kid);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encrypting_with_the_vector_nonce_gives_the_vector(string env, string keyName, byte[] nonce, string plaintext, string expected)
    {
        var key = KeyDerivation.Derive(MasterKey.FromBase64(MasterKeyBase64, "vector"), env);
        Assert.Equal(expected, SecretCipher.Encrypt(key, keyName, plaintext, nonce));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decrypting_the_vector_gives_the_plaintext(string env, string keyName, byte[] nonce, string plaintext, string value)
    {
        _ = nonce;
        var key = KeyDerivation.Derive(MasterKey.FromBase64(MasterKeyBase64, "vector"), env);
        var ring = new KeyRing(env, key, null, "test");
        Assert.Equal(plaintext, SecretCipher.Decrypt(value, keyName, ring));
    }
}
