using System;
using System.IO;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Packs SecretGuard.nuspec once per test run, with a version of its own, into a folder feed (from the build the run
/// already made: see <see cref="Packs"/>). Restores go to a packages folder private to the repository (never the
/// user's global cache), so a fresh version is always extracted.
/// </summary>
public sealed class PackageFeed
{
    public PackageFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        var artifacts = Path.Combine(RepositoryRoot, "artifacts", "e2e");
        Version = Packs.UniqueVersion("e2e");
        FeedDirectory = Path.Combine(artifacts, "feed-" + Version);
        PackagesDirectory = Path.Combine(artifacts, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        Packs.Pack(RepositoryRoot, Path.Combine("src", "SecretGuard.Package"), Version, FeedDirectory);
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException("dotnet pack made no " + PackagePath);
        }
    }

    public string RepositoryRoot { get; }

    public string Version { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackagePath => Path.Combine(FeedDirectory, "SecretGuard." + Version + ".nupkg");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecretGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecretGuard.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>All end-to-end tests share one pack and run one at a time (each starts real builds).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "end to end";
}
