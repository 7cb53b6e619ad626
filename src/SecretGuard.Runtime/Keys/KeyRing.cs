using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Keys;

/// <summary>
/// The keys of one environment: the current key (encrypts and decrypts) and, during a rotation, the previous one
/// (decrypts only). Each is a version 1 master key (held as its derived AES key) or a version 2 private key
/// (docs/formats.md#3-key-files). A v1 value is decrypted with the master key whose kid it names, a v2 value with the
/// private key whose rid it lists.
/// </summary>
internal sealed class KeyRing
{
    /// <summary>Creates a ring of version 1 keys.</summary>
    public KeyRing(string environment, EnvironmentKey? current, EnvironmentKey? previous, string whereToPutKey)
        : this(environment, current, previous, null, null, whereToPutKey)
    {
    }

    /// <summary>Creates a ring; each slot (current, previous) holds at most one key, of either kind.</summary>
    public KeyRing(string environment, EnvironmentKey? current, EnvironmentKey? previous, PrivateKey? currentPrivateKey, PrivateKey? previousPrivateKey, string whereToPutKey)
    {
        Environment = environment;
        Current = current;
        Previous = previous;
        CurrentPrivateKey = currentPrivateKey;
        PreviousPrivateKey = previousPrivateKey;
        WhereToPutKey = whereToPutKey;
    }

    /// <summary>The environment.</summary>
    public string Environment { get; }

    /// <summary>The master key values are encrypted with (version 1); null when the current key is none or a private key.</summary>
    public EnvironmentKey? Current { get; }

    /// <summary>The master key kept from before a rotation; null outside a rotation or when it is a private key.</summary>
    public EnvironmentKey? Previous { get; }

    /// <summary>The current key when it is a version 2 private key.</summary>
    public PrivateKey? CurrentPrivateKey { get; }

    /// <summary>The previous key when it is a version 2 private key.</summary>
    public PrivateKey? PreviousPrivateKey { get; }

    /// <summary>Advice for a missing key: which variable to set or which key-file line to add.</summary>
    public string WhereToPutKey { get; }

    /// <summary>The key file the keys were read from, when one was found.</summary>
    public string? KeyFilePath { get; init; }

    /// <summary>Where to look for the recipients file when an error wants to say who can decrypt a value.</summary>
    public KeyLookupOptions? Lookup { get; init; }

    /// <summary>The master keys present, current first.</summary>
    public IEnumerable<EnvironmentKey> Keys => new[] { Current, Previous }.Where(k => k is not null)!;

    /// <summary>The private keys present, current first.</summary>
    public IEnumerable<PrivateKey> PrivateKeys => new[] { CurrentPrivateKey, PreviousPrivateKey }.Where(k => k is not null)!;

    /// <summary>Whether the ring holds any key at all, of either kind.</summary>
    public bool HasAnyKey => Current is not null || Previous is not null || CurrentPrivateKey is not null || PreviousPrivateKey is not null;

    /// <summary>The master key with this kid, or null.</summary>
    public EnvironmentKey? FindByKid(string kid)
    {
        // Called for every decryption: no LINQ, no allocation.
        if (Current is not null && string.Equals(Current.Kid, kid, System.StringComparison.Ordinal))
        {
            return Current;
        }

        return Previous is not null && string.Equals(Previous.Kid, kid, System.StringComparison.Ordinal) ? Previous : null;
    }

    /// <summary>The first private key (current first) whose rid is in <paramref name="recipientIds"/>, and its position there; null when none is.</summary>
    public PrivateKey? FindByRecipients(IReadOnlyList<string> recipientIds, out int index)
    {
        foreach (var key in new[] { CurrentPrivateKey, PreviousPrivateKey })
        {
            if (key is null)
            {
                continue;
            }

            for (index = 0; index < recipientIds.Count; index++)
            {
                if (string.Equals(recipientIds[index], key.RecipientId, System.StringComparison.Ordinal))
                {
                    return key;
                }
            }
        }

        index = -1;
        return null;
    }

    /// <summary>Every key present, described as "current 3f4fd31a (source)": kids and rids, never a key.</summary>
    public IReadOnlyList<string> Describe()
    {
        var described = new List<string>();
        foreach (var (id, source, current) in Slots())
        {
            described.Add((current ? "current " : "previous ") + id + " (" + source + ")");
        }

        return described;
    }

    /// <summary>Names the keys; never shows them.</summary>
    public override string ToString()
    {
        var slots = Slots().ToList();
        return Environment + ": " + (slots.Count > 0 ? string.Join(", ", slots.Select(s => s.Id + " (" + s.Source + ")")) : "no key");
    }

    // The kid or rid and source of each key, current first.
    internal IEnumerable<(string Id, string Source, bool Current)> Slots()
    {
        if (Current is not null)
        {
            yield return (Current.Kid, Current.Source, true);
        }

        if (CurrentPrivateKey is not null)
        {
            yield return (CurrentPrivateKey.RecipientId, CurrentPrivateKey.Source, true);
        }

        if (Previous is not null)
        {
            yield return (Previous.Kid, Previous.Source, false);
        }

        if (PreviousPrivateKey is not null)
        {
            yield return (PreviousPrivateKey.RecipientId, PreviousPrivateKey.Source, false);
        }
    }
}
