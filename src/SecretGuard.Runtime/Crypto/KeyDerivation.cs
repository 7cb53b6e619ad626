using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SecretGuard.Environments;

namespace SecretGuard.Crypto
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 from a master key to an environment's AES key (DESIGN §2). The derivation is deliberately
    /// slow (100 000 iterations), so its result is cached for the process: once per environment and master key.
    /// </summary>
    public static class KeyDerivation
    {
        /// <summary>PBKDF2 iterations.</summary>
        public const int Iterations = 100_000;

        private static readonly ConcurrentDictionary<string, Lazy<EnvironmentKey>> Cache = new(StringComparer.Ordinal);
        private static long _derivations;

        /// <summary>How many derivations actually ran in this process (the rest were served from the cache).</summary>
        public static long DerivationCount => System.Threading.Interlocked.Read(ref _derivations);

        /// <summary>The environment key for <paramref name="masterKey"/>, derived at most once per process.</summary>
        public static EnvironmentKey Derive(MasterKey masterKey, string environment)
        {
            EnvironmentName.Validate(environment, nameof(environment));
            var cacheKey = environment + "|" + masterKey.Fingerprint;
            var lazy = Cache.GetOrAdd(cacheKey, _ => new Lazy<EnvironmentKey>(() => DeriveUncached(masterKey, environment)));
            return lazy.Value;
        }

        internal static EnvironmentKey DeriveUncached(MasterKey masterKey, string environment)
        {
            System.Threading.Interlocked.Increment(ref _derivations);
            var salt = Encoding.UTF8.GetBytes("secretguard:v1:" + environment);
            var aesKey = Rfc2898DeriveBytes.Pbkdf2(masterKey.Bytes, salt, Iterations, HashAlgorithmName.SHA256, 32);
            var kid = Convert.ToHexString(SHA256.HashData(aesKey), 0, 4).ToLowerInvariant();
            return new EnvironmentKey(environment, kid, aesKey, masterKey.Source);
        }

        // Tests measure cold paths.
        internal static void ClearCache() => Cache.Clear();
    }
}
