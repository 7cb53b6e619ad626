using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>What the text a method returns is made of, as far as one reading of its source tells.</summary>
[Flags]
internal enum ReturnedText
{
    /// <summary>Constants, members that are not secret, masked or hashed values.</summary>
    Plain = 0,

    /// <summary>A secret: a member, parameter or local named for one, a secret configuration or environment entry, <c>Secrets.Get</c>.</summary>
    Secret = 1,

    /// <summary>A wrapper's payload (<c>Value</c>, <c>_value</c>, <c>Raw</c>, <c>Plaintext</c>): as secret as the wrapper.</summary>
    Payload = 2,
}

/// <summary>
/// One-level summaries of methods declared in the compilation: whether the text a method returns (its return
/// expressions; for a record's <c>PrintMembers</c>, what it appends) mentions a secret. Read from syntax alone — no
/// semantic model of another file — and remembered per method and lexicon, up to <see cref="MaxRemembered"/> methods:
/// <c>string Describe() =&gt; $"{_user}:{_password}"</c> is secret although its name does not say so, and so is a
/// <c>ToString()</c> override that returns <c>_token</c>. Conditions, comparisons, lengths, <c>nameof</c>, and
/// arguments of hashing, masking and test methods (<c>Mask(_password)</c>, <c>IsNullOrEmpty(_password)</c>) do not count.
/// </summary>
internal sealed class ReturnSummaries
{
    /// <summary>How many methods' summaries are kept; beyond that each is read again.</summary>
    internal const int MaxRemembered = 10_000;

    private const int MaxLocalDepth = 3;

