using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SecretGuard.RealCode;

/// <summary>
/// What a compilation of a checked-out codebase is made of: every C# file's text (read once, parsed afresh as often as a
/// measurement needs), the SDK's implicit usings when the codebase turns them on, the env and appsettings files the
/// package would add as additional files, and references to the .NET and ASP.NET Core reference packs plus the
/// codebase's own restored packages.
/// </summary>
internal sealed class CodebaseInputs
{
    private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "node_modules", "packages" };

    private CodebaseInputs(IReadOnlyList<(string Path, SourceText Text)> sources, ImmutableArray<AdditionalText> additionalFiles, IReadOnlyList<MetadataReference> references, int packages, int missingPackages)
    {
        Sources = sources;
        AdditionalFiles = additionalFiles;
        References = references;
        Packages = packages;
        MissingPackages = missingPackages;
    }

    public IReadOnlyList<(string Path, SourceText Text)> Sources { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public IReadOnlyList<MetadataReference> References { get; }

    public int Packages { get; }

    public int MissingPackages { get; }

    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: PreprocessorSymbols);

    public static CodebaseInputs Load(Codebase codebase, string sourceRoot, string restoreRoot, CancellationToken cancellationToken)
    {
        var files = EnumerateFiles(sourceRoot).ToList();
        var sources = files
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Relative(sourceRoot, f), SourceText.From(File.ReadAllText(f), Encoding.UTF8)))
            .ToList();
        if (UsesImplicitUsings(sourceRoot))
        {
            sources.Add(("(implicit usings).cs", SourceText.From(ImplicitUsings, Encoding.UTF8)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var additionalFiles = files
            .Where(IsAdditionalFile)
            .Select(f => (AdditionalText)new FileText(Relative(sourceRoot, f), File.ReadAllText(f)))
            .ToImmutableArray();

        var framework = ReferencePacks.Load();
        var frameworkNames = framework.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (packageReferences, packages, missingPackages) = PackageRestore.Run(codebase, sourceRoot, restoreRoot, frameworkNames);
        return new CodebaseInputs(sources, additionalFiles, framework.Concat(packageReferences).ToList(), packages, missingPackages);
    }

    /// <summary>Fresh syntax trees of every C# file (in parallel: parsing is not what any measurement here times on its own).</summary>
    public List<SyntaxTree> Parse(CancellationToken cancellationToken) =>
        Sources.AsParallel().AsOrdered()
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path, cancellationToken))
            .ToList();

    public CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool concurrentBuild) =>
        CSharpCompilation.Create(
            "RealCode",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: concurrentBuild));

    private static IEnumerable<string> EnumerateFiles(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                yield return file;
            }
        }
    }

    // The files build/SecretGuard.props adds as AdditionalFiles in a consuming project.
    private static bool IsAdditionalFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || name.StartsWith(".env", StringComparison.Ordinal)
            || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            || (name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(Path.GetDirectoryName(path)) == "Properties");
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool UsesImplicitUsings(string root) =>
        EnumerateFiles(root)
            .Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase))
            .Any(f => File.ReadAllText(f).Contains("<ImplicitUsings>enable", StringComparison.OrdinalIgnoreCase));

    // The SDK's implicit usings for Microsoft.NET.Sdk (and .Web's first ones), for codebases that turn them on.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly string[] PreprocessorSymbols =
        new[] { "NET", "NETCOREAPP", "RELEASE", "TRACE", "NET10_0" }
            .Concat(new[] { "5_0", "6_0", "7_0", "8_0", "9_0", "10_0" }.Select(v => "NET" + v + "_OR_GREATER"))
            .Concat(new[] { "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER" })
            .ToArray();

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText _text;

        public FileText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
