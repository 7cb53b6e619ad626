using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretGuard.CodeFixes;

/// <summary>
/// A fix that rewrites the expression each diagnostic points at into a call of the <c>SecretGuard</c> helper
/// (<c>Secrets.Redact(x)</c>, <c>Secrets.Get("X_SECRET")</c>): all of a document's expressions in one pass, then
/// <c>using SecretGuard;</c> once where the file's ordering puts it (unless <c>Secrets</c> already binds there) — for one
/// diagnostic and for Fix All alike.
/// </summary>
public abstract class ExpressionRewriteCodeFixProvider : CodeFixProvider
{
    /// <summary>The code action's equivalence key, for Fix All.</summary>
    protected abstract string ActionKey { get; }

    /// <inheritdoc />
    // Not the BatchFixer: every fix adds the same using directive, and the BatchFixer drops fixes whose edits overlap.
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(root, diagnostic, out var state) is not { } target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(target, state), cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), ActionKey),
                diagnostic);
        }
    }

    /// <summary>Whether the diagnostic carries what the rewrite needs; <paramref name="state"/> is that (a name, a kind).</summary>
    protected abstract bool TryGetState(Diagnostic diagnostic, out string? state);

    /// <summary>The code action's title for one expression.</summary>
    protected abstract string Title(ExpressionSyntax target, string? state);

    /// <summary>
    /// The replacement of <paramref name="target"/>, which already holds the rewrites of expressions inside it
    /// (a secret inside a redacted interpolation); keep its trivia.
    /// </summary>
    protected abstract ExpressionSyntax Rewrite(ExpressionSyntax target, string? state);

    private ExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic, out string? state) =>
        TryGetState(diagnostic, out state) ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax : null;

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var states = new Dictionary<ExpressionSyntax, string?>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic, out var state) is { } target)
            {
                states[target] = state;
            }
        }

        if (states.Count == 0)
        {
            return document;
        }

        var rewrittenMark = new SyntaxAnnotation("SecretGuard.Rewritten");
        var newRoot = root.ReplaceNodes(states.Keys, (original, rewritten) => Rewrite(rewritten, states[original]).WithAdditionalAnnotations(rewrittenMark));
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || !UsingDirectives.IsImported(model, states.Keys.Min(k => k.SpanStart), "SecretGuard", "Secrets", cancellationToken))
        {
            newRoot = UsingDirectives.Add(newRoot, "SecretGuard", newRoot.GetAnnotatedNodes(rewrittenMark).FirstOrDefault(), document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
        }

        return document.WithSyntaxRoot(newRoot);
    }
}
