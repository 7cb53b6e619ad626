using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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
        : this(name, secret, minLength, length, pattern, required, CheckOrThrow(name, minLength, length, pattern, environments))
    {
    }

    // Settings FindProblem has accepted, with the environments it read and the pattern it compiled.
    private PolicyRule(string name, bool secret, int? minLength, int? length, string? pattern, bool required, (string[]? Environments, Regex? Pattern) accepted)
    {
        Name = name.Trim();
        Secret = secret;
        MinLength = minLength;
        Length = length;
        Pattern = string.IsNullOrEmpty(pattern) ? null : pattern;
        Required = required;
        Environments = accepted.Environments;
        _pattern = accepted.Pattern;
    }

    /// <summary>
    /// Makes a rule from settings written in a project file: the build and the CLI report what is wrong as a finding
    /// with the rule's file and line, where the constructor would throw.
    /// </summary>
    internal static bool TryCreate(
        string name, bool secret, int? minLength, int? length, string? pattern, bool required, IEnumerable<string>? environments,
        [NotNullWhen(true)] out PolicyRule? rule, [NotNullWhen(false)] out string? problem)
    {
        var environmentList = EnvironmentList(environments);
        if (FindProblem(name, minLength, length, pattern, environmentList, out var compiledPattern) is { } found)
        {
            rule = null;
            problem = found.Message;
            return false;
        }

        rule = new PolicyRule(name, secret, minLength, length, pattern, required, (environmentList, compiledPattern));
        problem = null;
        return true;
    }

    private static (string[]? Environments, Regex? Pattern) CheckOrThrow(string name, int? minLength, int? length, string? pattern, IEnumerable<string>? environments)
    {
        var environmentList = EnvironmentList(environments);
        if (FindProblem(name, minLength, length, pattern, environmentList, out var compiledPattern) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Parameter);
        }

        return (environmentList, compiledPattern);
    }

    private static string[]? EnvironmentList(IEnumerable<string>? environments) =>
        environments?.Select(e => e.Trim()).Where(e => e.Length > 0).ToArray() is { Length: > 0 } list ? list : null;

    // The first thing wrong with the settings and the parameter it is about, or null; compiles the pattern on the way.
    private static (string Message, string Parameter)? FindProblem(
        string? name, int? minLength, int? length, string? pattern, string[]? environments, out Regex? compiledPattern)
    {
        compiledPattern = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return ("A rule needs the name of the entry it applies to.", nameof(name));
        }

        foreach (var environment in environments ?? Array.Empty<string>())
        {
            if (!EnvironmentName.IsValid(environment))
            {
                return (EnvironmentName.InvalidNameMessage(environment), nameof(environments));
            }
        }

        if (minLength < 0 || length < 0)
        {
            return ("Lengths cannot be negative.", minLength < 0 ? nameof(minLength) : nameof(length));
        }

        if (!string.IsNullOrEmpty(pattern))
        {
            try
            {
                // The whole value must match, whatever anchors the author wrote. \z, not $: $ also matches before a final '\n'.
                compiledPattern = new Regex("^(?:" + pattern + ")\\z", RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                // The framework's message names the pattern and the offset, never a value.
                return ("The Pattern of the rule for " + name!.Trim() + " is not a valid .NET regular expression: " + ex.Message, nameof(pattern));
            }
        }

        return null;
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
