using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.Keys;
using SecretGuard.Naming;
using SecretGuard.Observability;

namespace SecretGuard;

/// <summary>
/// What <see cref="Secrets"/> and the configuration provider share: the active environment, its key ring (loaded
/// once, when a value first needs it), the env file, and the cache of decrypted values. Thread-safe. Decryptions are
/// counted and audited here, on the cold path; a cache hit never reaches this code.
/// </summary>
internal sealed class SecretStore
{
    private readonly SecretGuardOptions _options;
    private readonly Lazy<KeyRing> _keyRing;
    private readonly Lazy<EnvFileSnapshot> _envFile;

    // Name → kid and role of the last decryption that was announced, so "decrypted for the first time" is said once
    // per name, kid and role, also across a provider's reloads (the provider hands the same map to each new store).
    private readonly ConcurrentDictionary<string, string> _announced;

    public SecretStore(SecretGuardOptions options, ConcurrentDictionary<string, string>? announced = null)
    {
        _options = options.Clone();
        BaseDirectory = _options.BaseDirectory ?? AppContext.BaseDirectory;
        Environment = ActiveEnvironment.Resolve(_options.Environment, BaseDirectory, _options.EnvironmentMap, _options.HostEnvironmentSetting);
        AcceptedPlaintext = _options.PlaintextSecrets ?? DefaultPlaintextSecrets(Environment.Name);
        Naming = new SecretNaming(_options.SecretSuffixes);
        Events = new SecretGuardEvents(_options);
        _announced = announced ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        _keyRing = new Lazy<KeyRing>(LoadKeyRing);
        _envFile = new Lazy<EnvFileSnapshot>(LoadEnvFile);
    }

    public ActiveEnvironment Environment { get; }

    /// <summary>Where a plaintext under a secret name is accepted: the option, else the default of the environment.</summary>
    public PlaintextSecretSources AcceptedPlaintext { get; }

    public string BaseDirectory { get; }

    public SecretNaming Naming { get; }

    public SecretGuardOptions Options => _options;

    public SecretGuardEvents Events { get; }

    /// <summary>The status <see cref="Secrets.GetStatus"/> computed for this store (set under the facade's lock).</summary>
    public SecretGuardStatus? Status { get; set; }

    public KeyRing KeyRing => _keyRing.Value;

    // Version 2 plaintexts decrypted ahead on every core, by name and ciphertext, until Decode takes them.
    private readonly ConcurrentDictionary<(string Name, string Value), (string Plaintext, UsedKey Used)> _decryptedAhead = new();

    // Below this many version 2 values, starting workers costs more than it saves.
    private const int MinValuesToDecryptAhead = 16;

    /// <summary>
    /// A version 2 value costs two P-256 operations (about 0.2 ms; a version 1 value costs microseconds), so an app start
    /// with many of them decrypts the env file's version 2 values on every core first; <see cref="Decode(string, string, ValueLocation, bool, out bool)"/>
    /// then takes each plaintext from here, in file order, with its metrics, events and errors unchanged. A value that
    /// fails here is left alone: Decode decrypts it again and reports the failure as it would have. Call
    /// <see cref="ForgetDecryptedAhead"/> when done, so no plaintext stays here.
    /// </summary>
    public void DecryptAhead(IReadOnlyList<EnvEntry> entries)
    {
        if (System.Environment.ProcessorCount < 2)
        {
            return;
        }

        var candidates = entries.Where(e => IsVersion2(e.Value)).ToList();
        if (candidates.Count < MinValuesToDecryptAhead)
        {
            return;
        }

        KeyRing ring;
        try
        {
            ring = KeyRing;
        }
        catch (SecretGuardException)
        {
            return; // reported by the first Decode, as without this step
        }

        Parallel.ForEach(candidates, new ParallelOptions { MaxDegreeOfParallelism = System.Environment.ProcessorCount }, entry =>
        {
            try
            {
                var plaintext = SecretCipher.Decrypt(entry.Value, entry.Key, ring, default, out var used);
                _decryptedAhead[(entry.Key, entry.Value)] = (plaintext, used);
            }
            catch (SecretGuardException)
            {
                // Decode meets it again, with the value's location, and reports it.
            }
        });
    }

    /// <summary>Drops what <see cref="DecryptAhead"/> decrypted and Decode did not take.</summary>
    public void ForgetDecryptedAhead() => _decryptedAhead.Clear();

