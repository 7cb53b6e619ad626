using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;

namespace SecretGuard.Cli.Rotation;

/// <summary>
/// The env files a repository-wide rewrite (<c>rotate</c>, <c>migrate</c>) covers, and how it refuses: every env file of
/// the environments under the git repository around the working folder (else the working folder), plus the files and
/// folders named on the command line; and a rewrite that changes every value or none.
/// </summary>
internal static class RepositoryEnvFiles
{
    /// <summary>Full paths, each once; a named path that does not exist is a usage error.</summary>
    public static List<string> Find(ParsedArguments arguments, CommandContext context, IReadOnlyCollection<string> environments)
    {
        var root = Git.TopLevel(context.WorkingDirectory) ?? context.WorkingDirectory;
        var paths = EnvFileDiscovery.Under(root, environments).Select(t => t.Path).ToList();
        foreach (var argument in arguments.Positionals)
        {
            var path = context.FullPath(argument);
            if (Directory.Exists(path))
            {
                paths.AddRange(EnvFileDiscovery.Under(path, environments).Select(t => t.Path));
            }
            else if (File.Exists(path))
            {
                paths.Add(path);
            }
            else
            {
                throw new UsageException(ArgumentText.Positional(arguments, argument, "PATH") + " does not exist.");
            }
        }

        return paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Prints each problem and stops the command before anything is written; nothing when there is none.</summary>
    public static void RefuseAny(CommandContext context, List<string> problems, string whatItDoes)
    {
        if (problems.Count == 0)
        {
            return;
        }

        foreach (var problem in problems)
        {
            context.Error.WriteLine(problem);
        }

        throw new CommandFailedException("nothing was changed: " + whatItDoes + " every value or none, and the values above cannot be re-encrypted. Fix them, then run the command again.");
    }

    /// <summary>A value's place, <c>file(line,col)</c>.</summary>
    public static string Location(CommandContext context, EncryptedValueScan.ScannedValue value) =>
        context.Display(value.File.Path) + "(" + value.Entry.Line + "," + value.Entry.ValueColumn + ")";
}
