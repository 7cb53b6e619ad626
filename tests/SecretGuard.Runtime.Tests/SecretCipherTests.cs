using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

public class SecretCipherTests
{
    private static readonly string Master = TestKeys.NewBase64();
    private static readonly KeyRing DevRing = TestKeys.Ring("dev", Master);

    [Fact]
    public void Round_trip_gives_back_the_value()
    {
        var value = TestKeys.Encrypt("dev", Master, "API_KEY_SECRET", "hunter2");
        Assert.StartsWith("DEV_ENC:v1:" + DevRing.Current!.Kid + ":", value);
        Assert.Equal("hunter2", SecretCipher.Decrypt(value, "API_KEY_SECRET", DevRing));
    }

    [Fact]
    public void Every_encryption_uses_a_fresh_nonce()
    {
        var a = TestKeys.Encrypt("dev", Master, "K_SECRET", "same");
        var b = TestKeys.Encrypt("dev", Master, "K_SECRET", "same");
        Assert.NotEqual(a, b);
        Assert.True(EncryptedValue.TryParse(a, out var pa, out _, out _));
        Assert.True(EncryptedValue.TryParse(b, out var pb, out _, out _));
        Assert.NotEqual(pa!.Payload.Take(12), pb!.Payload.Take(12));
    }

    [Fact]
    public void Empty_and_one_megabyte_values_round_trip()
    {
        Assert.Equal(string.Empty, SecretCipher.Decrypt(TestKeys.Encrypt("dev", Master, "E_SECRET", string.Empty), "E_SECRET", DevRing));
        const string unit = "0123456789abcdéf🔑";
        var big = string.Concat(Enumerable.Repeat(unit, 1024 * 1024 / unit.Length + 1))[..(1024 * 1024)];
        if (char.IsHighSurrogate(big[^1]))
        {
            big = big[..^1] + "x";
        }

        Assert.Equal(big, SecretCipher.Decrypt(TestKeys.Encrypt("dev", Master, "BIG_SECRET", big), "BIG_SECRET", DevRing));
    }

    [Property(MaxTest = 200)]
    public bool Any_valid_unicode_string_round_trips(NonNull<string> input)
    {
        var text = input.Get;
        if (!IsValidUnicode(text))
        {
            return true; // covered by Unpaired_surrogates_are_rejected_without_showing_the_value
        }

        return SecretCipher.Decrypt(TestKeys.Encrypt("dev", Master, "P_SECRET", text), "P_SECRET", DevRing) == text;
    }

    [Property(MaxTest = 100)]
    public bool Any_code_point_sequence_round_trips(int[] codePoints)
    {
        var sb = new StringBuilder();
        foreach (var cp in codePoints ?? Array.Empty<int>())
        {
            var c = Math.Abs(cp % 0x110000);
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                c = 0xFFFD;
            }

            sb.Append(char.ConvertFromUtf32(c));
        }