    private static bool IsVersion2(string value) =>
        EncryptedValue.HasEncryptedPrefix(value) && value.IndexOf(":v2:", StringComparison.Ordinal) > 0;

    /// <summary>The ring, when it was loaded successfully (without loading it).</summary>
    public KeyRing? LoadedKeyRing => _keyRing.IsValueCreated ? _keyRing.Value : null;

    /// <summary>Decrypted (or plaintext) values by name; a hit costs one dictionary lookup.</summary>
    public ConcurrentDictionary<string, string> Cache { get; } = new(StringComparer.Ordinal);

    /// <summary>The env file in use, or null when there is none (and that is allowed).</summary>
    public EnvFileSnapshot EnvFile => _envFile.Value;

    /// <summary>
    /// Resolves a name: a process environment variable first (platforms inject secrets that way), then the env file.
    /// False when neither has it. A value that breaks a rule for its name throws SG1008 and is not cached.
    /// </summary>
    public bool TryResolve(string name, out string value)
    {
        if (Cache.TryGetValue(name, out value!))
        {
            return true;
        }

        if (!TryRead(name, out var raw, out var location, out var fromFile))
        {
            return false;
        }

        value = Decode(name, raw, location, fromFile, out _);
        var violations = Violations(name, value, location);
        if (violations.Count > 0)
        {
            throw SecretGuardException.FromProblems(violations, Environment.Name);
        }

        value = Cache.GetOrAdd(name, value);
        return true;
    }

    /// <summary>
    /// Turns a stored value into the app's value: the active environment's ciphertext is decrypted, another
    /// environment's is SG1005, a damaged one SG1006; plaintext is returned as it is (with a warning when a file holds it
    /// under a secret name), unless it is under a secret name from a source <see cref="AcceptedPlaintext"/> leaves out:
    /// then it is SG1004 (docs/runtime.md#plaintext-secrets).
    /// </summary>
    public string Decode(string keyName, string value, ValueLocation location, bool fromFile) => Decode(keyName, value, location, fromFile, out _);

    /// <inheritdoc cref="Decode(string, string, ValueLocation, bool)" />
    public string Decode(string keyName, string value, ValueLocation location, bool fromFile, out bool withPreviousKey)
    {
        withPreviousKey = false;
        var form = EncryptedValueRecognition.Recognise(value);
        if (form != ValueForm.Plaintext)
        {
            string plaintext;
            UsedKey used;
            try
            {
                // A damaged value is never plaintext (docs/formats.md#recognising-an-encrypted-value), and no key reads it.
                if (form == ValueForm.Damaged)
                {
                    throw SecretCipher.Damaged(keyName, Environment.Name, location);
                }

                (plaintext, used) = _decryptedAhead.TryRemove((keyName, value), out var ahead)
                    ? ahead
                    : (SecretCipher.Decrypt(value, keyName, KeyRing, location, out var usedNow), usedNow);
            }
            catch (SecretGuardException ex)
            {
                SecretGuardMetrics.DecryptionFailed(Environment.Name, ex.Reason);
                Events.DecryptionFailed(keyName, Environment.Name, ex);
                throw;
            }

            withPreviousKey = used.IsPrevious;
            SecretGuardMetrics.Decrypted(Environment.Name, withPreviousKey);
            Announce(keyName, used, withPreviousKey);
            return plaintext;
        }

        // An empty value has nothing to protect yet, as in the build (SG1004); Required and MinLength rules catch it.
        if (value.Length > 0 && Naming.IsSecret(keyName))
        {
            var source = fromFile ? PlaintextSecretSources.EnvFile : PlaintextSecretSources.EnvironmentVariables;
            if ((AcceptedPlaintext & source) == 0)
            {
                Events.PlaintextSecretRefused(keyName, location.FilePath ?? location.Source, location.Line, Environment.Name);
                throw PlaintextRefused(keyName, source, location);
            }

            if (fromFile)
            {
                Events.PlaintextSecret(keyName, location.FilePath, location.Line, Environment.Name);
            }
        }

        return value;
    }

