using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecretGuard.Analyzers;
using SecretGuard.Analyzers.Rules;

namespace SecretGuard.CodeFixes
{
    /// <summary>SG0004: logs <c>Secrets.Redact(x)</c> instead of the secret <c>x</c> (a non-string value is turned into text first).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactSecretInLogCodeFixProvider)), Shared]
    public sealed class RedactSecretInLogCodeFixProvider : CodeFixProvider
    {
        internal const string EquivalenceKey = "SecretGuard.RedactSecretInLog";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretInLog);

        /// <inheritdoc />
        // Not the BatchFixer: every fix adds the same using directive, and the BatchFixer drops fixes whose edits overlap.
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax carrier)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Log Secrets.Redact(" + carrier + ")",
                        cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        // Redacts every carrier of the diagnostics in one pass and adds the using once (the single fix and Fix All).
        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var kinds = new Dictionary<ExpressionSyntax, string?>();
            foreach (var diagnostic in diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax carrier)
                {
                    diagnostic.Properties.TryGetValue(SecretInLogAnalyzer.CarrierKindProperty, out var kind);
                    kinds[carrier] = kind;
                }
            }

            if (kinds.Count == 0)
            {
                return document;
            }

            // A carrier inside another (Secrets.Get(...) inside a redacted interpolation) is rebuilt from the already-redacted inner node.
            var newRoot = root.ReplaceNodes(kinds.Keys, (original, rewritten) => Redacted(rewritten, kinds[original]));
            return document.WithSyntaxRoot(UsingDirectives.Add(newRoot, "SecretGuard"));
        }

        private static ExpressionSyntax Redacted(ExpressionSyntax carrier, string? kind)
        {
            var value = carrier.WithoutTrivia();
            ExpressionSyntax text = kind switch
            {
                "string" => value,
                // x?.ToString(): Redact takes a string and says "[null]" for null.
                "reference" => SyntaxFactory.ConditionalAccessExpression(
                    Parenthesize(value),
                    SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("ToString")))),
                _ => SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(value), SyntaxFactory.IdentifierName("ToString"))),
            };

            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("Secrets"), SyntaxFactory.IdentifierName("Redact")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text))))
                .WithTriviaFrom(carrier)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax Parenthesize(ExpressionSyntax value) =>
            value is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
                ? value
                : SyntaxFactory.ParenthesizedExpression(value);
    }
}
