using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SecretGuard.Observability;

namespace SecretGuard.Tests;

/// <summary>
/// What the runtime does with a value that is not a valid ciphertext. A damaged one (a prefix in another case or with a
/// character changed: docs/formats.md#recognising-an-encrypted-value) is SG1006 in every environment, never the secret.
/// A plaintext under a secret name is accepted where <see cref="SecretGuardOptions.PlaintextSecrets"/> says: by default
/// from environment variables everywhere (platforms inject secrets that way) and from the env file only in dev
/// (docs/runtime.md#plaintext-secrets); elsewhere it is SG1004, since a ciphertext replaced by a plaintext looks just so.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class PlaintextAndDamagedValueTests : IDisposable
{
    private const string Canary = "canary-plain-6e0f";
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly Dictionary<string, string> _keys = new() { ["dev"] = TestKeys.NewBase64(), ["prod"] = TestKeys.NewBase64() };
    private readonly string _variable = "SG_TEST_PLAIN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_SECRET";

    public PlaintextAndDamagedValueTests()
    {
        Secrets.Reset();
        _app.Write("secretguard.keys", string.Concat(_keys.Select(k => k.Key + " = " + k.Value + "\n")));
    }

    public void Dispose()
    {
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    // ---- damaged values ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void A_damaged_value_is_SG1006_Malformed_in_every_environment_and_never_the_secret(string environment)
    {
        var good = Enc(environment, "DB_SECRET", Canary);
        var upper = environment.ToUpperInvariant();
        var damaged = new Dictionary<string, string>
        {
            ["CASE_SECRET"] = char.ToLowerInvariant(good[0]) + good[1..],
            ["TYPO_SECRET"] = upper + "_ENS" + good[(upper.Length + 4)..],
            ["DASH_SECRET"] = upper + "-ENC" + good[(upper.Length + 4)..],
        };
        WriteEnv(string.Concat(damaged.Select(d => d.Key + "=" + d.Value + "\n")) + "DB_SECRET=" + good + "\n");
        var logger = new RecordingLogger();
        Secrets.Configure(o => Options(o, environment, logger));

        Assert.Equal(Canary, Secrets.Get("DB_SECRET"));
        foreach (var (name, value) in damaged)
        {
            var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get(name));
            Assert.Equal(("SG1006", SecretGuardErrorReason.Malformed, name), (ex.ErrorCode, ex.Reason, ex.KeyName));
            Assert.Contains("looks encrypted but is not in the exact form", ex.Message);
            Assert.DoesNotContain(value[12..40], ex.ToString());
        }

        Assert.Throws<SecretGuardException>(() => Secrets.TryGet("CASE_SECRET", out _));
        Assert.Contains(logger.Entries, e => e.Id.Id == SecretGuardEventIds.DecryptionFailed && e.Message.Contains("TYPO_SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_value_in_a_variable_and_in_the_file_fails_the_configuration_load()
    {
        var damaged = "Prod_Enc" + Enc("prod", "FILE_SECRET", Canary)["PROD_ENC".Length..];
        WriteEnv("FILE_SECRET=" + damaged + "\n");

        var load = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o => Options(o, "prod")).Build());
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("SG1006", SecretGuardErrorReason.Malformed, "FILE_SECRET", 1), (problem.ErrorCode, problem.Reason, problem.KeyName, problem.Line));

        // An earlier provider's value is read only with DecryptEarlierProviders: then a damaged one is an error too.
        WriteEnv("OTHER=1\n");
        var earlier = new Dictionary<string, string?> { ["Smtp:Password_SECRET"] = "prod_enc" + Enc("prod", "Smtp__Password_SECRET", Canary)["PROD_ENC".Length..] };
        var withEarlier = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddInMemoryCollection(earlier).AddSecretGuard(o =>
        {
            Options(o, "prod");
            o.DecryptEarlierProviders = true;
        }).Build());
        Assert.Equal(("SG1006", SecretGuardErrorReason.Malformed), (withEarlier.Problems[0].ErrorCode, withEarlier.Problems[0].Reason));
        Assert.DoesNotContain(Canary, withEarlier.ToString());

        _vars.Set(_variable, "pROD_ENC" + Enc("prod", _variable, Canary)["PROD_ENC".Length..]);
        Secrets.Configure(o => Options(o, "prod"));
        Assert.Equal(SecretGuardErrorReason.Malformed, Assert.Throws<SecretGuardException>(() => Secrets.Get(_variable)).Reason);
    }

    // ---- plaintext under a secret name ------------------------------------------------------------------------

    [Fact]
    public void By_default_outside_dev_a_plaintext_secret_in_the_env_file_is_SG1004_and_one_in_a_variable_is_accepted()
    {
        WriteEnv("# settings\nDB_SECRET=" + Canary + "\nEMPTY_SECRET=\nLOG_LEVEL=Information\n");
        _vars.Set(_variable, "injected-by-the-platform");
        var logger = new RecordingLogger();
        Secrets.Configure(o => Options(o, "prod", logger));

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("DB_SECRET"));
        Assert.Equal(("SG1004", SecretGuardErrorReason.PlaintextSecret, "DB_SECRET", 2), (ex.ErrorCode, ex.Reason, ex.KeyName, ex.Line));
        Assert.StartsWith(System.IO.Path.Combine(_app.Path, ".env") + "(2): DB_SECRET: ", ex.Message);
        Assert.Contains("PlaintextSecrets", ex.Message);
        Assert.DoesNotContain(Canary, ex.ToString());

        Assert.Equal("injected-by-the-platform", Secrets.Get(_variable));
        Assert.Equal("Information", Secrets.Get("LOG_LEVEL")); // not a secret name
        Assert.Equal(string.Empty, Secrets.Get("EMPTY_SECRET")); // nothing to protect, as in the build (SG1004)

        var refused = Assert.Single(logger.Entries, e => e.Id.Id == SecretGuardEventIds.PlaintextSecret);
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.Contains("DB_SECRET", refused.Message);
        Assert.All(logger.Entries, e => Assert.DoesNotContain(Canary, e.Message));
    }

    [Fact]
    public void By_default_in_dev_a_plaintext_secret_in_the_env_file_is_accepted_with_a_warning()
    {
        WriteEnv("DB_SECRET=" + Canary + "\n");
        var logger = new RecordingLogger();
        Secrets.Configure(o => Options(o, "dev", logger));

        Assert.Equal(Canary, Secrets.Get("DB_SECRET"));
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries, e => e.Id.Id == SecretGuardEventIds.PlaintextSecret).Level);
    }

    [Theory]
    [InlineData("prod", PlaintextSecretSources.EnvironmentVariables | PlaintextSecretSources.EnvFile, true, true)]
    [InlineData("prod", PlaintextSecretSources.EnvFile, false, true)]
    [InlineData("prod", PlaintextSecretSources.EnvironmentVariables, true, false)]
    [InlineData("prod", PlaintextSecretSources.None, false, false)]
    [InlineData("dev", PlaintextSecretSources.None, false, false)]
    [InlineData("dev", PlaintextSecretSources.EnvironmentVariables, true, false)]
    public void The_option_chooses_where_plaintext_secrets_are_accepted_in_any_environment(string environment, PlaintextSecretSources accepted, bool fromVariable, bool fromFile)
    {
        WriteEnv("FILE_SECRET=" + Canary + "\nENCRYPTED_SECRET=" + Enc(environment, "ENCRYPTED_SECRET", "still-decrypted") + "\n");
        _vars.Set(_variable, "from-the-variable");
        Secrets.Configure(o =>
        {
            Options(o, environment);
            o.PlaintextSecrets = accepted;
        });

        AssertAccepted(fromVariable, _variable, "from-the-variable");
        AssertAccepted(fromFile, "FILE_SECRET", Canary);
        Assert.Equal("still-decrypted", Secrets.Get("ENCRYPTED_SECRET"));
    }

    [Fact]
    public void The_configuration_provider_and_validation_at_startup_refuse_a_plaintext_secret_in_the_env_file_outside_dev()
    {
        WriteEnv("DB_SECRET=" + Canary + "\nAPI_SECRET=" + Enc("prod", "API_SECRET", "ok") + "\n");

        var load = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o => Options(o, "prod")).Build());
        var problem = Assert.Single(load.Problems);
        Assert.Equal(("SG1004", SecretGuardErrorReason.PlaintextSecret, "DB_SECRET"), (problem.ErrorCode, problem.Reason, problem.KeyName));
        Assert.DoesNotContain(Canary, load.ToString());

        var accepted = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o, "prod");
            o.PlaintextSecrets = PlaintextSecretSources.EnvFile;
        }).Build();
        Assert.Equal(Canary, accepted["DB"]);

        var atStart = Assert.Throws<SecretGuardException>(() => Secrets.Configure(o =>
        {
            Options(o, "prod");
            o.ValidateOnStart = true;
        }));
        Assert.Equal("SG1004", Assert.Single(atStart.Problems).ErrorCode);
    }

    private static void AssertAccepted(bool accepted, string name, string expected)
    {
        if (accepted)
        {
            Assert.Equal(expected, Secrets.Get(name));
            return;
        }

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get(name));
        Assert.Equal(("SG1004", SecretGuardErrorReason.PlaintextSecret), (ex.ErrorCode, ex.Reason));
        Assert.DoesNotContain(expected, ex.ToString());
    }

    private string Enc(string environment, string name, string plaintext) => TestKeys.Encrypt(environment, _keys[environment], name, plaintext);

    private void WriteEnv(string text) => _app.Write(".env", text);

    private void Options(SecretGuardOptions o, string environment, ILogger? logger = null)
    {
        o.BaseDirectory = _app.Path;
        o.Environment = environment;
        o.Logger = logger;
    }
}