    /// <summary>
    /// Reads every entry of the env file the way <see cref="TryResolve"/> would (a process environment variable of the
    /// same name wins when <paramref name="variablesFirst"/>), decrypts each once, and checks every rule. Collects every
    /// problem instead of stopping at the first. With <paramref name="strictKeys"/>, an unusable key is a problem even
    /// when no value needs it.
    /// </summary>
    public StoreInspection Inspect(bool variablesFirst, bool strictKeys)
    {
        var inspection = new StoreInspection(this);
        var file = EnvFile;
        foreach (var entry in file.Entries)
        {
            var variable = variablesFirst ? System.Environment.GetEnvironmentVariable(entry.Key) : null;
            if (variable is not null)
            {
                inspection.Add(entry.Key, variable, ValueLocation.From("the environment variable " + entry.Key), fromFile: false);
            }
            else
            {
                inspection.Add(entry.Key, entry.Value, ValueLocation.InFile(file.Path, entry.Line), fromFile: true);
            }
        }

        inspection.Finish(strictKeys);
        return inspection;
    }

    /// <summary>What the rules say about a value: one problem per violation, none when every rule holds.</summary>
    public List<SecretGuardProblem> Violations(string name, string plaintext, ValueLocation location)
    {
        var problems = new List<SecretGuardProblem>();
        foreach (var rule in _options.Rules)
        {
            if (!string.Equals(rule.Name, name, StringComparison.Ordinal) || !rule.AppliesTo(Environment.Name))
            {
                continue;
            }

            foreach (var violation in rule.Check(plaintext))
            {
                Events.PolicyViolation(name, rule.ToString(), Environment.Name, violation);
                problems.Add(SecretGuardProblem.PolicyViolation(name, violation, location.FilePath, location.Line == 0 ? null : location.Line));
            }
        }

        return problems;
    }

    /// <summary>Problems for required rules whose entry is set nowhere.</summary>
    public IEnumerable<SecretGuardProblem> MissingRequired(Func<string, bool> isSet)
    {
        foreach (var rule in _options.Rules.Where(r => r.Required && r.AppliesTo(Environment.Name) && !isSet(r.Name)))
        {
            var violation = rule.Name + " is required in " + Environment.Name + " (rule Required=true) and is set nowhere: add it to the env file or set the variable";
            Events.PolicyViolation(rule.Name, rule.ToString(), Environment.Name, violation);
            yield return SecretGuardProblem.PolicyViolation(rule.Name, violation, EnvFile.Path, null);
        }
    }

    /// <summary>The keys in use, as a status shows them.</summary>
    public IReadOnlyList<string> DescribeKeys()
    {
        var ring = LoadedKeyRing;
        if (ring is null)
        {
            return Array.Empty<string>();
        }

        return ring.Describe();
    }

    /// <summary>Lets go of the derived keys this store holds (a provider's old store after a reload, or on dispose).</summary>
    public void ReleaseKeys()
    {
        var ring = LoadedKeyRingOrNull();
        if (ring is null)
        {
            return;
        }

        foreach (var key in ring.Keys)
        {
            KeyDerivation.Release(key);
        }

        foreach (var key in ring.PrivateKeys)
        {
            key.Clear();
        }
    }

    // Plaintext from the env file only in dev, where a developer's new value waits for the build to encrypt it; from
    // variables everywhere, since that is how platforms inject secrets.
    private static PlaintextSecretSources DefaultPlaintextSecrets(string environment) =>
        environment == "dev" ? PlaintextSecretSources.EnvironmentVariables | PlaintextSecretSources.EnvFile : PlaintextSecretSources.EnvironmentVariables;

