using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecretGuard.Analyzers;
using SecretGuard.Analyzers.Rules;

namespace SecretGuard.CodeFixes;

/// <summary>SG0006: reads the secret with <c>Secrets.Get("X_SECRET")</c>, which decrypts it, instead of around the helper.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretWithSecretsGetCodeFixProvider)), Shared]
public sealed class ReadSecretWithSecretsGetCodeFixProvider : ExpressionRewriteCodeFixProvider
{
    internal const string EquivalenceKey = "SecretGuard.ReadSecretWithSecretsGet";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretReadBypassingDecryption);

    /// <inheritdoc />
    protected override string ActionKey => EquivalenceKey;

    /// <inheritdoc />
    protected override bool TryGetState(Diagnostic diagnostic, out string? state) =>
        diagnostic.Properties.TryGetValue(SecretReadBypassingDecryptionAnalyzer.ReplaceWithProperty, out state) && state is not null;

    /// <inheritdoc />
    protected override string Title(ExpressionSyntax target, string? state) => "Read it with Secrets.Get(\"" + state + "\")";

    /// <inheritdoc />
    protected override ExpressionSyntax Rewrite(ExpressionSyntax target, string? state) => SecretsGet(target, state!);

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
