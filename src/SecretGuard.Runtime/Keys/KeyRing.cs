using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Keys;

/// <summary>
/// The keys of one environment: the current key (encrypts and decrypts) and, during a rotation, the previous one
/// (decrypts only). A value is decrypted with the key whose kid it names.
/// </summary>
internal sealed class KeyRing
{
    /// <summary>Creates a ring.</summary>
    public KeyRing(string environment, EnvironmentKey? current, EnvironmentKey? previous, string whereToPutKey)
    {
        Environment = environment;
        Current = current;
        Previous = previous;
        WhereToPutKey = whereToPutKey;
    }

    /// <summary>The environment.</summary>
    public string Environment { get; }

    /// <summary>The key values are encrypted with; null when none was found.</summary>
    public EnvironmentKey? Current { get; }

    /// <summary>The key kept from before a rotation; null outside a rotation.</summary>
    public EnvironmentKey? Previous { get; }

    /// <summary>Advice for a missing key: which variable to set or which key-file line to add.</summary>
    public string WhereToPutKey { get; }

    /// <summary>The key file the keys were read from, when one was found.</summary>
    public string? KeyFilePath { get; init; }

    /// <summary>The keys present, current first.</summary>
    public IEnumerable<EnvironmentKey> Keys => new[] { Current, Previous }.Where(k => k is not null)!;

    /// <summary>The key with this kid, or null.</summary>
    public EnvironmentKey? FindByKid(string kid)
    {
        // Called for every decryption: no LINQ, no allocation.
        if (Current is not null && string.Equals(Current.Kid, kid, System.StringComparison.Ordinal))
        {
            return Current;
        }

        return Previous is not null && string.Equals(Previous.Kid, kid, System.StringComparison.Ordinal) ? Previous : null;
    }

    /// <summary>Names the keys; never shows them.</summary>
    public override string ToString() => Environment + ": " + (Keys.Any() ? string.Join(", ", Keys.Select(k => k.Kid + " (" + k.Source + ")")) : "no key");
}
