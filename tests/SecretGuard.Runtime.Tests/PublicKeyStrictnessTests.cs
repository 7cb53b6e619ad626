using System;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// Version 2 readers are strict (docs/formats.md#version-2-public-key-values, decryption): each malformed case of
/// step 1 is SG1006 before any cryptography, each change to a part of a value (its rids, a wrap, E, N, C, T, the entry
/// or environment it is bound to) fails authentication, and a reader without a recipient's private key is told who
/// can decrypt. No message shows the value or its plaintext.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class PublicKeyStrictnessTests : IDisposable
{
    private const string Name = "Db__Password_SECRET";
    private const string Plaintext = "pässwörd ✓ 🔑";
    private readonly PrivateKey _app = PrivateKey.FromText("prod", PublicKeyVectorTests.AppPrivate, "the app key");
    private readonly PrivateKey _ops = PrivateKey.FromText("prod", PublicKeyVectorTests.OpsPrivate, "the ops key");
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();

    public void Dispose()
    {
        _app.Dispose();
        _ops.Dispose();
        _vars.Dispose();
    }

    private KeyRing AppRing => new("prod", null, null, _app, null, "set SECRETGUARD_KEY_PROD");

    // The prod vector's payload: E(65) W_app(48) W_ops(48) N(12) C(19) T(16).
    private static byte[] ProdPayload()
    {
        Assert.True(Base64Url.TryDecode(PublicKeyVectorTests.ProdValue.Split(':')[3], out var payload));
        return payload;
    }

    private static string ProdWith(byte[] payload, string rids = "42698894-56380e02") => "PROD_ENC:v2:" + rids + ":" + Base64Url.Encode(payload);

    [Theory]
    [InlineData("PROD_ENC:v2:42698894-56380E02:", "recipients")]
    [InlineData("PROD_ENC:v2:42698894-42698894:", "named twice")]
    [InlineData("PROD_ENC:v2:42698894,56380e02:", "recipients")]
    [InlineData("PROD_ENC:v2::", "recipients")]
    public void A_rids_field_that_breaks_the_rules_is_malformed(string prefix, string words)
    {
        AssertMalformed(prefix + PublicKeyVectorTests.ProdValue.Split(':')[3], words);
    }

    [Fact]
    public void A_payload_that_is_not_strict_base64url_is_malformed()
    {
        var body = PublicKeyVectorTests.ProdValue.Split(':')[3];
        AssertMalformed("PROD_ENC:v2:42698894-56380e02:" + body + "=", "base64url");
        AssertMalformed("PROD_ENC:v2:42698894-56380e02:" + body.Replace('_', '/'), "base64url");
        AssertMalformed("PROD_ENC:v2:42698894-56380e02:" + body[..^1] + "h", "base64url"); // non-zero unused bits
    }

    [Fact]
    public void A_payload_too_short_for_its_recipients_is_malformed()
    {
        // 141 + 48 bytes are needed for two recipients; the vector holds 19 bytes of ciphertext more.
        AssertMalformed(ProdWith(ProdPayload()[..188]), "too short for 2 recipients");
        Assert.Equal(141 + 48 + 19, ProdPayload().Length);
    }

    [Fact]
    public void An_ephemeral_key_that_is_not_an_uncompressed_point_of_the_curve_is_malformed()
    {
        var compressed = ProdPayload();
        compressed[0] = 0x03;
        AssertMalformed(ProdWith(compressed), "first byte must be 04");

        var offCurve = ProdPayload();
        offCurve[64] ^= 0x01; // Y changed: no longer on P-256
        AssertMalformed(ProdWith(offCurve), "not a point of P-256");

        var xTooLarge = ProdPayload();
        Array.Fill(xTooLarge, (byte)0xFF, 1, 32);
        AssertMalformed(ProdWith(xTooLarge), "not a point of P-256");
    }

    [Fact]
    public void The_curve_check_needs_no_key_so_a_reader_without_one_reports_it_too()
    {
        var offCurve = ProdPayload();
        offCurve[40] ^= 0x80;
        Assert.True(EncryptedValue.TryParse(ProdWith(offCurve), out var parsed, out _, out _));
        Assert.Contains("not a point of P-256", PublicKeyCipher.CheckStructure(parsed!));
        Assert.True(EncryptedValue.TryParse(PublicKeyVectorTests.ProdValue, out parsed, out _, out _));
        Assert.Null(PublicKeyCipher.CheckStructure(parsed!));
    }

    [Theory]
    [InlineData("56380e02-42698894")] // the recipients in another order: the wraps no longer match
    [InlineData("42698894-0badf00d")] // a recipient replaced
    public void A_changed_rids_list_fails_authentication(string rids)
    {
        AssertTampered(ProdWith(ProdPayload(), rids), AppRing);
        AssertTampered(ProdWith(ProdPayload(), rids), new KeyRing("prod", null, null, _ops, null, "test"), allowUnknown: true);
    }

    [Fact]
    public void A_recipient_dropped_from_the_rids_list_fails_authentication()
    {
        // Dropping ops from the list leaves its wrap to be read as ciphertext: the associated data changed, so every check fails.
        AssertTampered(ProdWith(ProdPayload(), "42698894"), AppRing);
    }

    [Theory]
    [InlineData(65, "the app's wrap")]
    [InlineData(65 + 47, "the app's wrap tag")]
    [InlineData(65 + 48, "the ops wrap")]
    [InlineData(65 + 96, "N")]
    [InlineData(65 + 96 + 12, "C")]
    [InlineData(65 + 96 + 12 + 19, "T")]
    public void A_changed_byte_in_any_part_fails_authentication_for_the_key_that_reads_it(int offset, string part)
    {
        _ = part;
        var changed = ProdPayload();
        changed[offset] ^= 0x01;
        var opsWrap = offset is >= 113 and < 161;
        AssertTampered(ProdWith(changed), opsWrap ? new KeyRing("prod", null, null, _ops, null, "test") : AppRing);
    }

    [Fact]
    public void Another_valid_ephemeral_key_fails_authentication()
    {
        var other = ProdPayload();
        using var stranger = PrivateKey.FromScalar("prod", Enumerable.Repeat((byte)0x5C, 32).ToArray(), "test");
        stranger.PublicPoint.CopyTo(other);
        AssertTampered(ProdWith(other), AppRing);
    }

    [Fact]
    public void A_value_moved_to_another_entry_or_environment_fails()
    {
        AssertTampered(PublicKeyVectorTests.ProdValue, AppRing, keyName: "Other__Password_SECRET");

        // Same payload under another environment's prefix, read by a ring of that environment holding the same key.
        using var intApp = PrivateKey.FromText("int", PublicKeyVectorTests.AppPrivate, "test");
        AssertTampered("INT" + PublicKeyVectorTests.ProdValue[4..], new KeyRing("int", null, null, intApp, null, "test"));

        var wrongEnvironment = Assert.Throws<SecretGuardException>(() =>
            SecretCipher.Decrypt(PublicKeyVectorTests.ProdValue, Name, new KeyRing("int", null, null, intApp, null, "test")));
        Assert.Equal("SG1005", wrongEnvironment.ErrorCode);
    }

    [Fact]
    public void Without_any_key_the_error_is_SG1012_and_names_the_recipients_and_their_lines_in_the_recipients_file()
    {
        using var dir = new TempDirectory();
        dir.Write("secretguard.recipients", "# public keys\ndev = " + PublicKeyVectorTests.AppPublic + "\nprod = " + PublicKeyVectorTests.AppPublic + "   # the app\nprod = " + PublicKeyVectorTests.OpsPublic + "   # on-call\n");
        var lookup = new KeyLookupOptions();
        lookup.SearchDirectories.Add(dir.Path);
        var ring = new KeyRing("prod", null, null, null, null, "set SECRETGUARD_KEY_PROD or add 'prod = <key>' to secretguard.keys") { Lookup = lookup };

        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(PublicKeyVectorTests.ProdValue, Name, ring, ValueLocation.InFile("/app/.env", 3)));

        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.MissingKey, ex.Reason);
        var recipients = System.IO.Path.Combine(dir.Path, "secretguard.recipients");
        Assert.Contains("42698894 (" + recipients + "(3): prod)", ex.Message);
        Assert.Contains("56380e02 (" + recipients + "(4): prod)", ex.Message);
        Assert.Contains("set SECRETGUARD_KEY_PROD or add 'prod = sgkey2_...' to secretguard.keys", ex.Message);
        Assert.StartsWith("/app/.env(3): " + Name + ": ", ex.Message);
        AssertNoLeak(ex);
    }

    [Fact]
    public void With_only_a_master_key_the_error_is_SG1006_naming_the_rids_needed_and_the_kid_at_hand()
    {
        var master = TestKeys.Ring("prod", TestKeys.NewBase64());
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(PublicKeyVectorTests.ProdValue, Name, master));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.UnknownKid, ex.Reason);
        Assert.Contains("42698894, 56380e02", ex.Message);
        Assert.Contains(master.Current!.Kid, ex.Message);
        AssertNoLeak(ex);
    }

    [Fact]
    public void A_version_1_value_with_only_a_private_key_names_the_kid_it_needs_and_the_rid_at_hand()
    {
        var v1 = TestKeys.Encrypt("prod", TestKeys.NewBase64(), Name, "canary-v1");
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(v1, Name, AppRing));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.UnknownKid, ex.Reason);
        Assert.Contains("needs key " + v1.Split(':')[2], ex.Message);
        Assert.Contains("42698894 (the app key)", ex.Message);
        Assert.DoesNotContain("canary-v1", ex.Message);
    }

    [Fact]
    public void A_value_that_is_not_valid_unicode_is_refused_before_encryption()
    {
        var ex = Assert.Throws<SecretGuardException>(() =>
            PublicKeyCipher.Encrypt("prod", Name, "ok\ud800", new[] { _app.ToRecipient() }));
        Assert.Equal(SecretGuardErrorReason.InvalidText, ex.Reason);
    }

    private void AssertMalformed(string value, string words)
    {
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, Name, AppRing));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.Malformed, ex.Reason);
        Assert.Contains(words, ex.Message);
        AssertNoLeak(ex);
    }

    private static void AssertTampered(string value, KeyRing ring, string keyName = Name, bool allowUnknown = false)
    {
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, keyName, ring));
        Assert.Equal("SG1006", ex.ErrorCode);
        if (!(allowUnknown && ex.Reason == SecretGuardErrorReason.UnknownKid))
        {
            Assert.Equal(SecretGuardErrorReason.Tampered, ex.Reason);
        }

        AssertNoLeak(ex);
    }

    private static void AssertNoLeak(SecretGuardException ex)
    {
        Assert.DoesNotContain(Plaintext, ex.Message);
        Assert.DoesNotContain("BB8UAUa_sbJR", ex.Message);
        Assert.DoesNotContain("AQIDBAUG", ex.Message);
        Assert.DoesNotContain("QUJDREVG", ex.Message);
    }
}
