using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretGuard.Analyzers.Infrastructure;

namespace SecretGuard.CodeFixes;

/// <summary>
/// What moving one hardcoded secret means: which expression is replaced, the value that goes to the env file,
/// and how the code reads it back (<c>string</c>: <c>Secrets.Get</c>; <c>bytes</c>: base64 and
/// <c>Convert.FromBase64String</c>; <c>utf8</c>: <c>Encoding.UTF8.GetBytes</c>).
/// </summary>
internal sealed class SecretMove
{
    private SecretMove(ExpressionSyntax target, string value, string kind, string suggestedName)
    {
        Target = target;
        Value = value;
        Kind = kind;
        SuggestedName = suggestedName;
    }

    public ExpressionSyntax Target { get; }

    public string Value { get; }

    public string Kind { get; }

    public string SuggestedName { get; }

    /// <summary>The move for a diagnostic, or null when the code cannot take a call there (attributes, case labels, ...).</summary>
    public static SecretMove? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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

        if (!CanHoldACall(node))
        {
            return null;
        }

        return Evaluate(node, model, name, cancellationToken);
    }

    private static SecretMove? Evaluate(ExpressionSyntax node, SemanticModel model, string name, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return new SecretMove(literal, literal.Token.ValueText, "utf8", name);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return new SecretMove(literal, literal.Token.ValueText, "string", name);
            case BinaryExpressionSyntax binary when StringLiterals.IsLiteralConcatenation(binary):
                return new SecretMove(binary, StringLiterals.ConcatenatedValue(binary), "string", name);
        }

        var bytes = EvaluateBytes(node, model, cancellationToken);
        return bytes is null ? null : new SecretMove(node, Convert.ToBase64String(bytes), "bytes", name);
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
