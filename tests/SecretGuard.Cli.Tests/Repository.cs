using System.IO;
using System.Linq;
using System.Reflection;

namespace SecretGuard.Cli.Tests;

/// <summary>Facts the test project's build knows about the repository and the tool it builds.</summary>
public static class Repository
{
    /// <summary>The repository's root folder (where docs/ is).</summary>
    public static readonly string Root = Metadata("SecretGuardRepositoryRoot");

    /// <summary>The <c>Version</c> the tool is built with (Directory.Build.props, or -p:Version).</summary>
    public static readonly string Version = Metadata("SecretGuardVersion");

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string Metadata(string key) => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
