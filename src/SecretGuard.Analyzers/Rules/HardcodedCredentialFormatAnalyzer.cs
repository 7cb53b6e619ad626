using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0001: a literal that matches a known credential format. Syntax only — no semantic model: a length check,
/// the catalogue's keyword prefilter, then its regex (with a timeout) and entropy floor. A connection string, URL or
/// Basic header whose password is weak evidence (a plain word, short, a default) is SG0009 instead, IDE only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialFormatAnalyzer : DiagnosticAnalyzer
{
    // The shortest credential the catalogue knows is longer than this.
    private const int MinimumLength = 12;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredentialFormat, DiagnosticDescriptors.PossibleHardcodedCredential);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolatedText, SyntaxKind.InterpolatedStringText);
        context.RegisterSyntaxNodeAction(AnalyzeConcatenation, SyntaxKind.AddExpression);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < MinimumLength || StringLiterals.IsPartOfConcatenation(literal))
        {
            return;
        }

        Check(context, literal, value, literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? "utf8" : "string");
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context)
    {
        var text = (InterpolatedStringTextSyntax)context.Node;
        var value = text.TextToken.ValueText;
        if (value.Length >= MinimumLength)
        {
            Check(context, text, value, valueKind: null);
        }
    }

    private static void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
    {
        var binary = (BinaryExpressionSyntax)context.Node;
        if (StringLiterals.IsPartOfConcatenation(binary) || !StringLiterals.IsLiteralConcatenation(binary))
        {
            return;
        }

        var value = StringLiterals.ConcatenatedValue(binary);
        if (value.Length >= MinimumLength)
        {
            Check(context, binary, value, "string");
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, SyntaxNode node, string value, string? valueKind)
    {
        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree));
        var match = settings.Catalogue.Find(value);
        if (match is null || settings.IsExcludedValue(value))
        {
            return;
        }

        if (match.Evidence == Naming.SecretEvidence.Weak)
        {
            var weak = SecretReporter.Create(DiagnosticDescriptors.PossibleHardcodedCredential, node.GetLocation(), settings, null, "This literal, " + match.Family.Description + ",", match.WeakBecause ?? "a weak password");
            if (weak is not null)
            {
                context.ReportDiagnostic(weak);
            }

            return;
        }

        // Interpolated text cannot be replaced by one call: no fix properties, so no fix is offered.
        var properties = valueKind is null
            ? null
            : SecretReporter.Properties(SecretNameSuggestion.From(TargetNames.Find(node), match.Family.Id), valueKind);
        var diagnostic = SecretReporter.Create(DiagnosticDescriptors.HardcodedCredentialFormat, node.GetLocation(), settings, properties, match.Family.Description);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
