using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecretGuard.Analyzers;

namespace SecretGuard.CodeFixes;

/// <summary>
/// SG0005: replaces the <c>System.Random</c> call with its <c>RandomNumberGenerator</c> equivalent, chosen by what the
/// target framework has: <c>Next</c> → <c>GetInt32</c> (.NET Core 3.0+), <c>NextBytes</c> → <c>Fill</c> (.NET Core 2.1+)
/// or <c>Create().GetBytes</c>, <c>GetItems</c> → <c>GetItems</c> and <c>Shuffle</c> → <c>Shuffle</c> (.NET 8+), and
/// the classic token one-liner <c>new string(Enumerable.Repeat(chars, n).Select(s =&gt; s[rnd.Next(s.Length)]).ToArray())</c>
/// → <c>GetString(chars, n)</c> (.NET 8+). <c>NextInt64</c>, <c>NextDouble</c> and <c>NextSingle</c> have no
/// equivalent: no fix is offered for them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRandomNumberGeneratorCodeFixProvider)), Shared]
public sealed class UseRandomNumberGeneratorCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SecretGuard.UseRandomNumberGenerator";
    private const string GeneratorTypeName = "System.Security.Cryptography.RandomNumberGenerator";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InsecureRandomness);

    /// <inheritdoc />
    // Not the BatchFixer: every fix adds the same using directive, and the BatchFixer drops fixes whose edits overlap.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call ||
                Replacement(call, model, context.CancellationToken) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use RandomNumberGenerator." + replacement.Member,
                    cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    // Replaces every call of the diagnostics in one pass and adds the using once (the single fix and Fix All).
    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call &&
                Replacement(call, model, cancellationToken) is { } replacement)
            {
                replacements[replacement.Node] = replacement.With;
            }
        }

        // Nested replacements (a call inside a replaced one-liner) keep the outer one.
        var outermost = replacements.Keys.Where(node => !replacements.Keys.Any(other => other != node && other.Span.Contains(node.Span))).ToList();
        if (outermost.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(outermost, (original, _) => replacements[original].WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation));
        return document.WithSyntaxRoot(UsingDirectives.Add(newRoot, "System.Security.Cryptography"));
    }

    // What to replace (the call, or the whole one-liner that builds a string) and with what.
    private static (SyntaxNode Node, ExpressionSyntax With, string Member)? Replacement(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method || model.Compilation.GetTypeByMetadataName(GeneratorTypeName) is not { } generator)
        {
            return null;
        }

        var arguments = call.ArgumentList.Arguments;
        switch (method.Name)
        {
            case "Next" when Has(generator, "GetInt32"):
                if (StringOneLiner(call, model, generator, cancellationToken) is { } oneLiner)
                {
                    return oneLiner;
                }

                var bounds = arguments.Count == 0
                    ? new[] { SyntaxFactory.Argument(SyntaxFactory.ParseExpression("int.MaxValue")) }
                    : arguments.Select(a => a.WithoutTrivia()).ToArray();
                return (call, Call("GetInt32", null, bounds), "GetInt32");
            case "NextBytes" when arguments.Count == 1:
                if (Has(generator, "Fill"))
                {
                    return (call, Call("Fill", null, arguments[0]), "Fill");
                }

                // netstandard2.0 and .NET Framework: an instance's GetBytes(byte[]).
                return model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is IArrayTypeSymbol
                    ? (call, SyntaxFactory.ParseExpression("RandomNumberGenerator.Create().GetBytes(" + arguments[0].Expression + ")"), "GetBytes")
                    : null;
            case "GetItems" when method.TypeArguments.Length == 1 && Has(generator, "GetItems"):
                return (call, Call("GetItems", method.TypeArguments[0].ToMinimalDisplayString(model, call.SpanStart), arguments.ToArray()), "GetItems");
            case "Shuffle" when method.TypeArguments.Length == 1 && Has(generator, "Shuffle"):
                return (call, Call("Shuffle", method.TypeArguments[0].ToMinimalDisplayString(model, call.SpanStart), arguments.ToArray()), "Shuffle");
            default:
                return null;
        }
    }

    // new string(Enumerable.Repeat(chars, n).Select(s => s[rnd.Next(s.Length)]).ToArray()) → RandomNumberGenerator.GetString(chars, n)
    private static (SyntaxNode Node, ExpressionSyntax With, string Member)? StringOneLiner(InvocationExpressionSyntax call, SemanticModel model, INamedTypeSymbol generator, CancellationToken cancellationToken)
    {
        if (!Has(generator, "GetString") ||
            call.Parent?.Parent is not BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax indexed } element } ||
            element.Parent is not SimpleLambdaExpressionSyntax lambda || lambda.Parameter.Identifier.ValueText != indexed.Identifier.ValueText ||
            lambda.Parent?.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select } } ||
            select.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Repeat" }, ArgumentList.Arguments.Count: 2 } repeat ||
            select.Parent?.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray", Parent: InvocationExpressionSyntax toArray } ||
            toArray.Parent?.Parent is not ArgumentListSyntax { Arguments.Count: 1, Parent: ObjectCreationExpressionSyntax creation } ||
            model.GetTypeInfo(creation, cancellationToken).Type?.SpecialType != SpecialType.System_String ||
            model.GetTypeInfo(repeat.ArgumentList.Arguments[0].Expression, cancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        return (creation, Call("GetString", null, repeat.ArgumentList.Arguments[0].WithoutTrivia(), repeat.ArgumentList.Arguments[1].WithoutTrivia()), "GetString");
    }

    private static bool Has(INamedTypeSymbol generator, string member) => generator.GetMembers(member).Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public);

    private static ExpressionSyntax Call(string member, string? typeArgument, params ArgumentSyntax[] arguments)
    {
        SimpleNameSyntax name = typeArgument is null
            ? SyntaxFactory.IdentifierName(member)
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier(member), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.ParseTypeName(typeArgument))));
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("RandomNumberGenerator"), name),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
    }
}
