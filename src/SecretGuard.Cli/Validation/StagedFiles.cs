using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.KeyFiles;

namespace SecretGuard.Cli.Validation;

/// <summary>
/// The env files staged in git, as they will be committed: each staged blob (<c>git show :path</c>) is copied into a
/// private temporary folder, because the working copy may differ from what is staged. Disposing deletes the copies.
/// </summary>
internal sealed class StagedFiles : IDisposable
{
    private readonly DirectoryInfo _copies;

    private StagedFiles(DirectoryInfo copies) => _copies = copies;

    /// <summary>The copies to check, each with the folder of the real file (where keys and project files are looked up).</summary>
    public List<(EnvFileTarget Copy, string RealPath)> Files { get; } = new();

    /// <summary>Staged key files (committing one is SG1010).</summary>
    public List<string> KeyFiles { get; } = new();

    /// <summary>Other staged files whose content holds at least one valid key line (committing one is SG1010 too).</summary>
    public List<string> KeyCopies { get; } = new();

    public static StagedFiles Collect(string workingDirectory, IReadOnlyCollection<string> environments)
    {
        var top = Git.TopLevel(workingDirectory)
            ?? throw new CommandFailedException("--staged checks what git is about to commit, but " + workingDirectory + " is not in a git repository (or git is not installed).");
        var list = Git.Run(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames");
        if (list is null || list.ExitCode != 0)
        {
            throw new CommandFailedException("git could not list the staged files: " + (list?.Error ?? "git did not start"));
        }

        // A private folder (0700): a staged file may hold the plaintext secret this check is about to reject.
        var staged = new StagedFiles(Directory.CreateTempSubdirectory("secretguard-staged-"));
        try
        {
            foreach (var relative in list.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var realPath = Path.GetFullPath(Path.Combine(top, relative));
                var name = Path.GetFileName(realPath);
                if (name == KeyFile.DefaultFileName)
                {
                    staged.KeyFiles.Add(realPath);
                    continue;
                }

                // Every staged file is read: one whose content parses as a key file with a valid key line holds master
                // keys whatever it is called (a temp copy left by a crash, a backup, a renamed copy) and is refused.
                var blob = Git.Run(top, "show", ":" + relative);
                if (blob is null || blob.ExitCode != 0)
                {
                    throw new CommandFailedException("git could not read the staged " + relative + ": " + (blob?.Error ?? "git did not start"));
                }

                if (KeyFile.HoldsKeys(blob.Output))
                {
                    Array.Clear(blob.Output, 0, blob.Output.Length); // it holds master keys
                    staged.KeyCopies.Add(realPath);
                    continue;
                }

                var isTemplate = EnvFileDiscovery.TemplateNames.Contains(name, StringComparer.Ordinal);
                var environment = EnvFileDiscovery.EnvironmentOfName(name);
                if (!isTemplate && (environment is null || !environments.Contains(environment)))
                {
                    continue;
                }

                var copy = Path.Combine(staged._copies.FullName, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.WriteAllBytes(copy, blob.Output);
                staged.Files.Add((new EnvFileTarget(copy, isTemplate ? null : environment, isTemplate), realPath));
            }
        }
        catch
        {
            staged.Dispose();
            throw;
        }

        return staged;
    }

    public void Dispose()
    {
        try
        {
            _copies.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
