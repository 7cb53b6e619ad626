using System;
using System.IO;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

public class KeyRingLoaderTests
{
    [Fact]
    public void The_variable_gives_the_current_key()
    {
        var template = TestKeys.UniqueVariableTemplate();
        var key = TestKeys.NewBase64();
        var options = new KeyLookupOptions { KeyVariable = template };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("prod"), key);
        var ring = KeyRingLoader.Load("prod", options);
        Assert.Equal(TestKeys.Ring("prod", key).Current!.Kid, ring.Current!.Kid);
        Assert.Contains(options.VariableFor("prod"), ring.Current.Source);
        Assert.Null(ring.Previous);
    }

    [Fact]
    public void The_key_file_gives_current_and_previous_keys_and_is_found_upward()
    {
        using var dir = new TempDirectory();
        var current = TestKeys.NewBase64();
        var previous = TestKeys.NewBase64();
        var keyFile = dir.Write("secretguard.keys", "# team keys\nprod = " + current + "\r\nprod.previous=" + previous + "   # before rotation\n");
        var nested = Path.Combine(dir.Path, "src", "App", "bin");
        Directory.CreateDirectory(nested);

        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        options.SearchDirectories.Add(nested);
        var ring = KeyRingLoader.Load("prod", options);

        Assert.Equal(TestKeys.Ring("prod", current).Current!.Kid, ring.Current!.Kid);
        Assert.Equal(TestKeys.Ring("prod", previous).Current!.Kid, ring.Previous!.Kid);
        Assert.Equal(keyFile + " line 2", ring.Current.Source);
    }

    [Fact]
    public void Variables_and_the_key_file_are_merged()
    {
        using var dir = new TempDirectory();
        var fileCurrent = TestKeys.NewBase64();
        var filePrevious = TestKeys.NewBase64();
        var variableCurrent = TestKeys.NewBase64();
        var keyFile = dir.Write("keys/team.keys", "prod = " + fileCurrent + "\nprod.previous = " + filePrevious + "\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("prod"), variableCurrent);

        var ring = KeyRingLoader.Load("prod", options);
        Assert.Equal(TestKeys.Ring("prod", variableCurrent).Current!.Kid, ring.Current!.Kid);
        Assert.Equal(TestKeys.Ring("prod", filePrevious).Current!.Kid, ring.Previous!.Kid);

        using var previousVar = new EnvironmentVariables().Set(options.VariableFor("prod") + "_PREVIOUS", fileCurrent);
        Assert.Equal(TestKeys.Ring("prod", fileCurrent).Current!.Kid, KeyRingLoader.Load("prod", options).Previous!.Kid);
    }

    [Fact]
    public void No_key_anywhere_gives_an_empty_ring_with_advice()
    {
        using var dir = new TempDirectory();
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        options.SearchDirectories.Add(dir.Path);
        var ring = KeyRingLoader.Load("prod", options);
        Assert.Null(ring.Current);
        Assert.StartsWith("set " + options.VariableFor("prod") + " or add 'prod = <key>' to a secretguard.keys file in " + dir.Path, ring.WhereToPutKey);
    }

    [Fact]
    public void An_invalid_key_in_a_variable_names_the_variable_not_the_value()
    {
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("dev"), "not-a-key-but-secret-text");
        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidKey, ex.Reason);
        Assert.Contains(options.VariableFor("dev"), ex.Message);
        Assert.DoesNotContain("not-a-key-but-secret-text", ex.ToString());
    }

    [Theory]
    [InlineData("  {0}  ")]
    [InlineData("{0}\n")]
    [InlineData("{0}\r\n")]
    [InlineData("\t{0} \n")]
    public void A_key_in_a_variable_may_have_surrounding_blanks_and_a_trailing_line_break(string format)
    {
        var key = TestKeys.NewBase64();
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("dev"), string.Format(format, key));
        Assert.Equal(TestKeys.Ring("dev", key).Current!.Kid, KeyRingLoader.Load("dev", options).Current!.Kid);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_key_with_whitespace_inside_is_refused_without_showing_it(string inside)
    {
        var key = TestKeys.NewBase64();
        var broken = key.Substring(0, 20) + inside + key.Substring(20);
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("dev"), broken);
        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidKey, ex.Reason);
        Assert.Contains(options.VariableFor("dev"), ex.Message);
        Assert.DoesNotContain(key.Substring(0, 12), ex.ToString());
        Assert.DoesNotContain(key.Substring(24, 12), ex.ToString());

        // The same in a key file line: the line is an error, never a key.
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "dev = " + broken + "\n");
        var fileOptions = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };
        var fromFile = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", fileOptions));
        Assert.Equal("SG1012", fromFile.ErrorCode);
        Assert.Equal(1, fromFile.Line);
        Assert.DoesNotContain(key.Substring(0, 12), fromFile.ToString());
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate() };
        using var vars = new EnvironmentVariables().Set(options.VariableFor("dev"), Convert.ToBase64String(new byte[16]));
        Assert.Equal(SecretGuardErrorReason.InvalidKey, Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options)).Reason);
    }

    [Fact]
    public void A_broken_key_file_line_for_the_environment_is_an_error_with_its_line()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "dev = " + TestKeys.NewBase64() + "\nprod = c2hvcnQ=\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };

        Assert.NotNull(KeyRingLoader.Load("dev", options).Current); // the broken prod line does not block dev
        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("prod", options));
        Assert.Equal(2, ex.Line);
        Assert.Contains("secretguard keygen --env prod", ex.Message);
        Assert.DoesNotContain("c2hvcnQ=", ex.Message);
    }

    [Fact]
    public void Two_lines_for_one_environment_are_an_error_naming_both_lines_and_their_kids()
    {
        using var dir = new TempDirectory();
        var first = TestKeys.NewBase64();
        var second = TestKeys.NewBase64();
        var keyFile = dir.Write("secretguard.keys", "dev = " + first + "\nprod = " + TestKeys.NewBase64() + "\ndev = " + second + "\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };

        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidKey, ex.Reason);
        Assert.Equal(keyFile, ex.FilePath);
        Assert.Equal(3, ex.Line);
        Assert.Contains(keyFile + "(1)", ex.Message);
        Assert.Contains(keyFile + "(3)", ex.Message);
        Assert.Contains(TestKeys.Ring("dev", first).Current!.Kid, ex.Message);
        Assert.Contains(TestKeys.Ring("dev", second).Current!.Kid, ex.Message);
        Assert.Contains("delete the other", ex.Message);
        Assert.Contains(keyFile + "(1)", ex.Detail);
        Assert.DoesNotContain(first.Substring(0, 12), ex.ToString());
        Assert.DoesNotContain(second.Substring(0, 12), ex.ToString());

        Assert.NotNull(KeyRingLoader.Load("prod", options).Current); // the dev lines do not block prod
    }

    [Fact]
    public void Two_lines_for_a_previous_key_are_an_error_too()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "dev = " + TestKeys.NewBase64() + "\ndev.previous = " + TestKeys.NewBase64() + "\ndev.previous = " + TestKeys.NewBase64() + "\n");
        var options = new KeyLookupOptions { KeyVariable = TestKeys.UniqueVariableTemplate(), KeyFilePath = keyFile };
        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options));
        Assert.Contains(keyFile + "(2)", ex.Message);
        Assert.Contains(keyFile + "(3)", ex.Message);
        Assert.Contains("'dev.previous'", ex.Message);
    }

    [Fact]
    public void An_explicit_key_file_that_does_not_exist_is_an_error()
    {
        var options = new KeyLookupOptions { KeyFilePath = Path.Combine(Path.GetTempPath(), "nope-" + Guid.NewGuid(), "secretguard.keys") };
        var ex = Assert.Throws<SecretGuardException>(() => KeyRingLoader.Load("dev", options));
        Assert.Contains("does not exist", ex.Message);
    }

    [Fact]
    public void The_variable_name_is_overridable_and_upper_cases_the_environment()
    {
        var options = new KeyLookupOptions { KeyVariable = "MYAPP_{ENV}_MASTER" };
        Assert.Equal("MYAPP_INT_MASTER", options.VariableFor("int"));
        Assert.Equal("SECRETGUARD_KEY_PROD", new KeyLookupOptions().VariableFor("prod"));
    }
}

[Collection(ProcessStateCollection.Name)]
public class KeyFileVariableTests
{
    [Fact]
    public void SECRETGUARD_KEY_FILE_names_the_key_file()
    {
        using var dir = new TempDirectory();
        var key = TestKeys.NewBase64();
        var path = dir.Write("elsewhere/my.keys", "int = " + key + "\n");
        using var vars = new EnvironmentVariables().ClearSecretGuardState().Set("SECRETGUARD_KEY_FILE", path);
        var ring = KeyRingLoader.Load("int", new KeyLookupOptions());
        Assert.Equal(TestKeys.Ring("int", key).Current!.Kid, ring.Current!.Kid);
    }
}
