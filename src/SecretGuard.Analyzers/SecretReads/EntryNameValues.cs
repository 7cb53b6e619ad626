using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Sensitivity;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.SecretReads;

/// <summary>
/// The values an entry-name expression can take, as far as their ends are known: constants, interpolation,
/// concatenation, <c>string.Concat</c>, <c>?:</c>, <c>??</c> and <c>switch</c> arms, every value written to a local (where the
/// caller asks for it), and the initialiser of a readonly field or a get-only property. A name is a secret entry's only when EVERY value ends in a secret suffix; an
/// unknown part at the end (a parameter, a call) makes the name unknown, and SG0006 stays quiet.
/// </summary>
internal static class EntryNameValues
{
    /// <summary>How many alternative values a name may have before it counts as unknown.</summary>
    private const int MaxValues = 16;

    private const int MaxDisplayHole = 40;

    /// <summary>Whether every value of <paramref name="name"/> is a secret entry name.</summary>
    /// <param name="name">The expression that gives the entry's name.</param>
    /// <param name="naming">The project's secret suffixes.</param>
    /// <param name="lineKey">The name is looked up in a raw env-file line: a trailing <c>=</c> (a line prefix) is cut, and the
    /// known end must be made of letters, digits and underscores, as an env-file key is.</param>
    /// <param name="display">The name as the message shows it: unknown parts as <c>{expression}</c>, alternatives separated by <c>|</c>.</param>
    /// <param name="constant">The name when it has exactly one, fully known value (then a fix can write it as a literal).</param>
    /// <param name="followLocals">Whether a local's values are followed (one walk of the member body, cached): for reads that
    /// are rare by themselves (<c>GetEnvironmentVariable</c>), not for every dictionary lookup.</param>
    public static bool IsSecretEntry(IOperation name, SecretNaming naming, bool lineKey, out string display, out string? constant, bool followLocals = false)
    {
        display = string.Empty;
        constant = null;
        if (name.Type is { SpecialType: not SpecialType.System_String and not SpecialType.System_Object })
        {
            return false;
        }

        var values = Values(name, followLocals, 0);
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            var tail = value.Tail;
            if (lineKey && tail.Length > 0 && tail[tail.Length - 1] == '=')
            {
                tail = tail.Substring(0, tail.Length - 1);
            }

            if (tail.Length == 0 || tail.Length > 200 || !naming.IsSecret(tail) || (lineKey && !IsKeyText(tail)) || (lineKey && value.Complete && tail.Length < 8))
            {
                return false;
            }
        }

        var texts = values.Select(v => lineKey && v.Text.EndsWith("=", StringComparison.Ordinal) ? v.Text.Substring(0, v.Text.Length - 1) : v.Text)
            .Distinct(StringComparer.Ordinal).ToList();
        display = string.Join("|", texts);
        if (texts.Count == 1 && values.All(v => v.Complete))
        {
            constant = texts[0];
        }

