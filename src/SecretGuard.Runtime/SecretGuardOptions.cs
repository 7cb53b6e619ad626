using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SecretGuard.Keys;

namespace SecretGuard
{
    /// <summary>Options of the runtime helper, shared by <see cref="Secrets"/> and the configuration provider.</summary>
    public sealed class SecretGuardOptions
    {
        /// <summary>The env file's name in the app's folder (the build's copy) or the current folder.</summary>
        public const string DefaultEnvFileName = ".env";

        /// <summary>
        /// The active environment (<c>dev</c>, <c>int</c>, <c>prod</c>, ...). Null: <c>SECRETGUARD_ENVIRONMENT</c>, then
        /// <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c> (Development → dev, Staging → int, Production → prod),
        /// then the environment the build recorded, then prod (the .NET hosting default, Production).
        /// </summary>
        public string? Environment { get; set; }

        /// <summary>The env file. Null: <c>.env</c> in <see cref="BaseDirectory"/>, else <c>.env</c> in the current folder.</summary>
        public string? EnvFilePath { get; set; }

        /// <summary>Whether a missing <see cref="EnvFilePath"/> is fine (values then come only from environment variables). Default false. Without an explicit path a missing <c>.env</c> is never an error by itself: a name that is set nowhere is.</summary>
        public bool Optional { get; set; }

        /// <summary>The app's folder. Null: <see cref="AppContext.BaseDirectory"/>.</summary>
        public string? BaseDirectory { get; set; }

        /// <summary>The variable holding the current master key; <c>{ENV}</c> is the upper-case environment. Default <c>SECRETGUARD_KEY_{ENV}</c>.</summary>
        public string KeyVariable { get; set; } = KeyLookupOptions.DefaultKeyVariable;

        /// <summary>An explicit key file. Null: <c>SECRETGUARD_KEY_FILE</c>, else <c>secretguard.keys</c> searched upward from the app's folder, then the current folder.</summary>
        public string? KeyFilePath { get; set; }

        /// <summary>Key suffixes that mark an entry as secret. Default <c>_SECRET</c>.</summary>
        public IList<string> SecretSuffixes { get; } = new List<string> { Naming.SecretNaming.DefaultSuffix };

        /// <summary>
        /// Configuration provider only: also decrypt <c>&lt;ENV&gt;_ENC:</c> values that earlier providers (environment
        /// variables, appsettings.json) supply. Default false.
        /// </summary>
        public bool DecryptEarlierProviders { get; set; }

        /// <summary>Where warning events go (e.g. a plaintext value under a secret name). Never receives a value or a key.</summary>
        public ILogger? Logger { get; set; }

        internal SecretGuardOptions Clone()
        {
            var clone = new SecretGuardOptions
            {
                Environment = Environment,
                EnvFilePath = EnvFilePath,
                Optional = Optional,
                BaseDirectory = BaseDirectory,
                KeyVariable = KeyVariable,
                KeyFilePath = KeyFilePath,
                DecryptEarlierProviders = DecryptEarlierProviders,
                Logger = Logger,
            };
            clone.SecretSuffixes.Clear();
            foreach (var suffix in SecretSuffixes)
            {
                clone.SecretSuffixes.Add(suffix);
            }

            return clone;
        }
    }
}
