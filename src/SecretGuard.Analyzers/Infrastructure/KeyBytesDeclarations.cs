using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// Declarations that hold key bytes (SG0003 without a crypto call): a <c>byte[]</c>, <c>Span&lt;byte&gt;</c>,
/// <c>ReadOnlySpan&lt;byte&gt;</c> or <c>Memory&lt;byte&gt;</c> field, local or property whose name says key or secret
/// (<see cref="CredentialNames.IsKeyMaterialName"/>), given constant bytes of a key's size that look generated
/// (<see cref="ValueShapes.LooksLikeKeyBytes"/>). Syntax only.
/// </summary>
internal static class KeyBytesDeclarations
{
    /// <summary>The expression that gives a field or local its key bytes, or null; <paramref name="length"/> is their count.</summary>
    public static ExpressionSyntax? KeyBytes(VariableDeclaratorSyntax declarator, CredentialNames names, out int length)
    {
        length = 0;
        if (declarator.Initializer?.Value is not { } value || declarator.Parent is not VariableDeclarationSyntax declaration ||
            !(IsByteBuffer(declaration.Type) || (declaration.Type.IsVar && IsByteArrayCreation(value))))
        {
            return null;
        }

        return Judge(value, declarator.Identifier.ValueText, names, out length);
    }

    /// <summary>The expression a property returns its key bytes from (<c>=&gt; [...]</c>, <c>{ get { return new byte[] {...}; } }</c>), or null.</summary>
    public static ExpressionSyntax? KeyBytes(PropertyDeclarationSyntax property, CredentialNames names, out int length)
    {
        length = 0;
        if (!IsByteBuffer(property.Type))
        {
            return null;
        }

        var value = property.ExpressionBody?.Expression ?? property.Initializer?.Value;
        if (value is null && property.AccessorList is { } accessors)
        {
            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    value = accessor.ExpressionBody?.Expression ??
                            (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);
                }
            }
        }

        return value is null ? null : Judge(value, property.Identifier.ValueText, names, out length);
    }

    private static ExpressionSyntax? Judge(ExpressionSyntax value, string name, CredentialNames names, out int length)
    {
        length = 0;
        var elements = Elements(value);
        if (elements is null || !ValueShapes.IsKeySize(elements.Count) || !names.IsKeyMaterialName(name))
        {
            return null;
        }

        var bytes = new byte[elements.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (ConstantByte(elements[i]) is not { } b)
            {
                return null;
            }

            bytes[i] = b;
        }

        if (!ValueShapes.LooksLikeKeyBytes(bytes))
        {
            return null;
        }

        length = bytes.Length;
        return value;
    }

    // { 0x01, ... }, new byte[] { ... }, new byte[16] { ... }, [ ... ], stackalloc byte[] { ... }
    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax value)
    {
        switch (value)
        {
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                return initializer.Expressions;
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } creation when IsByte(creation.Type.ElementType):
                return initializer.Expressions;
            case StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer, Type: ArrayTypeSyntax array } when IsByte(array.ElementType):
                return initializer.Expressions;
            case ImplicitStackAllocArrayCreationExpressionSyntax { Initializer: var initializer }:
                return initializer.Expressions;
            case CollectionExpressionSyntax collection:
                var list = new List<ExpressionSyntax>(collection.Elements.Count);
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax expression)
                    {
                        return null; // a spread: not constant bytes
                    }

                    list.Add(expression.Expression);
                }

                return list;
            default:
                return null;
        }
    }

    // 0x3C, 171, (byte)0x3C: a number from 0 to 255.
    private static byte? ConstantByte(ExpressionSyntax element)
    {
        while (element is CastExpressionSyntax cast && IsByte(cast.Type))
        {
            element = cast.Expression;
        }

        if (element is ParenthesizedExpressionSyntax parenthesized)
        {
            return ConstantByte(parenthesized.Expression);
        }

        if (element is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            switch (literal.Token.Value)
            {
                case int i when i >= 0 && i <= 255:
                    return (byte)i;
                case uint u when u <= 255:
                    return (byte)u;
                case long l when l >= 0 && l <= 255:
                    return (byte)l;
                case ulong ul when ul <= 255:
                    return (byte)ul;
            }
        }

        return null;
    }

    private static bool IsByteArrayCreation(ExpressionSyntax value) =>
        value is ArrayCreationExpressionSyntax creation && IsByte(creation.Type.ElementType) ||
        value is StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax array } && IsByte(array.ElementType);

    // byte[], Byte[], System.Byte[], Span<byte>, ReadOnlySpan<byte>, Memory<byte>, ReadOnlyMemory<byte>.
    private static bool IsByteBuffer(TypeSyntax type)
    {
        switch (type)
        {
            case ArrayTypeSyntax array:
                return array.RankSpecifiers.Count == 1 && IsByte(array.ElementType);
            case GenericNameSyntax generic:
                return IsSpanOrMemory(generic);
            case QualifiedNameSyntax { Right: GenericNameSyntax generic }:
                return IsSpanOrMemory(generic);
            default:
                return false;
        }
    }

    private static bool IsSpanOrMemory(GenericNameSyntax generic) =>
        generic.Identifier.ValueText is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" &&
        generic.TypeArgumentList.Arguments.Count == 1 && IsByte(generic.TypeArgumentList.Arguments[0]);

    private static bool IsByte(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.ByteKeyword),
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Byte",
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "Byte" && qualified.Left.ToString() == "System",
        _ => false,
    };
}
