using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecretGuard.Credentials;

namespace SecretGuard.Tests;

/// <summary>
/// The catalogue's keyword prefilter is an optimisation with a meaning: a family is tried when the text holds one of
/// its keywords (compared with or without case, as the family says), when it has no keywords, or, for a family that
/// needs context, when the context holds one of its context keywords. These tests hold <see cref="CredentialCatalogue"/>
/// to a plain reference of that rule — one <c>IndexOf</c> per keyword, family after family — over many varied inputs,
/// so however the catalogue finds keywords, it finds the same families, and the same matches, as the plain rule.
/// </summary>
public class CredentialCataloguePrefilterTests
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string B64 = Alnum + "+/";
    private const string Symbols = " _-.:/=;,@'\"{}()[]<>!?#$%&*+~|\\\t\n";

    // Characters outside ASCII, some of which fold to ASCII letters under some runtimes' ordinal-ignore-case rules
    // (dotless i, long s, Kelvin sign, dotted capital I), others not (accented, Cyrillic, CJK, a surrogate pair).
    private const string NonAscii = "\u0131\u017F\u212A\u0130\u00E9\u00DF\u0430\u0441\u4E2D\uD83D\uDE00\u00A0\uFF21";

    [Fact]
    public void The_built_in_catalogue_tries_the_same_families_and_finds_the_same_credentials_as_the_plain_rule()
    {
        var catalogue = CredentialCatalogue.Default;
        var checkedInputs = AssertSameAsReference(catalogue, Inputs(catalogue, new Random(20250101), fuzz: 6000));
        Assert.True(checkedInputs > 20_000, checkedInputs + " inputs");
    }

    [Fact]
    public void The_known_samples_and_near_misses_of_every_family_give_the_same_results_as_the_plain_rule()
    {
        var samples = CredentialFamiliesTests.Positives().Concat(CredentialFamiliesTests.Negatives()).Select(row => (string)row[1])
            .Concat(CredentialCatalogueTests.Families().SelectMany(row => new[] { (string)row[1], (string)row[2] }))
            .ToList();
        var contexts = new string?[] { null, "", "AWS_SECRET_ACCESS_KEY", "AzureStorage:AccountKey", "TWILIO_AUTH_TOKEN", "DD_API_KEY", "Heroku_Api_Key", "cf_api_token", "sv=2022&se=2030", "name" };
        var random = new Random(77);
        var inputs = samples.SelectMany(s => new[] { (s, (string?)null), (s, contexts[random.Next(contexts.Length)]) });

        Assert.True(AssertSameAsReference(CredentialCatalogue.Default, inputs) > 300);
    }

    [Fact]
    public void A_catalogue_without_some_families_keeps_the_plain_rule_for_the_rest()
    {
        var catalogue = CredentialCatalogue.Default.Without(new[] { "github-token", "aws-access-key-id", "jwt", "connection-string-password" });
        AssertSameAsReference(catalogue, Inputs(catalogue, new Random(99), fuzz: 1000));
    }

    [Fact]
    public void A_catalogue_of_more_families_than_fit_in_one_or_two_words_of_bits_keeps_the_plain_rule_and_the_order()
    {
        var families = SyntheticFamilies(300);
        var catalogue = new CredentialCatalogue(families);
        AssertSameAsReference(catalogue, Inputs(catalogue, new Random(5), fuzz: 2000));

        // Each family beyond the 64th and the 128th is found by its own keyword.
        foreach (var index in new[] { 0, 63, 64, 65, 127, 128, 129, 200, 299 })
        {
            var family = families[index];
            if (family.Id.StartsWith("fam-", StringComparison.Ordinal))
            {
                var match = catalogue.Find("value " + family.Keywords[0] + "90417238 end");
                Assert.NotNull(match);
                Assert.Same(family, match!.Family);
                var shouted = "x " + family.Keywords[0].ToUpperInvariant() + " y";
                Assert.Equal(!family.KeywordsMatchCase, catalogue.Candidates(shouted).Contains(family));
            }
        }

        // Two families that both match: the one tried first wins, wherever their keywords are.
        var late = families[250];
        var early = families[12];
        var text = "a " + late.Keywords[0] + "58203914 b " + early.Keywords[0] + "73019482";
        Assert.Same(early, catalogue.Find(text)!.Family);
        Assert.Equal(new[] { late, early }, catalogue.FindAll(text).Select(m => m.Family));
    }

    [Fact]
    public void Families_with_unusual_keywords_keep_the_plain_rule()
    {
        var families = new[]
        {
            Family("one-char", new[] { "#" }, @"#[0-9]{8}"),
            Family("one-char-cased", new[] { "Q" }, @"Q[0-9]{8}", matchCase: true),
            Family("non-ascii", new[] { "p\u00E4ss", "\u00FCber" }, @"(?i)(p\u00E4ss|\u00FCber)[0-9]{8}"),
            Family("non-ascii-first", new[] { "\u0131d_" }, @"\u0131d_[0-9]{8}"),
            Family("empty-keywords", new[] { "", null! }, @"zz[0-9]{8}"),
            Family("no-keywords", Array.Empty<string>(), @"yy[0-9]{8}"),
            Family("cased", new[] { "Tok_", "KEY" }, @"(Tok_|KEY)[0-9]{8}", matchCase: true),
            Family("uncased", new[] { "tok_", "key" }, @"(?i:tok_|key)[0-9]{8}"),
            Family("in-context", new[] { "ctx" }, @"\b[0-9]{12}\b", context: new[] { "ctx", "kelvin", "s\u00E9cret", "" }),
            Family("same-keyword-twice", new[] { "dup", "DUP", "dup" }, @"dup[0-9]{8}"),
            Family("long", new[] { "a-very-long-keyword-indeed" }, @"a-very-long-keyword-indeed[0-9]{8}"),
            Family("symbols", new[] { "://", "=\"", "\t\n" }, @"(://|=""|\t\n)[0-9]{8}"),
        };
        var catalogue = new CredentialCatalogue(families);
        AssertSameAsReference(catalogue, Inputs(catalogue, new Random(11), fuzz: 3000));

        Assert.Equal("non-ascii", catalogue.Find("x P\u00C4SS90417238")?.Family.Id);
        Assert.Equal("no-keywords", catalogue.Find("yy90417238")?.Family.Id);
        Assert.Equal("empty-keywords", catalogue.Find("zz90417238")?.Family.Id);
        Assert.Null(catalogue.Find("abc tok 904172385561"));
        Assert.Equal("in-context", catalogue.Find("abc tok 904172385561", "KELVIN_VALUE")?.Family.Id);
    }

    // ---- The reference: the plain rule ----------------------------------------------------------------------------

    private static bool ReferenceMightMatch(CredentialFamily family, string text, string? context)
    {
        var textMask = CharMask.Of(text);
        if (text.Length < family.MinLength || !textMask.Covers(family.RequiredChars))
        {
            return false;
        }

        var keywords = family.Keywords.Where(k => !string.IsNullOrEmpty(k)).ToList();
        var comparison = family.KeywordsMatchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (keywords.Count == 0 || keywords.Any(k => textMask.Covers(CharMask.Of(k)) && text.IndexOf(k, comparison) >= 0))
        {
            return true;
        }

        if (!family.RequiresContext || context is null)
        {
            return false;
        }

        var contextMask = CharMask.Of(context);
        return family.ContextKeywords.Where(k => !string.IsNullOrEmpty(k))
            .Any(k => contextMask.Covers(CharMask.Of(k)) && context.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0);
    }

    /// <summary>
    /// The family alone, without keywords, length or character requirements: a catalogue of it runs the family's regex
    /// and checks on any text, so what it finds does not depend on how the catalogue prefilters.
    /// </summary>
    private static CredentialCatalogue Unfiltered(CredentialFamily family) =>
        new(new[]
        {
            new CredentialFamily(family.Id, family.Description, Array.Empty<string>(), family.Regex.ToString(), family.MinEntropyBitsPerChar,
                family.Regex.Options, family.ContextKeywords, family.Validate, minLength: 0, family.KeywordsMatchCase),
        });

    private sealed class Reference
    {
        private readonly CredentialCatalogue _catalogue;
        private readonly CredentialCatalogue[] _unfiltered;

        public Reference(CredentialCatalogue catalogue)
        {
            _catalogue = catalogue;
            _unfiltered = catalogue.Families.Select(Unfiltered).ToArray();
        }

        public List<string> Candidates(string text, string? context) =>
            _catalogue.Families.Where(f => ReferenceMightMatch(f, text, context)).Select(f => f.Id).ToList();

        public string? Find(string text, string? context)
        {
            if (text.Length < 8)
            {
                return null;
            }

            for (var i = 0; i < _unfiltered.Length; i++)
            {
                if (ReferenceMightMatch(_catalogue.Families[i], text, context) && _unfiltered[i].Find(text, context) is { } match)
                {
                    return Describe(match);
                }
            }

            return null;
        }

        public List<string> FindAll(string text, string? context)
        {
            var kept = new List<CredentialMatch>();
            if (text.Length < 8)
            {
                return new List<string>();
            }

            for (var i = 0; i < _unfiltered.Length; i++)
            {
                if (!ReferenceMightMatch(_catalogue.Families[i], text, context))
                {
                    continue;
                }

                foreach (var match in _unfiltered[i].FindAll(text, context))
                {
                    if (!kept.Any(k => match.Index < k.Index + k.Length && k.Index < match.Index + match.Length))
                    {
                        kept.Add(match);
                    }
                }
            }

            return kept.OrderBy(m => m.Index).Select(Describe).ToList();
        }
    }

    private static string Describe(CredentialMatch match) => match.Family.Id + "@" + match.Index + "+" + match.Length;

    private static int AssertSameAsReference(CredentialCatalogue catalogue, IEnumerable<(string Text, string? Context)> inputs)
    {
        var reference = new Reference(catalogue);
        var count = 0;
        foreach (var (text, context) in inputs)
        {
            count++;
            string Why() => "text: " + Escape(text) + " context: " + (context is null ? "null" : Escape(context));
            var expectedCandidates = reference.Candidates(text, context);
            var actualCandidates = catalogue.Candidates(text, context).Select(f => f.Id).ToList();
            Assert.True(
                expectedCandidates.SequenceEqual(actualCandidates),
                "candidates differ for " + Why() + ": expected " + string.Join(",", expectedCandidates) + " got " + string.Join(",", actualCandidates));

            var expected = reference.Find(text, context);
            var actual = catalogue.Find(text, context) is { } match ? Describe(match) : null;
            Assert.True(expected == actual, "Find differs for " + Why() + ": expected " + expected + " got " + actual);

            var expectedAll = reference.FindAll(text, context);
            var actualAll = catalogue.FindAll(text, context).Select(Describe).ToList();
            Assert.True(expectedAll.SequenceEqual(actualAll), "FindAll differs for " + Why() + ": expected " + string.Join(" ", expectedAll) + " got " + string.Join(" ", actualAll));
        }

        return count;
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text.Length > 300 ? text.Substring(0, 300) + "..." : text)
        {
            sb.Append(c >= 32 && c < 127 ? c.ToString() : "\\u" + ((int)c).ToString("X4"));
        }

        return sb.Append('"').ToString();
    }

    // ---- Inputs ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Every keyword and context keyword of the catalogue at the start, middle and end of filler, in several cases, bare
    /// and followed by a token its family might match; near misses of each keyword; several keywords together; random
    /// strings over ASCII and non-ASCII alphabets; each paired with no context, a context holding a context keyword, and
    /// an unrelated one.
    /// </summary>
    private static IEnumerable<(string Text, string? Context)> Inputs(CredentialCatalogue catalogue, Random random, int fuzz)
    {
        var keywords = catalogue.Families.SelectMany(f => f.Keywords.Concat(f.ContextKeywords))
            .Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
        var contextKeywords = catalogue.Families.SelectMany(f => f.ContextKeywords).Where(k => !string.IsNullOrEmpty(k)).Distinct().ToList();
        string From(string alphabet, int length)
        {
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return sb.ToString();
        }

        string Filler() => random.Next(4) switch
        {
            0 => From(Lower + " ", random.Next(0, 12)),
            1 => From(Alnum + Symbols, random.Next(0, 20)),
            2 => "var x = \"" + From(Lower, random.Next(2, 8)) + "\"; ",
            _ => string.Empty,
        };

        string Token() => random.Next(6) switch
        {
            0 => From(B64, 40),
            1 => From(Alnum, random.Next(16, 60)),
            2 => From(Digits, random.Next(8, 20)),
            3 => From(B64, 86) + "==",
            4 => From("0123456789abcdef", 32),
            _ => string.Empty,
        };

        string? Context() => random.Next(4) switch
        {
            0 => null,
            1 => contextKeywords.Count > 0 ? "MY_" + Cased(contextKeywords[random.Next(contextKeywords.Count)], random) + "_VALUE" : null,
            2 => From(Upper + "_", random.Next(0, 24)),
            _ => From(Lower + NonAscii, random.Next(0, 10)),
        };

        IEnumerable<(string, string?)> WithContexts(string text)
        {
            yield return (text, null);
            yield return (text, Context());
        }

        foreach (var keyword in keywords)
        {
            foreach (var variant in new[] { keyword, keyword.ToLowerInvariant(), keyword.ToUpperInvariant(), Cased(keyword, random) })
            {
                var token = Token();
                foreach (var text in new[]
                         {
                             variant + token,
                             Filler() + variant + token + Filler(),
                             Filler() + token + variant,
                             variant,
                             From(Alnum, 10) + variant + From(Alnum, 10),
                         })
                {
                    foreach (var input in WithContexts(text))
                    {
                        yield return input;
                    }
                }
            }

            foreach (var nearMiss in NearMisses(keyword, random))
            {
                foreach (var input in WithContexts(Filler() + nearMiss + Token() + Filler()))
                {
                    yield return input;
                }
            }
        }

        for (var i = 0; i < fuzz; i++)
        {
            string text;
            switch (i % 5)
            {
                case 0:
                    text = From(Alnum + Symbols, random.Next(0, 120));
                    break;
                case 1:
                    text = From(Lower + Symbols + NonAscii, random.Next(0, 60));
                    break;
                case 2:
                    text = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Filler() + Cased(keywords[random.Next(keywords.Count)], random) + Token()));
                    break;
                case 3:
                    text = From(NonAscii + "ab", random.Next(0, 8)) + keywords[random.Next(keywords.Count)] + From(NonAscii, random.Next(0, 3)) + Token();
                    break;
                default:
                    text = From("AKIASGxoxbsk_live-usMTeyJ.:=/@" + Alnum.Substring(0, 10), random.Next(8, 90));
                    break;
            }

            foreach (var input in WithContexts(text))
            {
                yield return input;
            }
        }
    }

    /// <summary>The keyword with one character changed, dropped, doubled, spaced out or swapped for a non-ASCII lookalike.</summary>
    private static IEnumerable<string> NearMisses(string keyword, Random random)
    {
        var at = random.Next(keyword.Length);
        yield return keyword.Substring(0, keyword.Length - 1);
        yield return keyword.Substring(1);
        yield return keyword.Substring(0, at) + (keyword[at] == 'x' ? 'y' : 'x') + keyword.Substring(at + 1);
        yield return keyword.Substring(0, at) + " " + keyword.Substring(at);
        yield return keyword.Substring(0, at) + keyword[at] + keyword.Substring(at);
        var lookalikes = keyword.Replace('i', '\u0131').Replace('s', '\u017F').Replace('k', '\u212A').Replace('I', '\u0130').Replace('a', '\u0430');
        yield return lookalikes;
        yield return lookalikes.ToUpperInvariant();
        yield return "s" + lookalikes + "k";
    }

    private static string Cased(string keyword, Random random)
    {
        var chars = keyword.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(2) == 0 ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    // ---- Families -------------------------------------------------------------------------------------------------

    private static CredentialFamily Family(string id, string[] keywords, string pattern, bool matchCase = false, string[]? context = null) =>
        new(id, "a " + id, keywords, pattern, 0, System.Text.RegularExpressions.RegexOptions.None, context, minLength: 0, keywordsMatchCase: matchCase);

    /// <summary>
    /// Many families "kw{n}x" + eight digits, most with their own keyword; every seventh without keywords (so it is always
    /// tried, on its own format), every fifth comparing case, every eleventh needing context.
    /// </summary>
    private static List<CredentialFamily> SyntheticFamilies(int count)
    {
        var families = new List<CredentialFamily>(count);
        for (var n = 0; n < count; n++)
        {
            var keyword = "kw" + n + "x";
            if (n % 7 == 6)
            {
                families.Add(Family("free-" + n, Array.Empty<string>(), "\\bfree" + n + "x[0-9]{8}"));
            }
            else if (n % 11 == 10)
            {
                families.Add(Family("ctx-" + n, new[] { keyword }, "\\b[0-9]{10," + (10 + n % 3) + "}\\b", context: new[] { "ctx" + n }));
            }
            else
            {
                families.Add(Family("fam-" + n, new[] { keyword }, "(?i)" + keyword + "[0-9]{8}", matchCase: n % 5 == 4));
            }
        }

        return families;
    }
}
