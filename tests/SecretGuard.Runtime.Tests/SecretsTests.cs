using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary><see cref="Secrets"/> is process-wide: each test resets it and runs alone.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SecretsTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _devKey = TestKeys.NewBase64();

    public SecretsTests()
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
    public void Get_decrypts_a_value_from_the_env_file_in_the_app_folder()
    {
        WriteEnv("API_KEY_SECRET=" + TestKeys.Encrypt("dev", _devKey, "API_KEY_SECRET", "sk-live-123") + "\nPLAIN=hello\n");
        Configure();
        Assert.Equal("sk-live-123", Secrets.Get("API_KEY_SECRET"));
        Assert.Equal("hello", Secrets.Get("PLAIN"));
        Assert.Equal("dev", Secrets.Environment.Name);
    }

    [Fact]
    public void The_environment_comes_from_the_hosting_variable_when_no_option_is_set()
    {
        WriteEnv("API_KEY_SECRET=" + TestKeys.Encrypt("dev", _devKey, "API_KEY_SECRET", "v") + "\n");
        _vars.Set("DOTNET_ENVIRONMENT", "Development");
        Secrets.Configure(o => o.BaseDirectory = _app.Path);
        Assert.Equal("v", Secrets.Get("API_KEY_SECRET"));
    }

    [Fact]
    public void TryGet_is_false_for_a_name_set_nowhere_and_Get_says_where_it_looked()
    {
        WriteEnv("OTHER=1\n");
        Configure();
        Assert.False(Secrets.TryGet("MISSING_SECRET_" + Guid.NewGuid().ToString("N"), out var value));
        Assert.Null(value);
        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("MISSING_SECRET"));
        Assert.Equal("SG1014", ex.ErrorCode);
        Assert.Contains(System.IO.Path.Combine(_app.Path, ".env"), ex.Message);
    }

    [Fact]
    public void A_process_variable_comes_first_plaintext_as_is_and_ciphertext_decrypted()
    {
        WriteEnv("FROM_VAULT_SECRET=" + TestKeys.Encrypt("dev", _devKey, "FROM_VAULT_SECRET", "from-file") + "\n");
        _vars.Set("FROM_VAULT_SECRET", "injected-by-vault");
        _vars.Set("ENCRYPTED_VAR_SECRET", TestKeys.Encrypt("dev", _devKey, "ENCRYPTED_VAR_SECRET", "decrypted"));
        Configure();
        Assert.Equal("injected-by-vault", Secrets.Get("FROM_VAULT_SECRET"));
        Assert.Equal("decrypted", Secrets.Get("ENCRYPTED_VAR_SECRET"));
    }

    [Fact]
    public void Another_environments_value_is_SG1005_naming_file_and_line()
    {
        var prodKey = TestKeys.NewBase64();
        WriteEnv("# comment\nDB_SECRET=" + TestKeys.Encrypt("prod", prodKey, "DB_SECRET", "prod-password") + "\n");
        Configure();
        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("DB_SECRET"));
        Assert.Equal("SG1005", ex.ErrorCode);
        Assert.Equal(2, ex.Line);
        Assert.StartsWith(System.IO.Path.Combine(_app.Path, ".env") + "(2): DB_SECRET", ex.Message);
        Assert.DoesNotContain("prod-password", ex.ToString());
    }

    [Fact]
    public void A_missing_key_says_which_variable_to_set_and_which_file_to_edit()
    {
        WriteEnv("DB_SECRET=" + TestKeys.Encrypt("prod", TestKeys.NewBase64(), "DB_SECRET", "x") + "\n");
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "prod";
        });
        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("DB_SECRET"));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains("set SECRETGUARD_KEY_PROD or add 'prod = <key>' to " + System.IO.Path.Combine(_app.Path, "secretguard.keys"), ex.Message);
    }

    [Fact]
    public void A_syntax_error_in_the_env_file_fails_with_file_line_and_column()
    {
        WriteEnv("GOOD=1\nBAD=\"s3cr3t-value\n");
        Configure();
        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("GOOD"));
        Assert.Equal("SG1001", ex.ErrorCode);
        Assert.Contains(".env(2,5)", ex.Message);
        Assert.DoesNotContain("s3cr3t-value", ex.Message);
    }

    [Fact]
    public void Configure_after_the_first_read_is_refused()
    {
        WriteEnv("A=1\n");
        Configure();
        Secrets.Get("A");
        Assert.Throws<InvalidOperationException>(() => Secrets.Configure(o => o.Environment = "prod"));
    }

    [Fact]
    public void A_plaintext_secret_in_the_file_is_returned_with_a_warning_that_does_not_show_it()
    {
        WriteEnv("NEW_SECRET=not-yet-encrypted\n");
        var logger = new RecordingLogger();
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "dev";
            o.Logger = logger;
        });
        Assert.Equal("not-yet-encrypted", Secrets.Get("NEW_SECRET"));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("NEW_SECRET", warning.Message);
        Assert.DoesNotContain("not-yet-encrypted", warning.Message);
    }

    [Fact]
    public void Values_are_decrypted_once_and_cached_across_threads()
    {
        WriteEnv("A_SECRET=" + TestKeys.Encrypt("dev", _devKey, "A_SECRET", "cached") + "\n");
        Configure();
        var derivationsBefore = KeyDerivation.DerivationCount;
        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = Secrets.Get("A_SECRET"));
        Assert.All(results, r => Assert.Equal("cached", r));
        Assert.Single(results.Distinct(StringComparer.Ordinal));
        Assert.Same(results[0], Secrets.Get("A_SECRET"));
        Assert.True(KeyDerivation.DerivationCount - derivationsBefore <= 1);
    }

    [Fact]
    public void Failing_reads_never_put_the_value_or_the_key_in_exceptions_or_logs()
    {
        const string canary = "canary-plaintext-4711";
        var good = TestKeys.Encrypt("dev", _devKey, "A_SECRET", canary);
        var payloadStart = good.LastIndexOf(':') + 1;
        var tampered = good[..payloadStart] + (good[payloadStart] == 'A' ? 'B' : 'A') + good[(payloadStart + 1)..];
        WriteEnv(
            "MOVED_SECRET=" + good + "\n" +
            "TAMPERED_SECRET=" + tampered + "\n" +
            "PROD_SECRET=" + TestKeys.Encrypt("prod", _devKey, "PROD_SECRET", canary) + "\n" +
            "OTHER_KEY_SECRET=" + TestKeys.Encrypt("dev", TestKeys.NewBase64(), "OTHER_KEY_SECRET", canary) + "\n" +
            "PLAIN_SECRET=" + canary + "\n");
        var logger = new RecordingLogger();
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _app.Path;
            o.Environment = "dev";
            o.Logger = logger;
        });

        foreach (var name in new[] { "MOVED_SECRET", "TAMPERED_SECRET", "PROD_SECRET", "OTHER_KEY_SECRET" })
        {
            var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get(name));
            Assert.Equal(name, ex.KeyName);
            Assert.DoesNotContain(canary, ex.ToString());
            Assert.DoesNotContain(_devKey, ex.ToString());
        }

        Assert.Equal(canary, Secrets.Get("PLAIN_SECRET"));
        Assert.NotEmpty(logger.Entries);
        Assert.All(logger.Entries, e =>
        {
            Assert.DoesNotContain(canary, e.Message);
            Assert.DoesNotContain(_devKey, e.Message);
        });
    }

    [Fact]
    public void Redact_never_shows_the_value()
    {
        Assert.Equal("[redacted]", Secrets.Redact("p@ssw0rd"));
        Assert.Equal("[empty]", Secrets.Redact(string.Empty));
        Assert.Equal("[null]", Secrets.Redact(null));
    }

    [Fact]
    public void The_current_directory_env_file_is_the_fallback()
    {
        using var cwd = new TempDirectory();
        cwd.Write(".env", "FROM_CWD=yes\n");
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = cwd.Path;
        try
        {
            Configure();
            Assert.Equal("yes", Secrets.Get("FROM_CWD"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private void WriteEnv(string text) => _app.Write(".env", text);

    private void Configure() => Secrets.Configure(o =>
    {
        o.BaseDirectory = _app.Path;
        o.Environment = "dev";
    });
}
