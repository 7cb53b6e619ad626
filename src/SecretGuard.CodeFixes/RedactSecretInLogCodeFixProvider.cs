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

/// <summary>SG0004: logs <c>Secrets.Redact(x)</c> instead of the secret <c>x</c> (a non-string value is turned into text first).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactSecretInLogCodeFixProvider)), Shared]
public sealed class RedactSecretInLogCodeFixProvider : ExpressionRewriteCodeFixProvider
{
    internal const string EquivalenceKey = "SecretGuard.RedactSecretInLog";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretInLog);

    /// <inheritdoc />
    protected override string ActionKey => EquivalenceKey;

    /// <inheritdoc />
    protected override bool TryGetState(Diagnostic diagnostic, out string? state)
    {
        diagnostic.Properties.TryGetValue(SecretInLogAnalyzer.CarrierKindProperty, out state);
        return true;
    }

    /// <inheritdoc />
    protected override string Title(ExpressionSyntax target, string? state) => "Log Secrets.Redact(" + target + ")";

    /// <inheritdoc />
    protected override ExpressionSyntax Rewrite(ExpressionSyntax target, string? state) => Redacted(target, state);

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
