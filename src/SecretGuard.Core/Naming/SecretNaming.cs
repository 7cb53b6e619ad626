using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Naming;

/// <summary>
/// Decides which env-file entries are secrets: a key that ends with one of the secret suffixes
/// (default <c>_SECRET</c>, compared ignoring ASCII case) or a name a policy rule marks as secret.
/// </summary>
internal sealed class SecretNaming
{
    /// <summary>The default suffix list.</summary>
    public const string DefaultSuffix = "_SECRET";

    private readonly string[] _suffixes;
    private readonly string _preferredSuffix;
    private readonly HashSet<string> _explicitNames;

    /// <summary>The default rule: <c>*_SECRET</c>.</summary>
    public static SecretNaming Default { get; } = new SecretNaming(null, null);

    /// <summary>Creates a naming rule from suffixes (null or empty: <c>_SECRET</c>) and explicitly secret names.</summary>
    public SecretNaming(IEnumerable<string>? suffixes, IEnumerable<string>? explicitSecretNames = null)
    {
        var written = (suffixes ?? Array.Empty<string>())
            .Select(s => s?.Trim() ?? string.Empty)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        _preferredSuffix = written.Length == 0 ? DefaultSuffix : written[0];
        _suffixes = written.Length == 0 ? new[] { DefaultSuffix } : written.OrderByDescending(s => s.Length).ToArray(); // the longest suffix is stripped first
        _explicitNames = new HashSet<string>(explicitSecretNames ?? Array.Empty<string>(), StringComparer.Ordinal);
    }

    /// <summary>Parses a <c>;</c>- or <c>,</c>-separated suffix list as MSBuild and options write it.</summary>
    public static SecretNaming FromList(string? suffixList, IEnumerable<string>? explicitSecretNames = null)
    {
        var parts = (suffixList ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries);
        return new SecretNaming(parts, explicitSecretNames);
    }

    /// <summary>The suffixes, longest first.</summary>
    public IReadOnlyList<string> Suffixes => _suffixes;

    /// <summary>The suffix new secret entries get: the first one of the list as written (default <c>_SECRET</c>).</summary>
    public string PreferredSuffix => _preferredSuffix;

    /// <summary>Whether the entry named <paramref name="key"/> holds a secret.</summary>
    public bool IsSecret(string key) => _explicitNames.Contains(key) || MatchingSuffix(key) is not null;

    /// <summary>
    /// The name without its secret suffix (<c>ConnectionStrings__Db_SECRET</c> → <c>ConnectionStrings__Db</c>),
    /// or null when the key has no suffix or nothing would remain.
    /// </summary>
    public string? StripSuffix(string key)
    {
        var suffix = MatchingSuffix(key);
        if (suffix is null || key.Length == suffix.Length)
        {
            return null;
        }

        return key.Substring(0, key.Length - suffix.Length);
    }

    private string? MatchingSuffix(string key)
    {
        foreach (var suffix in _suffixes)
        {
            if (key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffix;
            }
        }

        return null;
    }
}
