using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SecretGuard.Encryption;
using SecretGuard.Naming;

namespace SecretGuard.Credentials;

/// <summary>
/// The credential formats SecretGuard recognises in values, shared by the env-file checks and the analyzers so
/// both judge a value the same way. Keyword prefilter first, regex (with a timeout) second, then placeholder,
/// entropy, context and validator checks on the match. Finding never throws.
/// </summary>
internal sealed class CredentialCatalogue
{
    // Shorter texts hold no credential any family knows.
    private const int MinTextLength = 8;

    // How far from a match a context keyword may be, before and after it.
    private const int ContextBefore = 200;
    private const int ContextAfter = 100;

    private readonly CredentialFamily[] _families;

    // The families' keywords and, for the families that need context, their context keywords, each found in one
    // pass over a text: one IndexOf per keyword per family made the prefilter cost most of a literal's check.
    private readonly KeywordIndex _keywordIndex;
    private readonly KeywordIndex _contextKeywordIndex;

    // Families without keywords: the prefilter lets every text through to them.
    private readonly FamilySet _familiesWithoutKeywords;

    /// <summary>Creates a catalogue from families.</summary>
    public CredentialCatalogue(IEnumerable<CredentialFamily> families)
    {
        _families = families.ToArray();
        _keywordIndex = new KeywordIndex(Array.ConvertAll(_families, f => f.KeywordSet));
        _contextKeywordIndex = new KeywordIndex(Array.ConvertAll(_families, f => f.RequiresContext ? f.ContextKeywordSet : KeywordSet.Empty));
        _familiesWithoutKeywords = new FamilySet(_families.Length);
        for (var i = 0; i < _families.Length; i++)
        {
            if (_families[i].KeywordSet.IsEmpty)
            {
                _familiesWithoutKeywords.Add(i);
            }
        }
    }

    /// <summary>The built-in families.</summary>
    public static CredentialCatalogue Default { get; } = new CredentialCatalogue(BuiltInCredentialFamilies.Create());

    /// <summary>The families, in the order they are tried.</summary>
    public IReadOnlyList<CredentialFamily> Families => _families;

