using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// <c>Secrets.Get</c> on a value already read once (the hot path an app hits on every request). Aim: under 100 ns,
/// nothing allocated.
/// </summary>
[MemoryDiagnoser]
public class SecretsGetBenchmarks
{
    private const string Name = "API_KEY_SECRET";
    private const string Plaintext = "correct horse battery staple";

    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // Only the files below may decide the key and the environment, not the machine's variables.
        foreach (var variable in new[] { "SECRETGUARD_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "SECRETGUARD_KEY_FILE", "SECRETGUARD_KEY_DEV", "SECRETGUARD_KEY_DEV_PREVIOUS", Name })
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        _folder = Path.Combine(Path.GetTempPath(), "sg-bench-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(_folder);
        var masterKey = MasterKey.Generate("benchmark");
        var keyFile = Path.Combine(_folder, "secretguard.keys");
        File.WriteAllText(keyFile, "# benchmark key, deleted afterwards\ndev = " + masterKey.ToBase64() + "\n");
        var key = KeyDerivation.Derive(masterKey, BenchmarkData.Environment);
        File.WriteAllText(Path.Combine(_folder, ".env"),
            "# benchmark\nAPP_NAME=bench\n" + Name + "=" + SecretCipher.Encrypt(key, Name, Plaintext) + "\n");

        Secrets.Reset();
        Secrets.Configure(o =>
        {
            o.BaseDirectory = _folder;
            o.Environment = BenchmarkData.Environment;
            o.KeyFilePath = keyFile;
        });

        if (!string.Equals(Secrets.Get(Name), Plaintext, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Secrets.Get did not return the encrypted value.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Secrets.Reset();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A cached value: one volatile read and one dictionary lookup.</summary>
    [Benchmark]
    public string GetCached() => Secrets.Get(Name);
}
