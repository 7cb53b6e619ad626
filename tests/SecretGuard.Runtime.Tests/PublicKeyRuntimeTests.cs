using System;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// An app reads a version 2 env file end to end: <see cref="Secrets.Get"/> and <c>AddSecretGuard</c> with the private
/// key in <c>SECRETGUARD_KEY_&lt;ENV&gt;</c>, v1 and v2 values side by side, a clear error naming who can decrypt when
/// the key is missing, and many values decrypted on every core at start (their cost is measured in bench/:
/// PublicKeyDecryptBenchmarks.AppStart1000V2, docs/performance.md).
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class PublicKeyRuntimeTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();

    public PublicKeyRuntimeTests() => Secrets.Reset();

    public void Dispose()
    {
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    private static RecipientKey[] ProdRecipients => new[]
    {
        RecipientKey.Parse(PublicKeyVectorTests.AppPublic, "test"),
        RecipientKey.Parse(PublicKeyVectorTests.OpsPublic, "test"),
    };

    [Fact]
    public void Secrets_Get_reads_v2_values_with_the_private_key_in_the_variable()
    {
        var token = PublicKeyCipher.Encrypt("prod", "Payments__Token_SECRET", "tok-live-7Qx", ProdRecipients);
        _app.Write(".env",
            "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n" +
            "Payments__Token_SECRET=\"" + token + "\"\n" +
            "Payments__Mode=live\n");
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.OpsPrivate);
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        });

        Assert.Equal("pässwörd ✓ 🔑", Secrets.Get("Db__Password_SECRET"));
        Assert.Equal("tok-live-7Qx", Secrets.Get("Payments__Token_SECRET"));
        Assert.Equal("live", Secrets.Get("Payments__Mode"));
        var status = Secrets.GetStatus();
        Assert.Contains(status.Keys, k => k.StartsWith("current 56380e02 (the environment variable SECRETGUARD_KEY_PROD)", StringComparison.Ordinal));
        Assert.DoesNotContain(status.Keys, k => k.Contains("QUJDREVG", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSecretGuard_reads_v1_and_v2_values_of_one_file_with_a_master_key_and_a_private_key()
    {
        var master = TestKeys.NewBase64();
        _app.Write("secretguard.keys", "prod.previous = " + master + "\n");
        _app.Write(".env",
            "Smtp__Password_SECRET=" + TestKeys.Encrypt("prod", master, "Smtp__Password_SECRET", "from-v1") + "\n" +
            "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n");
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.AppPrivate);

        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        }).Build();

        Assert.Equal("from-v1", config["Smtp:Password_SECRET"]);
        Assert.Equal("pässwörd ✓ 🔑", config["Db:Password_SECRET"]);
    }

    [Fact]
    public void Without_the_private_key_Get_says_who_can_decrypt_and_shows_no_value()
    {
        _app.Write(".env", "Db__Password_SECRET=" + PublicKeyVectorTests.ProdValue + "\n");
        _app.Write("secretguard.recipients", "prod = " + PublicKeyVectorTests.AppPublic + "\nprod = " + PublicKeyVectorTests.OpsPublic + "\n");
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        });

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("Db__Password_SECRET"));

        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains("42698894 (" + System.IO.Path.Combine(_app.Path, "secretguard.recipients") + "(1): prod)", ex.Message);
        Assert.Contains("56380e02 (", ex.Message);
        Assert.Contains("SECRETGUARD_KEY_PROD", ex.Message);
        Assert.DoesNotContain("BB8UAUa_", ex.Message);
        Assert.DoesNotContain("pässwörd", ex.Message);
    }

    [Fact]
    public void An_app_start_with_many_v2_values_reads_each_under_its_own_name_when_they_are_decrypted_on_every_core()
    {
        // Enough values for the provider to decrypt them ahead on every core (SecretStore.DecryptAhead); half to each of
        // two recipients' keys, read with one of them, so both the shared key object and its per-thread copies are used.
        var recipients = ProdRecipients;
        var env = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            env.Append("Service").Append(i).Append("__Token_SECRET=").Append(PublicKeyCipher.Encrypt("prod", "Service" + i + "__Token_SECRET", "token-" + i, recipients)).Append('\n');
        }

        _app.Write(".env", env.ToString());
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.AppPrivate);

        for (var start = 0; start < 3; start++)
        {
            ReadAll(200);
        }
    }

    [Fact]
    public void A_tampered_value_among_many_is_reported_at_its_line_as_when_values_are_decrypted_one_by_one()
    {
        var env = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var value = PublicKeyCipher.Encrypt("prod", "Service" + i + "__Token_SECRET", "token-" + i, ProdRecipients);
            if (i == 29)
            {
                // One character of the ciphertext's tail changed: the value still parses, and fails authentication.
                var last = value[^2] == 'A' ? 'B' : 'A';
                value = value[..^2] + last + value[^1];
            }

            env.Append("Service").Append(i).Append("__Token_SECRET=").Append(value).Append('\n');
        }

        _app.Write(".env", env.ToString());
        _vars.Set("SECRETGUARD_KEY_PROD", PublicKeyVectorTests.AppPrivate);

        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        }).Build());

        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Contains("Service29__Token_SECRET", ex.Message);
        Assert.Contains(".env(30): Service29__Token_SECRET", ex.Message);
        Assert.DoesNotContain("Service28__Token_SECRET", ex.Message);
        Assert.DoesNotContain("token-29", ex.Message);
    }

    private void ReadAll(int count)
    {
        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        }).Build();
        foreach (var i in Enumerable.Range(0, count))
        {
            Assert.Equal("token-" + i, config["Service" + i + ":Token_SECRET"]);
        }
    }
}
