using System;
using System.IO;

namespace SecretGuard.Analyzers.Tests;

/// <summary>Files of the repository the tests run from, found by walking up from the test assembly to SecretGuard.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    /// <summary>The absolute path of <paramref name="relativePath"/> ('/'-separated, relative to the repository root).</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    /// <summary>The text of a file, with CRLF read as LF so that line checks do not depend on git's line-ending settings.</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath)).Replace("\r\n", "\n");

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
