using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Options;

/// <summary>
/// SecretGuard's <c>.editorconfig</c> options for one syntax tree, read once per options object and cached.
/// Shared options are <c>secretguard.&lt;option&gt;</c>; a rule's own value <c>secretguard.SG0002.&lt;option&gt;</c> wins.
/// A value that cannot be read keeps the default and is remembered for one SG0008 report.
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string ExtraSecretWords = "extra_secret_words";
    public const string ExcludedNameWords = "excluded_name_words";
    public const string ExcludedValuePattern = "excluded_value_pattern";
    public const string MinLength = "min_length";
    public const string EntropyThreshold = "entropy_threshold";
    public const string DisabledFamilies = "disabled_families";
    public const string TestProjects = "test_projects";
    public const string SensitiveWords = "sensitive_words";
    public const string ReportAllUses = "report_all_uses";

    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, AnalyzerSettings> Cache = new ConditionalWeakTable<AnalyzerConfigOptions, AnalyzerSettings>();
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private const double MaxMinLength = 1000;

    /// <summary>The rules that read <c>min_length</c>, so their own <c>secretguard.&lt;id&gt;.min_length</c> is read (and checked) up front.</summary>
    private static readonly string[] MinLengthRules = { RuleIdentifiers.HardcodedCredential };

    private readonly AnalyzerConfigOptions _options;
    private readonly List<(string Key, string Problem)> _problems = new List<(string Key, string Problem)>();
    private readonly double? _minLength;
    private readonly Dictionary<string, double> _ruleMinLengths = new Dictionary<string, double>(StringComparer.Ordinal);

    // Every option is read here, once, and never later: SG0008 reports what this constructor found, so a value read
    // lazily by a rule (after SG0008 had looked) would never be reported.
    private AnalyzerSettings(AnalyzerConfigOptions options)
    {
        _options = options;
        var extra = ReadList(ExtraSecretWords);
        var excluded = ReadList(ExcludedNameWords);
        Names = extra.Count == 0 && excluded.Count == 0 ? CredentialNames.Default : new CredentialNames(extra, excluded);

        // SG0004-SG0006 judge names with the sensitivity lexicon: the credential words, the team's extra secret words
        // and its own sensitive words; the excluded words rule names out for every rule.
        var sensitive = ReadList(SensitiveWords);
        SensitiveNames = extra.Count == 0 && excluded.Count == 0 && sensitive.Count == 0
            ? CredentialNames.DefaultSensitive
            : CredentialNames.Sensitive(extra.Concat(sensitive), excluded);
        UnguessableNames = extra.Count == 0 && excluded.Count == 0 && sensitive.Count == 0
            ? CredentialNames.DefaultUnguessable
            : CredentialNames.Unguessable(extra.Concat(sensitive), excluded);
        var suffixes = ReadSecretSuffixes(options);
        SecretNaming = string.IsNullOrWhiteSpace(suffixes) ? SecretNaming.Default : SecretNaming.FromList(suffixes);
        ReportAllRandomUses = ReadBool(ReportAllUses, false, RuleIdentifiers.InsecureRandomness);

        var pattern = Read(ExcludedValuePattern);
        if (pattern is not null)
        {
            try
            {
                ExcludedValues = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                _problems.Add(("secretguard." + ExcludedValuePattern, "not a .NET regular expression (" + ex.Message + ")"));
            }
        }

        var disabled = ReadList(DisabledFamilies);
        if (disabled.Count > 0)
        {
            var known = new HashSet<string>(CredentialCatalogue.Default.Families.Select(f => f.Id), StringComparer.OrdinalIgnoreCase);
            foreach (var id in disabled.Where(id => !known.Contains(id)))
            {
                _problems.Add(("secretguard." + DisabledFamilies, "'" + id + "' is not a credential family (known: " + string.Join(", ", known.OrderBy(k => k)) + ")"));
            }

            var off = new HashSet<string>(disabled, StringComparer.OrdinalIgnoreCase);
            Catalogue = new CredentialCatalogue(CredentialCatalogue.Default.Families.Where(f => !off.Contains(f.Id)));
        }
        else
        {
            Catalogue = CredentialCatalogue.Default;
        }

        EntropyFloor = ReadDouble("secretguard." + EntropyThreshold, 0, 8) ?? 0;
        _minLength = ReadDouble("secretguard." + MinLength, 0, MaxMinLength);
        foreach (var ruleId in MinLengthRules)
        {
            if (ReadDouble("secretguard." + ruleId + "." + MinLength, 0, MaxMinLength) is double ruleMinLength)
            {
                _ruleMinLengths[ruleId] = ruleMinLength;
            }
        }

        options.TryGetValue("build_property.IsTestProject", out var isTest);
        IsTestProject = string.Equals(isTest?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var testMode = Read(TestProjects)?.ToLowerInvariant();
        switch (testMode)
        {
            case null:
            case "suggestion":
                TestProjectMode = TestProjectMode.Suggestion;
                break;
            case "report":
                TestProjectMode = TestProjectMode.Report;
                break;
            case "off":
                TestProjectMode = TestProjectMode.Off;
                break;
            default:
                _problems.Add(("secretguard." + TestProjects, "'" + testMode + "' is not one of report, suggestion, off"));
                TestProjectMode = TestProjectMode.Suggestion;
                break;
        }
    }

    public CredentialNames Names { get; }

    /// <summary>The sensitivity lexicon of SG0004-SG0006 (<c>secretguard.sensitive_words</c> adds to it).</summary>
    public CredentialNames SensitiveNames { get; }

    /// <summary>SG0005's lexicon: the sensitivity lexicon plus codes that must be unguessable (<see cref="CredentialNames.Unguessable"/>).</summary>
    public CredentialNames UnguessableNames { get; }

    /// <summary>Which env-file names are secret entries: the project's <c>SecretGuardSecretSuffixes</c> (default <c>_SECRET</c>).</summary>
    public SecretNaming SecretNaming { get; }

    /// <summary>SG0005 reports every use of <c>System.Random</c> (<c>secretguard.SG0005.report_all_uses = true</c>).</summary>
    public bool ReportAllRandomUses { get; }

    public Regex? ExcludedValues { get; }

    public CredentialCatalogue Catalogue { get; }

    public double EntropyFloor { get; }

    public bool IsTestProject { get; }

    public TestProjectMode TestProjectMode { get; }

    /// <summary>Options that could not be read: (key, what is wrong). Complete once the settings exist; never changes.</summary>
    public IReadOnlyList<(string Key, string Problem)> Problems => _problems;

    public static AnalyzerSettings For(AnalyzerConfigOptions options) => Cache.GetValue(options, o => new AnalyzerSettings(o));

    /// <summary>
    /// The project's <c>SecretGuardSecretSuffixes</c>. The compiler hands MSBuild properties to analyzers in an options file
    /// where <c>;</c> starts a comment (dotnet/roslyn#51692), so the package also passes a copy with <c>,</c> between the
    /// suffixes (build/SecretGuard.Common.targets); the property itself is the fallback for hosts that lack the copy.
    /// </summary>
    public static string? ReadSecretSuffixes(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property._SecretGuardAnalyzerSecretSuffixes", out var list) && !string.IsNullOrWhiteSpace(list) ? list
        : options.TryGetValue("build_property.SecretGuardSecretSuffixes", out var property) ? property
        : null;

    /// <summary>
    /// The minimum value length for a rule: <c>secretguard.SG0002.min_length</c>, then <c>secretguard.min_length</c>, then
    /// <paramref name="defaultValue"/>. Only rules in <see cref="MinLengthRules"/> have a value of their own.
    /// </summary>
    public int MinLengthFor(string ruleId, int defaultValue) =>
        (int)(_ruleMinLengths.TryGetValue(ruleId, out var own) ? own : _minLength ?? defaultValue);

    public bool IsExcludedValue(string value)
    {
        if (ExcludedValues is null)
        {
            return false;
        }

        try
        {
            return ExcludedValues.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private string? Read(string option) => ReadKey("secretguard." + option);

    private string? ReadKey(string key) =>
        _options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private List<string> ReadList(string option) =>
        (Read(option) ?? string.Empty).Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>A rule's own value (<c>secretguard.SG0005.report_all_uses</c>), else the shared one; a bad value is reported under the key it came from.</summary>
    private bool ReadBool(string option, bool defaultValue, string ruleId)
    {
        var key = "secretguard." + ruleId + "." + option;
        var text = ReadKey(key);
        if (text is null)
        {
            key = "secretguard." + option;
            text = ReadKey(key);
        }

        if (text is null)
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        _problems.Add((key, "'" + text + "' is not true or false"));
        return defaultValue;
    }

    /// <summary>The number under <paramref name="key"/>; null when it is absent or bad (a bad value is remembered for SG0008).</summary>
    private double? ReadDouble(string key, double min, double max)
    {
        var text = ReadKey(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _problems.Add((key, "'" + text + "' is not a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture)));
        return null;
    }
}