        return true;
    }

    // Letters, digits and underscores: what an env-file key is made of.
    private static bool IsKeyText(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static List<NameValue> Values(IOperation operation, bool followLocals, int depth)
    {
        operation = ValueFlow.Unwrap(operation);
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value is string text ? One(NameValue.Known(text)) : One(NameValue.Unknown(operation.Syntax));
        }

        if (depth > ValueFlow.MaxDepth)
        {
            return One(NameValue.Unknown(operation.Syntax));
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var result = One(NameValue.Known(string.Empty));
                foreach (var part in interpolated.Parts)
                {
                    var values = part switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } } => One(NameValue.Known(text)),
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => Values(hole.Expression, followLocals, depth + 1),
                        _ => One(NameValue.Unknown(part.Syntax)),
                    };
                    result = Concat(result, values, operation.Syntax);
                }

                return result;
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return Concat(Values(concatenation.LeftOperand, followLocals, depth + 1), Values(concatenation.RightOperand, followLocals, depth + 1), operation.Syntax);
            case IConditionalOperation { WhenFalse: not null } conditional:
                return Union(operation.Syntax, Values(conditional.WhenTrue, followLocals, depth + 1), Values(conditional.WhenFalse, followLocals, depth + 1));
            case ICoalesceOperation coalesce:
                return Union(operation.Syntax, Values(coalesce.Value, followLocals, depth + 1), Values(coalesce.WhenNull, followLocals, depth + 1));
            case ISwitchExpressionOperation switchExpression:
                return Union(operation.Syntax, switchExpression.Arms.Select(arm => Values(arm.Value, followLocals, depth + 1)).ToArray());
            case IThrowOperation:
                return new List<NameValue>(); // an arm that throws gives the name no value
            case IInvocationOperation { Instance: not null, Arguments.Length: 0, TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call
                when call.TargetMethod.Name is "ToUpper" or "ToUpperInvariant" or "ToLower" or "ToLowerInvariant" or "Trim":
                // Suffixes are compared ignoring case; Trim() only cuts white space.
                return Values(call.Instance, followLocals, depth + 1);
            case IInvocationOperation { Instance: null, TargetMethod: { Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat
                when concat.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_String && a.ArgumentKind == ArgumentKind.Explicit):
            {
                var result = One(NameValue.Known(string.Empty));
                foreach (var argument in concat.Arguments)
                {
                    result = Concat(result, Values(argument.Value, followLocals, depth + 1), operation.Syntax);
                }

                return result;
            }

            case ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_String } local when followLocals:
                return LocalValues(local, depth);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return DeclaredValue(field, operation.Syntax, depth);
            case IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property }:
                return DeclaredValue(property, operation.Syntax, depth);
            default:
                return One(NameValue.Unknown(operation.Syntax));
        }
    }

    // Every value written to the local anywhere in the member (flow-insensitive, as ValueFlow is): the name is secret only
    // if each of them is. "name += X" ends in X whatever came before.
    private static List<NameValue> LocalValues(ILocalReferenceOperation local, int depth)
    {
        var writes = ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local));
        if (writes.Count == 0)
        {
            return One(NameValue.Unknown(local.Syntax));
        }

        var sets = new List<List<NameValue>>();
        foreach (var write in writes)
        {
            if (write is IArgumentOperation)
            {
                return One(NameValue.Unknown(local.Syntax));
            }

            var values = Values(write, true, depth + 1);
            sets.Add(write.Parent is ICompoundAssignmentOperation ? Concat(One(NameValue.Unknown(local.Syntax)), values, local.Syntax) : values);
        }

        return Union(local.Syntax, sets.ToArray());
    }

    // A readonly field's or get-only property's value, read from its declaration's syntax (no semantic model of another
    // tree): "static readonly string Name = Prefix + "_SECRET";", "string Name => $"{App}_SECRET";".
    private static List<NameValue> DeclaredValue(ISymbol member, SyntaxNode use, int depth)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return One(NameValue.Unknown(use));
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        var value = declaration switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            PropertyDeclarationSyntax { Initializer: { } initializer, AccessorList: { } accessors }
                when accessors.Accessors.All(a => a.IsKind(SyntaxKind.GetAccessorDeclaration) && a.Body is null && a.ExpressionBody is null) => initializer.Value,
            _ => null,
        };

        return value is null ? One(NameValue.Unknown(use)) : SyntaxValues(value, depth + 1);
    }

    private static List<NameValue> SyntaxValues(ExpressionSyntax expression, int depth)
    {
        if (depth > ValueFlow.MaxDepth)
        {
            return One(NameValue.Unknown(expression));
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return One(NameValue.Known(literal.Token.ValueText));
            case ParenthesizedExpressionSyntax parenthesized:
                return SyntaxValues(parenthesized.Expression, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Concat(SyntaxValues(binary.Left, depth + 1), SyntaxValues(binary.Right, depth + 1), expression);
            case ConditionalExpressionSyntax conditional:
                return Union(expression, SyntaxValues(conditional.WhenTrue, depth + 1), SyntaxValues(conditional.WhenFalse, depth + 1));
            case InterpolatedStringExpressionSyntax interpolated:
            {
                var result = One(NameValue.Known(string.Empty));
                foreach (var content in interpolated.Contents)
                {
                    var values = content switch
                    {
                        InterpolatedStringTextSyntax text => One(NameValue.Known(text.TextToken.ValueText)),
                        InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole => SyntaxValues(hole.Expression, depth + 1),
                        _ => One(NameValue.Unknown(content)),
                    };
                    result = Concat(result, values, expression);
                }

                return result;
            }

            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 }
                when access.Name.Identifier.ValueText is "ToUpper" or "ToUpperInvariant" or "ToLower" or "ToLowerInvariant" or "Trim":
                return SyntaxValues(access.Expression, depth + 1);
            default:
                return One(NameValue.Unknown(expression));
        }
    }

    private static List<NameValue> One(NameValue value) => new List<NameValue> { value };

    private static List<NameValue> Concat(List<NameValue> left, List<NameValue> right, SyntaxNode whole)
    {
        if (left.Count * right.Count > MaxValues)
        {
            return One(NameValue.Unknown(whole));
        }

        var result = new List<NameValue>(left.Count * right.Count);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                result.Add(NameValue.Join(l, r));
            }
        }

        return result;
    }

    private static List<NameValue> Union(SyntaxNode whole, params List<NameValue>[] sets)
    {
        var result = new List<NameValue>();
        foreach (var set in sets)
        {
            result.AddRange(set);
        }

        return result.Count > MaxValues ? One(NameValue.Unknown(whole)) : result;
    }

    /// <summary>One value a name can take: how to show it, its known end, and whether all of it is known.</summary>
    private readonly struct NameValue
    {
        private NameValue(string text, string tail, bool complete)
        {
            Text = text;
            Tail = tail;
            Complete = complete;
        }

        public string Text { get; }

        public string Tail { get; }

        public bool Complete { get; }

        public static NameValue Known(string text) => new NameValue(text, text, true);

        public static NameValue Unknown(SyntaxNode syntax)
        {
            var text = syntax.ToString();
            return new NameValue("{" + (text.Length > MaxDisplayHole ? text.Substring(0, MaxDisplayHole) + "…" : text) + "}", string.Empty, false);
        }

        public static NameValue Join(NameValue left, NameValue right) =>
            new NameValue(left.Text + right.Text, right.Complete ? left.Tail + right.Tail : right.Tail, left.Complete && right.Complete);
    }
}
