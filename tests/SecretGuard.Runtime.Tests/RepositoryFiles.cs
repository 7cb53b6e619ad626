using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretGuard.Tests;

/// <summary>
/// The repository the tests run from, found by walking up from the test assembly to SecretGuard.sln, and what the
/// tests that hold the docs to the code need from it: the text of a page's section and the anchors of its headings.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    /// <summary>The absolute path of <paramref name="relativePath"/> ('/'-separated, relative to the repository root).</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file's text with CRLF read as LF, so that line checks do not depend on git's line-ending settings.</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath)).Replace("\r\n", "\n");

    /// <summary>The section of a markdown page that starts with <paramref name="heading"/> (e.g. "## Public API"), up to the next heading of that level.</summary>
    public static string Section(string relativePath, string heading)
    {
        var page = Read(relativePath);
        var start = page.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException(relativePath + " has no '" + heading + "' heading");
        }

        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var next = page.IndexOf("\n" + level, start + 1, StringComparison.Ordinal);
        return next < 0 ? page[start..] : page[start..next];
    }

    /// <summary>
    /// The fragment identifiers GitHub gives a markdown file's headings: lower case, punctuation other than '-' and
    /// '_' dropped, spaces turned into '-'; a repeated heading gets "-1", "-2", ... Headings inside code fences do not count.
    /// </summary>
    public static HashSet<string> HeadingAnchors(string absolutePath)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadAllLines(absolutePath))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            var heading = inFence ? null : Regex.Match(line, @"^#{1,6}[ \t]+(.*?)[ \t#]*$");
            if (heading is null || !heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            var count = seen.TryGetValue(anchor, out var n) ? n : 0;
            seen[anchor] = count + 1;
            anchors.Add(count == 0 ? anchor : anchor + "-" + count);
        }

        return anchors;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecretGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SecretGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
