using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>Reads string literals of every shape (regular, verbatim, raw, UTF-8) and constant concatenations of them.</summary>
internal static class StringLiterals
{
    /// <summary>Whether the node is one leaf of a <c>"a" + "b"</c> chain; the chain's top is analysed as a whole instead.</summary>
    public static bool IsPartOfConcatenation(SyntaxNode node)
    {
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) && IsLiteralConcatenation(binary);
    }

    /// <summary>
    /// The largest chain of literals only (<c>"a" + ("b" + "c")</c>) the literal is part of, or the literal itself;
    /// <paramref name="isFirst"/> says whether it is the chain's leftmost literal, the one that speaks for the chain.
    /// </summary>
    public static ExpressionSyntax LiteralChain(LiteralExpressionSyntax literal, out bool isFirst)
    {
        // Climbing, the side we come from is literals only; only the other side needs a look, so the climb stays linear.
        ExpressionSyntax chain = literal;
        for (var parent = literal.Parent; parent is ParenthesizedExpressionSyntax || (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)); parent = parent.Parent)
        {
            if (parent is BinaryExpressionSyntax add && !IsLiteralConcatenation(add.Left == chain ? add.Right : add.Left))
            {
                break;
            }

            chain = (ExpressionSyntax)parent;
        }

        ExpressionSyntax leftmost = chain;
        while (true)
        {
            switch (leftmost)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    leftmost = parenthesized.Expression;
                    continue;
                case BinaryExpressionSyntax add:
                    leftmost = add.Left;
                    continue;
            }

            break;
        }

        isFirst = leftmost == literal;
        return chain;
    }

    /// <summary>
    /// Whether the node is one operand of a <c>+</c> chain that also holds values known only at run time
    /// (<c>"tok_" + RandomNumberGenerator.GetString(...)</c>), as opposed to a chain of literals only.
    /// </summary>
    public static bool IsPieceOfRuntimeConcatenation(SyntaxNode node)
    {
        SyntaxNode top = node;
        for (var parent = node.Parent; parent is ParenthesizedExpressionSyntax || (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)); parent = parent.Parent)
        {
            top = parent;
        }

        return top != node && top is ExpressionSyntax expression && !IsLiteralConcatenation(expression);
    }

    /// <summary>Whether an add-expression is made only of string literals (syntactically constant).</summary>
    public static bool IsLiteralConcatenation(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return IsLiteralConcatenation(parenthesized.Expression);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return IsLiteralConcatenation(binary.Left) && IsLiteralConcatenation(binary.Right);
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression);
            default:
                return false;
        }
    }

    /// <summary>The value of a literal concatenation.</summary>
    public static string ConcatenatedValue(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return ConcatenatedValue(parenthesized.Expression);
            case BinaryExpressionSyntax binary:
                return ConcatenatedValue(binary.Left) + ConcatenatedValue(binary.Right);
            case LiteralExpressionSyntax literal:
                return literal.Token.ValueText;
            default:
                return string.Empty;
        }
    }

    /// <summary>The topmost expression of a literal and the parentheses or concatenation around it.</summary>
    public static ExpressionSyntax Outermost(ExpressionSyntax literal)
    {
        var current = literal;
        while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
        }

        return current;
    }
}
