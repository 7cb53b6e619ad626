using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecretGuard.Credentials;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;
using SecretGuard.Naming;
using SecretGuard.Policy;

namespace SecretGuard.Checks;

/// <summary>
/// Every check on env files and keys, written once for the build task and the command line: syntax, duplicates,
/// ambiguities, plaintext secrets, wrong-environment and undecryptable values, secret-looking values under
/// non-secret names, policy rules, drift between environments and key-file hygiene. In Encrypt mode it also
/// encrypts plaintext secret values in place, atomically, under a lock, and never twice.
/// </summary>
internal sealed class EnvCheckRunner
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    private readonly EnvCheckOptions _options;
    private readonly SecretNaming _naming;
    private readonly EnvCheckReport _report = new();
    private readonly Dictionary<string, KeyRing?> _rings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByEnvironment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _filesByEnvironment = new(StringComparer.Ordinal);
    private ProjectRecipients? _recipients;

    // Plaintexts of the current file to encrypt to public keys, encrypted together just before the file is saved.
    private readonly List<(EnvEntry Entry, string Environment, string Plaintext, IReadOnlyList<RecipientKey> Recipients)> _pending = new();

    private EnvCheckRunner(EnvCheckOptions options)
    {
        _options = options;
        _naming = options.CreateNaming();
    }

    /// <summary>Runs every check (and, in Encrypt mode, the encryption) and reports what it found.</summary>
    public static EnvCheckReport Run(EnvCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runner = new EnvCheckRunner(options);
        foreach (var target in options.Files)
        {
            runner.CheckFile(target);
        }

        if (options.CheckDrift)
        {
            runner.CheckDrift();
        }

        if (options.CheckKeyFileHygiene)
        {
            runner.CheckKeyFile();
        }

        // A broken recipients-file line is an error in every run, as a broken key-file line is: it is a committed file.
        runner._report.Findings.AddRange(runner.Recipients.Findings);

        runner._report.Findings.Sort(CompareFindings);
        return runner._report;
    }

    private bool WillEncrypt(EnvFileTarget target) =>
        _options.Mode == CheckMode.Encrypt && !target.IsTemplate && target.Environment is not null &&
        (MustEncrypt(target.Environment) || _options.EncryptAllEnvironments);

    // The active environment's file and every file the build ships must hold no plaintext secret.
    private bool MustEncrypt(string environment) =>
        environment == _options.ActiveEnvironment || _options.ShippedEnvironments.Contains(environment);

    private void CheckFile(EnvFileTarget target)
    {
        if (!File.Exists(target.Path))
        {
            _report.Findings.Add(new Finding(DiagnosticIds.SyntaxError, FindingSeverity.Error, target.Path, 0, 0,
                "the env file does not exist: create it or remove it from the SecretGuardEnvFile items"));
            return;
        }

        // Writers hold the lock from read to rename, so parallel builds see each other's result and encrypt nothing twice.
        using var fileLock = WillEncrypt(target) ? FileWriteLock.AcquireForEncryption(target.Path, LockTimeout) : null;
        var file = EnvFile.Load(target.Path);
        _report.Findings.AddRange(file.Findings);

        if (target.Environment is not null && !target.IsTemplate)
        {
            Remember(target, file);
        }

        var encrypted = 0;
        var reportedMissingKey = false;
        _pending.Clear();
        foreach (var entry in file.Entries)
        {
            CheckEntry(target, entry, ref encrypted, ref reportedMissingKey);
        }

        CheckRequiredRules(target, file);

        // IsWritable is about the text (valid UTF-8), not the file system: a file marked read-only is refused here.
        if (encrypted > 0 && !file.HasSyntaxErrors && file.IsWritable && ReadOnlyFiles.IsReadOnly(target.Path))
        {
            _report.Findings.Add(new Finding(DiagnosticIds.SyntaxError, FindingSeverity.Error, target.Path, 0, 0,
                ReadOnlyFiles.Describe(target.Path) + " and build again: its " + encrypted + " plaintext secret " + (encrypted == 1 ? "value was" : "values were") +
                " not encrypted, and nothing was written"));
            return;
        }

        if (encrypted > 0 && !file.HasSyntaxErrors && file.IsWritable)
        {
            EncryptPending();
            file.Save(target.Path);
            _report.EncryptedCounts[target.Path] = encrypted;
        }
    }

    private void CheckEntry(EnvFileTarget target, EnvEntry entry, ref int encrypted, ref bool reportedMissingKey)
    {
        var value = entry.Value;
        if (target.IsTemplate)
        {
            var real = CredentialCatalogue.Default.Find(value);
            if (real is not null && !EncryptedValue.HasEncryptedPrefix(value))
            {
                Add(entry, target, DiagnosticIds.SecretInNonSecretEntry, FindingSeverity.Warning, entry.ValueColumn,
                    entry.Key + " in a template holds what looks like " + real.Family.Description + ": templates are committed and never encrypted; replace it with a placeholder such as <your-key>");
            }

            return;
        }

        var environment = target.Environment!;
        var rules = _options.Rules.Where(r => r.Name == entry.Key && r.AppliesTo(environment)).ToList();

        if (EncryptedValue.HasEncryptedPrefix(value, out var valueEnvironment))
        {
            CheckEncryptedValue(target, entry, valueEnvironment, rules);
            return;
        }

        if (EncryptedValueRecognition.IsDamaged(value))
        {
            // Never a plaintext secret: encrypting it would hide the damage inside a valid ciphertext (docs/formats.md#recognising-an-encrypted-value).
            Add(entry, target, DiagnosticIds.Undecryptable, FindingSeverity.Error, entry.ValueColumn, entry.Key + ": " + EncryptedValue.DamagedDetail);
            return;
        }

        var secret = _naming.IsSecret(entry.Key);
        CheckRules(target, entry, rules, value);
        if (!secret)
        {
            var lookalike = CredentialCatalogue.Default.Find(value);
            if (lookalike is not null)
            {
                Add(entry, target, DiagnosticIds.SecretInNonSecretEntry, FindingSeverity.Warning, entry.ValueColumn,
                    entry.Key + " holds what looks like " + lookalike.Family.Description + " under a name that is not secret, so it is not encrypted: name it " +
                    entry.Key + _naming.PreferredSuffix + " (and read it with Secrets.Get), or mark it with a SecretGuardRule Secret=\"true\"");
            }

            return;
        }

        if (value.Length == 0)
        {
            return; // nothing to protect yet; Required/MinLength rules catch an empty value that must not be
        }

        var recipients = Recipients.TryRecipientsOf(environment, out var recipientsProblem);
        if (_options.Mode == CheckMode.Verify)
        {
            var with = recipients is { Count: > 0 }
                ? " (its public keys in " + Recipients.Describe() + " are enough)"
                : " with the " + environment + " key";
            Add(entry, target, DiagnosticIds.PlaintextSecret, FindingSeverity.Error, entry.ValueColumn,
                entry.Key + " holds a plaintext secret: build once on a developer machine" + with +
                " (Encrypt mode encrypts it in place) and commit the result, or run 'secretguard set " + entry.Key + " --env " + environment + "'");
            return;
        }

        if (!WillEncrypt(target))
        {
            var because = _options.ActiveEnvironment is null
                ? "this build has no environment (SG1015)"
                : "it builds " + _options.ActiveEnvironment + ", not " + environment;
            var needs = recipients is { Count: > 0 } ? "needs only the public keys in " + Recipients.Describe() : "needs the " + environment + " key";
            Add(entry, target, DiagnosticIds.PlaintextSecret, FindingSeverity.Warning, entry.ValueColumn,
                entry.Key + " holds a plaintext secret that this build does not encrypt, because " + because +
                ": build with SecretGuardEnvironment=" + environment + " or SecretGuardEncryptAllEnvironments=true (" + needs + ")");
            return;
        }

        if (recipients is null)
        {
            // Never a fall-back to the master key: the recipients file may list this environment on the line that is broken.
            if (!reportedMissingKey)
            {
                reportedMissingKey = true;
                Add(entry, target, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, entry.ValueColumn,
                    entry.Key + " (and any other plaintext secret in this file) was not encrypted: " + recipientsProblem!.Message.TrimEnd('.') +
                    ". Until that is fixed nothing is encrypted for " + environment + ": encrypting to some of its public keys would lock the others out, " +
                    "and the master key would bypass them");
            }

            return;
        }

        if (recipients.Count > 0)
        {
            // A version 2 environment: its public keys are all it takes, no private key, no master key.
            _pending.Add((entry, environment, value, recipients));
            encrypted++;
            return;
        }

        var ring = Ring(environment);
        if (ring?.Current is null && !MustEncrypt(environment))
        {
            // EncryptAllEnvironments encrypts the environments whose key is at hand; the others stay as without it.
            Add(entry, target, DiagnosticIds.PlaintextSecret, FindingSeverity.Warning, entry.ValueColumn,
                entry.Key + " holds a plaintext secret that this build does not encrypt: SecretGuardEncryptAllEnvironments=true, but there is no master key for " +
                environment + " at hand (" + (ring?.WhereToPutKey ?? "see the SG1012 error for the key that was found") + ")");
            return;
        }

        if (ring?.Current is null)
        {
            if (!reportedMissingKey)
            {
                reportedMissingKey = true;
                var where = ring?.WhereToPutKey ?? "see the SG1012 error for the key that was found";
                var shippedOnly = environment != _options.ActiveEnvironment;
                Add(entry, target, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, entry.ValueColumn,
                    entry.Key + " (and any other plaintext secret in this file) cannot be encrypted" +
                    (shippedOnly ? ", and this file ships in the output (SecretGuardShipEnvironments), where a plaintext secret must never go" : string.Empty) +
                    ": no master key for " + environment + ": " + where +
                    " — get the key from your team's password manager or vault, or create one with 'secretguard keygen --env " + environment + "'" +
                    (shippedOnly
                        ? "; or let whoever holds the " + environment + " key run 'secretguard set " + entry.Key + " --env " + environment + "', or leave " + environment + " out of SecretGuardShipEnvironments"
                        : string.Empty));
            }

            return;
        }

        entry.SetValue(SecretCipher.Encrypt(ring.Current, entry.Key, value), EnvQuoteStyle.None);
        encrypted++;
    }

    private void CheckEncryptedValue(EnvFileTarget target, EnvEntry entry, string valueEnvironment, List<PolicyRule> rules)
    {
        var environment = target.Environment!;
        if (valueEnvironment != environment)
        {
            Add(entry, target, DiagnosticIds.WrongEnvironment, FindingSeverity.Error, entry.ValueColumn,
                entry.Key + " holds a value encrypted for " + valueEnvironment + " in the " + environment +
                " file: environments never share ciphertext; put the " + environment + " plaintext here and build to encrypt it");
            return;
        }

        if (!EncryptedValue.TryParse(entry.Value, out var parsed, out _, out var detail))
        {
            Add(entry, target, DiagnosticIds.Undecryptable, FindingSeverity.Error, entry.ValueColumn, entry.Key + ": " + detail);
            return;
        }

        var structure = PublicKeyCipher.CheckStructure(parsed!);
        if (structure is not null)
        {
            Add(entry, target, DiagnosticIds.Undecryptable, FindingSeverity.Error, entry.ValueColumn, entry.Key + ": " + structure);
            return;
        }

        CheckRecipients(target, entry, parsed!);
        var ring = Ring(environment);
        if (ring is null || (parsed!.Version == 1 ? ring.Current is null : !ring.PrivateKeys.Any()))
        {
            return; // no key of the value's kind is at hand here: nothing more can be checked
        }

        string plaintext;
        try
        {
            plaintext = SecretCipher.Decrypt(entry.Value, entry.Key, ring, ValueLocation.InFile(target.Path, entry.Line));
        }
        catch (SecretGuardException ex)
        {
            Add(entry, target, ex.ErrorCode, FindingSeverity.Error, entry.ValueColumn, entry.Key + ": " + ex.Detail);
            return;
        }

        CheckRules(target, entry, rules, plaintext);
    }

    // Needs no key: a value of a version 2 environment names exactly the public keys the recipients file lists for it
    // (in any order: order does not change who can decrypt), and a version 2 value belongs to a version 2 environment.
    private void CheckRecipients(EnvFileTarget target, EnvEntry entry, EncryptedValue parsed)
    {
        var environment = target.Environment!;
        var recipients = Recipients.TryRecipientsOf(environment, out _);
        if (recipients is null)
        {
            return; // the recipients file's own error says what is wrong; what the keys should be cannot be told
        }

        var file = Recipients.Describe();
        if (recipients.Count == 0)
        {
            // With no recipients file at all there is nothing to compare with (a checkout without it, a lone env file).
            if (parsed.Version == 2 && Recipients.FilePath is not null)
            {
                Add(entry, target, DiagnosticIds.RecipientsMismatch, FindingSeverity.Warning, entry.ValueColumn,
                    entry.Key + " is encrypted to the public keys " + string.Join(", ", parsed.RecipientIds) + " (version 2), but " + file + " lists no public key for " + environment +
                    ", so values written from now on would be version 1: list " + environment + "'s public keys there (" + environment + " = sgpub2_..., one line each), " +
                    "or set SECRETGUARD_RECIPIENTS_FILE (MSBuild: SecretGuardRecipientsFile) if the project's file is another one");
            }

            return;
        }

        var listed = recipients.Select(r => r.RecipientId).ToList();
        if (parsed.Version == 1)
        {
            Add(entry, target, DiagnosticIds.RecipientsMismatch, FindingSeverity.Warning, entry.ValueColumn,
                entry.Key + " is a version 1 value (master key " + parsed.Kid + "), but " + environment + " is a version 2 environment (" + file + " lists its public keys " +
                string.Join(", ", listed) + "), so an app that holds only " + environment + "'s private key cannot read it: run 'secretguard migrate' to re-encrypt " +
                environment + "'s values to its public keys (it needs the " + environment + " master key once), or set this one again with 'secretguard set " + entry.Key + " --env " + environment + "'");
            return;
        }

        var missing = listed.Where(rid => !parsed.RecipientIds.Contains(rid, StringComparer.Ordinal)).ToList();
        var extra = parsed.RecipientIds.Where(rid => !listed.Contains(rid, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("it is not encrypted to " + string.Join(", ", missing.Select(rid => Recipients.DescribeLine(environment, rid))) +
                         ", so " + (missing.Count == 1 ? "that key's holder" : "those keys' holders") + " cannot read it");
        }

        if (extra.Count > 0)
        {
            problems.Add("it is still encrypted to " + string.Join(", ", extra) + ", which " + file + " no longer lists for " + environment +
                         ", so " + (extra.Count == 1 ? "that key still reads" : "those keys still read") + " it");
        }

        Add(entry, target, DiagnosticIds.RecipientsMismatch, FindingSeverity.Warning, entry.ValueColumn,
            entry.Key + " is encrypted to " + string.Join(", ", parsed.RecipientIds) + ", not to " + environment + "'s public keys in " + file + " (" + string.Join(", ", listed) +
            "): " + string.Join("; ", problems) + ". Re-encrypt it to the listed keys: 'secretguard rotate --env " + environment +
            "' re-encrypts every value (it needs a private key of the current recipients), or set this one again with 'secretguard set " + entry.Key + " --env " + environment + "'");
    }

    private ProjectRecipients Recipients => _recipients ??= ProjectRecipients.Find(_options.KeyLookup);

    // A version 2 value costs two P-256 operations (a fresh ephemeral key, then ECDH with each recipient), about 40 times a
    // version 1 value: a file's values are encrypted on every core. Each worker has its own copies of the recipients'
    // platform keys, so no platform key object is shared between threads.
    private void EncryptPending()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var ciphertexts = new string[_pending.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, _pending.Count / MinValuesPerWorker));
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                var copies = new Dictionary<RecipientKey, RecipientKey>();
                for (var i = worker; i < _pending.Count; i += workers)
                {
                    var (entry, environment, plaintext, recipients) = _pending[i];
                    var own = recipients.Select(r => copies.TryGetValue(r, out var copy) ? copy : copies[r] = CopyOf(r)).ToList();
                    ciphertexts[i] = PublicKeyCipher.Encrypt(environment, entry.Key, plaintext, own);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        for (var i = 0; i < _pending.Count; i++)
        {
            _pending[i].Entry.SetValue(ciphertexts[i], EnvQuoteStyle.None);
        }

        _pending.Clear();
    }

    // Below this many values per core, starting a worker costs more than it saves.
    private const int MinValuesPerWorker = 8;

    private static RecipientKey CopyOf(RecipientKey key) =>
        RecipientKey.TryFromPoint(key.Point, key.Source, out var copy) ? copy! : throw new InvalidOperationException("A parsed public key is no longer a point of P-256.");

    private void CheckRules(EnvFileTarget target, EnvEntry entry, List<PolicyRule> rules, string plaintext)
    {
        foreach (var rule in rules)
        {
            foreach (var violation in rule.Check(plaintext))
            {
                Add(entry, target, DiagnosticIds.PolicyViolation, FindingSeverity.Error, entry.ValueColumn, violation);
            }
        }
    }

    private void CheckRequiredRules(EnvFileTarget target, EnvFile file)
    {
        if (target.IsTemplate || target.Environment is null)
        {
            return;
        }

        foreach (var rule in _options.Rules.Where(r => r.Required && r.AppliesTo(target.Environment)))
        {
            if (file.Find(rule.Name) is null)
            {
                _report.Findings.Add(new Finding(DiagnosticIds.PolicyViolation, FindingSeverity.Error, target.Path, 0, 0,
                    rule.Name + " is required in every " + (rule.Environments is null ? string.Empty : string.Join("/", rule.Environments) + " ") +
                    "env file (rule Required=true) and is missing here: add " + rule.Name + "=<value>", rule.Name));
            }
        }
    }

    private void Remember(EnvFileTarget target, EnvFile file)
    {
        var environment = target.Environment!;
        if (!_keysByEnvironment.TryGetValue(environment, out var keys))
        {
            _keysByEnvironment[environment] = keys = new HashSet<string>(StringComparer.Ordinal);
            _filesByEnvironment[environment] = new List<string>();
        }

        _filesByEnvironment[environment].Add(target.Path);
        foreach (var entry in file.Entries)
        {
            if (!entry.IsSuppressed(DiagnosticIds.EnvironmentDrift))
            {
                keys.Add(entry.Key);
            }
        }
    }

    private void CheckDrift()
    {
        if (_keysByEnvironment.Count < 2)
        {
            return;
        }

        var allKeys = new SortedSet<string>(_keysByEnvironment.Values.SelectMany(k => k), StringComparer.Ordinal);
        foreach (var key in allKeys)
        {
            var present = _keysByEnvironment.Where(p => p.Value.Contains(key)).Select(p => p.Key).OrderBy(e => e, StringComparer.Ordinal).ToList();
            foreach (var missing in _keysByEnvironment.Keys.Where(e => !present.Contains(e)).OrderBy(e => e, StringComparer.Ordinal))
            {
                if (_options.Rules.Any(r => r.Name == key && !r.AppliesTo(missing)))
                {
                    continue; // a rule says the entry belongs to other environments only
                }

                var file = _filesByEnvironment[missing][0];
                _report.Findings.Add(new Finding(DiagnosticIds.EnvironmentDrift, FindingSeverity.Warning, file, 0, 0,
                    key + " is defined for " + string.Join(", ", present) + " but not for " + missing +
                    ": add it here, or add '# secretguard-disable-next-line SG1009' above it in the other files if it is meant for them only", key));
            }
        }
    }

    private void CheckKeyFile()
    {
        string? keyFile;
        try
        {
            keyFile = KeyRingLoader.FindKeyFile(_options.KeyLookup);
        }
        catch (SecretGuardException ex)
        {
            _report.Findings.Add(new Finding(ex.ErrorCode, FindingSeverity.Error, ex.FilePath, 0, 0, ex.Detail));
            return;
        }

        if (keyFile is null)
        {
            return;
        }

        _report.Findings.AddRange(KeyFileHygiene.Check(keyFile));
        using var keys = KeyFile.Load(keyFile);
        _report.Findings.AddRange(keys.Findings);
    }

    private KeyRing? Ring(string environment)
    {
        if (_rings.TryGetValue(environment, out var ring))
        {
            return ring;
        }

        try
        {
            ring = KeyRingLoader.Load(environment, _options.KeyLookup);
        }
        catch (SecretGuardException ex)
        {
            // A broken key-file line is reported by CheckKeyFile with the file's other problems; report it here only when that check is off.
            var keyFileLine = ex.FilePath is not null && ex.Line is not null;
            if (!keyFileLine || !_options.CheckKeyFileHygiene)
            {
                _report.Findings.Add(new Finding(ex.ErrorCode, FindingSeverity.Error, ex.FilePath, ex.Line ?? 0, 0, ex.Detail));
            }

            ring = null;
        }

        _rings[environment] = ring;
        return ring;
    }

    /// <summary>The analyzers' id for SG1007's finding in the IDE (SecretGuard.Analyzers' RuleIdentifiers.PlaintextSecretInConfigFile).</summary>
    private const string AnalyzerTwinOfSecretInNonSecretEntry = "SG0007";

    private void Add(EnvEntry entry, EnvFileTarget target, string id, FindingSeverity severity, int column, string message)
    {
        // SG1007 and the analyzers' SG0007 are one finding on an env-file line (the IDE shows SG0007, builds SG1007), so
        // either id silences it, as either silences SG0007 (docs/rules/SG1007.md).
        if (!entry.IsSuppressed(id) && !(id == DiagnosticIds.SecretInNonSecretEntry && entry.IsSuppressed(AnalyzerTwinOfSecretInNonSecretEntry)))
        {
            _report.Findings.Add(new Finding(id, severity, target.Path, entry.Line, column, message, entry.Key));
        }
    }


    private static int CompareFindings(Finding a, Finding b)
    {
        var byFile = string.CompareOrdinal(a.FilePath, b.FilePath);
        if (byFile != 0)
        {
            return byFile;
        }

        return a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
    }
}
