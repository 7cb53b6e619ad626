using System;
using System.Collections.Generic;

namespace SecretGuard.Credentials;

/// <summary>
/// A family's keywords (without empty ones) and how they are compared. The catalogue finds them in a text through
/// its <see cref="KeywordIndex"/>; near a match, <see cref="AnyIn(string, int, int)"/> searches a stretch of text.
/// </summary>
internal sealed class KeywordSet
{
    private readonly string[] _keywords;
    private readonly StringComparison _comparison;

    public KeywordSet(string[] keywords, bool matchCase)
    {
        _keywords = Array.FindAll(keywords, k => !string.IsNullOrEmpty(k));
        MatchCase = matchCase;
        _comparison = matchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
    }

    /// <summary>No keywords.</summary>
    public static KeywordSet Empty { get; } = new KeywordSet(Array.Empty<string>(), false);

    public bool IsEmpty => _keywords.Length == 0;

    /// <summary>The keywords, without empty ones.</summary>
    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>Whether the keywords are compared with case (ordinal), else ignoring case (ordinal-ignore-case).</summary>
    public bool MatchCase { get; }

    /// <summary>Whether one of the keywords occurs in <c>text[start..start+count)</c>.</summary>
    public bool AnyIn(string text, int start, int count)
    {
        foreach (var keyword in _keywords)
        {
            if (keyword.Length <= count && text.IndexOf(keyword, start, count, _comparison) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
