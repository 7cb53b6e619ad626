using System;
using System.IO;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Packs SecretGuard.nuspec once per test run, with a version of its own, into a folder feed. Restores go to a
/// packages folder private to the repository (never the user's global cache), so a fresh version is always extracted.
/// </summary>
public sealed class PackageFeed
{
    public PackageFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        var artifacts = Path.Combine(RepositoryRoot, "artifacts", "e2e");
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        FeedDirectory = Path.Combine(artifacts, "feed-" + Version);
        PackagesDirectory = Path.Combine(artifacts, "packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        var result = DotNet.Run(RepositoryRoot, TimeSpan.FromMinutes(5), null,
            "pack", Path.Combine("src", "SecretGuard.Package"), "-c", "Release", "-nodeReuse:false",
            "-p:PackageVersion=" + Version, "-o", FeedDirectory);
        if (result.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + result.Output);
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
