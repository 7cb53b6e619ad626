using System.Text;
using System.Text.RegularExpressions;

namespace SecretGuard.RealCode;

/// <summary>A path pattern over repository-relative paths with '/': <c>**</c> any number of folders, <c>*</c> any name part, <c>?</c> one character.</summary>
internal sealed class PathGlob
{
    private readonly Regex _regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        _regex = new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}
