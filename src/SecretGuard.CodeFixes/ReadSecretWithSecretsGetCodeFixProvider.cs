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
    /// <summary>SG0006: reads the secret with <c>Secrets.Get("X_SECRET")</c>, which decrypts it, instead of around the helper.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretWithSecretsGetCodeFixProvider)), Shared]
    public sealed class ReadSecretWithSecretsGetCodeFixProvider : CodeFixProvider
    {
        internal const string EquivalenceKey = "SecretGuard.ReadSecretWithSecretsGet";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretReadBypassingDecryption);

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
                if (!diagnostic.Properties.TryGetValue(SecretReadBypassingDecryptionAnalyzer.ReplaceWithProperty, out var name) || name is null ||
                    root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax read)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Read it with Secrets.Get(\"" + name + "\")",
                        cancellationToken => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        // Replaces every read of the diagnostics in one pass and adds the using once (the single fix and Fix All).
        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var names = new Dictionary<ExpressionSyntax, string>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(SecretReadBypassingDecryptionAnalyzer.ReplaceWithProperty, out var name) && name is not null &&
                    root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax read)
                {
                    names[read] = name;
                }
            }

            if (names.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(names.Keys, (original, _) => SecretsGet(original, names[original]));
            return document.WithSyntaxRoot(UsingDirectives.Add(newRoot, "SecretGuard"));
        }

        private static ExpressionSyntax SecretsGet(ExpressionSyntax read, string name)
        {
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("Secrets"), SyntaxFactory.IdentifierName("Get")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))))))
                .WithTriviaFrom(read)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
