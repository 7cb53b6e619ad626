using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SecretGuard.Environments;
using SecretGuard.Observability;

namespace SecretGuard.Keys;

/// <summary>
/// PBKDF2-HMAC-SHA256 from a master key to an environment's AES key (docs/formats.md#2-encrypted-values). The
/// derivation is deliberately slow (100 000 iterations), so its result is cached for the process: once per environment
/// and master key. Every <see cref="Derive"/> holds the key; a holder that lets go (<see cref="Release"/>, a
/// configuration provider on reload or dispose) gives it back, and the last one out removes it from the cache and
/// zeroes its bytes.
/// </summary>
internal static class KeyDerivation
{
    /// <summary>PBKDF2 iterations.</summary>
    public const int Iterations = 100_000;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, CacheEntry> Cache = new(StringComparer.Ordinal);
    private static long _derivations;

    /// <summary>How many derivations actually ran in this process (the rest were served from the cache).</summary>
    public static long DerivationCount => System.Threading.Interlocked.Read(ref _derivations);

    /// <summary>The environment key for <paramref name="masterKey"/>, derived at most once per process while anything holds it.</summary>
    public static EnvironmentKey Derive(MasterKey masterKey, string environment)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        EnvironmentName.Validate(environment, nameof(environment));
        var cacheKey = environment + "|" + masterKey.Fingerprint;
        CacheEntry entry;
        lock (Gate)
        {
            if (!Cache.TryGetValue(cacheKey, out entry!))
            {
                entry = new CacheEntry(new Lazy<EnvironmentKey>(() => DeriveUncached(masterKey, environment)));
                Cache[cacheKey] = entry;
            }

            entry.Holders++;
        }

        try
        {
            // Outside the lock: a 25 ms derivation of one environment must not hold up another's.
            return entry.Key.Value;
        }
        catch
        {
            lock (Gate)
            {
                entry.Holders--;
                if (Cache.TryGetValue(cacheKey, out var current) && ReferenceEquals(current, entry))
                {
                    Cache.Remove(cacheKey);
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Lets go of a key from <see cref="Derive"/>. When nothing holds it any more it leaves the cache and its bytes
    /// are zeroed; the next <see cref="Derive"/> of that master key derives again.
    /// </summary>
    internal static void Release(EnvironmentKey key)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(key.CacheKey, out var entry) || !entry.Key.IsValueCreated || !ReferenceEquals(entry.Key.Value, key))
            {
                return; // not from the cache (or the cache was cleared by a test): whoever made it owns it
            }

            if (--entry.Holders > 0)
            {
                return;
            }

            Cache.Remove(key.CacheKey);
        }

        key.Clear();
    }

    internal static EnvironmentKey DeriveUncached(MasterKey masterKey, string environment)
    {
        System.Threading.Interlocked.Increment(ref _derivations);
        var started = Stopwatch.GetTimestamp();
        var salt = Encoding.UTF8.GetBytes("secretguard:v1:" + environment);
        var aesKey = Rfc2898DeriveBytes.Pbkdf2(masterKey.Bytes, salt, Iterations, HashAlgorithmName.SHA256, 32);
        var kid = Convert.ToHexString(SHA256.HashData(aesKey), 0, 4).ToLowerInvariant();
        SecretGuardMetrics.KeyDerived(environment, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new EnvironmentKey(environment, kid, aesKey, masterKey.Source, environment + "|" + masterKey.Fingerprint);
    }

    /// <summary>
    /// The kid <paramref name="masterKey"/> gives in <paramref name="environment"/>, for a message about a key that is
    /// not kept in memory afterwards: derived outside the cache, and every copy zeroed (the caller's bytes are not).
    /// </summary>
    internal static string KidOf(byte[] masterKey, string environment)
    {
        var key = MasterKey.FromBytes(masterKey, "a new key");
        try
        {
            var derived = DeriveUncached(key, environment);
            derived.Clear();
            return derived.Kid;
        }
        finally
        {
            key.Clear();
        }
    }

    // Tests measure cold paths.
    internal static void ClearCache()
    {
        lock (Gate)
        {
            Cache.Clear();
        }
    }

    private sealed class CacheEntry
    {
        public CacheEntry(Lazy<EnvironmentKey> key) => Key = key;

        public Lazy<EnvironmentKey> Key { get; }

        public int Holders { get; set; }
    }
}
