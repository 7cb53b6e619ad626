using System;
using BenchmarkDotNet.Attributes;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Decrypting 100 values: cold (the process-wide derivation cache is cleared, so the one PBKDF2 derivation is paid
/// inside the measurement) and warm (key already derived).
/// </summary>
[MemoryDiagnoser]
public class DecryptBenchmarks
{
    public const int Count = 100;

    private MasterKey _masterKey = null!;
    private KeyRing _warmRing = null!;
    private string[] _names = null!;
    private string[] _ciphertexts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _masterKey = BenchmarkData.MasterKey();
        var key = KeyDerivation.DeriveUncached(_masterKey, BenchmarkData.Environment);
        _warmRing = new KeyRing(BenchmarkData.Environment, key, null, "benchmark");
        _names = BenchmarkData.KeyNames(Count);
        var plaintexts = BenchmarkData.Plaintexts(Count);
        _ciphertexts = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            _ciphertexts[i] = SecretCipher.Encrypt(key, _names[i], plaintexts[i]);
            if (!string.Equals(SecretCipher.Decrypt(_ciphertexts[i], _names[i], _warmRing), plaintexts[i], StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Round trip failed for " + _names[i]);
            }
        }
    }

    /// <summary>One derivation (through the process cache, cleared first) and then 100 decryptions.</summary>
    [Benchmark]
    public int Decrypt100Cold()
    {
        KeyDerivation.ClearCache();
        var key = KeyDerivation.Derive(_masterKey, BenchmarkData.Environment);
        return DecryptAll(new KeyRing(BenchmarkData.Environment, key, null, "benchmark"));
    }

    /// <summary>100 decryptions with a key derived earlier.</summary>
    [Benchmark]
    public int Decrypt100Warm() => DecryptAll(_warmRing);

    private int DecryptAll(KeyRing ring)
    {
        var total = 0;
        for (var i = 0; i < _ciphertexts.Length; i++)
        {
            total += SecretCipher.Decrypt(_ciphertexts[i], _names[i], ring).Length;
        }

        return total;
    }
}
