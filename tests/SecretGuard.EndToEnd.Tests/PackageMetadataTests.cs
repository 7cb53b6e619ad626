using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Each of the three packages, packed as a release would pack it, carries what nuget.org shows and what a debugger
/// needs: id and version, icon, readme, license, repository URL and commit, and a .snupkg with a portable pdb for every
/// dll of ours, source-linked to that commit. The main package is the run's shared pack; the other two are packed here.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageMetadataTests
{
    private const string RepositoryUrl = "https://github.com/secretguard/SecretGuard";

    // Custom debug information kinds of the Portable PDB format.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly PackageFeed _feed;

    public PackageMetadataTests(PackageFeed feed) => _feed = feed;

    [Theory]
    [InlineData("SecretGuard", null, "docs/package-readme.md")]
    [InlineData("SecretGuard.HealthChecks", "src/SecretGuard.HealthChecks", "docs/package-readme-healthchecks.md")]
    [InlineData("SecretGuard.Cli", "src/SecretGuard.Cli", "docs/package-readme-cli.md")]
    public void Package_has_its_metadata_icon_readme_and_symbols(string id, string? project, string readmeSource)
    {
        var (version, packagePath) = project is null ? (_feed.Version, _feed.PackagePath) : PackHere(id, project);
        var package = new PackageArchive(packagePath);

        Assert.Equal(id, package.Text("id"));
        Assert.Equal(version, package.Text("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Text("description")));
        Assert.Equal("SecretGuard contributors", package.Text("authors"));
        Assert.Equal(RepositoryUrl, package.Text("projectUrl"));

        var license = package.Element("license")!;
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        // The icon element names a file in the package, and that file is our 128x128 PNG.
        var icon = package.Text("icon");
        Assert.Equal("images/icon.png", icon);
        var iconBytes = package.Bytes(icon!);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_feed.RepositoryRoot, "docs", "images", "icon.png")), iconBytes);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, iconBytes[..4]);
        Assert.Equal((128, 128), (BigEndian(iconBytes, 16), BigEndian(iconBytes, 20)));

        // The readme element names a file in the package, and it is this package's own readme.
        var readme = package.Text("readme");
        Assert.False(string.IsNullOrEmpty(readme));
        Assert.Equal(File.ReadAllText(Path.Combine(_feed.RepositoryRoot, readmeSource)), Encoding.UTF8.GetString(package.Bytes(readme!)));

        // The repository: its URL always; the commit it was built from whenever the build could ask git.
        var repository = package.Element("repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        var commit = HeadCommit(_feed.RepositoryRoot);
        Assert.Equal(commit, repository.Attribute("commit")?.Value);

        if (id == "SecretGuard.HealthChecks")
        {
            // It needs the runtime of the very same version, from the main package.
            var dependency = package.Metadata.Descendants().Single(e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value == "SecretGuard");
            Assert.Equal("[" + version + "]", dependency.Attribute("version")?.Value);
        }

        AssertSymbolPackage(package, id, version, commit);
        if (id == "SecretGuard.Cli")
        {
            AssertToolRunsFromThePackage(package);
        }
    }

    /// <summary>
    /// The tool runs from what its package holds: the command-line parser (System.CommandLine) ships beside it,
    /// without translations of messages the tool never shows, and <c>--version</c> names the build: the informational
    /// version of the packaged dll.
    /// </summary>
    private static void AssertToolRunsFromThePackage(PackageArchive package)
    {
        const string ToolFolder = "tools/net8.0/any/";
        Assert.True(package.Contains(ToolFolder + "System.CommandLine.dll"), "no System.CommandLine.dll in " + package.Path);
        Assert.DoesNotContain(package.Files, f => f.EndsWith(".resources.dll", StringComparison.Ordinal));

        var extracted = Path.Combine(Path.GetDirectoryName(package.Path)!, "tool");
        foreach (var file in package.Files.Where(f => f.StartsWith(ToolFolder, StringComparison.Ordinal)))
        {
            var target = Path.Combine(extracted, file.Substring(ToolFolder.Length));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, package.Bytes(file));
        }

        var dll = Path.Combine(extracted, "SecretGuard.Cli.dll");
        var version = DotNet.Run(extracted, TimeSpan.FromMinutes(1), null, dll, "--version");
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.Equal(FileVersionInfo.GetVersionInfo(dll).ProductVersion, version.Output.Trim());

        var help = DotNet.Run(extracted, TimeSpan.FromMinutes(1), null, dll, "hook", "--help");
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("secretguard hook <subcommand>", help.Output);
    }

    /// <summary>
    /// The .snupkg beside the package holds only pdbs, one for each of our dlls at the same path; each is a portable
    /// pdb whose id the dll records (what symbol servers and debuggers match on), source-linked to the commit, with
    /// the generated sources git does not have embedded. Without git (<paramref name="commit"/> null) there is no link.
    /// </summary>
    private static void AssertSymbolPackage(PackageArchive package, string id, string version, string? commit)
    {
        var symbolsPath = Path.ChangeExtension(package.Path, ".snupkg");
        Assert.True(File.Exists(symbolsPath), "no symbol package beside " + package.Path);
        var symbols = new PackageArchive(symbolsPath);
        Assert.Equal(id, symbols.Text("id"));
        Assert.Equal(version, symbols.Text("version"));

        var dlls = package.Files.Where(f => Path.GetFileName(f).StartsWith("SecretGuard.", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dlls);
        var pdbs = dlls.Select(d => Path.ChangeExtension(d, ".pdb")).ToList();
        var missing = pdbs.Except(symbols.Files, StringComparer.Ordinal).ToList();
        var unexpected = symbols.Files.Except(pdbs, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            Path.GetFileName(symbolsPath) + " lacks the pdbs of these dlls (list them in the .nuspec beside the dll): [" + string.Join(", ", missing)
            + "]; and holds these files that are not the pdb of a dll in the package: [" + string.Join(", ", unexpected) + "]");

        foreach (var dll in dlls)
        {
            var pdb = Path.ChangeExtension(dll, ".pdb");
            using var pe = new PEReader(new MemoryStream(package.Bytes(dll)));
            var debugDirectory = pe.ReadDebugDirectory();
            Assert.Contains(debugDirectory, e => e.Type == DebugDirectoryEntryType.Reproducible); // a deterministic build
            var codeView = debugDirectory.Single(e => e.Type == DebugDirectoryEntryType.CodeView);
            Assert.True(codeView.IsPortableCodeView, dll + " does not reference a portable pdb");
            var reference = pe.ReadCodeViewDebugDirectoryData(codeView);
            Assert.Equal(Path.GetFileName(pdb), Path.GetFileName(reference.Path.Replace('\\', '/')));

            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.Bytes(pdb)));
            var reader = pdbProvider.GetMetadataReader();
            Assert.Equal(new BlobContentId(reference.Guid, codeView.Stamp), new BlobContentId(reader.DebugMetadataHeader!.Id));
            if (commit is null)
            {
                continue; // built without git: nothing to link to
            }

            var sourceLink = JsonDocument.Parse(CustomDebugInformation(reader, EntityHandle.ModuleDefinition, SourceLinkKind)
                ?? throw new InvalidOperationException(pdb + " has no Source Link"));
            var (localRoot, url) = Assert.Single(sourceLink.RootElement.GetProperty("documents").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)));
            Assert.Equal("https://raw.githubusercontent.com/secretguard/SecretGuard/" + commit + "/*", url);

            // Every source a debugger may open either comes through that link or is in the pdb itself; the
            // generated AssemblyInfo.cs, which git does not have, is in the pdb.
            var prefix = localRoot.TrimEnd('*');
            var embedded = new List<string>();
            foreach (var handle in reader.Documents)
            {
                var document = reader.GetDocument(handle);
                var name = reader.GetString(document.Name);
                if (CustomDebugInformation(reader, handle, EmbeddedSourceKind) is not null)
                {
                    embedded.Add(name);
                }
                else
                {
                    Assert.True(name.StartsWith(prefix, StringComparison.Ordinal), pdb + ": " + name + " is neither source-linked (" + localRoot + ") nor embedded");
                }
            }

            Assert.Contains(embedded, name => name.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal));
        }
    }

    private (string Version, string PackagePath) PackHere(string id, string project)
    {
        var version = Packs.UniqueVersion("nuspec");
        var output = Path.Combine(_feed.RepositoryRoot, "artifacts", "e2e", "packs-" + version);
        Packs.Pack(_feed.RepositoryRoot, project, version, output);
        return (version, Path.Combine(output, id + "." + version + ".nupkg"));
    }

    private static byte[]? CustomDebugInformation(MetadataReader reader, EntityHandle parent, Guid kind)
    {
        foreach (var handle in reader.GetCustomDebugInformation(parent))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == kind)
            {
                return reader.GetBlobBytes(information.Value);
            }
        }

        return null;
    }

    private static int BigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    /// <summary>The commit git has checked out, or null where the build could not ask git either (no git, no repository).</summary>
    private static string? HeadCommit(string repositoryRoot)
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = repositoryRoot,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length == 40 ? output : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