    private static readonly HashSet<string> PayloadNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Value", "_value", "m_value", "RawValue", "_rawValue", "Raw", "_raw", "Plaintext", "_plaintext", "PlainText", "_plainText",
    };

    // Members of text that are numbers or flags: what they return says nothing of the text.
    private static readonly HashSet<string> NonTextMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Length", "Count", "HasValue", "IsEmpty", "IsDefault", "Ticks", "Kind",
    };

    // Calls whose result is the receiver's or the arguments' text in another form.
    private static readonly HashSet<string> TextBuilders = new HashSet<string>(StringComparer.Ordinal)
    {
        "ToString", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Substring", "Replace",
        "PadLeft", "PadRight", "Insert", "Normalize", "Remove", "Append", "AppendLine", "AppendFormat", "Format", "Concat", "Join",
        "ToBase64String", "ToHexString", "ToHexStringLower", "GetString", "EscapeDataString", "UrlEncode", "AsSpan", "ToCharArray",
    };

    // First words of methods that test or measure a value: IsValid(token), HasPassword(), CountKeys(keys).
    private static readonly HashSet<string> AboutWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "is", "has", "can", "validate", "verify", "check", "compare", "contains", "starts", "ends", "equals", "count", "any", "all",
    };

    private readonly ConcurrentDictionary<ISymbol, Entry> _answers = new ConcurrentDictionary<ISymbol, Entry>(SymbolEqualityComparer.Default);

    /// <summary>What the text <paramref name="member"/> (a method, or a property's getter) returns is made of; Plain when it has no source here.</summary>
    public ReturnedText Summarize(ISymbol member, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(member, out var known) && ReferenceEquals(known.Names, names) && ReferenceEquals(known.Naming, naming))
        {
            return known.Text;
        }

        var text = Read(member, names, naming, cancellationToken);
        if (_answers.Count < MaxRemembered)
        {
            _answers[member] = new Entry(names, naming, text);
        }

        return text;
    }

    private static ReturnedText Read(ISymbol member, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1 || member.ContainingType is null)
        {
            return ReturnedText.Plain;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var reader = new Reader(member, declaration, names, naming);
        var result = ReturnedText.Plain;
        foreach (var expression in Returned(member, declaration))
        {
            result |= reader.Read(expression, 0);
            if ((result & ReturnedText.Secret) != 0)
            {
                break;
            }
        }

        return result;
    }

    // The expressions whose text the member returns: expression bodies and return statements (not those of lambdas and
    // local functions inside), and for PrintMembers the arguments of the calls that append to the builder.
    private static IEnumerable<ExpressionSyntax> Returned(ISymbol member, SyntaxNode declaration)
    {
        SyntaxNode? body = null;
        switch (declaration)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow }:
                return new[] { arrow.Expression };
            case MethodDeclarationSyntax method:
                body = method.Body;
                break;
            case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                return new[] { arrow.Expression };
            case PropertyDeclarationSyntax property:
                var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
                if (getter?.ExpressionBody is { } getterArrow)
                {
                    return new[] { getterArrow.Expression };
                }

                body = getter?.Body;
                break;
        }

        return body is null ? Array.Empty<ExpressionSyntax>() : FromBody(body, member.Name == "PrintMembers");
    }

    private static IEnumerable<ExpressionSyntax> FromBody(SyntaxNode body, bool printMembers)
    {
        foreach (var node in body.DescendantNodes(n => n == body || !(n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax { Expression: { } returned })
            {
                yield return returned;
            }
            else if (printMembers && node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" or "AppendLine" or "AppendFormat" } } append)
            {
                foreach (var argument in append.ArgumentList.Arguments)
                {
                    yield return argument.Expression;
                }
            }
        }
    }

    private readonly struct Entry
    {
        public Entry(CredentialNames names, SecretNaming naming, ReturnedText text)
        {
            Names = names;
            Naming = naming;
            Text = text;
        }

        public CredentialNames Names { get; }

        public SecretNaming Naming { get; }

        public ReturnedText Text { get; }
    }

    /// <summary>Reads the expressions of one member's body against its parameters, locals and containing type.</summary>
    private sealed class Reader
    {
        private readonly ISymbol _member;
        private readonly SyntaxNode _declaration;
        private readonly CredentialNames _names;
        private readonly SecretNaming _naming;

        public Reader(ISymbol member, SyntaxNode declaration, CredentialNames names, SecretNaming naming)
        {
            _member = member;
            _declaration = declaration;
            _names = names;
            _naming = naming;
        }

        public ReturnedText Read(ExpressionSyntax expression, int depth)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax:
                    return ReturnedText.Plain;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Read(parenthesized.Expression, depth);
                case CastExpressionSyntax cast:
                    return Read(cast.Expression, depth);
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    return Read(suppressed.Operand, depth);
                case InterpolatedStringExpressionSyntax interpolated:
                    return ReadAll(interpolated.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression), depth);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                    return Read(binary.Left, depth) | Read(binary.Right, depth);
                case ConditionalExpressionSyntax conditional:
                    // The condition decides; only the branches are returned.
                    return Read(conditional.WhenTrue, depth) | Read(conditional.WhenFalse, depth);
                case SwitchExpressionSyntax @switch:
                    return ReadAll(@switch.Arms.Select(a => a.Expression), depth);
                case IdentifierNameSyntax identifier:
                    return Identifier(identifier.Identifier.ValueText, depth);
                case MemberAccessExpressionSyntax access:
                    return MemberAccess(access, depth);
                case ConditionalAccessExpressionSyntax conditionalAccess:
                    return conditionalAccess.WhenNotNull is MemberBindingExpressionSyntax { Name.Identifier.ValueText: var bound } && NonTextMembers.Contains(bound)
                        ? ReturnedText.Plain
                        : Read(conditionalAccess.Expression, depth);
                case ElementAccessExpressionSyntax element:
                    // config["Db:Password"], Environment.GetEnvironmentVariables()["X_SECRET"]
                    return element.ArgumentList.Arguments.Count == 1 && Literal(element.ArgumentList.Arguments[0].Expression) is { } key
                        ? IsSecretKey(key) ? ReturnedText.Secret : ReturnedText.Plain
                        : Read(element.Expression, depth);
                case InvocationExpressionSyntax invocation:
                    return Invocation(invocation, depth);
                case ObjectCreationExpressionSyntax creation when creation.ArgumentList is not null:
                    return ReadAll(creation.ArgumentList.Arguments.Select(a => a.Expression), depth);
                case AwaitExpressionSyntax awaited:
                    return Read(awaited.Expression, depth);
                default:
                    return ReturnedText.Plain;
            }
        }

        private ReturnedText ReadAll(IEnumerable<ExpressionSyntax> expressions, int depth)
        {
            var result = ReturnedText.Plain;
            foreach (var expression in expressions)
            {
                result |= Read(expression, depth);
            }

            return result;
        }

        private ReturnedText MemberAccess(MemberAccessExpressionSyntax access, int depth)
        {
            var name = access.Name.Identifier.ValueText;
            if (NonTextMembers.Contains(name))
            {
                return ReturnedText.Plain;
            }

            if (access.Expression is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return Identifier(name, depth);
            }

            // _options.ClientSecret: the member's name; its type when the receiver is a member or parameter of known type.
            if (IsSecretName(name))
            {
                var owner = access.Expression is IdentifierNameSyntax receiver ? TypeOf(receiver.Identifier.ValueText) : null;
                var member = owner is null ? null : FindMember(owner, name);
                return member is null || CarriesText(TypeOfMember(member), name) ? ReturnedText.Secret : ReturnedText.Plain;
            }

            // secret.Value, task.Result: the receiver's value itself.
            return name is "Value" or "Result" ? Read(access.Expression, depth) : ReturnedText.Plain;
        }

        private ReturnedText Invocation(InvocationExpressionSyntax invocation, int depth)
        {
            var (receiver, name) = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => (access.Expression, access.Name.Identifier.ValueText),
                IdentifierNameSyntax identifier => ((ExpressionSyntax?)null, identifier.Identifier.ValueText),
                GenericNameSyntax generic => (null, generic.Identifier.ValueText),
                _ => (null, string.Empty),
            };

            if (name.Length == 0 || name == "nameof" || IsAboutOrSafe(name))
            {
                return ReturnedText.Plain;
            }

            var arguments = invocation.ArgumentList.Arguments;

            // Secrets.Get("X_SECRET"), GetConnectionString("Db"), GetEnvironmentVariable("DB_PASSWORD"), GetValue<string>("Smtp:Password")
            if ((name == "Get" && receiver is IdentifierNameSyntax { Identifier.ValueText: "Secrets" }) || name == "GetConnectionString")
            {
                return ReturnedText.Secret;
            }

            if (name is "GetEnvironmentVariable" or "GetValue" or "GetRequiredValue" or "GetSection")
            {
                return arguments.Any(a => Literal(a.Expression) is { } key && IsSecretKey(key)) ? ReturnedText.Secret : ReturnedText.Plain;
            }

            // GetApiKey(), LoadPassword(): a method named for a secret returns one.
            if (IsSecretName(name))
            {
                return ReturnedText.Secret;
            }

            if (!TextBuilders.Contains(name))
            {
                return ReturnedText.Plain;
            }

            var result = receiver is null ? ReturnedText.Plain : Read(receiver, depth);
            return result | ReadAll(arguments.Select(a => a.Expression), depth);
        }

        // A simple name: a parameter, a local of this body (whose initialiser is read in turn), or a member of the type.
        private ReturnedText Identifier(string name, int depth)
        {
            if (_member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == name)
                    {
                        return IsSecretName(name) && CarriesText(parameter.Type, name) ? ReturnedText.Secret : ReturnedText.Plain;
                    }
                }
            }

            var local = FindLocal(name);
            if (local is not null)
            {
                if (local.Parent is VariableDeclarationSyntax { Type: PredefinedTypeSyntax predefined } && !predefined.Keyword.IsKind(SyntaxKind.StringKeyword) &&
                    !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword) && !(IsNumericCredentialName(name) && IsIntegral(predefined)))
                {
                    return ReturnedText.Plain;
                }

                if (IsSecretName(name))
                {
                    return local.Initializer?.Value is LiteralExpressionSyntax ? ReturnedText.Plain : ReturnedText.Secret;
                }

                return depth < MaxLocalDepth && local.Initializer is { } initializer ? Read(initializer.Value, depth + 1) : ReturnedText.Plain;
            }

            var member = FindMember(_member.ContainingType, name);
            if (member is null)
            {
                // Not resolved from syntax (a local of an enclosing scope, a static import): the name is the evidence.
                return IsSecretName(name) ? ReturnedText.Secret : ReturnedText.Plain;
            }

            if (member.IsStatic && member is IFieldSymbol { IsConst: true })
            {
                return ReturnedText.Plain;
            }

            if (IsSecretName(name) && CarriesText(TypeOfMember(member), name))
            {
                return ReturnedText.Secret;
            }

            return PayloadNames.Contains(name) && !member.IsStatic && CarriesText(TypeOfMember(member), name) ? ReturnedText.Payload : ReturnedText.Plain;
        }

        private VariableDeclaratorSyntax? FindLocal(string name)
        {
            foreach (var node in _declaration.DescendantNodes())
            {
                if (node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == name)
                {
                    return declarator;
                }
            }

            return null;
        }

        private ITypeSymbol? TypeOf(string name)
        {
            if (_member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == name)
                    {
                        return parameter.Type;
                    }
                }
            }

            return FindMember(_member.ContainingType, name) is { } member ? TypeOfMember(member) : null;
        }

        private static ISymbol? FindMember(ITypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol or IPropertySymbol or IMethodSymbol)
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        private static ITypeSymbol? TypeOfMember(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };

        private bool CarriesText(ITypeSymbol? type, string name) =>
            !ValueFlow.IsNonTextType(type) || (ValueFlow.IsIntegral(type) && IsNumericCredentialName(name));

        private bool IsSecretName(string name) => _names.IsCredentialName(name) && !SensitiveNames.IsSanitized(name);

        private bool IsNumericCredentialName(string name) => SensitiveNames.IsNumericCredential(name, _names);

        private bool IsSecretKey(string key) => _naming.IsSecret(key) || _names.IsCredentialName(key);

        private static bool IsIntegral(PredefinedTypeSyntax type) =>
            type.Keyword.Kind() is SyntaxKind.IntKeyword or SyntaxKind.LongKeyword or SyntaxKind.ShortKeyword or SyntaxKind.UIntKeyword or SyntaxKind.ULongKeyword;

        private static string? Literal(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

        // Calls that hash, mask, encrypt or test a value, or tell something about it: their result is not its text.
        private static bool IsAboutOrSafe(string name)
        {
            if (SensitiveNames.IsSafeFormMethod(name))
            {
                return true;
            }

            if (name is "GetHashCode" or "GetType")
            {
                return true;
            }

            var words = IdentifierWords.Split(name);
            return words.Count > 0 && AboutWords.Contains(words[0]);
        }
    }
}
