using System;
using System.Collections.Generic;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.Encryption;

namespace SecretGuard;

/// <summary>
/// One pass over a store's values: each decrypted once, every problem collected (not just the first), the entries
/// that still need the previous key noted, then the rules checked. Validation, reloads and the status all use it.
/// </summary>
internal sealed class StoreInspection
{
    private readonly SecretStore _store;
    private readonly HashSet<SecretGuardException> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (string Value, ValueLocation Location)> _values = new(StringComparer.Ordinal);

    public StoreInspection(SecretStore store) => _store = store;

    /// <summary>The values by the name the env file gives them, in the order they were added.</summary>
    public List<KeyValuePair<string, string>> Values { get; } = new();

    public List<SecretGuardProblem> Problems { get; } = new();

    public List<string> OnPreviousKey { get; } = new();

    public bool NeededKey { get; private set; }

    /// <summary>Decodes one value; a failure becomes a problem (once per failure: a ring that cannot load fails every value alike).</summary>
    public void Add(string name, string raw, ValueLocation location, bool fromFile)
    {
        NeededKey |= EncryptedValue.HasEncryptedPrefix(raw);
        try
        {
            var value = _store.Decode(name, raw, location, fromFile, out var withPrevious);
            if (withPrevious)
            {
                OnPreviousKey.Add(name);
            }

            _values[name] = (value, location);
            Values.Add(new KeyValuePair<string, string>(name, value));
        }
        catch (SecretGuardException ex)
        {
            if (_seen.Add(ex))
            {
                Problems.Add(SecretGuardProblem.From(ex));
            }
        }
    }

    /// <summary>Checks the rules on every value, required entries, and (when <paramref name="strictKeys"/>) the keys themselves.</summary>
    public void Finish(bool strictKeys)
    {
        foreach (var (name, (value, location)) in _values)
        {
            Problems.AddRange(_store.Violations(name, value, location));
        }

        Problems.AddRange(_store.MissingRequired(name => _values.ContainsKey(name) || Problems.Any(p => p.KeyName == name) || System.Environment.GetEnvironmentVariable(name) is not null));

        if (strictKeys || NeededKey)
        {
            try
            {
                _ = _store.KeyRing;
            }
            catch (SecretGuardException ex)
            {
                if (_seen.Add(ex))
                {
                    Problems.Add(SecretGuardProblem.From(ex));
                }
            }
        }
    }

    public SecretGuardStatus ToStatus(DateTimeOffset loadedAt) =>
        new(_store.Environment.Name, _store.EnvFile.Path, _store.DescribeKeys(), Problems.ToArray(), OnPreviousKey.ToArray(), Values.Count, loadedAt);
}
