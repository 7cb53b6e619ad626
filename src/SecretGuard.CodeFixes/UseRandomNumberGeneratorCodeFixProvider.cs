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
/// or <c>Create().GetBytes</c>, <c>GetItems</c> → <c>GetItems</c>, <c>Shuffle</c> → <c>Shuffle</c>, <c>GetString</c> →
/// <c>GetString</c> and <c>GetHexString</c> → <c>GetHexString</c> (.NET 8+), and
/// the classic token one-liner <c>new string(Enumerable.Repeat(chars, n).Select(s =&gt; s[rnd.Next(s.Length)]).ToArray())</c>
/// → <c>GetString(chars, n)</c> (.NET 8+). <c>NextInt64</c>, <c>NextDouble</c> and <c>NextSingle</c> have no
/// equivalent: no fix is offered for them. A <c>Random</c> local or private field the fixed code no longer uses is removed.
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

    // Replaces every call of the diagnostics in one pass, removes the Random variables that no longer have a use, and adds
    // the using once (the single fix and Fix All).
    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
        var generators = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call &&
                Replacement(call, model, cancellationToken) is { } replacement)
            {
                replacements[replacement.Node] = replacement.With;
                if (RemovableGenerator(call, model, cancellationToken) is { } declarator)
                {
                    generators.Add(declarator);
                }
            }
        }

        // Nested replacements (a call inside a replaced one-liner) keep the outer one.
        var outermost = replacements.Keys.Where(node => !replacements.Keys.Any(other => other != node && other.Span.Contains(node.Span))).ToList();
        if (outermost.Count == 0)
        {
            return document;
        }

        var replaced = new SyntaxAnnotation("SecretGuard.Replaced");
        var generator = new SyntaxAnnotation("SecretGuard.Generator");
        var newRoot = root.ReplaceNodes(
            outermost.Concat(generators),
            (original, rewritten) => replacements.TryGetValue(original, out var with) && outermost.Contains(original)
                ? with.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation, replaced)
                : rewritten.WithAdditionalAnnotations(generator));
        newRoot = await RemoveUnusedGeneratorsAsync(document, newRoot, generator, cancellationToken).ConfigureAwait(false);
        if (!UsingDirectives.IsImported(model, outermost.Min(n => n.SpanStart), "System.Security.Cryptography", "RandomNumberGenerator", cancellationToken))
        {
            newRoot = UsingDirectives.Add(newRoot, "System.Security.Cryptography", newRoot.GetAnnotatedNodes(replaced).FirstOrDefault(), document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    // The declaration of the Random the call uses, when removing it could change nothing but the code: a local, or a
    // private field of a type declared in this file only, created by `new Random(...)` from plain values (no call) or
    // taken from Random.Shared.
    private static VariableDeclaratorSyntax? RemovableGenerator(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Expression: var receiver } ||
            model.GetSymbolInfo(receiver, cancellationToken).Symbol is not { } symbol ||
            symbol is not (ILocalSymbol or IFieldSymbol { DeclaredAccessibility: Accessibility.Private }) ||
            symbol.DeclaringSyntaxReferences.Length != 1 ||
            symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator ||
            declarator.SyntaxTree != call.SyntaxTree ||
            (symbol is IFieldSymbol field && field.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != call.SyntaxTree)))
        {
            return null;
        }

        return declarator.Initializer?.Value switch
        {
            null => declarator,
            BaseObjectCreationExpressionSyntax creation when !creation.DescendantNodes().OfType<InvocationExpressionSyntax>().Any() &&
                                                             !creation.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>().Any() => declarator,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shared" } => declarator,
            _ => null,
        };
    }

    // Removes each marked Random variable the rewritten code no longer reads (its whole declaration when it is the only one).
    private static async Task<SyntaxNode> RemoveUnusedGeneratorsAsync(Document document, SyntaxNode root, SyntaxAnnotation generator, CancellationToken cancellationToken)
    {
        var marked = root.GetAnnotatedNodes(generator).OfType<VariableDeclaratorSyntax>().ToList();
        if (marked.Count == 0)
        {
            return root;
        }

        var model = await document.WithSyntaxRoot(root).GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return root;
        }

        var tree = model.SyntaxTree;
        var current = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var unused = new List<SyntaxNode>();
        foreach (var declarator in current.GetAnnotatedNodes(generator).OfType<VariableDeclaratorSyntax>())
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            var name = declarator.Identifier.ValueText;
            if (symbol is null || current.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i =>
                    i.Identifier.ValueText == name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, symbol)))
            {
                continue;
            }

            unused.Add(declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration ? declaration.Parent! : declarator);
        }

        current = current.TrackNodes(unused);
        foreach (var node in unused)
        {
            current = Remove(current, current.GetCurrentNode(node)!);
        }

        return current;
    }

    // Removes a declaration with its own lines; a blank line before it stays between its neighbours, and no blank line is
    // left right after an opening brace.
    private static SyntaxNode Remove(SyntaxNode root, SyntaxNode node)
    {
        var hadBlankLine = node.GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)).Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var afterBrace = node.GetFirstToken().GetPreviousToken().IsKind(SyntaxKind.OpenBraceToken);
        var removedMark = new SyntaxAnnotation();
        var nextMark = new SyntaxAnnotation();
        root = root.ReplaceSyntax(
            new[] { node }, (_, rewritten) => rewritten.WithAdditionalAnnotations(removedMark),
            new[] { node.GetLastToken().GetNextToken() }, (_, rewritten) => rewritten.WithAdditionalAnnotations(nextMark),
            null, null);
        root = root.RemoveNode(root.GetAnnotatedNodes(removedMark).Single(), SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepDirectives) ?? root;
        var following = root.GetAnnotatedTokens(nextMark).Single();
        var leading = following.LeadingTrivia;
        var startsBlank = leading.Count > 0 && leading[0].IsKind(SyntaxKind.EndOfLineTrivia);
        if (hadBlankLine && !afterBrace && !startsBlank)
        {
            leading = leading.Insert(0, root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        }
        else if (afterBrace && startsBlank)
        {
            leading = leading.RemoveAt(0);
        }

        return root.ReplaceToken(following, following.WithLeadingTrivia(leading).WithoutAnnotations(nextMark));
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
            case "GetString" or "GetHexString" when Has(generator, method.Name):
                // Random.GetString(choices, length) and GetHexString(length | destination, lowercase) (.NET 10) have the
                // same parameters on RandomNumberGenerator (.NET 8).
                return (call, Call(method.Name, null, arguments.Select(a => a.WithoutTrivia()).ToArray()), method.Name);
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
