using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// The shared judgement behind SG0002's fields of structured literals and SG0003's key bytes (issue 14, step 4): which
/// names hold key material, which bytes look like a key, the prefilter for credential words in a text, the hosts
/// reserved for documentation, and the connection-string keys SG0001 keeps for itself.
/// </summary>
public class KeyMaterialAndStructuredValuesTests
{
    [Theory]
    [InlineData("EncryptionKey")]
    [InlineData("Key")]
    [InlineData("_key")]
    [InlineData("s_masterKey")]
    [InlineData("AesKey")]
    [InlineData("TripleDesKey")]
    [InlineData("SessionKey")]
    [InlineData("HmacSecret")]
    [InlineData("WebhookSigningKey")]
    [InlineData("DevicePrivateKey")]
    [InlineData("LicenseSecret")]
    [InlineData("PasswordBytes")]
    public void Names_of_keys_and_secrets_hold_key_material(string name) =>
        Assert.True(CredentialNames.Default.IsKeyMaterialName(name), name);

    [Theory]
    [InlineData("PasswordSalt")]
    [InlineData("LegacyIv")]
    [InlineData("FixedNonce")]
    [InlineData("OptionalEntropy")]
    [InlineData("SigningPublicKey")]
    [InlineData("KeyId")]
    [InlineData("CacheKey")]
    [InlineData("KeyMap")]
    [InlineData("ApiKeySha256")]
    [InlineData("EncryptedKey")]
    [InlineData("Ed25519PrivateKeyPrefix")]
    [InlineData("KeyFileSignature")]
    [InlineData("AccessToken")]
    [InlineData("Pin")]
    [InlineData("ConnectionString")]
    public void Names_of_salts_ivs_public_keys_ids_hashes_and_non_key_credentials_do_not(string name) =>
        Assert.False(CredentialNames.Default.IsKeyMaterialName(name), name);

    [Fact]
    public void Excluded_name_words_rule_out_key_names_too() =>
        Assert.False(new CredentialNames(null, new[] { "legacy" }).IsKeyMaterialName("LegacyAesKey"));

    [Fact]
    public void Random_bytes_of_a_key_size_look_like_a_key()
    {
        var bytes = new byte[] { 0x47, 0x69, 0x2F, 0xF0, 0x2A, 0x76, 0xE4, 0xB9, 0xB2, 0xF4, 0x20, 0xBD, 0x01, 0x3D, 0x85, 0x11 };
        Assert.True(ValueShapes.LooksLikeKeyBytes(bytes));
        Assert.All(new[] { 16, 24, 32, 48, 64 }, size => Assert.True(ValueShapes.IsKeySize(size)));
        Assert.All(new[] { 8, 12, 20, 31, 128 }, size => Assert.False(ValueShapes.IsKeySize(size)));
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 })]
    [InlineData(new byte[] { 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA })]
    [InlineData(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0, 0xF0, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66 })]
    [InlineData(new byte[] { 1, 2, 1, 2, 1, 2, 7, 1, 2, 1, 2, 1, 2, 1, 2, 9 })]
    public void Typed_patterns_do_not_look_like_a_key(byte[] bytes) => Assert.False(ValueShapes.LooksLikeKeyBytes(bytes));

    [Theory]
    [InlineData("{\"db\":{\"password\":\"x\"}}")]
    [InlineData("Host=mq;Token=x")]
    [InlineData("smtp:\n  pwd: x")]
    [InlineData("<auth><clientSecret>x</clientSecret></auth>")]
    [InlineData("?API_KEY=x&a=b")]
    [InlineData("passphrase=x")]
    public void The_credential_word_prefilter_lets_every_text_with_a_credential_name_through(string text) =>
        Assert.True(CredentialNames.Default.MayNameCredentialIn(text), text);

    [Fact]
    public void The_credential_word_prefilter_rejects_texts_without_one_and_knows_extra_words()
    {
        const string Text = "{\"host\":\"db.internal\",\"port\":5432,\"vaultSeed\":\"x\"}";
        Assert.False(CredentialNames.Default.MayNameCredentialIn("{\"host\":\"db.internal\",\"port\":5432}"));
        Assert.True(new CredentialNames(new[] { "seed" }, null).MayNameCredentialIn(Text));
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("client.example.org", true)]
    [InlineData("api.example", true)]
    [InlineData("orders.test", true)]
    [InlineData("nowhere.invalid", true)]
    [InlineData("api.contoso.com", false)]
    [InlineData("example.contoso.com", false)]
    [InlineData("myexample.com", false)]
    public void Documentation_hosts_are_the_reserved_names(string host, bool expected) =>
        Assert.Equal(expected, ValueShapes.IsDocumentationHost(host));

    [Fact]
    public void The_connection_string_keys_left_to_SG0001_are_the_ones_its_family_reads()
    {
        foreach (var key in ConnectionStringPasswordKeys.All)
        {
            var match = CredentialCatalogue.Default.Find("Server=db.fabrikam.internal;User Id=orders;" + key + "=Tq8#vLm2xR4w");
            Assert.True(match?.Family.Id == "connection-string-password", key + " is not read by the connection-string-password family");
            Assert.True(ConnectionStringPasswordKeys.Contains(key.ToUpperInvariant()));
        }

        foreach (var key in new[] { "ApiKey", "Token", "ClientSecret", "AccessKey", "Secret" })
        {
            var match = CredentialCatalogue.Default.Find("Server=db.fabrikam.internal;User Id=orders;" + key + "=Tq8#vLm2xR4w");
            Assert.False(match?.Family.Id == "connection-string-password", key + " is read by the connection-string-password family: add it to ConnectionStringPasswordKeys");
            Assert.False(ConnectionStringPasswordKeys.Contains(key));
        }

        Assert.True(ConnectionStringPasswordKeys.Contains("Shared Access Key"));
    }

    [Theory]
    [InlineData("pk_live_51Nq8ZsKc2Vt7xYb4Lm9Qw3Ep6Rd1Tg0Hj5Fk", "StripeKey")]
    [InlineData("pk.eyJ1IjoiZmFicmlrYW0iLCJhIjoiY2x4OWQ4In0.Qm7vX2pL9kRtYw3ZsNc8", "MapboxToken")]
    [InlineData("FLWPUBK-8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f-X", "PaymentKey")]
    [InlineData("pubkey-5d8e2c1b9a7f6e3d4c2b1a0f9e8d7c6b", "ValidationApiKey")]
    public void Keys_vendors_publish_on_purpose_are_no_secret_in_a_credential_slot(string value, string name) =>
        Assert.Equal(SecretEvidence.None, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out _));
}
