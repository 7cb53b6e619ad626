using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SecretGuard.RealCode;

/// <summary>
/// The codebase's third-party references, the way its users get them: every <c>PackageReference</c> and central
/// <c>PackageVersion</c> in its project files, restored for net10.0 in one throwaway project, and the compile assets of the
/// resolved packages. Packages the registry lacks are dropped (and counted), so that one missing package does not leave
/// every logger and crypto API unseen. A codebase's own build (conditions, per-project versions) is not reproduced:
/// one version per package, the highest the codebase names.
/// </summary>
internal static partial class PackageRestore
{
    public static (IReadOnlyList<MetadataReference> References, int Packages, int Missing) Run(Codebase codebase, string sourceRoot, string workRoot, IReadOnlySet<string> frameworkAssemblies)
    {
        var packages = ReadPackageReferences(sourceRoot);
        var folder = Path.Combine(workRoot, codebase.FileStem);
        Directory.CreateDirectory(folder);
        // Stop MSBuild's walk up the folders: the throwaway project must not import this repository's build settings.
        foreach (var stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, stop), "<Project />\n");
        }

        var missing = 0;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            WriteProject(Path.Combine(folder, "restore.csproj"), packages);
            var (exitCode, output) = Dotnet(folder, "restore", "restore.csproj", "-nodeReuse:false", "--verbosity", "quiet");
            if (exitCode == 0)
            {
                return (CompileAssets(Path.Combine(folder, "obj", "project.assets.json"), frameworkAssemblies), packages.Count, missing);
            }

            // NU1102/NU1103 (no such version): take the newest the registry has. NU1101 (no such package) and NU1202 (not
            // for net10.0): drop it. Both name the package; try again.
            var failed = FailedPackage().Matches(output)
                .Select(m => (Code: m.Groups["code"].Value, Id: m.Groups["id"].Value.TrimEnd('.')))
                .Where(f => packages.ContainsKey(f.Id))
                .Distinct()
                .ToList();
            // NU1107 (two packages pin different versions of a third): reference the version NuGet suggests.
            var conflicts = VersionConflict().Matches(output).Select(m => (Id: m.Groups["id"].Value, Version: m.Groups["version"].Value)).Distinct().ToList();
            foreach (var (id, version) in conflicts)
            {
                packages[id] = version;
            }

            if (failed.Count == 0 && conflicts.Count == 0)
            {
                // A dependency of a dependency is missing (a .NET Framework-only package, say): which of the codebase's
                // packages pulls it in is not known here. Scan without packages rather than not at all; the report's
                // "packages restored" column shows it.
                Console.Error.WriteLine($"{codebase.Id}: restore failed on a transitive dependency; scanning against the framework only.");
                return (Array.Empty<MetadataReference>(), packages.Count + missing, packages.Count + missing);
            }

            foreach (var (code, id) in failed)
            {
                if (code is "1102" or "1103" && packages[id].Length > 0)
                {
                    packages[id] = string.Empty;
                }
                else if (packages.Remove(id))
                {
                    missing++;
                }
            }
        }

        throw new InvalidOperationException($"Restoring the packages of {codebase.Id} kept failing.");
    }

    private static Dictionary<string, string> ReadPackageReferences(string sourceRoot)
    {
        var packages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var projectFiles = Directory.EnumerateFiles(sourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase));
        foreach (var file in projectFiles)
        {
            foreach (Match match in PackageItem().Matches(File.ReadAllText(file)))
            {
                var id = match.Groups["id"].Value.Trim();
                var version = match.Groups["version"].Success ? match.Groups["version"].Value.Trim() : string.Empty;
                if (id.Contains('$', StringComparison.Ordinal) || id.Length == 0 || IsBuildOnly(id))
                {
                    continue;
                }

                if (version.Contains('$', StringComparison.Ordinal) || version.Contains('[', StringComparison.Ordinal) || version.Contains('*', StringComparison.Ordinal))
                {
                    version = string.Empty;
                }

                if (!packages.TryGetValue(id, out var known) || CompareVersions(version, known) > 0)
                {
                    packages[id] = version;
                }
            }
        }

        return packages;
    }

    // Analyzers, test adapters and build tooling add nothing the code compiles against.
    private static bool IsBuildOnly(string id) =>
        id.StartsWith("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.SourceLink", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.CodeAnalysis.", StringComparison.OrdinalIgnoreCase) && id.EndsWith("Analyzers", StringComparison.OrdinalIgnoreCase)
        || id.EndsWith(".Analyzers", StringComparison.OrdinalIgnoreCase)
        || id.Contains("StyleCop", StringComparison.OrdinalIgnoreCase)
        || id.Contains("runner", StringComparison.OrdinalIgnoreCase)
        || id.Equals("coverlet.collector", StringComparison.OrdinalIgnoreCase);

    private static int CompareVersions(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return left.Length.CompareTo(right.Length);
        }

        var a = Version.TryParse(left.Split('-')[0], out var va) ? va : new Version();
        var b = Version.TryParse(right.Split('-')[0], out var vb) ? vb : new Version();
        return a.CompareTo(b);
    }

    private static void WriteProject(string path, Dictionary<string, string> packages)
    {
        var text = new StringBuilder("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>NU1603;NU1605;NU1608;NU1701;NU1107;NU1900;NU1901;NU1902;NU1903;NU1904</NoWarn>
              </PropertyGroup>
              <ItemGroup>

            """);
        foreach (var (id, version) in packages.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("    <PackageReference Include=\"").Append(id).Append("\" Version=\"").Append(version.Length == 0 ? "*" : version).AppendLine("\" />");
        }

        text.AppendLine("  </ItemGroup>").AppendLine("</Project>");
        File.WriteAllText(path, text.ToString());
    }

    private static IReadOnlyList<MetadataReference> CompileAssets(string assetsFile, IReadOnlySet<string> frameworkAssemblies)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var references = new List<MetadataReference>();
        var seen = new HashSet<string>(frameworkAssemblies, StringComparer.OrdinalIgnoreCase);
        var libraries = assets.RootElement.GetProperty("libraries");
        foreach (var target in assets.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var package in target.Value.EnumerateObject())
            {
                if (!package.Value.TryGetProperty("compile", out var compile) || !libraries.TryGetProperty(package.Name, out var library) || !library.TryGetProperty("path", out var packagePath))
                {
                    continue;
                }

                foreach (var asset in compile.EnumerateObject())
                {
                    var file = Path.Combine(packageFolder, packagePath.GetString()!, asset.Name);
                    // Skip placeholders (_._) and assemblies the framework reference packs already hold.
                    if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(file) && seen.Add(Path.GetFileName(file)))
                    {
                        references.Add(MetadataReference.CreateFromFile(file));
                    }
                }
            }
        }

        return references;
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, error) = ExternalProcess.Run(workingDirectory, "dotnet", arguments);
        return (exitCode, output + error);
    }

    [GeneratedRegex("""<Package(?:Reference|Version)\s+(?:Include|Update)\s*=\s*"(?<id>[^"]+)"(?:[^>]*?\bVersion\s*=\s*"(?<version>[^"]*)")?""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageItem();

    [GeneratedRegex("""NU1107: Version conflict detected for (?<id>[A-Za-z0-9_.\-]+?)\. Install/reference \S+ (?<version>[0-9][^\s]*) directly""")]
    private static partial Regex VersionConflict();

    [GeneratedRegex("""NU(?<code>1101|1102|1202|1103)\S*:?\s+(?:Unable to find package|Package|Unable to find a stable package)\s+'?(?<id>[A-Za-z0-9_.\-]+)""")]
    private static partial Regex FailedPackage();
}
