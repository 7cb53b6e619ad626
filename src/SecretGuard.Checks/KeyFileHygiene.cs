using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using SecretGuard.Diagnostics;

namespace SecretGuard.Checks;

/// <summary>
/// Checks that a key file stays private: not tracked by git (SG1010, error), git-ignored and not readable by
/// group or others on Unix (SG1011, warnings). Without git or outside a repository the git checks are skipped.
/// </summary>
internal static class KeyFileHygiene
{
    /// <summary>The findings for <paramref name="keyFilePath"/>.</summary>
    public static IEnumerable<Finding> Check(string keyFilePath)
    {
        var full = Path.GetFullPath(keyFilePath);
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);

        var tracked = RunGit(directory, "ls-files", "--error-unmatch", "--", name);
        if (tracked == 0)
        {
            yield return new Finding(DiagnosticIds.KeyFileTracked, FindingSeverity.Error, full, 0, 0,
                "the key file is tracked by git: its keys are in the repository's history. Run 'git rm --cached " + name +
                "', add it to .gitignore, and rotate every key it held ('secretguard rotate')");
        }
        else if (tracked == 1)
        {
            var ignored = RunGit(directory, "check-ignore", "-q", "--", name);
            if (ignored == 1)
            {
                yield return new Finding(DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, full, 0, 0,
                    "the key file is not git-ignored: one 'git add .' commits it. Add '" + name + "' to .gitignore");
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
                    "the key file is readable by other users: run 'chmod 600 " + full + "'");
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
