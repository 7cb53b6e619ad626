using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecretGuard.RealCode;

/// <summary>
/// Runs every SecretGuard analyzer over a checked-out codebase as one compilation of all its C# files against the .NET and
/// ASP.NET Core reference packs of the running SDK and the codebase's own packages (<see cref="PackageRestore"/>), with the
/// env and appsettings files the package would add as additional files. What still does not bind (packages the registry
/// lacks, Windows-only frameworks, generated code) is reported as the share of <c>using</c> directives that did not
/// resolve: log sinks and crypto APIs there go unseen.
/// </summary>
internal static class CodebaseScan
{
    private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "node_modules", "packages" };

    public static async Task<ScanResult> RunAsync(Codebase codebase, string sourceRoot, string restoreRoot, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var files = EnumerateFiles(sourceRoot).ToList();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: PreprocessorSymbols);
        var trees = files
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .AsParallel()
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), parseOptions, Relative(sourceRoot, f), cancellationToken))
            .ToList();
        if (UsesImplicitUsings(sourceRoot))
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "(implicit usings).cs", cancellationToken: cancellationToken));
        }

        var additionalFiles = files
            .Where(IsAdditionalFile)
            .Select(f => (AdditionalText)new FileText(Relative(sourceRoot, f), File.ReadAllText(f)))
            .ToImmutableArray();

        var framework = ReferencePacks.Load();
        var frameworkNames = framework.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (packageReferences, packages, missingPackages) = PackageRestore.Run(codebase, sourceRoot, restoreRoot, frameworkNames);
        var compilation = CSharpCompilation.Create(
            "RealCode",
            trees,
            framework.Concat(packageReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: true));
        var analyzers = ShippedAnalyzers.All();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var findings = diagnostics
            .Where(d => d.Id.StartsWith("SG", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)
            .Select(d => ToFinding(d, codebase, additionalFiles, cancellationToken))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();

        var (usings, unresolved, unresolvedRoots) = UnresolvedUsings(compilation, cancellationToken);
        var productionLines = trees.Where(t => codebase.IsProduction(t.FilePath)).Sum(t => t.GetText(cancellationToken).Lines.Count);
        var otherLines = trees.Sum(t => t.GetText(cancellationToken).Lines.Count) - productionLines;
        return new ScanResult(findings, trees.Count, productionLines, otherLines, packages, missingPackages, usings, unresolved, unresolvedRoots, stopwatch.Elapsed);
    }

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

    private static Finding ToFinding(Diagnostic diagnostic, Codebase codebase, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path.Replace('\\', '/');
        string value;
        string symbol;
        if (diagnostic.Location.SourceTree is { } tree)
        {
            var node = tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            value = ValueText(node, tree.GetText(cancellationToken).ToString(diagnostic.Location.SourceSpan));
            symbol = SymbolName(node);
        }
        else
        {
            var text = additionalFiles.FirstOrDefault(f => f.Path == span.Path)?.GetText(cancellationToken);
            var sourceSpan = diagnostic.Location.SourceSpan;
            value = text is null || sourceSpan.End > text.Length ? string.Empty : text.ToString(sourceSpan);
            symbol = "-";
        }

        return new Finding(
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.Severity.ToString().ToLowerInvariant(),
            symbol,
            value.Length,
            Hash(value),
            codebase.IsProduction(path));
    }

    private static string ValueText(SyntaxNode node, string fallback) => node switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c.ToString())),
        _ => fallback,
    };

    /// <summary>The name a flagged value belongs to, read from the syntax around it: declarator, property, assignment target, named argument, dictionary key or called method.</summary>
    private static string SymbolName(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case ParameterSyntax parameter:
                    return parameter.Identifier.ValueText;
                case AssignmentExpressionSyntax assignment:
                    return LastName(assignment.Left);
                case ArgumentSyntax { NameColon: { } nameColon }:
                    return nameColon.Name.Identifier.ValueText;
                case AttributeArgumentSyntax { NameEquals: { } nameEquals }:
                    return nameEquals.Name.Identifier.ValueText;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } member }:
                    return member.Name.Identifier.ValueText;
                case InvocationExpressionSyntax invocation:
                    return LastName(invocation.Expression) + "(…)";
                case ObjectCreationExpressionSyntax creation:
                    return "new " + LastName(creation.Type) + "(…)";
                case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                    return current.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() is { } member2 ? MemberName(member2) + " (return)" : "(return)";
                case StatementSyntax or MemberDeclarationSyntax:
                    return "-";
            }
        }

        return "-";
    }

    private static string LastName(SyntaxNode expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        ElementAccessExpressionSyntax element => LastName(element.Expression) + "[" + element.ArgumentList.Arguments.FirstOrDefault()?.ToString() + "]",
        ImplicitElementAccessSyntax implicitElement => "[" + implicitElement.ArgumentList.Arguments.FirstOrDefault()?.ToString() + "]",
        _ => expression.Kind().ToString(),
    };

    private static string MemberName(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        _ => member.Kind().ToString(),
    };

    private static string Hash(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 4).ToLowerInvariant();

    private static (int Usings, int Unresolved, IReadOnlyList<(string Root, int Count)> Roots) UnresolvedUsings(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        var usings = 0;
        var unresolved = 0;
        var roots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var directive in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (directive.Alias is not null || !directive.StaticKeyword.IsKind(SyntaxKind.None) || directive.NamespaceOrType is not NameSyntax name)
                {
                    continue;
                }

                usings++;
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is null)
                {
                    unresolved++;
                    var root = string.Join('.', name.ToString().Split('.').Take(2));
                    roots[root] = roots.GetValueOrDefault(root) + 1;
                }
            }
        }

        return (usings, unresolved, roots.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(8).Select(r => (r.Key, r.Value)).ToList());
    }

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
