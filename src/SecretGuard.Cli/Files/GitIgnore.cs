using System;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.IO;

namespace SecretGuard.Cli.Files;

/// <summary>Adds a line to a folder's <c>.gitignore</c>, once.</summary>
internal static class GitIgnore
{
    /// <summary>Adds <paramref name="pattern"/> unless the file already has it; true when it was added.</summary>
    public static bool Ensure(string folder, string pattern)
    {
        var path = Path.Combine(folder, ".gitignore");
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var lines = text.Split('\n').Select(l => l.Trim());
        if (lines.Any(l => l == pattern || l == "/" + pattern))
        {
            return false;
        }

        var ending = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var builder = new StringBuilder(text);
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            builder.Append(ending);
        }

        builder.Append("# SecretGuard master keys: never commit them").Append(ending).Append(pattern).Append(ending);
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(builder.ToString()));
        return true;
    }
}
