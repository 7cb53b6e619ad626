using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

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
    public static async Task<ScanResult> RunAsync(Codebase codebase, string sourceRoot, string restoreRoot, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var inputs = CodebaseInputs.Load(codebase, sourceRoot, restoreRoot, cancellationToken);
        var trees = inputs.Parse(cancellationToken);
        var additionalFiles = inputs.AdditionalFiles;
        var (packages, missingPackages) = (inputs.Packages, inputs.MissingPackages);
        var compilation = inputs.Compile(trees, concurrentBuild: true);
        var analyzers = ShippedAnalyzers.All();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, new PackageOptions()), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
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
}
