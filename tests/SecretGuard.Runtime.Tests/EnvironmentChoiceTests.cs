using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using SecretGuard.Environments;

namespace SecretGuard.Tests;

/// <summary>
/// Build once, deploy many (issue 16): the environment is chosen at run time, through a configurable map, and the
/// chosen environment's own file is read from an output that ships every environment's file.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class EnvironmentChoiceTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly Dictionary<string, string> _keys = new()
    {
        ["dev"] = TestKeys.NewBase64(),
        ["int"] = TestKeys.NewBase64(),
        ["prod"] = TestKeys.NewBase64(),
    };

    public void Dispose()
    {
        Secrets.Reset();
        _vars.Dispose();
        _app.Dispose();
    }

    [Fact]
    public void The_options_map_turns_a_custom_hosting_name_into_an_environment()
    {
        _vars.Set("DOTNET_ENVIRONMENT", "Staging-EU");
        var map = SecretGuardOptions.DefaultEnvironmentMap();
        map["staging-eu"] = "int";

        var env = ActiveEnvironment.Resolve(null, _app.Path, map, hostSetting: null);

        Assert.Equal("int", env.Name);
        Assert.Equal("DOTNET_ENVIRONMENT=Staging-EU", env.Source);
    }

    [Fact]
    public void An_entry_replaces_a_default_and_names_not_in_the_map_are_lower_cased()
    {
        var map = SecretGuardOptions.DefaultEnvironmentMap();
        map["Staging"] = "stage";

        Assert.Equal("stage", ActiveEnvironment.MapHostingName("staging", map, out var entry));
        Assert.Equal("Staging=stage", entry);
        Assert.Equal("prod", ActiveEnvironment.MapHostingName(" Production ", map, out _));
        Assert.Equal("qa", ActiveEnvironment.MapHostingName("QA", map, out entry));
        Assert.Null(entry);
    }

    [Fact]
    public void A_hosting_name_that_is_no_environment_says_how_to_map_it()
    {
        _vars.Set("ASPNETCORE_ENVIRONMENT", "Staging-EU");

        var ex = Assert.Throws<SecretGuardException>(() => ActiveEnvironment.Resolve(null, _app.Path, SecretGuardOptions.DefaultEnvironmentMap(), null));

        Assert.Equal(SecretGuardErrorReason.InvalidEnvironment, ex.Reason);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Staging-EU", ex.Message);
        Assert.Contains("SecretGuard:EnvironmentMap:Staging-EU", ex.Message);
    }

    [Fact]
    public void A_map_entry_that_names_no_valid_environment_is_an_error_naming_the_entry()
    {
        _vars.Set("DOTNET_ENVIRONMENT", "Staging");
        var map = SecretGuardOptions.DefaultEnvironmentMap();
        map["Staging"] = "Int Env";

        var ex = Assert.Throws<SecretGuardException>(() => ActiveEnvironment.Resolve(null, _app.Path, map, null));

        Assert.Contains("EnvironmentMap entry Staging=Int Env", ex.Message);
    }

    [Fact]
    public void The_hosts_own_setting_comes_after_SECRETGUARD_ENVIRONMENT_and_before_the_process_variables()
    {
        var map = SecretGuardOptions.DefaultEnvironmentMap();
        _vars.Set("DOTNET_ENVIRONMENT", "Production");
        var fromHost = ActiveEnvironment.Resolve(null, _app.Path, map, hostSetting: "Development");
        Assert.Equal("dev", fromHost.Name);
        Assert.Contains("configuration key 'environment'", fromHost.Source);

        _vars.Set(ActiveEnvironment.Variable, "int");
        Assert.Equal("int", ActiveEnvironment.Resolve(null, _app.Path, map, hostSetting: "Development").Name);
    }

    [Fact]
    public void One_output_with_every_environments_file_reads_the_file_of_the_environment_it_runs_in()
    {
        ShipEveryEnvironment(recorded: "prod");

        foreach (var (hosting, expected) in new[] { ("Development", "dev"), ("Staging", "int"), ("Production", "prod") })
        {
            Secrets.Reset();
            _vars.Set("DOTNET_ENVIRONMENT", hosting).Set("SECRETGUARD_KEY_" + expected.ToUpperInvariant(), _keys[expected]);
            Secrets.Configure(o => o.BaseDirectory = _app.Path);

            Assert.Equal(expected, Secrets.Environment.Name);
            Assert.Equal("db-password-of-" + expected, Secrets.Get("DB_PASSWORD_SECRET"));
            Assert.Equal("https://" + expected + ".example.test", Secrets.Get("PUBLIC_URL"));
            _vars.Set("SECRETGUARD_KEY_" + expected.ToUpperInvariant(), null);
        }
    }

    [Fact]
    public void Without_any_hosting_environment_the_builds_record_is_the_default()
    {
        ShipEveryEnvironment(recorded: "int");
        _vars.Set("SECRETGUARD_KEY_INT", _keys["int"]);
        Secrets.Configure(o => o.BaseDirectory = _app.Path);

        Assert.Equal("int", Secrets.Environment.Name);
        Assert.Equal("db-password-of-int", Secrets.Get("DB_PASSWORD_SECRET"));
    }

    [Fact]
    public void The_file_of_another_environment_is_never_read_instead_of_a_missing_one()
    {
        ShipEveryEnvironment(recorded: "prod", environments: new[] { "dev", "prod" });
        using var current = new CurrentDirectory(_app.Write("cwd/.env", "PUBLIC_URL=https://elsewhere.example.test\n"));
        _vars.Set("DOTNET_ENVIRONMENT", "Staging").Set("SECRETGUARD_KEY_INT", _keys["int"]);
        Secrets.Configure(o => o.BaseDirectory = _app.Path);

        var ex = Assert.Throws<SecretGuardException>(() => Secrets.Get("PUBLIC_URL"));

        Assert.Equal(SecretGuardErrorReason.NotFound, ex.Reason);
        Assert.Equal("SG1014", ex.ErrorCode);
        Assert.Equal(Path.Combine(_app.Path, ".env.int"), ex.FilePath);
        Assert.Contains("There is no env file for int: " + Path.Combine(_app.Path, ".env.int") + " does not exist", ex.Message);
        Assert.Contains("chosen by DOTNET_ENVIRONMENT=Staging", ex.Message);
        Assert.Contains("this output holds the files of dev, prod", ex.Message);
        Assert.Contains("SecretGuardShipEnvironments", ex.Message);
    }

    [Fact]
    public void A_missing_file_fails_the_configuration_at_startup_unless_it_is_optional()
    {
        ShipEveryEnvironment(recorded: "prod", environments: new[] { "dev", "prod" });
        _vars.Set("SECRETGUARD_KEY_INT", _keys["int"]);

        var ex = Assert.Throws<SecretGuardException>(() =>
            new ConfigurationBuilder().AddSecretGuard(o => { o.BaseDirectory = _app.Path; o.Environment = "int"; }).Build());
        Assert.Contains("There is no env file for int", ex.Message);
        Assert.Contains("chosen by the Environment option", ex.Message);

        _vars.Set("DB_PASSWORD_SECRET", "from-the-platform");
        var optional = new ConfigurationBuilder().AddSecretGuard(o => { o.BaseDirectory = _app.Path; o.Environment = "int"; o.Optional = true; }).Build();
        Assert.Null(optional["PUBLIC_URL"]);
        Secrets.Configure(o => { o.BaseDirectory = _app.Path; o.Environment = "int"; o.Optional = true; });
        Assert.Equal("from-the-platform", Secrets.Get("DB_PASSWORD_SECRET"));
    }

    [Fact]
    public void A_single_env_file_beside_hand_made_copies_of_env_files_is_read_as_before()
    {
        // Apps that copied .env.<env> to their output themselves, next to the build's single .env, keep reading .env.
        ShipEveryEnvironment(recorded: "prod", environments: new[] { "dev" });
        _app.Write(".env", "PUBLIC_URL=https://single.example.test\n");
        Secrets.Configure(o => { o.BaseDirectory = _app.Path; o.Environment = "prod"; });

        Assert.Equal("https://single.example.test", Secrets.Get("PUBLIC_URL"));
    }

    [Fact]
    public void Templates_and_lock_files_beside_the_app_are_no_shipped_environment()
    {
        _app.Write(".env.example", "PUBLIC_URL=<url>\n");
        _app.Write(".env.dev.lock", string.Empty);
        _app.Write(".env", "PUBLIC_URL=https://single.example.test\n");
        Secrets.Configure(o => { o.BaseDirectory = _app.Path; o.Environment = "prod"; });

        Assert.Equal("https://single.example.test", Secrets.Get("PUBLIC_URL"));
        Assert.Empty(ShippedEnvFiles.Environments(_app.Path));
    }

    [Fact]
    public void A_single_env_file_and_its_record_work_as_before()
    {
        _app.Write(".env", "DB_PASSWORD_SECRET=" + TestKeys.Encrypt("prod", _keys["prod"], "DB_PASSWORD_SECRET", "single-file-prod") + "\n");
        _app.Write(RecordedEnvironment.FileName, "prod\n");
        _vars.Set("SECRETGUARD_KEY_PROD", _keys["prod"]);
        Secrets.Configure(o => o.BaseDirectory = _app.Path);

        Assert.Equal("prod", Secrets.Environment.Name);
        Assert.Equal("single-file-prod", Secrets.Get("DB_PASSWORD_SECRET"));
    }

    [Fact]
    public void The_configuration_provider_follows_the_hosts_environment_setting_like_WebApplicationFactory_sets_it()
    {
        // WebApplicationFactory runs the app as Development by passing --environment=Development to the host: the
        // process variables stay as they are (here: Production), only the host's configuration says Development.
        ShipEveryEnvironment(recorded: "prod");
        _vars.Set("DOTNET_ENVIRONMENT", "Production").Set("SECRETGUARD_KEY_DEV", _keys["dev"]);
        var manager = new ConfigurationManager();
        manager.AddCommandLineLike("environment", "Development");

        manager.AddSecretGuard(o => o.BaseDirectory = _app.Path);

        Assert.Equal("db-password-of-dev", manager["DB_PASSWORD"]);
        Assert.Equal("https://dev.example.test", manager["PUBLIC_URL"]);
    }

    [Fact]
    public void The_map_can_come_from_configuration_and_wins_over_the_options()
    {
        ShipEveryEnvironment(recorded: "prod");
        _vars.Set("SECRETGUARD_KEY_INT", _keys["int"]);
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["environment"] = "Acceptance",
                ["SecretGuard:EnvironmentMap:Acceptance"] = "int",
            })
            .AddSecretGuard(o =>
            {
                o.BaseDirectory = _app.Path;
                o.EnvironmentMap["Acceptance"] = "prod";
            })
            .Build();

        Assert.Equal("db-password-of-int", config["DB_PASSWORD_SECRET"]);
    }

    /// <summary>What a build with SecretGuardShipEnvironments leaves in the output: one encrypted file per environment.</summary>
    private void ShipEveryEnvironment(string recorded, string[]? environments = null)
    {
        foreach (var env in environments ?? new[] { "dev", "int", "prod" })
        {
            _app.Write(".env." + env,
                "PUBLIC_URL=https://" + env + ".example.test\n" +
                "DB_PASSWORD_SECRET=" + TestKeys.Encrypt(env, _keys[env], "DB_PASSWORD_SECRET", "db-password-of-" + env) + "\n");
        }

        _app.Write(RecordedEnvironment.FileName, recorded + "\n");
    }
}

/// <summary>Runs a test from another current folder (the runtime's last fallback for .env) and goes back.</summary>
internal sealed class CurrentDirectory : IDisposable
{
    private readonly string _saved = Directory.GetCurrentDirectory();

    public CurrentDirectory(string fileInside) => Directory.SetCurrentDirectory(Path.GetDirectoryName(fileInside)!);

    public void Dispose() => Directory.SetCurrentDirectory(_saved);
}

internal static class ConfigurationManagerTestExtensions
{
    /// <summary>A host setting as the host's command-line source supplies it.</summary>
    public static void AddCommandLineLike(this ConfigurationManager manager, string key, string value) =>
        manager.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
}