    /// <summary>A catalogue without the families whose ids are listed (ids compared ignoring case; unknown ids are ignored).</summary>
    public CredentialCatalogue Without(IEnumerable<string> ids)
    {
        var skip = new HashSet<string>(ids ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        return new CredentialCatalogue(_families.Where(f => !skip.Contains(f.Id)));
    }

    /// <summary>The first credential found in <paramref name="text"/>, or null. Placeholders never match.</summary>
    public CredentialMatch? Find(string? text) => Find(text, null);

    /// <summary>
    /// The first credential found in <paramref name="text"/>, or null. <paramref name="context"/> is what surrounds
    /// the value, such as the name of the setting, variable or parameter that holds it (<c>AWS_SECRET_ACCESS_KEY</c>);
    /// it lets the families that need context (<see cref="CredentialFamily.RequiresContext"/>) recognise a bare value.
    /// </summary>
    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    public CredentialMatch? Find(string? text, string? context)
    {
        if (text is null || text.Length < MinTextLength)
        {
            return null;
        }

        // In the families' order: the first that matches names the credential. A match that is only weak evidence (a
        // connection string's password that is a plain word) gives way to a strong one anywhere in the text.
        CredentialMatch? weak = null;
        var candidates = CandidatePositions(text, context);
        for (var i = candidates.Next(0); i >= 0; i = candidates.Next(i + 1))
        {
            var family = _families[i];
            try
            {
                for (var match = family.Regex.Match(text); match.Success; match = match.NextMatch())
                {
                    if (Accept(family, match, text, context, out var evidence, out var weakBecause))
                    {
                        if (evidence == SecretEvidence.Strong)
                        {
                            return new CredentialMatch(family, match.Index, match.Length, evidence, weakBecause);
                        }

                        weak ??= new CredentialMatch(family, match.Index, match.Length, evidence, weakBecause);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // a pathological input: this family says nothing about it
            }
        }

        return weak;
    }

    /// <summary>Every credential found in the text, in order of position; where two overlap, the family tried first wins (as in <see cref="Find(string)"/>).</summary>
    public IReadOnlyList<CredentialMatch> FindAll(string? text) => FindAll(text, null);

    /// <summary>Every credential found in the text, in order of position, without overlaps; see <see cref="Find(string, string)"/> for <paramref name="context"/>.</summary>
    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    public IReadOnlyList<CredentialMatch> FindAll(string? text, string? context)
    {
        if (text is null || text.Length < MinTextLength)
        {
            return Array.Empty<CredentialMatch>();
        }

        var found = new List<(CredentialMatch Match, int Order)>();
        var candidates = CandidatePositions(text, context);
        for (var order = candidates.Next(0); order >= 0; order = candidates.Next(order + 1))
        {
            var family = _families[order];
            try
            {
                for (var match = family.Regex.Match(text); match.Success; match = match.NextMatch())
                {
                    if (Accept(family, match, text, context, out var evidence, out var weakBecause))
                    {
                        found.Add((new CredentialMatch(family, match.Index, match.Length, evidence, weakBecause), order));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // as in Find
            }
        }

        if (found.Count == 0)
        {
            return Array.Empty<CredentialMatch>();
        }

        // Where matches overlap, the family tried first wins, as in Find; then by position.
        found.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Match.Index.CompareTo(b.Match.Index));
        var result = new List<CredentialMatch>(found.Count);
        foreach (var (match, _) in found)
        {
            if (!result.Any(m => match.Index < m.Index + m.Length && m.Index < match.Index + match.Length))
            {
                result.Add(match);
            }
        }

        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    /// <summary>The families whose prefilter lets the text through, in order (for tests of how cheap the common case is).</summary>
    internal IEnumerable<CredentialFamily> Candidates(string text, string? context = null)
    {
        var candidates = CandidatePositions(text, context);
        var list = new List<CredentialFamily>();
        for (var i = candidates.Next(0); i >= 0; i = candidates.Next(i + 1))
        {
            list.Add(_families[i]);
        }

        return list;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var ascii = new int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                other ??= new Dictionary<char, int>();
                other[c] = other.TryGetValue(c, out var n) ? n + 1 : 1;
            }
        }

        double entropy = 0;
        double length = text.Length;
        foreach (var count in ascii)
        {
            if (count > 0)
            {
                var p = count / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        if (other is not null)
        {
            foreach (var count in other.Values)
            {
                var p = count / length;
                entropy -= p * Math.Log(p, 2);
            }
        }

        return entropy;
    }

    /// <summary>
    /// The positions of the families worth running the regex of: the text is long enough for the family, holds
    /// every character its matches hold, and holds one of its keywords — or the family has none, or needs context
    /// and the context holds one of its context keywords.
    /// </summary>
    [MethodImpl(MethodImplOptionsExtended.AggressiveOptimization)]
    private FamilySet CandidatePositions(string text, string? context)
    {
        var candidates = new FamilySet(_families.Length);
        candidates.UnionWith(in _familiesWithoutKeywords);
        var textMask = _keywordIndex.AddFamiliesIn(text, ref candidates);
        if (context is not null && !_contextKeywordIndex.IsEmpty)
        {
            _contextKeywordIndex.AddFamiliesIn(context, ref candidates);
        }

        for (var i = candidates.Next(0); i >= 0; i = candidates.Next(i + 1))
        {
            var family = _families[i];
            if (text.Length < family.MinLength || !textMask.Covers(family.RequiredChars))
            {
                candidates.Remove(i);
            }
        }

        return candidates;
    }

    private static bool Accept(CredentialFamily family, Match match, string text, string? context, out SecretEvidence evidence, out string? weakBecause)
    {
        evidence = SecretEvidence.Strong;
        weakBecause = null;
        var secret = CredentialChecks.Secret(match);
        if (secret.Length == 0 || ValueShapes.IsPlaceholder(secret) || CredentialChecks.LooksTyped(secret))
        {
            return false;
        }

        // The whole match too: "https://user:pw@example.com", "-----BEGIN ... xxxx".
        if (match.Length != secret.Length && match.Length <= 512 && SensitivityLexicon.IsPlaceholder(match.Value))
        {
            return false;
        }

        if (family.MinEntropyBitsPerChar > 0 && ShannonEntropy(secret) < family.MinEntropyBitsPerChar)
        {
            return false;
        }

        if (IsInsideEncryptedValue(text, match.Index))
        {
            return false;
        }

        if (family.RequiresContext && !HasContext(family, text, match, context))
        {
            return false;
        }

        if (family.Validate is not null)
        {
            try
            {
                if (!family.Validate(match))
                {
                    return false;
                }
            }
            catch (Exception)
            {
                return false; // a validator that fails says "not this family", never breaks the caller
            }
        }

        return family.PasswordOf is null || JudgeChosenPassword(family, match, text, out evidence, out weakBecause);
    }

    // A password someone chose, in a connection string, a URL or a Basic header: judged as a literal under a
    // credential name is, and never in help text ("for example: Host=db;Password=..."), which shows a sample.
    private static bool JudgeChosenPassword(CredentialFamily family, Match match, string text, out SecretEvidence evidence, out string? weakBecause)
    {
        evidence = SecretEvidence.None;
        weakBecause = null;
        if (IsHelpText(text, match))
        {
            return false;
        }

        ChosenPassword? found;
        try
        {
            found = family.PasswordOf!(match, text);
        }
        catch (Exception)
        {
            return false;
        }

        if (found is not { } password)
        {
            return false;
        }

        evidence = CredentialLiterals.JudgePassword(password.Password, password.User, out weakBecause);
        if (evidence == SecretEvidence.Strong && CredentialChecks.IsLocalServer(match, text))
        {
            evidence = SecretEvidence.Weak;
            weakBecause = "the password of a server on the developer's machine";
        }

        return evidence != SecretEvidence.None;
    }

    // Prose around the match: the text without it reads as sentences ("Default credentials are: ...", "for example"), and
    // not as code (a file the command line scans holds code around its URLs).
    private static bool IsHelpText(string text, Match match)
    {
        if (text.Length > 4096)
        {
            return false;
        }

        var rest = (text.Substring(0, match.Index) + " " + text.Substring(match.Index + match.Length)).Trim();
        return rest.IndexOf(' ') > 0 && !ValueShapes.IsCode(rest) &&
               (ValueShapes.IsNaturalLanguage(rest) || rest.IndexOf("e.g.", StringComparison.OrdinalIgnoreCase) >= 0 ||
                rest.IndexOf("example", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    private static bool HasContext(CredentialFamily family, string text, Match match, string? context)
    {
        if (context is not null && family.ContextKeywordSet.AnyIn(context, 0, context.Length))
        {
            return true;
        }

        var start = Math.Max(0, match.Index - ContextBefore);
        var end = Math.Min(text.Length, match.Index + match.Length + ContextAfter);
        return family.ContextKeywordSet.AnyIn(text, start, end - start);
    }

    // A SecretGuard ciphertext (DEV_ENC:v1:kid:payload) is random by design and no credential.
    private static bool IsInsideEncryptedValue(string text, int index)
    {
        var start = index;
        while (start > 0 && !IsValueDelimiter(text[start - 1]))
        {
            start--;
        }

        return EncryptedValue.HasEncryptedPrefix(text.Substring(start, Math.Min(text.Length - start, 48)));
    }

    private static bool IsValueDelimiter(char c) =>
        char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '`' || c == '=' || c == ',' || c == ';' || c == '(' || c == '[' || c == '{' || c == '>';
}
