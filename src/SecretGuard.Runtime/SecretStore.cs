using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.Keys;
using SecretGuard.Naming;

namespace SecretGuard
{
    /// <summary>
    /// What <see cref="Secrets"/> and the configuration provider share: the active environment, its key ring (loaded
    /// once, when a value first needs it), the env file, and the cache of decrypted values. Thread-safe.
    /// </summary>
    internal sealed class SecretStore
    {
        private static readonly EventId PlaintextSecretEvent = new(1004, "PlaintextSecret");

        private readonly SecretGuardOptions _options;
        private readonly Lazy<KeyRing> _keyRing;
        private readonly Lazy<EnvFileSnapshot> _envFile;

        public SecretStore(SecretGuardOptions options)
        {
            _options = options.Clone();
            BaseDirectory = _options.BaseDirectory ?? AppContext.BaseDirectory;
            Environment = ActiveEnvironment.Resolve(_options.Environment, BaseDirectory);
            Naming = new SecretNaming(_options.SecretSuffixes);
            _keyRing = new Lazy<KeyRing>(LoadKeyRing);
            _envFile = new Lazy<EnvFileSnapshot>(LoadEnvFile);
        }

        public ActiveEnvironment Environment { get; }

        public string BaseDirectory { get; }

        public SecretNaming Naming { get; }

        public KeyRing KeyRing => _keyRing.Value;

        /// <summary>Decrypted (or plaintext) values by name; a hit costs one dictionary lookup.</summary>
        public ConcurrentDictionary<string, string> Cache { get; } = new(StringComparer.Ordinal);

        /// <summary>The env file in use, or null when there is none (and that is allowed).</summary>
        public EnvFileSnapshot EnvFile => _envFile.Value;

        /// <summary>
        /// Resolves a name: a process environment variable first (platforms inject secrets that way), then the env file.
        /// False when neither has it.
        /// </summary>
        public bool TryResolve(string name, out string value)
        {
            if (Cache.TryGetValue(name, out value!))
            {
                return true;
            }

            var fromVariable = System.Environment.GetEnvironmentVariable(name);
            if (fromVariable is not null)
            {
                value = Decode(name, fromVariable, ValueLocation.From("the environment variable " + name), fromFile: false);
            }
            else if (EnvFile.Values.TryGetValue(name, out var entry))
            {
                value = Decode(name, entry.Value, ValueLocation.InFile(EnvFile.Path, entry.Line), fromFile: true);
            }
            else
            {
                return false;
            }

            value = Cache.GetOrAdd(name, value);
            return true;
        }

        /// <summary>
        /// Turns a stored value into the app's value: the active environment's ciphertext is decrypted, another
        /// environment's is SG1005, plaintext is returned as it is (with a warning when a file holds it under a secret name).
        /// </summary>
        public string Decode(string keyName, string value, ValueLocation location, bool fromFile)
        {
            if (EncryptedValue.HasEncryptedPrefix(value))
            {
                return SecretCipher.Decrypt(value, keyName, KeyRing, location);
            }

            if (fromFile && Naming.IsSecret(keyName))
            {
                _options.Logger?.LogWarning(PlaintextSecretEvent,
                    "{KeyName} in {File} line {Line} is not encrypted; the next build encrypts it ({Environment})",
                    keyName, location.FilePath, location.Line, Environment.Name);
            }

            return value;
        }

        public SecretGuardException NotFound(string name)
        {
            var where = EnvFile.Path is null
                ? "no env file was found (" + string.Join(" or ", CandidateEnvFiles()) + ")"
                : "nor in " + EnvFile.Path;
            return new SecretGuardException(DiagnosticIds.SecretNotFound, SecretGuardErrorReason.NotFound,
                name + " is not set: it is neither an environment variable " + (EnvFile.Path is null ? "and " : string.Empty) + where +
                ". Add it to the " + Environment.Name + " env file (the build encrypts it) or set the variable.",
                keyName: name, environment: Environment.Name, filePath: EnvFile.Path);
        }

        private KeyRing LoadKeyRing()
        {
            var lookup = new KeyLookupOptions { KeyVariable = _options.KeyVariable, KeyFilePath = _options.KeyFilePath };
            lookup.SearchDirectories.Add(BaseDirectory);
            lookup.SearchDirectories.Add(Directory.GetCurrentDirectory());
            return KeyRingLoader.Load(Environment.Name, lookup);
        }

        private IEnumerable<string> CandidateEnvFiles()
        {
            if (_options.EnvFilePath is not null)
            {
                yield return Path.GetFullPath(_options.EnvFilePath);
                yield break;
            }

            yield return Path.Combine(BaseDirectory, SecretGuardOptions.DefaultEnvFileName);
            yield return Path.Combine(Directory.GetCurrentDirectory(), SecretGuardOptions.DefaultEnvFileName);
        }

        private EnvFileSnapshot LoadEnvFile()
        {
            var path = CandidateEnvFiles().FirstOrDefault(File.Exists);
            if (path is null)
            {
                if (_options.EnvFilePath is not null && !_options.Optional)
                {
                    throw new SecretGuardException(DiagnosticIds.SecretNotFound, SecretGuardErrorReason.NotFound,
                        "The env file '" + Path.GetFullPath(_options.EnvFilePath) + "' does not exist. Fix EnvFilePath, or set Optional = true to read environment variables only.",
                        environment: Environment.Name, filePath: Path.GetFullPath(_options.EnvFilePath));
                }

                return EnvFileSnapshot.None;
            }

            return EnvFileSnapshot.Read(path);
        }
    }
}
