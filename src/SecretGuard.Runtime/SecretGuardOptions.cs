using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SecretGuard.Keys;
using SecretGuard.Policy;

namespace SecretGuard;

/// <summary>Options of the runtime helper, shared by <see cref="Secrets"/> and the configuration provider.</summary>
public sealed class SecretGuardOptions
{
    /// <summary>The env file's name in the app's folder (the build's copy) or the current folder.</summary>
    public const string DefaultEnvFileName = ".env";

    /// <summary>
    /// The active environment (<c>dev</c>, <c>int</c>, <c>prod</c>, ...). Null: <c>SECRETGUARD_ENVIRONMENT</c>, then the
    /// .NET hosting environment (the configuration provider reads the host's own <c>environment</c> setting first, then
    /// <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>) mapped by <see cref="EnvironmentMap"/>, then the
    /// environment the build recorded, then prod (the .NET hosting default, Production).
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>
    /// .NET hosting environment name → SecretGuard environment, names compared ignoring case. Default
    /// <c>Development=dev</c>, <c>Staging=int</c>, <c>Production=prod</c>; a hosting name not in the map is lower-cased
    /// (<c>QA</c> → <c>qa</c>). Add, replace or remove entries here; the configuration provider also takes entries from
    /// the section <c>SecretGuard:EnvironmentMap</c> of the configuration added before it, and those win.
    /// </summary>
    public IDictionary<string, string> EnvironmentMap { get; } = DefaultEnvironmentMap();

    /// <summary>
    /// The env file. Null: the chosen environment's file <c>.env.&lt;env&gt;</c> in <see cref="BaseDirectory"/> (a build
    /// that ships every environment's file put it there), else <c>.env</c> in <see cref="BaseDirectory"/>, else <c>.env</c>
    /// in the current folder.
    /// </summary>
    public string? EnvFilePath { get; set; }

    /// <summary>
    /// Whether a missing env file is fine (values then come only from environment variables): a missing
    /// <see cref="EnvFilePath"/>, or a missing <c>.env.&lt;env&gt;</c> in an output that holds other environments' files and no <c>.env</c>.
    /// Default false. Without either a missing <c>.env</c> is never an error by itself: a name that is set nowhere is.
    /// </summary>
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
    /// Where a plaintext value under a secret name is accepted; from anywhere else it is an error (SG1004). Null, the
    /// default: from environment variables everywhere (platforms inject secrets that way), and from the env file only
    /// in the <c>dev</c> environment, where a developer's new value waits for the next build to encrypt it. Elsewhere a
    /// plaintext in the env file is what a ciphertext replaced by a plaintext looks like (docs/runtime.md#plaintext-secrets).
    /// </summary>
    public PlaintextSecretSources? PlaintextSecrets { get; set; }

    /// <summary>
    /// Configuration provider only: also decrypt <c>&lt;ENV&gt;_ENC:</c> values that earlier providers (environment
    /// variables, appsettings.json) supply. Default false.
    /// </summary>
    public bool DecryptEarlierProviders { get; set; }

    /// <summary>Where audit events go (docs/operations.md lists them). Never receives a value or a key. Takes precedence over <see cref="LoggerFactory"/>.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Makes the audit events' logger, category <c>SecretGuard</c>, when <see cref="Logger"/> is not set.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Decrypt every entry of the active env file at startup and check every rule, and fail with one
    /// <see cref="SecretGuardException"/> that lists every problem (its <see cref="SecretGuardException.Problems"/>)
    /// instead of failing later on first use. For <see cref="Secrets"/> it runs in <see cref="Secrets.Configure"/>;
    /// the configuration provider always decrypts every entry when it loads and then also fails on an unusable key
    /// that no value needs yet. Default false.
    /// </summary>
    public bool ValidateOnStart { get; set; }

    /// <summary>
    /// Configuration provider only: watch the env file and the key file, and on a change re-read them, derive new keys,
    /// and fire the configuration reload token (<c>IOptionsMonitor</c> sees new values). A change that breaks a secret
    /// keeps the last good values and is reported by the status and the health check. Default false.
    /// </summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long to wait after a change before reloading, so a burst of writes is read once. Default 250 ms.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Also compare the files' contents at this interval (null: never), for file systems that send no change events
    /// (network shares, some container mounts). Default null.
    /// </summary>
    public TimeSpan? ReloadPollingInterval { get; set; }

    /// <summary>
    /// Policy rules checked on the decrypted values, with the meaning of the build's <c>SecretGuardRule</c>.
    /// A violation names the rule, never the value (SG1008).
    /// </summary>
    public IList<PolicyRule> Rules { get; } = new List<PolicyRule>();

    /// <summary>
    /// Adds a rule, e.g. <c>o.Require("SECRET_KEY", minLength: 32)</c>: the entry must exist (unless
    /// <paramref name="required"/> is false) and its plaintext must have the length and match the pattern.
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    public SecretGuardOptions Require(string name, int? minLength = null, int? length = null, string? pattern = null, bool required = true, IEnumerable<string>? environments = null)
    {
        Rules.Add(new PolicyRule(name, secret: false, minLength: minLength, length: length, pattern: pattern, required: required, environments: environments));
        return this;
    }

    /// <summary>
    /// The host's environment name as configuration supplied it (the <c>environment</c> key), set by the configuration
    /// provider; <see cref="Secrets"/> has no configuration and reads the process variables.
    /// </summary>
    internal string? HostEnvironmentSetting { get; set; }

    internal static Dictionary<string, string> DefaultEnvironmentMap() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Development"] = "dev",
        ["Staging"] = "int",
        ["Production"] = "prod",
    };

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
            PlaintextSecrets = PlaintextSecrets,
            DecryptEarlierProviders = DecryptEarlierProviders,
            Logger = Logger,
            LoggerFactory = LoggerFactory,
            ValidateOnStart = ValidateOnStart,
            ReloadOnChange = ReloadOnChange,
            ReloadDelay = ReloadDelay,
            ReloadPollingInterval = ReloadPollingInterval,
            HostEnvironmentSetting = HostEnvironmentSetting,
        };
        clone.EnvironmentMap.Clear();
        foreach (var pair in EnvironmentMap)
        {
            clone.EnvironmentMap[pair.Key] = pair.Value;
        }

        foreach (var rule in Rules)
        {
            clone.Rules.Add(rule);
        }

        clone.SecretSuffixes.Clear();
        foreach (var suffix in SecretSuffixes)
        {
            clone.SecretSuffixes.Add(suffix);
        }

        return clone;
    }
}