        var text = sb.ToString();
        return SecretCipher.Decrypt(TestKeys.Encrypt("prod", Master, "X_SECRET", text), "X_SECRET", TestKeys.Ring("prod", Master)) == text;
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected_without_showing_the_value()
    {
        var ex = Assert.Throws<SecretGuardException>(() => TestKeys.Encrypt("dev", Master, "S_SECRET", "abc\uD800visible"));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidText, ex.Reason);
        Assert.DoesNotContain("visible", ex.ToString());
        Assert.Contains("S_SECRET", ex.Message);
    }

    [Fact]
    public void Flipping_any_bit_of_the_payload_fails_authentication()
    {
        const string plaintext = "bit-flip-canary";
        var value = TestKeys.Encrypt("dev", Master, "FLIP_SECRET", plaintext);
        Assert.True(EncryptedValue.TryParse(value, out var parsed, out _, out _));
        var prefix = value[..(value.LastIndexOf(':') + 1)];
        for (var bit = 0; bit < parsed!.Payload.Length * 8; bit++)
        {
            var bytes = (byte[])parsed.Payload.Clone();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            var tampered = prefix + Base64Url.Encode(bytes);
            var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(tampered, "FLIP_SECRET", DevRing));
            Assert.Equal(SecretGuardErrorReason.Tampered, ex.Reason);
            Assert.Equal("SG1006", ex.ErrorCode);
            Assert.DoesNotContain(plaintext, ex.ToString());
        }
    }

    [Fact]
    public void Changing_any_character_of_the_text_never_yields_a_value()
    {
        var value = TestKeys.Encrypt("dev", Master, "CHAR_SECRET", "text-canary");
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:=+/ ";
        for (var i = 0; i < value.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != value[i]).Take(3))
            {
                var changed = value[..i] + c + value[(i + 1)..];
                var ex = Record.Exception(() => SecretCipher.Decrypt(changed, "CHAR_SECRET", DevRing));
                var sg = Assert.IsType<SecretGuardException>(ex);
                Assert.DoesNotContain("text-canary", sg.ToString());
            }
        }
    }

    [Fact]
    public void A_value_moved_to_another_key_name_fails_authentication()
    {
        var value = TestKeys.Encrypt("dev", Master, "A_SECRET", "moved");
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, "B_SECRET", DevRing));
        Assert.Equal(SecretGuardErrorReason.Tampered, ex.Reason);
        Assert.Equal("B_SECRET", ex.KeyName);
    }

    [Fact]
    public void A_failure_carries_where_and_what_apart_so_no_one_has_to_cut_the_message()
    {
        var value = TestKeys.Encrypt("dev", Master, "A_SECRET", "moved");
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, "B_SECRET", DevRing, ValueLocation.InFile("/app/.env.dev", 7)));

        Assert.Equal("/app/.env.dev", ex.FilePath);
        Assert.Equal(7, ex.Line);
        Assert.Equal("B_SECRET", ex.KeyName);
        Assert.StartsWith("the value failed authentication", ex.Detail);
        Assert.DoesNotContain("/app/.env.dev", ex.Detail);
        Assert.DoesNotContain("B_SECRET", ex.Detail);
        Assert.Equal("/app/.env.dev(7): B_SECRET: " + ex.Detail + ".", ex.Message);
    }

    [Fact]
    public void A_value_moved_to_another_environment_fails()
    {
        var devValue = TestKeys.Encrypt("dev", Master, "A_SECRET", "moved");
        var prodRing = TestKeys.Ring("prod", Master);

        var wrongEnv = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(devValue, "A_SECRET", prodRing));
        Assert.Equal("SG1005", wrongEnv.ErrorCode);
        Assert.Contains("encrypted for dev but the active environment is prod", wrongEnv.Message);

        // Relabelled as prod, it names a kid the prod ring does not have.
        var relabelled = "PROD_ENC:" + devValue["DEV_ENC:".Length..];
        var unknown = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(relabelled, "A_SECRET", prodRing));
        Assert.Equal(SecretGuardErrorReason.UnknownKid, unknown.Reason);

        // Relabelled as prod with prod's kid: the associated data names dev, so authentication fails.
        var withProdKid = "PROD_ENC:v1:" + prodRing.Current!.Kid + devValue[devValue.LastIndexOf(':')..];
        var tampered = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(withProdKid, "A_SECRET", prodRing));
        Assert.Equal(SecretGuardErrorReason.Tampered, tampered.Reason);
    }

    [Fact]
    public void Unknown_kid_says_which_key_is_needed_and_which_are_available()
    {
        var other = TestKeys.NewBase64();
        var value = TestKeys.Encrypt("prod", other, "DB_SECRET", "x");
        var ring = TestKeys.Ring("prod", Master);
        var neededKid = value.Split(':')[2];
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, "DB_SECRET", ring, ValueLocation.InFile("/app/.env", 7)));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(neededKid, ex.Kid);
        Assert.Contains("value needs key " + neededKid + "; keys available for prod: " + ring.Current!.Kid, ex.Message);
        Assert.StartsWith("/app/.env(7): DB_SECRET", ex.Message);
        Assert.Equal(7, ex.Line);
        Assert.DoesNotContain(other, ex.ToString());
        Assert.DoesNotContain(Master, ex.ToString());
    }

    [Fact]
    public void A_previous_key_still_decrypts_old_values()
    {
        var old = TestKeys.NewBase64();
        var oldValue = TestKeys.Encrypt("prod", old, "DB_SECRET", "old");
        var newValue = TestKeys.Encrypt("prod", Master, "DB_SECRET", "new");
        var ring = TestKeys.Ring("prod", Master, previousBase64: old);
        Assert.Equal("old", SecretCipher.Decrypt(oldValue, "DB_SECRET", ring));
        Assert.Equal("new", SecretCipher.Decrypt(newValue, "DB_SECRET", ring));
    }

    [Fact]
    public void Missing_key_says_where_to_put_one()
    {
        var value = TestKeys.Encrypt("prod", Master, "DB_SECRET", "x");
        var ring = new KeyRing("prod", null, null, "set SECRETGUARD_KEY_PROD or add 'prod = <key>' to /repo/secretguard.keys");
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, "DB_SECRET", ring));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.MissingKey, ex.Reason);
        Assert.Contains("set SECRETGUARD_KEY_PROD or add 'prod = <key>' to /repo/secretguard.keys", ex.Message);
    }

    [Theory]
    [InlineData("DEV_ENC:v3:3f4fd31a:AAAA", SecretGuardErrorReason.NewerVersion, "newer SecretGuard")]
    [InlineData("DEV_ENC:", SecretGuardErrorReason.Malformed, "version")]
    [InlineData("DEV_ENC:v1:3F4FD31A:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw", SecretGuardErrorReason.Malformed, "key id")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw=", SecretGuardErrorReason.Malformed, "base64url")]
    [InlineData("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoL", SecretGuardErrorReason.Malformed, "too short")]
    [InlineData("DEV_ENC:v1:3f4fd31a", SecretGuardErrorReason.Malformed, "form")]
    public void Malformed_values_are_errors_that_say_what_is_wrong(string value, SecretGuardErrorReason reason, string words)
    {
        var ex = Assert.Throws<SecretGuardException>(() => SecretCipher.Decrypt(value, "API_KEY_SECRET", DevRing));
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(reason, ex.Reason);
        Assert.Contains(words, ex.Message);
    }

    [Fact]
    public void Key_text_forms_never_show_key_material()
    {
        var master = MasterKey.FromBase64(Master, "unit test");
        var derived = KeyDerivation.Derive(master, "dev");
        foreach (var text in new[] { master.ToString(), derived.ToString(), DevRing.ToString() })
        {
            Assert.DoesNotContain(Master, text);
            Assert.DoesNotContain(Convert.ToBase64String(derived.AesKey), text);
            Assert.DoesNotContain(Convert.ToHexString(derived.AesKey), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool IsValidUnicode(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Counts process-wide derivations, so it runs apart from the parallel tests.</summary>
[Collection(ProcessStateCollection.Name)]
public class KeyDerivationCacheTests
{
    [Fact]
    public void Derivation_runs_once_per_environment_and_key()
    {
        var fresh = MasterKey.FromBase64(TestKeys.NewBase64(), "fresh");
        var before = KeyDerivation.DerivationCount;
        var first = KeyDerivation.Derive(fresh, "int");
        System.Threading.Tasks.Parallel.For(0, 50, _ => Assert.Same(first, KeyDerivation.Derive(fresh, "int")));
        Assert.Equal(1, KeyDerivation.DerivationCount - before);
    }
}
