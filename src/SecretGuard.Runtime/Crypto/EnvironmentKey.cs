using System;

namespace SecretGuard.Crypto
{
    /// <summary>
    /// The AES-256 key of one environment, derived from a master key (DESIGN §2), with its kid: the first 8 hex
    /// characters of SHA-256 of the derived key. Its text form names the environment, kid and source only.
    /// </summary>
    public sealed class EnvironmentKey
    {
        private readonly byte[] _aesKey;

        internal EnvironmentKey(string environment, string kid, byte[] aesKey, string source)
        {
            Environment = environment;
            Kid = kid;
            _aesKey = aesKey;
            Source = source;
        }

        /// <summary>The lower-case environment name.</summary>
        public string Environment { get; }

        /// <summary>The key id written into every value this key encrypts.</summary>
        public string Kid { get; }

        /// <summary>Where the master key came from.</summary>
        public string Source { get; }

        internal ReadOnlySpan<byte> AesKey => _aesKey;

        /// <summary>Names the key; never shows it.</summary>
        public override string ToString() => Environment + " key " + Kid + " (" + Source + ")";
    }
}
