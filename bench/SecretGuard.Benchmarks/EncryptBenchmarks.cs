using BenchmarkDotNet.Attributes;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Encrypting values with an already derived environment key (what a build does after its one derivation), and the
/// derivation itself (PBKDF2-HMAC-SHA256, 100 000 iterations), uncached.
/// </summary>
[MemoryDiagnoser]
public class EncryptBenchmarks
{
    public const int Count = 1_000;

    private MasterKey _masterKey = null!;
    private EnvironmentKey _key = null!;
    private string[] _names = null!;
    private string[] _plaintexts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _masterKey = BenchmarkData.MasterKey();
        _key = KeyDerivation.DeriveUncached(_masterKey, BenchmarkData.Environment);
        _names = BenchmarkData.KeyNames(Count);
        _plaintexts = BenchmarkData.Plaintexts(Count);
    }

    /// <summary>Time and allocation per value (1 000 values per invocation).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int EncryptOneValue() => EncryptAll();

    /// <summary>All 1 000 values as one operation.</summary>
    [Benchmark]
    public int Encrypt1000Values() => EncryptAll();

    /// <summary>The one derivation a process pays per environment.</summary>
    /// <remarks>Returns object: the key type is internal, and BenchmarkDotNet needs a public method.</remarks>
    [Benchmark]
    public object DeriveKey() => KeyDerivation.DeriveUncached(_masterKey, BenchmarkData.Environment);

    private int EncryptAll()
    {
        var total = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            total += SecretCipher.Encrypt(_key, _names[i], _plaintexts[i]).Length;
        }

        return total;
    }
}
