using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using SecretGuard.Configuration;
using SecretGuard.IO;

namespace SecretGuard.Tests;

/// <summary>
/// The configuration provider with <c>ReloadOnChange</c>: files replaced by rename (as every SecretGuard writer does)
/// are picked up without a restart; a change that breaks a secret keeps the last good values; rotation shows as
/// Degraded until the re-encrypted file arrives; replaced derived keys are zeroed.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ReloadOnChangeTests : IDisposable
{
    private readonly TempDirectory _app = new();
    private readonly EnvironmentVariables _vars = new EnvironmentVariables().ClearSecretGuardState();
    private readonly string _key = TestKeys.NewBase64();
    private readonly string _keyFile;
    private readonly string _envFile;

    public ReloadOnChangeTests()
    {
        _keyFile = _app.Write("secretguard.keys", "prod = " + _key + "\n");
        _envFile = Path.Combine(_app.Path, ".env");
    }

    public void Dispose()
    {
        _vars.Dispose();
        _app.Dispose();
    }

    [Fact]
    public void A_rewritten_env_file_is_reloaded_and_fires_the_reload_token()
    {
        Replace(_envFile, "Api__Token_SECRET=" + Enc(_key, "Api__Token_SECRET", "token-v1") + "\n");
        using var config = Build();
        Assert.Equal("token-v1", config["Api:Token"]);
        var fired = 0;
        using var registration = Microsoft.Extensions.Primitives.ChangeToken.OnChange(config.GetReloadToken, () => System.Threading.Interlocked.Increment(ref fired));

        Replace(_envFile, "Api__Token_SECRET=" + Enc(_key, "Api__Token_SECRET", "token-v2") + "\nAdded=yes\n");

        Eventually.True(() => config["Api:Token"] == "token-v2", "the new value");
        Assert.Equal("yes", config["Added"]);
        Eventually.True(() => System.Threading.Volatile.Read(ref fired) >= 1, "the reload token"); // fired right after the data swap
        Assert.Equal(SecretGuardHealthState.Healthy, Provider(config).Status!.State);
    }

    [Fact]
    public void A_change_that_breaks_a_secret_keeps_the_last_good_values_and_reports_it()
    {
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "good-a") + "\n");
        using var config = Build();
        var provider = Provider(config);

        Replace(_envFile, "A_SECRET=" + Enc(_key, "OTHER_SECRET", "moved") + "\nB_SECRET=" + Enc(TestKeys.NewBase64(), "B_SECRET", "b") + "\n");
        Eventually.True(() => provider.Status!.FailedReload is not null, "the failed reload");

        Assert.Equal("good-a", config["A_SECRET"]);
        Assert.Null(config["B_SECRET"]);
        var status = provider.Status!;
        Assert.Equal(SecretGuardHealthState.Unhealthy, status.State);
        Assert.Contains(status.Problems, p => p.KeyName == "A_SECRET" && p.Reason == SecretGuardErrorReason.Tampered);
        Assert.Contains(status.Problems, p => p.KeyName == "B_SECRET" && p.Reason == SecretGuardErrorReason.UnknownKid);

        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "good-a2") + "\n");
        Eventually.True(() => config["A_SECRET"] == "good-a2", "the fixed file");
        Assert.Equal(SecretGuardHealthState.Healthy, provider.Status!.State);
    }

    [Fact]
    public void A_syntax_error_in_a_rewritten_file_keeps_the_last_good_values()
    {
        Replace(_envFile, "A=1\n");
        using var config = Build();
        Replace(_envFile, "A=\"never closed\n");
        Eventually.True(() => Provider(config).Status!.FailedReload is not null, "the failed reload");
        Assert.Equal("1", config["A"]);
        Assert.Equal("SG1001", Provider(config).Status!.Problems.Single().ErrorCode);
    }

    [Fact]
    public void Rotation_is_Degraded_until_the_re_encrypted_file_arrives_and_finishing_zeroes_the_old_key()
    {
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "same-a") + "\nB_SECRET=" + Enc(_key, "B_SECRET", "same-b") + "\n");
        using var config = Build();
        var provider = Provider(config);
        var oldKey = provider.KeyRingForTests!.Current!;

        // rotate: new current key, the old one kept as prod.previous; the deployed file still holds old-key values.
        var newKey = TestKeys.NewBase64();
        Replace(_keyFile, "prod = " + newKey + "\nprod.previous = " + _key + "\n");
        Eventually.True(() => provider.Status!.State == SecretGuardHealthState.Degraded, "Degraded");
        Assert.Equal(new[] { "A_SECRET", "B_SECRET" }, provider.Status!.ValuesOnPreviousKey.OrderBy(n => n));
        Assert.Equal("same-a", config["A_SECRET"]);
        Assert.Same(oldKey, provider.KeyRingForTests!.Previous); // still held: not derived again, not zeroed
        Assert.False(oldKey.IsCleared);

        // deploy the re-encrypted file
        Replace(_envFile, "A_SECRET=" + Enc(newKey, "A_SECRET", "same-a") + "\nB_SECRET=" + Enc(newKey, "B_SECRET", "same-b") + "\n");
        Eventually.True(() => provider.Status!.State == SecretGuardHealthState.Healthy, "Healthy after deploy");

        // --finish: the previous key leaves the key file; the provider lets go of it and its bytes are zeroed
        Replace(_keyFile, "prod = " + newKey + "\n");
        Eventually.True(() => provider.KeyRingForTests!.Previous is null, "the ring without the previous key");
        Assert.True(oldKey.IsCleared);
        Assert.True(oldKey.RawBytesForTests.ToArray().All(b => b == 0));
        Assert.Equal(SecretGuardHealthState.Healthy, provider.Status!.State);
        Assert.Equal("same-b", config["B_SECRET"]);
    }

    [Fact]
    public void A_key_file_linked_from_a_shared_folder_is_reloaded_when_the_shared_file_changes()
    {
        // Teams link secretguard.keys to a shared file (docs/operations.md#sharing-a-key-file-or-an-env-file); rotate
        // writes the shared file by rename in its own folder, where a watch on the link's folder sees nothing.
        using var shared = new TempDirectory();
        var sharedKeys = shared.Write("secretguard.keys", "prod = " + _key + "\n");
        File.Delete(_keyFile);
        File.CreateSymbolicLink(_keyFile, sharedKeys);
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "same-a") + "\n");
        using var config = Build();
        var provider = Provider(config);
        Assert.Equal(SecretGuardHealthState.Healthy, provider.Status!.State);

        Replace(sharedKeys, "prod = " + TestKeys.NewBase64() + "\nprod.previous = " + _key + "\n");

        Eventually.True(() => provider.Status!.State == SecretGuardHealthState.Degraded, "Degraded after the shared key file was rotated");
        Assert.Equal("same-a", config["A_SECRET"]);
        Assert.NotNull(new FileInfo(_keyFile).LinkTarget); // still a link
    }

    [Fact]
    public void Disposing_the_configuration_zeroes_the_derived_keys_and_stops_watching()
    {
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "a") + "\n");
        var config = Build();
        var provider = Provider(config);
        var key = provider.KeyRingForTests!.Current!;

        ((IDisposable)config).Dispose();

        Assert.True(key.IsCleared);
        Assert.True(key.RawBytesForTests.ToArray().All(b => b == 0));
        Assert.Throws<ObjectDisposedException>(() => key.AesKey.Length);
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "b") + "\n"); // no reload, no crash
        System.Threading.Thread.Sleep(400);
        Assert.Equal("a", config["A_SECRET"]);
    }

    [Fact]
    public void A_key_someone_else_still_holds_is_not_zeroed()
    {
        Replace(_envFile, "A_SECRET=" + Enc(_key, "A_SECRET", "a") + "\n");
        var held = TestKeys.Ring("prod", _key).Current!; // Secrets or another provider holding the same key
        var config = Build();
        Assert.Same(held, Provider(config).KeyRingForTests!.Current);
        ((IDisposable)config).Dispose();
        Assert.False(held.IsCleared);
    }

    private ConfigurationRoot Build() => (ConfigurationRoot)new ConfigurationBuilder().AddSecretGuard(o =>
    {
        o.BaseDirectory = _app.Path;
        o.Environment = "prod";
        o.KeyFilePath = _keyFile;
        o.ReloadOnChange = true;
        o.ReloadDelay = TimeSpan.FromMilliseconds(50);
    }).Build();

    private static SecretGuardConfigurationProvider Provider(IConfigurationRoot config) => config.Providers.OfType<SecretGuardConfigurationProvider>().Single();

    // Not through the derivation cache: a test that held the key would keep it from ever being zeroed.
    private static string Enc(string masterKey, string name, string value) =>
        SecretGuard.Crypto.SecretCipher.Encrypt(SecretGuard.Keys.KeyDerivation.DeriveUncached(SecretGuard.Keys.MasterKey.FromBase64(masterKey, "test"), "prod"), name, value);

    // As the build, the CLI and a deployment by rename do it: a new file renamed over the old one.
    private static void Replace(string path, string text) => AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
}