    private SecretGuardException PlaintextRefused(string keyName, PlaintextSecretSources source, ValueLocation location)
    {
        var where = source == PlaintextSecretSources.EnvFile ? "the env file" : "environment variables";
        var fix = source == PlaintextSecretSources.EnvFile
            ? "encrypt it (a build with the " + Environment.Name + " key, or 'secretguard set " + keyName + " --env " + Environment.Name + "'), restore the ciphertext if one was replaced"
            : "set the variable to an encrypted value ('secretguard encrypt " + keyName + " --env " + Environment.Name + "')";
        var what = "the value is plaintext, and PlaintextSecrets (" + AcceptedPlaintext + ") does not accept plaintext secrets from " + where + " in " +
            Environment.Name + ": " + fix + ", or add " + source + " to PlaintextSecrets";
        return new SecretGuardException(DiagnosticIds.PlaintextSecret, SecretGuardErrorReason.PlaintextSecret, location.Describe(keyName) + ": " + what + ".",
            detail: what, keyName, Environment.Name, kid: null, location.FilePath, location.Line == 0 ? null : location.Line);
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

    /// <summary>The files whose change should reload this store: the env file (or where it would be) and the key file.</summary>
    public IEnumerable<string> WatchedFiles()
    {
        yield return EnvFile.Path ?? CandidateEnvFiles().First();
        var ring = LoadedKeyRingOrNull();
        var keyFile = ring?.KeyFilePath ?? _options.KeyFilePath;
        if (keyFile is not null)
        {
            yield return Path.GetFullPath(keyFile);
        }
    }

    private KeyRing? LoadedKeyRingOrNull()
    {
        if (!_keyRing.IsValueCreated)
        {
            return null;
        }

        try
        {
            return _keyRing.Value;
        }
        catch (SecretGuardException)
        {
            return null;
        }
    }

    private bool TryRead(string name, out string raw, out ValueLocation location, out bool fromFile)
    {
        var fromVariable = System.Environment.GetEnvironmentVariable(name);
        if (fromVariable is not null)
        {
            raw = fromVariable;
            location = ValueLocation.From("the environment variable " + name);
            fromFile = false;
            return true;
        }

        if (EnvFile.Values.TryGetValue(name, out var entry))
        {
            raw = entry.Value;
            location = ValueLocation.InFile(EnvFile.Path, entry.Line);
            fromFile = true;
            return true;
        }

        raw = string.Empty;
        location = default;
        fromFile = false;
        return false;
    }

    private void Announce(string keyName, UsedKey used, bool withPreviousKey)
    {
        // A rotation turns the current key into the previous one without changing its kid: that is news too.
        var what = used.Id + (withPreviousKey ? "|previous" : "|current");
        if (_announced.TryGetValue(keyName, out var known) && string.Equals(known, what, StringComparison.Ordinal))
        {
            return;
        }

        _announced[keyName] = what;
        Events.ValueDecrypted(keyName, Environment.Name, withPreviousKey ? "previous" : "current", used.Id);
        if (withPreviousKey)
        {
            Events.PreviousKeyInUse(keyName, Environment.Name, used.Id);
        }
    }

    private KeyRing LoadKeyRing()
    {
        var lookup = new KeyLookupOptions { KeyVariable = _options.KeyVariable, KeyFilePath = _options.KeyFilePath };
        lookup.SearchDirectories.Add(BaseDirectory);
        lookup.SearchDirectories.Add(Directory.GetCurrentDirectory());
        var ring = KeyRingLoader.Load(Environment.Name, lookup);
        if (ring.Current is null && ring.CurrentPrivateKey is null)
        {
            Events.KeyMissing(Environment.Name, ring.WhereToPutKey);
        }

        foreach (var (id, source, current) in ring.Slots())
        {
            Events.KeyFound(Environment.Name, current ? "current" : "previous", id, source);
        }

        return ring;
    }

    private IEnumerable<string> CandidateEnvFiles()
    {
        if (_options.EnvFilePath is not null)
        {
            yield return Path.GetFullPath(_options.EnvFilePath);
            yield break;
        }

        // A build that ships every environment's file puts them beside the app as .env.<env>; the chosen environment's
        // comes first, then the single .env of a build that ships one (docs/runtime.md#which-env-file).
        yield return Path.Combine(BaseDirectory, ShippedEnvFiles.FileName(Environment.Name));
        yield return Path.Combine(BaseDirectory, SecretGuardOptions.DefaultEnvFileName);
        yield return Path.Combine(Directory.GetCurrentDirectory(), SecretGuardOptions.DefaultEnvFileName);
    }

    private EnvFileSnapshot LoadEnvFile()
    {
        if (_options.EnvFilePath is null)
        {
            var own = Path.Combine(BaseDirectory, ShippedEnvFiles.FileName(Environment.Name));
            if (File.Exists(own))
            {
                return EnvFileSnapshot.Read(own);
            }

            // An output that ships other environments' files (and so no .env) but not this one's: falling back to the
            // current folder's .env would read another file, or none, and fail later, far from the cause. A .env beside
            // the app is a build that ships one file (copies of .env.<env> made by hand may lie beside it): read as before.
            var shipped = File.Exists(Path.Combine(BaseDirectory, SecretGuardOptions.DefaultEnvFileName))
                ? Array.Empty<string>()
                : ShippedEnvFiles.Environments(BaseDirectory);
            if (shipped.Count > 0)
            {
                if (_options.Optional)
                {
                    return EnvFileSnapshot.None;
                }

                throw ShippedEnvFiles.Missing(own, Environment, shipped);
            }
        }

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
