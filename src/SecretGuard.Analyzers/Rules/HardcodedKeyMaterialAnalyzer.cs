using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0003: hardcoded key material reaching a crypto API — a key, IV, salt or password parameter of a cryptographic
/// type, or its <c>Key</c>/<c>IV</c> property, fed by a constant byte array, <c>Encoding.*.GetBytes("...")</c>,
/// <c>Convert.FromBase64String("...")</c>/<c>FromHexString("...")</c>, a <c>u8</c> literal or a string constant,
/// directly or through a local or field initialised that way. Crypto types are resolved once per compilation;
/// without any, no use is looked at.
/// Also, without a crypto call in sight: a byte array or span whose name says key or secret, given constant bytes of a
/// key's size that look generated (<see cref="KeyBytesDeclarations"/>), reported once, at its declaration — a use of it
/// in a crypto API is then not reported again.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedKeyMaterialAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] CryptoTypeNames =
    {
        "System.Security.Cryptography.HMAC",
        "System.Security.Cryptography.KeyedHashAlgorithm",
        "System.Security.Cryptography.SymmetricAlgorithm",
        "System.Security.Cryptography.AesGcm",
        "System.Security.Cryptography.AesCcm",
        "System.Security.Cryptography.ChaCha20Poly1305",
        "System.Security.Cryptography.Rfc2898DeriveBytes",
        "System.Security.Cryptography.PasswordDeriveBytes",
        "System.Security.Cryptography.HKDF",
        "System.Security.Cryptography.CryptographicOperations",
        "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey",
    };

    // Parameters that take key material; "password" counts only for key-derivation types.
    private static readonly HashSet<string> KeyParameters = new HashSet<string>
    {
        "key", "rgbKey", "rgbIV", "iv", "salt", "ikm", "prk", "keyMaterial", "inputKeyMaterial", "pseudorandomKey", "password",
    };

    private static readonly HashSet<string> KeyProperties = new HashSet<string> { "Key", "IV" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardcodedKeyMaterial);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeDeclarator, SyntaxKind.VariableDeclarator);
        context.RegisterSyntaxNodeAction(AnalyzeProperty, SyntaxKind.PropertyDeclaration);
        context.RegisterCompilationStartAction(start =>
        {
            var cryptoTypes = CryptoTypeNames
                .Select(name => start.Compilation.GetTypeByMetadataName(name))
                .Where(type => type is not null)
                .Cast<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (cryptoTypes.IsEmpty)
            {
                return;
            }

            var analysis = new Analysis(cryptoTypes, start.Options);
            start.RegisterOperationAction(analysis.AnalyzeArgument, OperationKind.Argument);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeDeclarator(SyntaxNodeAnalysisContext context)
    {
        var declarator = (VariableDeclaratorSyntax)context.Node;
        if (declarator.Initializer is null)
        {
            return;
        }

        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(declarator.SyntaxTree));
        if (DeclaredKeyBytes(declarator, settings, out var length) is { } value)
        {
            ReportDeclaration(context, value, declarator.Identifier.ValueText, settings, length);
        }
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(property.SyntaxTree));
        if (KeyBytesDeclarations.KeyBytes(property, settings.Names, out var length) is { } value)
        {
            ReportDeclaration(context, value, property.Identifier.ValueText, settings, length);
        }
    }

    // The key bytes a field or local is declared with, or null; a local written again after its declaration (filled by a
    // RNG, reassigned) holds no constant key.
    private static ExpressionSyntax? DeclaredKeyBytes(VariableDeclaratorSyntax declarator, AnalyzerSettings settings, out int length) =>
        KeyBytesDeclarations.KeyBytes(declarator, settings.Names, out length) is { } value &&
        !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax && Analysis.IsWrittenAfterDeclaration(declarator))
            ? value
            : null;

    private static void ReportDeclaration(SyntaxNodeAnalysisContext context, ExpressionSyntax value, string name, AnalyzerSettings settings, int length)
    {
        var properties = SecretReporter.Properties(SecretNameSuggestion.From(name, "CryptoKey"), "bytes");
        var diagnostic = SecretReporter.Create(DiagnosticDescriptors.HardcodedKeyMaterial, value.GetLocation(), settings, properties, "'" + name + "' (" + length + " constant bytes)");
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    private sealed class Analysis
    {
        private readonly ImmutableHashSet<INamedTypeSymbol> _cryptoTypes;

        private readonly AnalyzerOptions _options;

        public Analysis(ImmutableHashSet<INamedTypeSymbol> cryptoTypes, AnalyzerOptions options)
        {
            _cryptoTypes = cryptoTypes;
            _options = options;
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            var parameter = argument.Parameter;
            if (parameter is null || !KeyParameters.Contains(parameter.Name) || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return;
            }

            var type = method.ContainingType;
            if (!IsCrypto(type))
            {
                return;
            }

            if (parameter.Name == "password" && !(type.Name.Contains("DeriveBytes") || method.Name == "Pbkdf2"))
            {
                return;
            }

            var kind = HardcodedKind(argument.Value, depth: 0);
            if (kind is not null)
            {
                var target = (method.MethodKind == MethodKind.Constructor ? "new " + type.Name : type.Name + "." + method.Name) + "(" + parameter.Name + ")";
                Report(context, argument.Value.Syntax, target, HolderName(argument.Value) ?? parameter.Name, kind);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property || !KeyProperties.Contains(property.Property.Name) || !IsCrypto(property.Property.ContainingType))
            {
                return;
            }

            var kind = HardcodedKind(assignment.Value, depth: 0);
            if (kind is not null)
            {
                Report(context, assignment.Value.Syntax, property.Property.ContainingType.Name + "." + property.Property.Name, HolderName(assignment.Value) ?? property.Property.Name, kind);
            }
        }

        // The local or field that holds the key names the secret best ("SigningKey" → SIGNING_KEY_SECRET).
        private static string? HolderName(IOperation value) => Unwrap(value) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            _ => null,
        };

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string target, string name, string kind)
        {
            var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree));
            var symbolName = name is "key" or "rgbKey" or "iv" or "rgbIV" or "Key" or "IV" or "salt" ? "Crypto_" + name.Replace("rgb", string.Empty) : name;
            var properties = SecretReporter.Properties(SecretNameSuggestion.From(symbolName, "CryptoKey"), kind);
            var diagnostic = SecretReporter.Create(DiagnosticDescriptors.HardcodedKeyMaterial, node.GetLocation(), settings, properties, target);
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private bool IsCrypto(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (_cryptoTypes.Contains(current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How the value is hardcoded (<c>bytes</c>, <c>string</c>, <c>utf8</c>), or null when it is not.</summary>
        private string? HardcodedKind(IOperation? operation, int depth)
        {
            if (operation is null || depth > 4)
            {
                return null;
            }

            operation = Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string s && s.Length > 0 ? "string" : null;
            }

            switch (operation)
            {
                case IArrayCreationOperation array:
                    return array.Initializer is { ElementValues.Length: > 0 } initializer && initializer.ElementValues.All(e => e.ConstantValue.HasValue) ? "bytes" : null;
                case IArrayInitializerOperation arrayInitializer:
                    return arrayInitializer.ElementValues.Length > 0 && arrayInitializer.ElementValues.All(e => e.ConstantValue.HasValue) ? "bytes" : null;
                case IConditionalOperation conditional:
                    return HardcodedKind(conditional.WhenTrue, depth + 1) ?? HardcodedKind(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return HardcodedKind(coalesce.WhenNull, depth + 1);
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Arms.Select(arm => HardcodedKind(arm.Value, depth + 1)).FirstOrDefault(kind => kind is not null);
                case IUtf8StringOperation utf8:
                    return utf8.Value.Length > 0 ? "utf8" : null;
                case IInvocationOperation invocation:
                    return HardcodedInvocation(invocation, depth);
                case ILocalReferenceOperation local:
                    return FromInitializer(local.Local.DeclaringSyntaxReferences, operation.SemanticModel, depth);
                case IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsConst:
                    return FromInitializer(field.Field.DeclaringSyntaxReferences, operation.SemanticModel, depth);
                default:
                    // Collection expressions and stackalloc initializers have no operation of their own in Roslyn 4.8: read the syntax.
                    return operation.Syntax is ExpressionSyntax syntax ? HardcodedSyntax(syntax) : null;
            }
        }

        private string? HardcodedInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var containing = method.ContainingType?.ToDisplayString();
            // The text may be a literal, a constant, or a readonly field or local initialised with one.
            if (name == "GetBytes" && IsEncoding(method.ContainingType) && invocation.Arguments.Length == 1)
            {
                return HardcodedKind(invocation.Arguments[0].Value, depth + 1) == "string" ? "bytes" : null;
            }

            if ((name == "FromBase64String" || name == "FromHexString") && containing == "System.Convert" && invocation.Arguments.Length == 1)
            {
                return HardcodedKind(invocation.Arguments[0].Value, depth + 1) == "string" ? "bytes" : null;
            }

            if (name == "ToArray" && invocation.Instance is not null && HardcodedKind(invocation.Instance, depth + 1) is not null)
            {
                return "bytes";
            }

            return null;
        }

        private string? FromInitializer(ImmutableArray<SyntaxReference> references, SemanticModel? model, int depth)
        {
            if (references.Length != 1 || references[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator)
            {
                return null;
            }

            // Key bytes under a key's name are reported at their declaration (AnalyzeDeclarator), once, not at each use.
            if (DeclaredKeyBytes(declarator, AnalyzerSettings.For(_options.AnalyzerConfigOptionsProvider.GetOptions(declarator.SyntaxTree)), out _) is not null)
            {
                return null;
            }

            // A local that is written again (filled by a RNG, reassigned) is not the literal any more.
            if (declarator.Parent?.Parent is LocalDeclarationStatementSyntax && IsWrittenAfterDeclaration(declarator))
            {
                return null;
            }

            if (model is not null && model.SyntaxTree == initializer.SyntaxTree)
            {
                return HardcodedKind(model.GetOperation(initializer.Value), depth + 1);
            }

            return HardcodedSyntax(initializer.Value);
        }

        // For fields declared in another file: the same shapes, read from syntax alone.
        private static string? HardcodedSyntax(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length > 0:
                    return "string";
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    return "utf8";
                case ArrayCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } init } when init.Expressions.All(e => e is LiteralExpressionSyntax):
                    return "bytes";
                case InitializerExpressionSyntax { Expressions.Count: > 0 } init when init.IsKind(SyntaxKind.ArrayInitializerExpression) && init.Expressions.All(e => e is LiteralExpressionSyntax):
                    return "bytes";
                case CollectionExpressionSyntax { Elements.Count: > 0 } collection when collection.Elements.All(e => e is ExpressionElementSyntax { Expression: LiteralExpressionSyntax }):
                    return "bytes";
                case StackAllocArrayCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } init } when init.Expressions.All(e => e is LiteralExpressionSyntax):
                    return "bytes";
                case ImplicitStackAllocArrayCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } init } when init.Expressions.All(e => e is LiteralExpressionSyntax):
                    return "bytes";
                case ImplicitArrayCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } init } when init.Expressions.All(e => e is LiteralExpressionSyntax):
                    return "bytes";
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member, ArgumentList.Arguments: { Count: 1 } args }
                    when (member.Name.Identifier.ValueText is "GetBytes" or "FromBase64String" or "FromHexString") && args[0].Expression is LiteralExpressionSyntax:
                    return "bytes";
                default:
                    return null;
            }
        }

        internal static bool IsWrittenAfterDeclaration(VariableDeclaratorSyntax declarator)
        {
            var block = declarator.FirstAncestorOrSelf<BlockSyntax>();
            if (block is null)
            {
                return false;
            }

            var name = declarator.Identifier.ValueText;
            foreach (var identifier in block.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name || identifier.SpanStart < declarator.Span.End)
                {
                    continue;
                }

                var parent = identifier.Parent;
                if ((parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier) ||
                    (parent is ArgumentSyntax argument && (argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || IsFillCall(argument))))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsFillCall(ArgumentSyntax argument) =>
            argument.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } &&
            member.Name.Identifier.ValueText is "Fill" or "GetBytes" or "GetNonZeroBytes" or "NextBytes" or "Read" or "ReadExactly" or "CopyTo" or "TryCopyTo";

        private static bool IsEncoding(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == "System.Text.Encoding")
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            while (operation is IParenthesizedOperation parenthesized)
            {
                operation = parenthesized.Operand;
            }

            return operation is IConversionOperation ? Unwrap(operation) : operation;
        }
    }
}
