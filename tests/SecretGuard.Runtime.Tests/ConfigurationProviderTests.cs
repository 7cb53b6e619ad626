using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace SecretGuard.Tests;

[Collection(ProcessStateCollection.Name)]
public sealed class ConfigurationProviderTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _devKey = TestKeys.NewBase64();

    public ConfigurationProviderTests() => _app.Write("secretguard.keys", "dev = " + _devKey + "\n");

    public void Dispose()
    {
        _vars.Dispose();
        _app.Dispose();
    }

    private sealed class SmtpOptions
    {
        public string Host { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    [Fact]
    public void Env_file_entries_become_configuration_with_secrets_decrypted()
    {
        _app.Write(".env",
            "ConnectionStrings__Db_SECRET=" + Enc("ConnectionStrings__Db_SECRET", "Server=db;Password=pw") + "\n" +
            "Smtp__Host=smtp.example.com\n" +
            "Smtp__Password_SECRET=\"" + Enc("Smtp__Password_SECRET", "mail-pw") + "\"\n");

        var config = new ConfigurationBuilder().AddSecretGuard(Options).Build();

        Assert.Equal("Server=db;Password=pw", config["ConnectionStrings:Db_SECRET"]);
        Assert.Equal("Server=db;Password=pw", config.GetConnectionString("Db"));
        Assert.Equal("smtp.example.com", config["Smtp:Host"]);
        var smtp = config.GetSection("Smtp").Get<SmtpOptions>()!;
        Assert.Equal("mail-pw", smtp.Password); // quoted ciphertext is accepted too
        Assert.Equal("smtp.example.com", smtp.Host);
    }

    [Fact]
    public void Encrypted_values_from_earlier_providers_are_decrypted_when_asked()
    {
        _app.Write(".env", "UNRELATED=1\n");
        var prefix = "SGT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() + "_";
        _vars.Set(prefix + "Api__Key_SECRET", Enc("Api__Key_SECRET", "from-env-var"));
        var memory = new Dictionary<string, string?>
        {
            ["Payments:Token_SECRET"] = Enc("Payments__Token_SECRET", "from-appsettings"),
            ["Payments:Mode"] = "live",
        };

        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(memory)
            .AddEnvironmentVariables(prefix)
            .AddSecretGuard(o =>
            {
                Options(o);
                o.DecryptEarlierProviders = true;
            })
            .Build();

        Assert.Equal("from-env-var", config["Api:Key_SECRET"]);
        Assert.Equal("from-env-var", config["Api:Key"]);
        Assert.Equal("from-appsettings", config["Payments:Token_SECRET"]);
        Assert.Equal("from-appsettings", config["Payments:Token"]);
        Assert.Equal("live", config["Payments:Mode"]);

        var without = new ConfigurationBuilder().AddInMemoryCollection(memory).AddSecretGuard(Options).Build();
        Assert.StartsWith("DEV_ENC:", without["Payments:Token_SECRET"]);
    }

    [Fact]
    public void A_broken_value_fails_the_build_of_configuration_with_file_and_line()
    {
        var value = Enc("A_SECRET", "x");
        _app.Write(".env", "OK=1\nB_SECRET=" + value + "\n"); // moved from A_SECRET to B_SECRET
        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(Options).Build());
        Assert.Equal("SG1006", ex.ErrorCode);
        Assert.Equal(SecretGuardErrorReason.Tampered, ex.Reason);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void A_custom_secret_suffix_is_stripped_too()
    {
        _app.Write(".env", "Jwt__SigningKey_PRIVATE=" + Enc("Jwt__SigningKey_PRIVATE", "k") + "\n");
        var config = new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.SecretSuffixes.Clear();
            o.SecretSuffixes.Add("_PRIVATE");
        }).Build();
        Assert.Equal("k", config["Jwt:SigningKey"]);
    }

    [Fact]
    public void No_env_file_is_fine_unless_a_path_was_given()
    {
        var config = new ConfigurationBuilder().AddSecretGuard(Options).Build();
        Assert.Empty(config.AsEnumerable());

        var ex = Assert.Throws<SecretGuardException>(() => new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.EnvFilePath = System.IO.Path.Combine(_app.Path, "missing.env");
        }).Build());
        Assert.Contains("missing.env", ex.Message);

        new ConfigurationBuilder().AddSecretGuard(o =>
        {
            Options(o);
            o.EnvFilePath = System.IO.Path.Combine(_app.Path, "missing.env");
            o.Optional = true;
        }).Build();
    }

    private string Enc(string keyName, string value) => TestKeys.Encrypt("dev", _devKey, keyName, value);

    private void Options(SecretGuardOptions o)
    {
        o.BaseDirectory = _app.Path;
        o.Environment = "dev";
    }
}
