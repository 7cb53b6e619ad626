using System;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace SecretGuard.Tests;

/// <summary><c>ValidateOnStart</c> and runtime rules: one exception that names every problem, never a value.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ValidateOnStartTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _devKey = TestKeys.NewBase64();
    private readonly string _otherKey = TestKeys.NewBase64();
    private readonly string _prodKey = TestKeys.NewBase64();

    public ValidateOnStartTests()
    {
        Secrets.Reset();
        _app.Write("secretguard.keys", "dev = " + _devKey + "\n");
    }

    public void Dispose()
    {
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    [Fact]
    public void The_configuration_provider_fails_once_and_names_all_three_broken_entries()
    {
        WriteThreeBrokenEntries();

        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.ValidateOnStart = true;
        }).Build());

        AssertNamesAllThree(ex);
    }

    [Fact]
    public void Secrets_fails_in_Configure_and_names_all_three_broken_entries()
    {
        WriteThreeBrokenEntries();

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Configure(o =>
        {
            Options(o);
            o.ValidateOnStart = true;
        }));

        AssertNamesAllThree(ex);
    }

    [Fact]
    public void Without_ValidateOnStart_Secrets_fails_only_when_a_broken_value_is_read()
    {
        WriteThreeBrokenEntries();
        Secrets.Configure(Options);
        Assert.Equal("good-plaintext-7c1d", Secrets.Get("GOOD_SECRET"));
        Assert.Equal(SecretGuardErrorReason.Tampered, Assert.Throws<SecretGuardException>(() => Secrets.Get("MOVED_SECRET")).Reason);
    }

    [Fact]
    public void A_valid_file_passes_and_Secrets_serves_it()
    {
        _app.Write(".env", "API_SECRET=" + Enc("API_SECRET", "value-1") + "\nPLAIN=x\n");
        Secrets.Configure(o =>
        {
            Options(o);
            o.ValidateOnStart = true;
        });
        Assert.Equal("value-1", Secrets.Get("API_SECRET"));
        Assert.Equal(SecretGuardHealthState.Healthy, Secrets.GetStatus().State);
    }

    [Fact]
    public void Rules_name_the_rule_never_the_value()
    {
        const string shortValue = "too-short-9f8e7d";
        _app.Write(".env",
            "SECRET_KEY=" + Enc("SECRET_KEY", shortValue) + "\n" +
            "ENCRYPTION_KEY_SECRET=" + Enc("ENCRYPTION_KEY_SECRET", "xyz-not-hex") + "\n");

        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.Require("SECRET_KEY", minLength: 32)
             .Require("ENCRYPTION_KEY_SECRET", length: 32, pattern: "[0-9a-f]+")
             .Require("JWT_SIGNING_SECRET");
            o.ValidateOnStart = true;
        }).Build());

        Assert.Equal("SG1008", ex.ErrorCode);
        Assert.All(ex.Problems, p => Assert.Equal(SecretGuardErrorReason.PolicyViolation, p.Reason));
        Assert.Contains(ex.Problems, p => p.KeyName == "SECRET_KEY" && p.Message.Contains("MinLength=32", StringComparison.Ordinal) && p.Line == 1);
        Assert.Contains(ex.Problems, p => p.KeyName == "ENCRYPTION_KEY_SECRET" && p.Message.Contains("Length=32", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.KeyName == "ENCRYPTION_KEY_SECRET" && p.Message.Contains("Pattern", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.KeyName == "JWT_SIGNING_SECRET" && p.Message.Contains("Required=true", StringComparison.Ordinal));
        Assert.DoesNotContain(shortValue, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("xyz-not-hex", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_is_checked_when_Secrets_first_reads_the_value()
    {
        _app.Write(".env", "SECRET_KEY=" + Enc("SECRET_KEY", "tiny-4a7b") + "\nLONG_SECRET=" + Enc("LONG_SECRET", new string('k', 40)) + "\n");
        Secrets.Configure(o =>
        {
            Options(o);
            o.Require("SECRET_KEY", minLength: 32).Require("LONG_SECRET", minLength: 32);
        });

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("SECRET_KEY"));
        Assert.Equal("SG1008", ex.ErrorCode);
        Assert.DoesNotContain("tiny-4a7b", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(40, Secrets.Get("LONG_SECRET").Length);
    }

    [Fact]
    public void A_rule_for_another_environment_does_not_apply()
    {
        _app.Write(".env", "SECRET_KEY=" + Enc("SECRET_KEY", "short") + "\n");
        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.Require("SECRET_KEY", minLength: 32, environments: new[] { "prod" });
        }).Build();
        Assert.Equal("short", config["SECRET_KEY"]);
    }

    [Fact]
    public void With_ValidateOnStart_an_unusable_key_fails_even_when_no_value_needs_it()
    {
        _app.Write(".env", "PLAIN=x\n");
        _app.Write("secretguard.keys", "dev = not-a-key\n");

        var plain = new ConfigurationBuilder().AddSecretGuard(Options).Build();
        Assert.Equal("x", plain["PLAIN"]);

        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.ValidateOnStart = true;
        }).Build());
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.InvalidKey, ex.Reason);
    }

    private void WriteThreeBrokenEntries()
    {
        var good = Enc("GOOD_SECRET", "good-plaintext-7c1d");
        _app.Write(".env",
            "GOOD_SECRET=" + good + "\n" +
            "MOVED_SECRET=" + Enc("ORIGINAL_SECRET", "moved-plaintext") + "\n" +                  // line 2: tampered (bound to another name)
            "OLD_KEY_SECRET=" + TestKeys.Encrypt("dev", _otherKey, "OLD_KEY_SECRET", "old") + "\n" + // line 3: unknown kid
            "PROD_ONLY_SECRET=" + TestKeys.Encrypt("prod", _prodKey, "PROD_ONLY_SECRET", "p") + "\n"); // line 4: wrong environment
    }

    private void AssertNamesAllThree(SecretGuardException ex)
    {
        Assert.Equal(3, ex.Problems.Count);
        var moved = ex.Problems.Single(p => p.KeyName == "MOVED_SECRET");
        Assert.Equal((SecretGuardErrorReason.Tampered, 2), (moved.Reason, moved.Line));
        var old = ex.Problems.Single(p => p.KeyName == "OLD_KEY_SECRET");
        Assert.Equal((SecretGuardErrorReason.UnknownKid, 3), (old.Reason, old.Line));
        Assert.Equal(TestKeys.Ring("dev", _otherKey).Current!.Kid, old.Kid);
        var prod = ex.Problems.Single(p => p.KeyName == "PROD_ONLY_SECRET");
        Assert.Equal((SecretGuardErrorReason.WrongEnvironment, 4), (prod.Reason, prod.Line));

        var envFile = System.IO.Path.Combine(_app.Path, ".env");
        foreach (var expected in new[] { "3 problems", "MOVED_SECRET", "OLD_KEY_SECRET", "PROD_ONLY_SECRET", envFile + ":2", envFile + ":3", envFile + ":4", "Tampered", "UnknownKid", "WrongEnvironment", old.Kid! })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }

        foreach (var secret in new[] { "moved-plaintext", "good-plaintext-7c1d", _devKey, _otherKey, _prodKey })
        {
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }

    private string Enc(string keyName, string value) => TestKeys.Encrypt("dev", _devKey, keyName, value);

    private void Options(SecretGuardOptions o)
    {
        o.BaseDirectory = _app.Path;
        o.Environment = "dev";
        o.KeyFilePath = System.IO.Path.Combine(_app.Path, "secretguard.keys");
    }
}
