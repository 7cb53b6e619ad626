using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.IO;
using SecretGuard.KeyFiles;

namespace SecretGuard.Checks;

/// <summary>
/// Checks that a key file stays private: not tracked by git (SG1010, error), git-ignored and not readable by
/// group or others on Unix (SG1011, warnings). Without git or outside a repository the git checks are skipped.
/// </summary>
internal static class KeyFileHygiene
{
    /// <summary>
    /// The findings for <paramref name="keyFilePath"/>, and for each leftover temp copy of it beside it
    /// (<c>secretguard.keys.&lt;8 hex&gt;.tmp</c>, or the older <c>.secretguard.keys.&lt;8 hex&gt;.tmp</c>, left by a writer that
    /// crashed before its rename) whose content holds at least one valid key line: such a copy holds master keys too.
    /// Only the key file's own folder (that of the file it links to) is listed, so the check stays cheap;
    /// <c>validate --staged</c> looks at the content of every staged file instead.
    /// </summary>
    public static IEnumerable<Finding> Check(string keyFilePath)
    {
        var full = Path.GetFullPath(keyFilePath);
        var findings = CheckOne(full, leftoverOf: null).ToList();

        // Temps are written beside the file a link points at (FileLinks), so that is where leftovers are.
        foreach (var leftover in LeftoverCopies(WrittenAt(full)))
        {
            findings.AddRange(CheckOne(leftover, leftoverOf: Path.GetFileName(full)));
        }

        return findings;
    }

    /// <summary>The temp copies of the key file beside it that hold at least one valid key line.</summary>
    internal static List<string> LeftoverCopies(string keyFilePath)
    {
        var directory = Path.GetDirectoryName(keyFilePath)!;
        var name = Path.GetFileName(keyFilePath);
        var copies = new List<string>();
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(directory, "*" + name + ".*.tmp");
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return copies;
        }

        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            if (!AtomicFile.IsTempNameOf(Path.GetFileName(candidate), name))
            {
                continue;
            }

            try
            {
                if (new FileInfo(candidate).Length <= KeyFile.MaxProbeLength)
                {
                    var bytes = File.ReadAllBytes(candidate);
                    try
                    {
                        if (KeyFile.HoldsKeys(bytes))
                        {
                            copies.Add(candidate);
                        }
                    }
                    finally
                    {
                        Array.Clear(bytes, 0, bytes.Length); // a copy of the key file holds keys
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        return copies;
    }

    private static string WrittenAt(string keyFilePath)
    {
        try
        {
            return FileLinks.ResolveForWriting(keyFilePath);
        }
        catch (IOException)
        {
            return keyFilePath; // a link to nothing: whoever reads the key file reports that
        }
    }

    private static IEnumerable<Finding> CheckOne(string full, string? leftoverOf)
    {
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var what = leftoverOf is null ? "the key file" : "a leftover temp copy of " + leftoverOf + " (it holds master keys)";
        var what2 = leftoverOf is null ? "the key file" : "the leftover copy";

        var tracked = RunGit(directory, "ls-files", "--error-unmatch", "--", name);
        if (tracked == 0)
        {
            yield return new Finding(DiagnosticIds.KeyFileTracked, FindingSeverity.Error, full, 0, 0,
                what + " is tracked by git: its keys are in the repository's history. Run 'git rm --cached " + name +
                (leftoverOf is null
                    ? "', add it to .gitignore, and rotate every key it held ('secretguard rotate')"
                    : "', delete it, add '" + leftoverOf + ".*' to .gitignore, and rotate every key it held ('secretguard rotate')"));
        }
        else if (tracked == 1)
        {
            var ignored = RunGit(directory, "check-ignore", "-q", "--", name);
            if (ignored == 1)
            {
                yield return new Finding(DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, full, 0, 0,
                    leftoverOf is null
                        ? "the key file is not git-ignored: one 'git add .' commits it. Add '" + name + "' to .gitignore"
                        : what + " is not git-ignored: one 'git add .' commits it. Delete it and add '" + leftoverOf + ".*' to .gitignore (or run 'secretguard init' again)");
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode;
            try
            {
                mode = File.GetUnixFileMode(full);
            }
            catch (IOException)
            {
                yield break;
            }

            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            {
                yield return new Finding(DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, full, 0, 0,
                    what2 + " is readable by other users: run " + (leftoverOf is null ? "'chmod 600 " : "'rm ") + full + "'");
            }
        }
    }

    // Exit code of git, or -1 when git cannot run. 0/1 are answers; 128 means "not a repository".
    private static int RunGit(string workingDirectory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return -1;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return -1;
            }

            return process.ExitCode;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
        {
            return -1;
        }
    }
}
