using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using SecretGuard.Crypto;
using SecretGuard.Encryption;

namespace SecretGuard.Configuration
{
    /// <summary>
    /// Exposes the active env file as configuration, encrypted values decrypted. Keys map <c>__</c> to <c>:</c> as the
    /// environment-variables provider does, and a secret entry is also exposed without its suffix
    /// (<c>ConnectionStrings__Db_SECRET</c> → <c>ConnectionStrings:Db_SECRET</c> and <c>ConnectionStrings:Db</c>), so
    /// <c>GetConnectionString("Db")</c> and options binding work unchanged. Any failure throws at load: an app with a
    /// broken secret does not start.
    /// </summary>
    public sealed class SecretGuardConfigurationProvider : ConfigurationProvider
    {
        private readonly SecretGuardOptions _options;
        private readonly IReadOnlyList<IConfigurationSource> _earlierSources;

        /// <summary>Creates the provider.</summary>
        public SecretGuardConfigurationProvider(SecretGuardOptions options, IReadOnlyList<IConfigurationSource> earlierSources)
        {
            _options = options.Clone();
            _earlierSources = earlierSources;
        }

        /// <summary>The environment the last load used.</summary>
        public ActiveEnvironment? Environment { get; private set; }

        /// <inheritdoc />
        public override void Load()
        {
            var store = new SecretStore(_options);
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

            if (_options.DecryptEarlierProviders)
            {
                AddDecryptedEarlierValues(store, data);
            }

            var file = store.EnvFile;
            foreach (var entry in file.Entries)
            {
                var value = store.Decode(entry.Key, entry.Value, ValueLocation.InFile(file.Path, entry.Line), fromFile: true);
                Add(store, data, entry.Key, value);
            }

            Environment = store.Environment;
            Data = data;
        }

        /// <summary>Names the provider and its file; never shows values.</summary>
        public override string ToString() => "SecretGuard (" + (Environment?.ToString() ?? "not loaded") + ")";

        private void AddDecryptedEarlierValues(SecretStore store, Dictionary<string, string?> data)
        {
            var builder = new ConfigurationBuilder();
            foreach (var source in _earlierSources)
            {
                builder.Add(source);
            }

            var earlier = builder.Build();
            try
            {
                foreach (var pair in earlier.AsEnumerable())
                {
                    if (pair.Value is null || !EncryptedValue.HasEncryptedPrefix(pair.Value))
                    {
                        continue;
                    }

                    // The associated data holds the name as an env file writes it: ':' is spelled '__'.
                    var keyName = pair.Key.Replace(":", "__", StringComparison.Ordinal);
                    var value = store.Decode(keyName, pair.Value, ValueLocation.From("configuration key " + pair.Key), fromFile: false);
                    Add(store, data, keyName, value);
                }
            }
            finally
            {
                (earlier as IDisposable)?.Dispose();
            }
        }

        private static void Add(SecretStore store, Dictionary<string, string?> data, string keyName, string value)
        {
            data[ToConfigurationKey(keyName)] = value;
            var withoutSuffix = store.Naming.StripSuffix(keyName);
            if (withoutSuffix is not null)
            {
                data[ToConfigurationKey(withoutSuffix)] = value;
            }
        }

        private static string ToConfigurationKey(string envKey) => envKey.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
    }
}
