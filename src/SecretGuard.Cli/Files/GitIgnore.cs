using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.IO;

namespace SecretGuard.Cli.Files;

/// <summary>Adds a line to a folder's <c>.gitignore</c>, once.</summary>
internal static class GitIgnore
{
    /// <summary>
    /// Adds each of <paramref name="patterns"/> the file does not have yet (once: running it again adds nothing), under
    /// one comment line; returns the patterns it added.
    /// </summary>
    public static IReadOnlyList<string> Ensure(string folder, IReadOnlyList<string> patterns)
    {
        var path = Path.Combine(folder, ".gitignore");
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var missing = patterns.Where(p => !lines.Any(l => l == p || l == "/" + p)).ToList();
        if (missing.Count == 0)
        {
            return missing;
        }

        var ending = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder(text);
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            builder.Append(ending);
        }

        builder.Append("# SecretGuard master keys (and temp copies a crash may leave): never commit them").Append(ending);
        foreach (var pattern in missing)
        {
            builder.Append(pattern).Append(ending);
        }

        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(builder.ToString()));
        return missing;
    }
}
