using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretGuard.Environments;

namespace SecretGuard.Policy;

/// <summary>
/// A team's rule for one entry (MSBuild <c>SecretGuardRule</c> items, runtime <c>Require</c>): whether it is
/// secret, its length, its pattern, whether it must exist, and in which environments. Violations name the rule,
/// never the value.
/// </summary>
public sealed class PolicyRule
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex? _pattern;

    /// <summary>Creates a rule. An invalid <paramref name="pattern"/> throws <see cref="ArgumentException"/> with the reason.</summary>
    public PolicyRule(string name, bool secret = false, int? minLength = null, int? length = null, string? pattern = null, bool required = false, IEnumerable<string>? environments = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A rule needs the name of the entry it applies to.", nameof(name));
        }

        Name = name.Trim();
        Secret = secret;
        MinLength = minLength;
        Length = length;
        Pattern = string.IsNullOrEmpty(pattern) ? null : pattern;
        Required = required;
        Environments = environments?.Select(e => e.Trim()).Where(e => e.Length > 0).ToArray() is { Length: > 0 } list ? list : null;
        if (Environments is not null)
        {
            foreach (var environment in Environments)
            {
                EnvironmentName.Validate(environment, nameof(environments));
            }
        }

        if (minLength < 0 || length < 0)
        {
            throw new ArgumentException("Lengths cannot be negative.", minLength < 0 ? nameof(minLength) : nameof(length));
        }

        if (Pattern is not null)
        {
            try
            {
                // The whole value must match, whatever anchors the author wrote. \z, not $: $ also matches before a final '\n'.
                _pattern = new Regex("^(?:" + Pattern + ")\\z", RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException("The Pattern of the rule for " + Name + " is not a valid .NET regular expression: " + ex.Message, nameof(pattern));
            }
        }
    }

    /// <summary>The entry's key.</summary>
    public string Name { get; }

    /// <summary>Whether the entry is a secret (encrypted by the build) whatever its suffix.</summary>
    public bool Secret { get; }

    /// <summary>Minimum length in characters (Unicode code points) of the plaintext.</summary>
    public int? MinLength { get; }

    /// <summary>Exact length in characters (Unicode code points) of the plaintext.</summary>
    public int? Length { get; }

    /// <summary>A .NET regular expression the whole plaintext must match.</summary>
    public string? Pattern { get; }

    /// <summary>Whether every env file the rule applies to must define the entry.</summary>
    public bool Required { get; }

    /// <summary>The environments the rule applies to; null for all.</summary>
    public IReadOnlyList<string>? Environments { get; }

    /// <summary>Whether the rule applies in <paramref name="environment"/>.</summary>
    public bool AppliesTo(string environment) => Environments is null || Environments.Contains(environment, StringComparer.Ordinal);

    /// <summary>What is wrong with <paramref name="plaintext"/> under this rule, in words that never contain it.</summary>
    public IEnumerable<string> Check(string plaintext)
    {
        var characters = CountCharacters(plaintext);
        if (Length is int exact && characters != exact)
        {
            yield return Name + " must be exactly " + exact + " characters long (rule Length=" + exact + ")";
        }

        if (MinLength is int min && characters < min)
        {
            yield return Name + " must be at least " + min + " characters long (rule MinLength=" + min + ")";
        }

        if (_pattern is not null)
        {
            bool matches;
            try
            {
                matches = _pattern.IsMatch(plaintext);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                yield return Name + " does not match the rule's Pattern " + Pattern;
            }
        }
    }

    /// <summary>Names the rule.</summary>
    public override string ToString() => "rule for " + Name;

    private static int CountCharacters(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
