using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0002: a literal given to a symbol or parameter whose name says it holds a credential, unless the literal is a
/// placeholder, a configuration key or variable name, or text for people.
/// </summary>
/// <remarks>
/// Literals are visited as operations, not syntax nodes: a positional argument's parameter then comes from the
/// bound tree the analyzer driver builds once per method for every operation analyzer (SG0003–SG0006 and the SDK's
/// own), where asking the semantic model per literal bound each statement again — two thirds of this rule's time.
/// The name is found first, from syntax where it can be; the value checks run only for credential names.
/// Attribute arguments are not operation blocks on every Roslyn this package supports, so a syntax action reads them.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    private const int DefaultMinLength = 4;
    private const int MaxLength = 512;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredential);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal, OperationKind.Utf8String);
        context.RegisterSyntaxNodeAction(AnalyzeAttributeArgument, SyntaxKind.AttributeArgument);
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (operation.IsImplicit || operation.Syntax is not LiteralExpressionSyntax literal || !IsStringLiteral(literal) || !IsCandidate(literal))
        {
            return;
        }

        var name = TargetNames.Find(literal, out var positionalArgument, out var inAttribute);
        if (inAttribute)
        {
            return; // AnalyzeAttributeArgument's, whether or not this Roslyn gives attributes operations
        }

        name ??= positionalArgument is null ? null : TargetNames.ParameterTarget(positionalArgument, operation);
        if (name is not null && Check(literal, name, context.Options) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    private static void AnalyzeAttributeArgument(SyntaxNodeAnalysisContext context)
    {
        var argument = (AttributeArgumentSyntax)context.Node;
        foreach (var node in argument.Expression.DescendantNodesAndSelf())
        {
            if (node is LiteralExpressionSyntax literal && IsStringLiteral(literal) && IsCandidate(literal) && TargetNames.Find(literal) is string name &&
                Check(literal, name, context.Options) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    // The finding for a literal under a credential name, or null. (No report callback: a delegate over the analysis
    // context, a struct, would box it for every named literal.)
    private static Diagnostic? Check(LiteralExpressionSyntax literal, string name, AnalyzerOptions options)
    {
        var settings = AnalyzerSettings.For(options.AnalyzerConfigOptionsProvider.GetOptions(literal.SyntaxTree));
        if (!settings.Names.IsCredentialName(name))
        {
            return null;
        }

        // "abc_" + "9fK2mQx7" is one value: judged and reported once, as a whole, from its first literal.
        var node = StringLiterals.LiteralChain(literal, out var isFirst);
        if (!isFirst)
        {
            return null;
        }

        var value = node == literal ? literal.Token.ValueText : StringLiterals.ConcatenatedValue(node);
        if (value.Length < settings.MinLengthFor(RuleIdentifiers.HardcodedCredential, DefaultMinLength) || value.Length > MaxLength ||
            Encryption.EncryptedValue.HasEncryptedPrefix(value) || ValueShapes.IsNotASecretValue(value, name) || settings.IsExcludedValue(value))
        {
            return null;
        }

        // "tok_" + RandomNumberGenerator.GetString(...), "Bearer " + token: a prefix or separator around a value made at
        // run time is a piece of format, not the credential.
        if (IsAffix(value) && StringLiterals.IsPieceOfRuntimeConcatenation(node))
        {
            return null;
        }

        // A connection string is a secret when it carries a password or key — a format the catalogue knows (SG0001).
        // Without one (integrated security, managed identity, a SQLite path) it is configuration.
        if (CredentialNames.IsConnectionStringName(name))
        {
            return null;
        }

        // A known format is SG0001's to report, on the same literal or chain: one squiggle per value.
        if (settings.Catalogue.Find(value) is not null)
        {
            return null;
        }

        if (settings.EntropyFloor > 0 && CredentialCatalogue.ShannonEntropy(value) < settings.EntropyFloor)
        {
            return null;
        }

        var properties = SecretReporter.Properties(SecretNameSuggestion.From(name, "secret"), literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? "utf8" : "string");
        return SecretReporter.Create(DiagnosticDescriptors.HardcodedCredential, node.GetLocation(), settings, properties, name);
    }

    private static bool IsAffix(string value) => IsSeparator(value[0]) || IsSeparator(value[value.Length - 1]);

    private static bool IsSeparator(char c) => c is '_' or '-' or ':' or '=' or '/' or '.' or ' ' or '|' or '@';

    private static bool IsStringLiteral(LiteralExpressionSyntax literal) =>
        literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression);

    // Shorter than three characters is never a credential, whatever the options say; longer than 512 is a document.
    // A piece of a concatenation may be shorter: the chain is judged as a whole.
    private static bool IsCandidate(LiteralExpressionSyntax literal)
    {
        var length = literal.Token.ValueText.Length;
        return (length >= 3 && length <= MaxLength) || literal.Parent is BinaryExpressionSyntax || literal.Parent is ParenthesizedExpressionSyntax;
    }
}
