using System;
using Microsoft.Extensions.Configuration;

namespace SecretGuard.Tests;

/// <summary>
/// The limits docs/formats.md#threat-model states, shown to hold: the format authenticates each value with its
/// environment and name, not the file, so a value copied to another file, an older value of the same entry and a
/// deleted entry all load without an error; what the page says bounds them (a finished rotation, a Required rule) does.
/// A file MAC that closes them would turn these tests around, together with the page.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class FormatThreatModelTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _current = TestKeys.NewBase64();
    private readonly string _previous = TestKeys.NewBase64();

    public void Dispose()
    {
        _vars.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_value_copied_into_another_file_of_the_same_environment_under_the_same_name_is_accepted()
    {
        var keys = KeyFile(withPrevious: false);
        var payments = _dir.Write("payments/.env", "DB_SECRET=" + Enc(_current, "DB_SECRET", "payments-db-password") + "\n");
        var reporting = _dir.Write("reporting/.env", "DB_SECRET=" + Enc(_current, "DB_SECRET", "reporting-db-password") + "\n");

        System.IO.File.WriteAllText(reporting, System.IO.File.ReadAllText(payments));

        Assert.Equal("payments-db-password", Load(reporting, keys)["DB_SECRET"]);
    }

    [Fact]
    public void An_older_value_of_the_same_entry_is_accepted_until_a_finished_rotation_retires_its_key()
    {
        var revoked = Enc(_previous, "DB_SECRET", "revoked-password");
        var path = _dir.Write(".env", "DB_SECRET=" + Enc(_current, "DB_SECRET", "current-password") + "\n");
        Assert.Equal("current-password", Load(path, KeyFile(withPrevious: true))["DB_SECRET"]);

        // Rolled back to the value from before the rotation: it still decrypts with the previous key.
        System.IO.File.WriteAllText(path, "DB_SECRET=" + revoked + "\n");
        Assert.Equal("revoked-password", Load(path, KeyFile(withPrevious: true))["DB_SECRET"]);

        // And once the rotation is finished (the previous key deleted), it names a kid no key has.
        var ex = Assert.Throws<SecretGuardException>(() => Load(path, KeyFile(withPrevious: false)));
        Assert.Equal(("SG1006", SecretGuardErrorReason.UnknownKid), (ex.Problems[0].ErrorCode, ex.Problems[0].Reason));

        // An older value under the current key is not detected at all.
        var older = Enc(_current, "DB_SECRET", "older-password");
        System.IO.File.WriteAllText(path, "DB_SECRET=" + older + "\n");
        Assert.Equal("older-password", Load(path, KeyFile(withPrevious: false))["DB_SECRET"]);
    }

    [Fact]
    public void A_deleted_entry_is_noticed_only_by_a_Required_rule()
    {
        var keys = KeyFile(withPrevious: false);
        var path = _dir.Write(".env", "API_SECRET=" + Enc(_current, "API_SECRET", "api") + "\n");

        var loaded = Load(path, keys);
        Assert.Null(loaded["DB_SECRET"]);
        Assert.Equal("api", loaded["API_SECRET"]);

        var ex = Assert.Throws<SecretGuardException>(() => Load(path, keys, o => o.Require("DB_SECRET")));
        Assert.Equal(("SG1008", "DB_SECRET"), (ex.Problems[0].ErrorCode, ex.Problems[0].KeyName));
    }

    private IConfigurationRoot Load(string envFile, string keyFile, Action<SecretGuardOptions>? more = null) =>
        new ConfigurationBuilder().AddSecretGuard(o =>
        {
            o.Environment = "prod";
            o.EnvFilePath = envFile;
            o.KeyFilePath = keyFile;
            o.BaseDirectory = _dir.Path;
            more?.Invoke(o);
        }).Build();

    private string KeyFile(bool withPrevious) =>
        _dir.Write(withPrevious ? "rotating.keys" : "finished.keys", "prod = " + _current + "\n" + (withPrevious ? "prod.previous = " + _previous + "\n" : string.Empty));

    private static string Enc(string masterKey, string name, string plaintext) => TestKeys.Encrypt("prod", masterKey, name, plaintext);
}
