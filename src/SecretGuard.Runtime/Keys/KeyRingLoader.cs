using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.Environments;
using SecretGuard.KeyFiles;

namespace SecretGuard.Keys;

/// <summary>
/// Finds an environment's keys (docs/formats.md#3-key-files): version 1 master keys, whose AES keys it derives, and
/// version 2 private keys (the prefix <c>sgkey2_</c> tells them apart). The current key is the
/// variable <c>SECRETGUARD_KEY_&lt;ENV&gt;</c> if set, else the key file's <c>&lt;env&gt;</c>; the previous key is
/// <c>SECRETGUARD_KEY_&lt;ENV&gt;_PREVIOUS</c> if set, else the key file's <c>&lt;env&gt;.previous</c>. Keys are read
/// here, inside the process, and never passed around as text.
/// </summary>
internal static class KeyRingLoader
{
    /// <summary>
    /// Loads the ring. An environment without keys gives a ring without keys (the error comes when a value needs
    /// one); a key that is present but unusable throws SG1012 naming its source.
    /// </summary>
    public static KeyRing Load(string environment, KeyLookupOptions options)
    {
        EnvironmentName.Validate(environment, nameof(environment));
        var variable = options.VariableFor(environment);
        var previousVariable = variable + "_PREVIOUS";
        var keyFilePath = FindKeyFile(options);

        (MasterKey? Master, PrivateKey? Private) current;
        (MasterKey? Master, PrivateKey? Private) previous;

        // Disposed once the keys are taken: its text and keys are zeroed (docs/operations.md#memory-hygiene).
        using (var keyFile = keyFilePath is null ? null : KeyFile.Load(keyFilePath))
        {
            current = FromVariable(variable, environment) ?? FromKeyFile(keyFile, environment, previous: false);
            previous = FromVariable(previousVariable, environment) ?? FromKeyFile(keyFile, environment, previous: true);
        }

        var advice = "set " + variable + " or add '" + environment + " = <key>' to " +
            (keyFilePath ?? ("a " + KeyFile.DefaultFileName + " file" + DescribeSearch(options)));
        return new KeyRing(environment, DeriveAndClear(current.Master, environment), DeriveAndClear(previous.Master, environment), current.Private, previous.Private, advice)
        {
            KeyFilePath = keyFilePath,
            Lookup = options,
        };
    }

    /// <summary>Derives the environment key and zeroes the master key's bytes right away: only the derived key stays in memory.</summary>
    internal static EnvironmentKey? DeriveAndClear(MasterKey? masterKey, string environment)
    {
        if (masterKey is null)
        {
            return null;
        }

        try
        {
            return KeyDerivation.Derive(masterKey, environment);
        }
        finally
        {
            masterKey.Clear();
        }
    }

    /// <summary>The key file in use: the explicit path, <c>SECRETGUARD_KEY_FILE</c>, or the first found upward.</summary>
    public static string? FindKeyFile(KeyLookupOptions options)
    {
        var explicitPath = options.KeyFilePath ?? NullIfEmpty(System.Environment.GetEnvironmentVariable(KeyLookupOptions.KeyFileVariable));
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
            {
                var source = options.KeyFilePath is not null ? "the KeyFilePath option" : KeyLookupOptions.KeyFileVariable;
                throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.MissingKey,
                    "The key file '" + explicitPath + "' named by " + source + " does not exist. Create it with 'secretguard init' or fix the path.",
                    filePath: explicitPath);
            }

            return Path.GetFullPath(explicitPath);
        }

        foreach (var directory in options.SearchDirectories)
        {
            var found = KeyFile.FindUpward(directory);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    // A variable holds a version 1 master key or, with the prefix sgkey2_, a version 2 private key.
    private static (MasterKey?, PrivateKey?)? FromVariable(string name, string environment)
    {
        var value = NullIfEmpty(System.Environment.GetEnvironmentVariable(name));
        if (value is null)
        {
            return null;
        }

        var source = "the environment variable " + name;
        return PrivateKeyText.LooksLikePrivateKey(value)
            ? (null, PrivateKey.FromText(environment, value, source))
            : (MasterKey.FromBase64(value, source), null);
    }

    private static (MasterKey?, PrivateKey?) FromKeyFile(KeyFile? keyFile, string environment, bool previous)
    {
        if (keyFile is null)
        {
            return (null, null);
        }

        // Two lines for one key: using either could be wrong, and the values' kids would name a key "not found".
        var definitions = keyFile.Definitions(environment, previous);
        if (definitions.Count > 1)
        {
            var detail = keyFile.DescribeDuplicate(definitions, d => DescribeKid(d, environment));
            var last = definitions[definitions.Count - 1].Line;
            throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
                detail + ".", detail: detail, environment: environment, filePath: keyFile.FilePath, line: last);
        }

        var entry = keyFile.Find(environment, previous);
        if (entry is not null)
        {
            var bytes = entry.GetKeyBytes();
            try
            {
                var source = keyFile.FilePath + " line " + entry.Line;
                return entry.IsPrivateKey
                    ? (null, PrivateKey.FromScalar(environment, bytes, source))
                    : (MasterKey.FromBytes(bytes, source), null);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
            }
        }

        // A line meant for this key but unreadable is worse than no line: say so instead of "missing".
        var unreadable = definitions.Count == 1 && definitions[0].Entry is null ? definitions[0].Line : 0;
        var broken = unreadable == 0 ? null : keyFile.Findings.FirstOrDefault(f => f.Line == unreadable);
        if (broken is not null)
        {
            throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
                keyFile.FilePath + "(" + broken.Line + "): " + broken.Message, detail: broken.Message, environment: environment, filePath: keyFile.FilePath, line: broken.Line);
        }

        return (null, null);
    }

    /// <summary>The kid a key-file line's key gives, so a person can match it with the kid their values name; never the key.</summary>
    internal static string DescribeKid(KeyFileDefinition definition, string environment)
    {
        if (definition.Entry is null)
        {
            return "not a valid key";
        }

        var bytes = definition.Entry.GetKeyBytes();
        if (definition.Entry.IsPrivateKey)
        {
            try
            {
                using var privateKey = PrivateKey.FromScalar(environment, bytes, "line " + definition.Line);
                return "private key " + privateKey.RecipientId;
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
            }
        }

        var masterKey = MasterKey.FromBytes(bytes, "line " + definition.Line);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        try
        {
            var derived = KeyDerivation.DeriveUncached(masterKey, environment);
            var kid = derived.Kid;
            derived.Clear();
            return "key " + kid;
        }
        finally
        {
            masterKey.Clear();
        }
    }

    private static string DescribeSearch(KeyLookupOptions options) =>
        options.SearchDirectories.Count == 0 ? string.Empty : " in " + options.SearchDirectories[0] + " or a folder above it";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
