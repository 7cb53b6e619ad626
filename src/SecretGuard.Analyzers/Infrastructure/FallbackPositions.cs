using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// Whether a value is a fallback: what the code uses when the real value is missing —
/// <c>config["X"] ?? "none"</c>, <c>x ??= "..."</c>, <c>string.IsNullOrEmpty(x) ? "..." : x</c>,
/// <c>TryGetValue(...) ? v : "..."</c>, or the <c>defaultValue</c> argument of <c>GetValue(key, defaultValue)</c>.
/// SG0002 reads a plain word there as a filler, and the move fix leaves a fallback alone: <c>Secrets.Get</c> in its
/// place would throw where the code used to fall back (docs/rules/SG0002.md#fix).
/// </summary>
internal static class FallbackPositions
{
    /// <summary>
    /// Whether <paramref name="value"/> is a fallback. Syntax only, except for a positional argument, whose parameter
    /// only <paramref name="model"/> can name (without a model such an argument is not a fallback).
    /// </summary>
    public static bool IsFallback(ExpressionSyntax value, SemanticModel? model = null, CancellationToken cancellationToken = default)
    {
        SyntaxNode current = value;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    current = parent;
                    continue;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    return coalesce.Right == current;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression):
                    return assignment.Right == current;
                case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    if (TestsForAMissingValue(conditional.Condition))
                    {
                        return true;
                    }

                    current = parent;
                    continue;
                case ArgumentSyntax argument:
                    return IsDefaultValueArgument(argument, model, cancellationToken);
                default:
                    return false;
            }
        }

        return false;
    }

    // x == null, x is null, x is not { }, string.IsNullOrEmpty(x), dictionary.TryGetValue(k, out var v).
    private static bool TestsForAMissingValue(ExpressionSyntax condition)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                    return true;
                case RecursivePatternSyntax:
                    return true;
                case InvocationExpressionSyntax invocation:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    if (name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" || name.StartsWith("TryGet", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    // GetValue("Smtp:Password", "..."), GetValueOrDefault(key, defaultValue: "..."), Setting("X", fallback: "...").
    private static bool IsDefaultValueArgument(ArgumentSyntax argument, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (argument.NameColon is { } nameColon)
        {
            return NamesADefault(nameColon.Name.Identifier.ValueText);
        }

        return model is not null && argument.Parent?.Parent is InvocationExpressionSyntax &&
               model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } &&
               NamesADefault(parameter.Name);
    }

    // defaultValue, fallback, fallbackValue, @default: a name made of these words only.
    private static bool NamesADefault(string name)
    {
        var words = IdentifierWords.Split(name);
        var sawDefault = false;
        foreach (var word in words)
        {
            switch (word)
            {
                case "default":
                case "fallback":
                    sawDefault = true;
                    break;
                case "value":
                case "val":
                    break;
                default:
                    return false;
            }
        }

        return sawDefault;
    }
}
