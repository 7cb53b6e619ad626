using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SecretGuard.IO;

/// <summary>
/// Files marked read-only (mode 0444, or the read-only attribute): SecretGuard never rewrites them, even though a
/// write through a temporary file and a rename would succeed (it needs only a writable folder).
/// </summary>
internal static class ReadOnlyFiles
{
    /// <summary>
    /// Whether <paramref name="path"/> exists and is read-only for this process: on Unix, the write bit that applies to
    /// this user (owner, group or others) is off, whoever the user is; on Windows, the read-only attribute is set.
    /// </summary>
    public static bool IsReadOnly(string path)
    {
        try
        {
            return File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The command that makes the files writable, as a person would type it.</summary>
    public static string MakeWritableCommand(IReadOnlyList<string> paths) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? string.Join(" & ", paths.Select(p => "attrib -r " + (p.IndexOf(' ') >= 0 ? "\"" + p + "\"" : p)))
            : "chmod u+w " + string.Join(" ", paths.Select(QuoteForShell));

    /// <summary>"&lt;path&gt; is read-only ...: make it writable (chmod u+w &lt;path&gt;)": the caller adds what was not done.</summary>
    public static string Describe(params string[] displayPaths) =>
        displayPaths.Length == 1
            ? displayPaths[0] + " is read-only, and SecretGuard does not rewrite a file marked read-only: make it writable (" + MakeWritableCommand(displayPaths) + ")"
            : string.Join(", ", displayPaths) + " are read-only, and SecretGuard does not rewrite a file marked read-only: make them writable (" + MakeWritableCommand(displayPaths) + ")";

    private static string QuoteForShell(string path)
    {
        foreach (var c in path)
        {
            if (!(char.IsLetterOrDigit(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == ':' || c == '@' || c == '%' || c == ','))
            {
                return "'" + path.Replace("'", "'\\''") + "'";
            }
        }

        return path;
    }
}
