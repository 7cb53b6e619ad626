using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Version 2 (public-key) values, 1,000 at a time: decrypting them with a private key imported once (what an app start
/// pays per value, docs/formats.md#version-2-public-key-values), importing the private key, and encrypting them to one
/// public key (what a build's encrypt-in-place would pay). The vectors' app key (bytes 01..20) is the key pair.
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
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

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
