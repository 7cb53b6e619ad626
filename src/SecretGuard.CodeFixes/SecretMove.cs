using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using SecretGuard.Analyzers.Infrastructure;

namespace SecretGuard.CodeFixes;

/// <summary>
/// What moving one hardcoded secret means: which expression is replaced, the value that goes to the env file,
/// how the code reads it back (<c>string</c>: <c>Secrets.Get</c>; <c>bytes</c>: base64 and
/// <c>Convert.FromBase64String</c>; <c>utf8</c>: <c>Encoding.UTF8.GetBytes</c>), and what becomes of the declaration
/// around it (<see cref="DeclarationChange"/>).
/// </summary>
/// <remarks>
/// No move where it would change what the program does beyond where the value comes from: a fallback (its replacement
/// would throw where the code fell back), a static initializer or static constructor that cannot become a property
/// (a throwing one makes the whole type unusable: <c>TypeInitializationException</c>), a <c>const</c> that a constant
/// context uses, and places that take only constants (docs/rules/SG0002.md#fix).
/// </remarks>
internal sealed class SecretMove
{
    private SecretMove(ExpressionSyntax target, string value, string kind, string nameStem, SyntaxNode? declaration, DeclarationChange change)
    {
        Target = target;
        Value = value;
        Kind = kind;
        NameStem = nameStem;
        Declaration = declaration;
        Change = change;
    }

    public ExpressionSyntax Target { get; }

    public string Value { get; }

    public string Kind { get; }

    /// <summary>The entry name without the project's secret suffix (<see cref="SecretNameSuggestion.ForProject"/> adds it).</summary>
    public string NameStem { get; }

    /// <summary>The field, property or local declaration that changes with the move, if any.</summary>
    public SyntaxNode? Declaration { get; }

    public DeclarationChange Change { get; }

