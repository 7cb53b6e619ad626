using System;
using System.IO;
using System.Linq;

namespace SecretGuard.RealCode;

/// <summary>
/// Puts a codebase's pinned commit on disk, outside the repository (<c>artifacts/real-code/src/owner+name</c>): from a local
/// git directory when given (a mirror, or a clone you already have), else by cloning from GitHub.
/// </summary>
internal static class Checkout
{
    private const string PinFile = ".secretguard-real-code-commit";

    public static string Ensure(Codebase codebase, string checkoutsRoot, string? gitDirectory)
    {
        var target = Path.Combine(checkoutsRoot, codebase.FileStem);
        var pin = Path.Combine(target, PinFile);
        if (File.Exists(pin) && File.ReadAllText(pin).Trim() == codebase.Commit)
        {
            return target;
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        if (gitDirectory is null)
        {
            Git(target, "init", "-q");
            Git(target, "fetch", "-q", "--depth", "1", "https://github.com/" + codebase.Id + ".git", codebase.Commit);
            Git(target, "checkout", "-q", "FETCH_HEAD");
        }
        else
        {
            // An archive of exactly the pinned tree (no history, no work-tree state of the source), of the files a scan
            // reads only: a mirror may lack the blobs of large assets (fonts, images), and archiving them would fail.
            var paths = Capture(checkoutsRoot, "git", "--git-dir", gitDirectory, "ls-tree", "-r", "--name-only", codebase.Commit)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(IsScanned)
                .ToList();
            var tar = Path.Combine(checkoutsRoot, codebase.FileStem + ".tar");
            foreach (var batch in paths.Chunk(500))
            {
                Capture(checkoutsRoot, "git", new[] { "--git-dir", gitDirectory, "archive", "--format=tar", "-o", tar, codebase.Commit, "--" }.Concat(batch).ToArray());
                Capture(checkoutsRoot, "tar", "-xf", tar, "-C", target);
            }

            File.Delete(tar);
        }

        File.WriteAllText(pin, codebase.Commit + "\n");
        return target;
    }

    /// <summary>The files a scan reads: C# sources, project files (for package references) and the additional files.</summary>
    private static bool IsScanned(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env", StringComparison.Ordinal)
            || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase);
    }

    private static void Git(string workingDirectory, params string[] arguments) => Capture(workingDirectory, "git", arguments);

    private static string Capture(string workingDirectory, string program, params string[] arguments)
    {
        var (exitCode, output, error) = ExternalProcess.Run(workingDirectory, program, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments.Take(8))} failed ({exitCode}): {error.Trim()}");
        }

        return output;
    }
}
