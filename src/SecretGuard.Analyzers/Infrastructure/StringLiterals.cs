using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretGuard.Analyzers.Infrastructure
{
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
}
