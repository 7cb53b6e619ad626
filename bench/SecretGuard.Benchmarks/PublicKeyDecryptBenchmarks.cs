using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecretGuard.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Version 2 (public-key) values, 1,000 at a time: decrypting them with a private key imported once (what an app start
/// pays per value, docs/formats.md#version-2-public-key-values), importing the private key, and encrypting them to one
/// public key (what a build's encrypt-in-place would pay), and an app start: the configuration provider loading an env
/// file of 1,000 version 2 values (it decrypts them on every core first, <c>SecretStore.DecryptAhead</c>). The vectors'
/// app key (bytes 01..20) is the key pair.
/// </summary>
[MemoryDiagnoser]
public class PublicKeyDecryptBenchmarks
{
    public const int Count = 1000;

    private const string PrivateKeyText = "sgkey2_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";

    private PrivateKey _key = null!;
    private KeyRing _ring = null!;
    private RecipientKey[] _recipients = null!;
    private string[] _names = null!;
    private string[] _plaintexts = null!;
    private string[] _ciphertexts = null!;
    private string _folder = string.Empty;
    private SecretGuardOptions _appOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = PrivateKey.FromText(BenchmarkData.Environment, PrivateKeyText, "benchmark key");
        _ring = new KeyRing(BenchmarkData.Environment, null, null, _key, null, "benchmark");
        _recipients = new[] { _key.ToRecipient() };
        _names = BenchmarkData.KeyNames(Count);
        _plaintexts = BenchmarkData.Plaintexts(Count);
        _ciphertexts = _names.Select((name, i) => PublicKeyCipher.Encrypt(BenchmarkData.Environment, name, _plaintexts[i], _recipients)).ToArray();
        for (var i = 0; i < Count; i++)
        {
            if (!string.Equals(SecretCipher.Decrypt(_ciphertexts[i], _names[i], _ring), _plaintexts[i], StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Round trip failed for " + _names[i]);
            }
        }

        // The app's folder: .env with the 1,000 values, and a key file holding the private key.
        _folder = Path.Combine(Path.GetTempPath(), "sg-bench-v2-start-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(_folder);
        var keyFile = Path.Combine(_folder, "secretguard.keys");
        File.WriteAllText(keyFile, BenchmarkData.Environment + " = " + PrivateKeyText + "\n");
        var env = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            env.Append(_names[i]).Append('=').Append(_ciphertexts[i]).Append('\n');
        }

        File.WriteAllText(Path.Combine(_folder, ".env"), env.ToString());
        _appOptions = new SecretGuardOptions { BaseDirectory = _folder, Environment = BenchmarkData.Environment, KeyFilePath = keyFile };
        if (AppStart1000V2() != Count)
        {
            throw new InvalidOperationException("The provider did not load the 1,000 values.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>An app start's share: the provider reads the env file and the key file, and decrypts the 1,000 values.</summary>
    [Benchmark]
    public int AppStart1000V2()
    {
        using var provider = new SecretGuardConfigurationProvider(_appOptions, Array.Empty<Microsoft.Extensions.Configuration.IConfigurationSource>());
        provider.Load();
        return provider.Status!.ValueCount;
    }

    /// <summary>1,000 decryptions with a private key imported earlier (one ECDH and two AES-GCM each).</summary>
    [Benchmark]
    public int Decrypt1000V2()
    {
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += SecretCipher.Decrypt(_ciphertexts[i], _names[i], _ring).Length;
        }

        return total;
    }

    /// <summary>1,000 encryptions to one public key (a fresh ephemeral key each).</summary>
    [Benchmark]
    public int Encrypt1000V2()
    {
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += PublicKeyCipher.Encrypt(BenchmarkData.Environment, _names[i], _plaintexts[i], _recipients).Length;
        }

        return total;
    }

    /// <summary>Importing the private key once, as a key ring does when it loads.</summary>
    [Benchmark]
    public string ImportPrivateKey()
    {
        using var key = PrivateKey.FromText(BenchmarkData.Environment, PrivateKeyText, "benchmark key");
        return key.RecipientId;
    }
}
