using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecretGuard.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// What a running app pays when its env file (1 000 encrypted secrets) or its key file changes with
/// <c>ReloadOnChange</c>: the provider's reload path (read and parse the file, decrypt every value, check rules, swap the
/// data, fire the reload token). Aim: at most 50 ms, plus one key derivation per environment when the key changed.
/// </summary>
[MemoryDiagnoser]
public class ReloadBenchmarks
{
    private const int Count = 1000;

    private string _folder = string.Empty;
    private string _envFile = string.Empty;
    private SecretGuardConfigurationProvider _provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var variable in new[] { "SECRETGUARD_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "SECRETGUARD_KEY_FILE", "SECRETGUARD_KEY_DEV", "SECRETGUARD_KEY_DEV_PREVIOUS" })
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        _folder = Path.Combine(Path.GetTempPath(), "sg-bench-reload-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(_folder);
        var masterKey = MasterKey.Generate("benchmark");
        var keyFile = Path.Combine(_folder, "secretguard.keys");
        File.WriteAllText(keyFile, "dev = " + masterKey.ToBase64() + "\n");

        // Encrypted with a key of its own (not from the cache), so the provider's keys are the only ones held.
        var key = KeyDerivation.DeriveUncached(masterKey, BenchmarkData.Environment);
        var names = BenchmarkData.KeyNames(Count);
        var values = BenchmarkData.Plaintexts(Count);
        var text = new StringBuilder("# 1 000 secrets\n");
        for (var i = 0; i < Count; i++)
        {
            text.Append(names[i]).Append('=').Append(SecretCipher.Encrypt(key, names[i], values[i])).Append('\n');
        }

        _envFile = Path.Combine(_folder, ".env");
        File.WriteAllText(_envFile, text.ToString());
        Console.WriteLine("// env file: " + Count + " secrets, " + new FileInfo(_envFile).Length + " bytes");

        var options = new SecretGuardOptions { BaseDirectory = _folder, Environment = BenchmarkData.Environment, KeyFilePath = keyFile };
        _provider = new SecretGuardConfigurationProvider(options, Array.Empty<Microsoft.Extensions.Configuration.IConfigurationSource>());
        _provider.Load();
        if (!_provider.TryGet(names[Count - 1], out var last) || last != values[Count - 1] || _provider.Status!.ValueCount != Count)
        {
            throw new InvalidOperationException("The provider did not load the 1 000 values.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The env file changed, the key did not: the derived key is still held, so nothing is derived.</summary>
    [Benchmark(Baseline = true)]
    public void ReloadEnvFile() => _provider.ReloadAfterChange(_envFile);

    /// <summary>The key changed (a rotation): the reload derives the key once, then decrypts the 1 000 values.</summary>
    [Benchmark]
    public void ReloadWithKeyDerivation()
    {
        KeyDerivation.ClearCache();
        _provider.ReloadAfterChange(_envFile);
    }
}