    /// <summary>The move for a diagnostic, or null when no move keeps the program's behaviour (see the remarks).</summary>
    public static async Task<SecretMove?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SecretReporter.SecretNameProperty, out var name) || name is null ||
            !diagnostic.Properties.TryGetValue(SecretReporter.ValueKindProperty, out var kind) || kind is null ||
            diagnostic.Location.SourceTree != model.SyntaxTree)
        {
            return null;
        }

        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
        {
            return null;
        }

        // A local or field that holds the key: move its initializer instead.
        if (node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax)
        {
            var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
            var declarator = symbol?.DeclaringSyntaxReferences.Length == 1 ? symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax : null;
            if (declarator?.Initializer is null || declarator.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            node = declarator.Initializer.Value;
        }

        if (!CanHoldACall(node) || FallbackPositions.IsFallback(node, model, cancellationToken))
        {
            return null;
        }

        var move = Evaluate(node, model, name, cancellationToken);
        if (move is null)
        {
            return null;
        }

        var (declaration, change) = await DeclarationChangeAsync(document, model, node, cancellationToken).ConfigureAwait(false);
        return change == DeclarationChange.Impossible ? null : new SecretMove(move.Target, move.Value, move.Kind, move.NameStem, declaration, change);
    }

    // What the declaration around the moved value must become so that reading the secret never runs in a type's
    // initialization: a static field or property initialized with the value becomes a property that reads it; a const
    // local stops being const. Instance initializers stay: a missing secret fails that construction, not the type.
    private static async Task<(SyntaxNode? Declaration, DeclarationChange Change)> DeclarationChangeAsync(Document document, SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var initializer = value.Parent as EqualsValueClauseSyntax;
        switch (initializer?.Parent)
        {
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } variables } declarator
                when field.Modifiers.Any(SyntaxKind.ConstKeyword) || field.Modifiers.Any(SyntaxKind.StaticKeyword):
                return variables.Variables.Count == 1 && field.Parent is not InterfaceDeclarationSyntax &&
                       AttributesFitAProperty(field.AttributeLists, model, cancellationToken) &&
                       await EveryUseAllowsAPropertyAsync(document, model.GetDeclaredSymbol(declarator, cancellationToken), cancellationToken).ConfigureAwait(false)
                    ? (field, DeclarationChange.ToProperty)
                    : (null, DeclarationChange.Impossible);
            case PropertyDeclarationSyntax property when property.Modifiers.Any(SyntaxKind.StaticKeyword):
                // static string ApiKey { get; } = "...": the getter can read it; a settable one cannot change that way.
                return property.AccessorList?.Accessors is { Count: 1 } accessors && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration) &&
                       property.Parent is not InterfaceDeclarationSyntax &&
                       await EveryUseAllowsAPropertyAsync(document, model.GetDeclaredSymbol(property, cancellationToken), cancellationToken).ConfigureAwait(false)
                    ? (property, DeclarationChange.ToProperty)
                    : (null, DeclarationChange.Impossible);
            case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } variables } declarator
                when local.Modifiers.Any(SyntaxKind.ConstKeyword):
                return variables.Variables.Count == 1 &&
                       await EveryUseAllowsAPropertyAsync(document, model.GetDeclaredSymbol(declarator, cancellationToken), cancellationToken).ConfigureAwait(false)
                    ? (local, DeclarationChange.RemoveConst)
                    : (null, DeclarationChange.Impossible);
        }

        // Deeper inside a static initializer or a static constructor, a throwing read fails the type's initialization,
        // and a property there would build a new object on every read: no move.
        return RunsInTypeInitialization(value) ? (null, DeclarationChange.Impossible) : (null, DeclarationChange.None);
    }

    private static bool RunsInTypeInitialization(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                    return false; // runs when called
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case PropertyDeclarationSyntax property:
                    return property.Initializer is not null && property.Initializer.Span.Contains(node.Span) && property.Modifiers.Any(SyntaxKind.StaticKeyword);
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // Every reference reads the value where a property (or a non-const local) can stand: no constant context (attribute
    // arguments, case labels, patterns, parameter defaults, other constants), no write, no ref.
    private static async Task<bool> EveryUseAllowsAPropertyAsync(Document document, ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is null)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var referenceRoot = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var reference = referenceRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (NeedsAConstant(reference) || IsWritten(reference))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsAConstant(SyntaxNode reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case RelationalPatternSyntax:
                case EnumMemberDeclarationSyntax:
                case GotoStatementSyntax goTo when goTo.IsKind(SyntaxKind.GotoCaseStatement):
                    return true;
                case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax:
                    return true;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.ConstKeyword);
                case StatementSyntax:
                case MemberDeclarationSyntax:
                case AnonymousFunctionExpressionSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsWritten(SyntaxNode reference)
    {
        SyntaxNode expression = reference;
        while (expression.Parent is MemberAccessExpressionSyntax member && member.Name == expression ||
               expression.Parent is ParenthesizedExpressionSyntax)
        {
            expression = expression.Parent;
        }

        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression),
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    // [NonSerialized], [ThreadStatic], [FieldOffset] and the like cannot go on a property.
    private static bool AttributesFitAProperty(SyntaxList<AttributeListSyntax> lists, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var attribute in lists.SelectMany(l => l.Attributes))
        {
            if (attribute.Parent is AttributeListSyntax { Target: not null } ||
                model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is not { } type)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                var usage = current.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute");
                if (usage is null)
                {
                    continue;
                }

                if (usage.ConstructorArguments.Length > 0 && usage.ConstructorArguments[0].Value is int targets && (targets & (int)AttributeTargets.Property) == 0)
                {
                    return false;
                }

                break;
            }
        }

        return true;
    }

    private static SecretMove? Evaluate(ExpressionSyntax node, SemanticModel model, string name, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return new SecretMove(literal, literal.Token.ValueText, "utf8", name, null, DeclarationChange.None);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return new SecretMove(literal, literal.Token.ValueText, "string", name, null, DeclarationChange.None);
            case BinaryExpressionSyntax binary when StringLiterals.IsLiteralConcatenation(binary):
                return new SecretMove(binary, StringLiterals.ConcatenatedValue(binary), "string", name, null, DeclarationChange.None);
        }

        var bytes = EvaluateBytes(node, model, cancellationToken);
        return bytes is null ? null : new SecretMove(node, Convert.ToBase64String(bytes), "bytes", name, null, DeclarationChange.None);
    }

    private static byte[]? EvaluateBytes(ExpressionSyntax node, SemanticModel model, CancellationToken cancellationToken)
    {
        InitializerExpressionSyntax? initializer = node switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            _ => null,
        };
        if (initializer is not null)
        {
            var values = initializer.Expressions.Select(e => model.GetConstantValue(e, cancellationToken)).ToList();
            if (values.Count == 0 || values.Any(v => !v.HasValue))
            {
                return null;
            }

            try
            {
                return values.Select(v => Convert.ToByte(v.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            }
            catch (Exception ex) when (ex is OverflowException || ex is FormatException || ex is InvalidCastException)
            {
                return null;
            }
        }

        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member, ArgumentList.Arguments: var arguments })
        {
            return null;
        }

        var method = member.Name.Identifier.ValueText;
        if (method == "ToArray" && arguments.Count == 0 && member.Expression is LiteralExpressionSyntax utf8 && utf8.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            return Encoding.UTF8.GetBytes(utf8.Token.ValueText);
        }

        if (arguments.Count != 1 || model.GetConstantValue(arguments[0].Expression, cancellationToken) is not { HasValue: true, Value: string text })
        {
            return null;
        }

        try
        {
            switch (method)
            {
                case "FromBase64String":
                    return Convert.FromBase64String(text);
                case "FromHexString":
                    return FromHex(text);
                case "GetBytes":
                    return EncodingNamed(member.Expression)?.GetBytes(text);
                default:
                    return null;
            }
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Encoding? EncodingNamed(ExpressionSyntax receiver)
    {
        var name = receiver switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name switch
        {
            "UTF8" => new UTF8Encoding(false),
            "ASCII" => Encoding.ASCII,
            "Unicode" => Encoding.Unicode,
            "BigEndianUnicode" => Encoding.BigEndianUnicode,
            "UTF32" => Encoding.UTF32,
            "Latin1" => Encoding.GetEncoding(28591),
            _ => null,
        };
    }

    private static byte[]? FromHex(string text)
    {
        if (text.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[text.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(text.Substring(i * 2, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }

    // Constants-only positions cannot take Secrets.Get(...).
    private static bool CanHoldACall(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeArgumentSyntax:
                case CaseSwitchLabelSyntax:
                case ConstantPatternSyntax:
                case EnumMemberDeclarationSyntax:
                    return false;
                case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax:
                    return false;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }
}
