using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0002: a literal given to a symbol or parameter whose name says it holds a credential, when the literal looks
/// like a real secret; SG0009 (IDE only) when it is weak evidence of one — a plain word, a short value, a default
/// (<see cref="CredentialLiterals"/>). Neither for a placeholder, a name, text for people, code or a search pattern.
/// A literal that is structured text (JSON, YAML, XML, KEY=value lines, a URL's query, a form body, a connection string)
/// is also read field by field (<see cref="StructuredFields"/>): a field under a credential name is judged the same way.
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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredential, DiagnosticDescriptors.PossibleHardcodedCredential);

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
        if (operation.IsImplicit || operation.Syntax is not LiteralExpressionSyntax literal || !IsStringLiteral(literal))
        {
            return;
        }

        string? name = null;
        Diagnostic? named = null;
        if (IsCandidate(literal))
        {
            name = TargetNames.Find(literal, out var positionalArgument, out var inAttribute);
            if (inAttribute)
            {
                return; // AnalyzeAttributeArgument's, whether or not this Roslyn gives attributes operations
            }

            name ??= positionalArgument is null ? null : TargetNames.ParameterTarget(positionalArgument, operation);
            named = name is null ? null : Check(literal, name, context.Options, operation);
        }
        else if (literal.Token.ValueText.Length <= MaxLength || literal.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not null)
        {
            return; // "", "x": too short to hold a structure, alone or in a chain (IsCandidate keeps chains)
        }

        if (Strongest(named, literal, name, context.Options) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    // One finding per literal: the one under its own name when that is strong evidence, else a strong finding for one of
    // its fields, else whichever weak one there is.
    private static Diagnostic? Strongest(Diagnostic? named, LiteralExpressionSyntax literal, string? name, AnalyzerOptions options)
    {
        if (named is not null && named.Id == RuleIdentifiers.HardcodedCredential)
        {
            return named;
        }

        var field = CheckFields(literal, name, options);
        return field is not null && (named is null || field.Id == RuleIdentifiers.HardcodedCredential) ? field : named;
    }

    private static void AnalyzeAttributeArgument(SyntaxNodeAnalysisContext context)
    {
        var argument = (AttributeArgumentSyntax)context.Node;
        foreach (var node in argument.Expression.DescendantNodesAndSelf())
        {
            if (node is not LiteralExpressionSyntax literal || !IsStringLiteral(literal))
            {
                continue;
            }

            var name = IsCandidate(literal) ? TargetNames.Find(literal) : null;
            var named = name is null ? null : Check(literal, name, context.Options, operation: null);
            if (Strongest(named, literal, name, context.Options) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    // The finding for a literal under a credential name, or null. (No report callback: a delegate over the analysis
    // context, a struct, would box it for every named literal.)
    private static Diagnostic? Check(LiteralExpressionSyntax literal, string name, AnalyzerOptions options, IOperation? operation)
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
        var isFragment = StringLiterals.IsPieceOfRuntimeConcatenation(node);
        var isFolded = false;

        // Prefix + "#Otter" + "2291" with a const Prefix is one constant value: judged whole, from its first literal.
        if (isFragment && operation is not null && ConstantConcatenation(operation) is { } constant)
        {
            if (FirstLiteral(constant.Syntax) != literal)
            {
                return null;
            }

            node = (ExpressionSyntax)constant.Syntax;
            value = (string)constant.ConstantValue.Value!;
            isFragment = false;
            isFolded = true;
        }

        if (value.Length < settings.MinLengthFor(RuleIdentifiers.HardcodedCredential, DefaultMinLength) || value.Length > MaxLength ||
            Encryption.EncryptedValue.HasEncryptedPrefix(value) || settings.IsExcludedValue(value))
        {
            return null;
        }

        // "tok_" + RandomNumberGenerator.GetString(...), "Bearer " + token: a prefix or separator around a value made at
        // run time is a piece of format, not the credential; any other piece is a credential only if it looks generated.
        if (isFragment && IsAffix(value))
        {
            return null;
        }

        // A connection string is a secret when it carries a password or key — a format the catalogue knows (SG0001).
        // Without one (integrated security, managed identity, a SQLite path) it is configuration.
        if (CredentialNames.IsConnectionStringName(name))
        {
            return null;
        }

        var evidence = CredentialLiterals.Judge(value, name, IsTestData(literal, name), isFragment, out var weakBecause, FallbackPositions.IsFallback(node));
        if (evidence == SecretEvidence.None)
        {
            return null;
        }

        // A known format is SG0001's to report, on the same literal or chain: one squiggle per value. (SG0001 reads syntax
        // only, so a value folded from const identifiers stays this rule's.)
        if (!isFolded && settings.Catalogue.Find(value) is not null)
        {
            return null;
        }

        if (settings.EntropyFloor > 0 && CredentialCatalogue.ShannonEntropy(value) < settings.EntropyFloor)
        {
            return null;
        }

        if (evidence == SecretEvidence.Weak)
        {
            // No fix properties: whether a weak value is a secret at all is the reader's call, and moving a default or a
            // fallback out of the code changes what the program does.
            return SecretReporter.Create(DiagnosticDescriptors.PossibleHardcodedCredential, node.GetLocation(), settings, null, "The value of '" + name + "'", weakBecause!);
        }

        var properties = SecretReporter.Properties(SecretNameSuggestion.From(name, "secret"), literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? "utf8" : "string");
        return SecretReporter.Create(DiagnosticDescriptors.HardcodedCredential, node.GetLocation(), settings, properties,
            "'" + name + "' holds a credential, and this literal is its value", "the fix puts it in the encrypted env file and reads it with Secrets.Get");
    }

    // The finding for a credential field inside a structured literal (a JSON, YAML or XML text, KEY=value lines, a URL's
    // query, a form body, a connection string), or null: each field under a credential name is judged as a literal given
    // to a symbol of that name is. One finding per literal, for its strongest field; the message names the field, never
    // the value. No fix: the secret is one piece of the text.
    private static Diagnostic? CheckFields(LiteralExpressionSyntax literal, string? targetName, AnalyzerOptions options)
    {
        // "{" + "\"apiKey\": ..." + "}" is one text: read once, from its first literal. Cheap shape tests come first, as
        // this runs for every string literal.
        var node = StringLiterals.LiteralChain(literal, out var isFirst);
        if (!isFirst)
        {
            return null;
        }

        var text = node == literal ? literal.Token.ValueText : StringLiterals.ConcatenatedValue(node);
        if (!StructuredFields.MayHold(text))
        {
            return null;
        }

        var settings = AnalyzerSettings.For(options.AnalyzerConfigOptionsProvider.GetOptions(literal.SyntaxTree));
        if (!settings.Names.MayNameCredentialIn(text))
        {
            return null;
        }

        var fields = new List<StructuredField>();
        if (StructuredFields.Read(text, fields, out var host) is not { } structure)
        {
            return null;
        }

        // A known format anywhere in the text is SG0001's, which reports the literal; a weak one (a connection string's
        // plain-word password) leaves room only for a strong finding here.
        var format = settings.Catalogue.Find(text);
        if (format is { Evidence: SecretEvidence.Strong })
        {
            return null;
        }

        var minLength = settings.MinLengthFor(RuleIdentifiers.HardcodedCredential, DefaultMinLength);
        var isTestData = CredentialLiterals.NamesTestData(targetName);
        string? weakField = null;
        string? weakBecause = null;
        foreach (var field in fields)
        {
            var evidence = JudgeField(field, structure, host, literal, isTestData, settings, minLength, out var because);
            if (evidence == SecretEvidence.Strong)
            {
                return SecretReporter.Create(DiagnosticDescriptors.HardcodedCredential, node.GetLocation(), settings, null,
                    "'" + field.Name + "' in " + StructuredFields.Describe(structure) + " holds a credential", "read it with Secrets.Get and build the text at run time");
            }

            if (evidence == SecretEvidence.Weak && weakField is null)
            {
                weakField = field.Name;
                weakBecause = because;
            }
        }

        return weakField is null || format is not null
            ? null
            : SecretReporter.Create(DiagnosticDescriptors.PossibleHardcodedCredential, node.GetLocation(), settings, null,
                "'" + weakField + "' in " + StructuredFields.Describe(structure), weakBecause ?? "a weak value");
    }

    private static SecretEvidence JudgeField(StructuredField field, Structure structure, string? host, LiteralExpressionSyntax literal, bool isTestData,
        AnalyzerSettings settings, int minLength, out string? weakBecause)
    {
        weakBecause = null;
        var value = field.Value;
        if (!settings.Names.IsCredentialName(field.Name) || CredentialNames.IsConnectionStringName(field.Name) ||
            (structure == Structure.ConnectionString && ConnectionStringPasswordKeys.Contains(field.Name)) ||
            value.Length < minLength || value.Length > MaxLength || Encryption.EncryptedValue.HasEncryptedPrefix(value) || settings.IsExcludedValue(value))
        {
            return SecretEvidence.None;
        }

        // A sample for documentation (example.com, *.test): its parameters are samples too.
        if (host is not null && ValueShapes.IsDocumentationHost(host))
        {
            return SecretEvidence.None;
        }

        // A value in a known format is SG0001's; a connection string under a field is judged there by its password.
        if (settings.Catalogue.Find(value) is not null)
        {
            return SecretEvidence.None;
        }

        var evidence = CredentialLiterals.Judge(value, field.Name, isTestData || IsTestData(literal, field.Name), isFragment: false, out weakBecause);
        if (evidence != SecretEvidence.None && settings.EntropyFloor > 0 && CredentialCatalogue.ShannonEntropy(value) < settings.EntropyFloor)
        {
            return SecretEvidence.None;
        }

        if (evidence == SecretEvidence.Strong && host is not null && CredentialChecks.IsLocalHostName(host))
        {
            weakBecause = "a value for a server on the developer's machine";
            return SecretEvidence.Weak;
        }

        return evidence;
    }

    // The largest string concatenation around the literal when the compiler folds it to a constant (const operands only).
    private static IOperation? ConstantConcatenation(IOperation literal)
    {
        var top = literal;
        while (top.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && add.Type?.SpecialType == SpecialType.System_String)
        {
            top = add;
        }

        return top != literal && top.ConstantValue.HasValue && top.ConstantValue.Value is string ? top : null;
    }

    private static LiteralExpressionSyntax? FirstLiteral(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal;
            }
        }

        return null;
    }

    // Test data: the credential name, the member or a type around the literal says so (TestUserPassword,
    // SeedFunctionalTestsCommand, FakeMailer). A chosen password there is weak evidence; a generated one is not.
    private static bool IsTestData(SyntaxNode literal, string name)
    {
        if (CredentialLiterals.NamesTestData(name, isCredentialName: true))
        {
            return true;
        }

        for (var node = literal.Parent; node is not null; node = node.Parent)
        {
            var enclosing = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                _ => null,
            };
            if (enclosing is not null && CredentialLiterals.NamesTestData(enclosing))
            {
                return true;
            }
        }

        return false;
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
