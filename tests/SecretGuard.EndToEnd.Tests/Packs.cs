using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Packs a project of this repository from what the test run's build already compiled (<c>dotnet pack --no-build</c>;
/// this project references every packable project, so they are built first, in the same configuration).
/// Not building here matters: a pack that built would recompile the shipped projects whenever its properties differ
/// from the suite's build — a CI build (CI=true: ContinuousIntegrationBuild, paths mapped to /_/) packed without CI is
/// one — and overwrite dlls other test projects are running at that moment. It also makes no restore, so no package
/// cache is touched.
/// </summary>
public static class Packs
{
    /// <summary>The configuration this test project, and so every project it references, was built in.</summary>
    public static readonly string Configuration = typeof(Packs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SecretGuardConfiguration").Value!;

    /// <summary>A package version no earlier run used: NuGet never re-extracts an id and version it has seen.</summary>
    public static string UniqueVersion(string label) => "0.0.0-" + label + "." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>Packs <paramref name="project"/> (relative to the repository root) into <paramref name="outputDirectory"/>.</summary>
    public static void Pack(string repositoryRoot, string project, string version, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var result = DotNet.Run(repositoryRoot, TimeSpan.FromMinutes(3), null,
            "pack", project, "-c", Configuration, "--no-build", "-nodeReuse:false",
            "-p:PackageVersion=" + version, "-o", outputDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack " + project + " failed:\n" + result.Output);
        }
    }
}
