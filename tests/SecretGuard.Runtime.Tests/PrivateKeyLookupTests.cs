using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// Version 2 private keys where master keys are found (docs/formats.md#3-key-files): <c>SECRETGUARD_KEY_&lt;ENV&gt;</c>,
/// its <c>_PREVIOUS</c>, and the key file's <c>&lt;env&gt;</c> and <c>&lt;env&gt;.previous</c>, each holding either kind.
/// </summary>
public sealed class PrivateKeyLookupTests
{
    [Fact]
    public void The_variable_may_hold_a_private_key()
    {
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("prod"), PublicKeyVectorTests.AppPrivate + "\n");

        var ring = KeyRingLoader.Load("prod", options);

        Assert.Null(ring.Current);
        Assert.Equal("42698894", ring.CurrentPrivateKey!.RecipientId);
        Assert.Equal("the environment variable " + options.VariableFor("prod"), ring.CurrentPrivateKey.Source);
        Assert.True(ring.HasAnyKey);
        Assert.Equal("pässwörd ✓ 🔑", SecretCipher.Decrypt(PublicKeyVectorTests.ProdValue, "Db__Password_SECRET", ring));
        Assert.DoesNotContain("AQIDBAUG", ring.ToString());
        Assert.Contains("current 42698894", Assert.Single(ring.Describe()));
    }

    [Fact]
    public void The_key_file_may_hold_a_master_key_and_a_private_key_of_one_environment_as_current_and_previous()
    {
        using var dir = new TempDirectory();
        var master = TestKeys.NewBase64();
        var keyFile = dir.Write("secretguard.keys", "prod = " + PublicKeyVectorTests.OpsPrivate + "   # after the move to v2\nprod.previous = " + master + "\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };

        var ring = KeyRingLoader.Load("prod", options);

        Assert.Equal("56380e02", ring.CurrentPrivateKey!.RecipientId);
        Assert.Equal(keyFile + " line 1", ring.CurrentPrivateKey.Source);
        Assert.Null(ring.Current);
        Assert.Equal(TestKeys.Ring("prod", master).Current!.Kid, ring.Previous!.Kid);
        Assert.Null(ring.PreviousPrivateKey);

        // Both kinds read their own values from one file.
        var v1 = TestKeys.Encrypt("prod", master, "OLD_SECRET", "from v1");
        Assert.Equal("from v1", SecretCipher.Decrypt(v1, "OLD_SECRET", ring));
        Assert.Equal("pässwörd ✓ 🔑", SecretCipher.Decrypt(PublicKeyVectorTests.ProdValue, "Db__Password_SECRET", ring));
    }

    [Fact]
    public void The_previous_variable_may_hold_a_private_key_too()
    {
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables()
            .Set(options.VariableFor("int"), TestKeys.NewBase64())
            .Set(options.VariableFor("int") + "_PREVIOUS", "  " + PublicKeyVectorTests.OpsPrivate + "  ");

        var ring = KeyRingLoader.Load("int", options);
        Assert.NotNull(ring.Current);
        Assert.Equal("56380e02", ring.PreviousPrivateKey!.RecipientId);
        Assert.Equal(string.Empty, SecretCipher.Decrypt(PublicKeyVectorTests.IntValue, "EMPTY_SECRET", ring, default, out var used));
        Assert.Equal(new UsedKey("56380e02", IsPrevious: true), used);
    }

    [Theory]
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHy")]
    [InlineData("sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESE xQVFhcYGRobHB0eHyA")]
    [InlineData("sgkey2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sgkey2______________________________________________")]
    public void A_variable_with_a_broken_private_key_is_SG1012_naming_the_variable_never_the_text(string text)
    {
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("prod"), text);

        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("prod", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidKey, ex.Reason);
        Assert.Contains(options.VariableFor("prod"), ex.Message);
        Assert.Contains("version 2 private key", ex.Message);
        Assert.DoesNotContain(text.Substring(7, 10), ex.Message);
    }

    [Fact]
    public void A_broken_private_key_line_is_SG1012_naming_the_file_and_line()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "# keys\nprod = sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eH\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };

        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("prod", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(keyFile, ex.FilePath);
        Assert.Equal(2, ex.Line);
        Assert.Contains("version 2 private key", ex.Message);
        Assert.DoesNotContain("AQIDBAUG", ex.Message);
    }

    [Fact]
    public void Two_lines_for_one_name_name_the_rid_of_a_private_key_line()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "prod = " + PublicKeyVectorTests.AppPrivate + "\nprod = " + PublicKeyVectorTests.OpsPrivate + "\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };

        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("prod", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains("private key 42698894", ex.Message);
        Assert.Contains("private key 56380e02", ex.Message);
        Assert.DoesNotContain("AQIDBAUG", ex.Message);
    }
}
