using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// The name a literal's value is given: the variable, field, property or parameter it is assigned, initialised,
/// compared or passed to, the key it is stored under (<c>["Password"] = "..."</c>), or the method it is returned from.
/// Syntax only, except for positional arguments, whose parameter comes from the operation tree.
/// </summary>
internal static class TargetNames
{
    /// <summary>The name from syntax alone, or null (also when only the parameter of a positional argument could name it).</summary>
    public static string? Find(SyntaxNode literal) => Find(literal, out _, out _);

    /// <summary>
    /// The name from syntax alone. When the value is a positional argument, only the called method's parameter can
    /// name it: the name is null and <paramref name="positionalArgument"/> is that argument, for
    /// <see cref="ParameterTarget"/>. <paramref name="inAttribute"/> says the value is an attribute's argument.
    /// </summary>
    public static string? Find(SyntaxNode literal, out ArgumentSyntax? positionalArgument, out bool inAttribute)
    {
        positionalArgument = null;
        inAttribute = false;
        var expression = literal;
        var parent = expression.Parent;

        // Climb through what passes the value on unchanged.
        while (parent is not null)
        {
            if (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax || parent is InterpolatedStringExpressionSyntax ||
                parent is InterpolationSyntax ||
                (parent is ConditionalExpressionSyntax conditional && conditional.Condition != expression) ||
                (parent is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.AddExpression))) ||
                parent is SwitchExpressionArmSyntax || parent is SwitchExpressionSyntax ||
                parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression or (int)SyntaxKind.CollectionInitializerExpression } ||
                parent is ArrayCreationExpressionSyntax || parent is ImplicitArrayCreationExpressionSyntax ||
                parent is ExpressionElementSyntax || parent is CollectionExpressionSyntax ||
                (parent is LambdaExpressionSyntax lambda && lambda.Body == expression) ||
                IsPassThroughCall(parent) ||
                (parent is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
            {
                if (parent is SwitchExpressionArmSyntax arm && arm.Expression != expression)
                {
                    return null; // a pattern, handled as a comparison below
                }

                if (parent is SwitchExpressionSyntax switchExpression && switchExpression.GoverningExpression == expression)
                {
                    return null;
                }

                expression = parent;
                parent = parent.Parent;
                continue;
            }

            break;
        }

        switch (parent)
        {
            case EqualsValueClauseSyntax equals:
                return equals.Parent switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    ParameterSyntax parameter => parameter.Identifier.ValueText,
                    _ => null,
                };
            case AssignmentExpressionSyntax assignment when assignment.Right == expression:
                return NameOf(assignment.Left);
            case ArrowExpressionClauseSyntax arrow:
                return MemberName(arrow.Parent);
            case ReturnStatementSyntax:
                return EnclosingMemberName(parent);
            case ArgumentSyntax tupleArgument when tupleArgument.Parent is TupleExpressionSyntax tuple:
                return TupleElementName(tuple, tupleArgument);
            case ArgumentSyntax argument:
                return ArgumentTarget(argument, ref positionalArgument);
            case AttributeArgumentSyntax attributeArgument:
                inAttribute = true;
                return attributeArgument.NameEquals?.Name.Identifier.ValueText ?? attributeArgument.NameColon?.Name.Identifier.ValueText ?? AttributeTarget(attributeArgument);
            case AnonymousObjectMemberDeclaratorSyntax member:
                return member.NameEquals?.Name.Identifier.ValueText;
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                return NameOf(comparison.Left == expression ? comparison.Right : comparison.Left);
            case ConstantPatternSyntax or CaseSwitchLabelSyntax:
                return SwitchSubjectName(parent);
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression) && initializer.Expressions.Count == 2 && initializer.Expressions[1] == expression:
                return KeyName(initializer.Expressions[0]);
        }

        return null;
    }

    // ("ApiKey", "value"): the first string names the second; var (user, password) = ("admin", "pw"): the deconstruction does.
    private static string? TupleElementName(TupleExpressionSyntax tuple, ArgumentSyntax element)
    {
        var index = tuple.Arguments.IndexOf(element);
        if (element.NameColon is not null)
        {
            return element.NameColon.Name.Identifier.ValueText;
        }

        if (tuple.Parent is AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation } } &&
            index < designation.Variables.Count && designation.Variables[index] is SingleVariableDesignationSyntax single)
        {
            return single.Identifier.ValueText;
        }

        if (tuple.Parent is AssignmentExpressionSyntax { Left: TupleExpressionSyntax targets } && index < targets.Arguments.Count)
        {
            return targets.Arguments[index].Expression switch
            {
                DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable } => variable.Identifier.ValueText,
                var other => NameOf(other),
            };
        }

        // Not deconstructed: ("ApiKey", "value") pairs, where the first string names the second.
        if (index == 1 && tuple.Arguments.Count == 2 && KeyName(tuple.Arguments[0].Expression) is string key)
        {
            return key;
        }

        return null;
    }

    // Calls that hand the literal on: "pw".ToCharArray(), new Lazy<string>(() => "pw"), Task.FromResult("pw").
    private static bool IsPassThroughCall(SyntaxNode node)
    {
        switch (node)
        {
            case MemberAccessExpressionSyntax member when member.Parent is InvocationExpressionSyntax && member.Name.Identifier.ValueText is "ToCharArray" or "ToArray" or "Trim" or "AsSpan" or "AsMemory" or "ToString":
                return true;
            case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText is "ToCharArray" or "ToArray" or "Trim" or "AsSpan" or "AsMemory" or "ToString":
                return true;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: var call } } when IsWrapper(call):
                return true;
            case ArgumentListSyntax { Arguments.Count: 1, Parent: var call } when IsWrapper(call):
                return true;
            case ObjectCreationExpressionSyntax creation when IsWrapper(creation):
                return true;
            case ImplicitObjectCreationExpressionSyntax implicitCreation when IsWrapper(implicitCreation):
                return true;
            case InvocationExpressionSyntax call when IsWrapper(call):
                return true;
            default:
                return false;
        }
    }

    private static bool IsWrapper(SyntaxNode? node) => node switch
    {
        ObjectCreationExpressionSyntax creation => TypeName(creation.Type) is "Lazy" or "SecureStringWrapper",
        ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => arguments[0].Expression is LambdaExpressionSyntax,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText is "FromResult" or "Some" or "Of",
        _ => false,
    };

    private static string? ArgumentTarget(ArgumentSyntax argument, ref ArgumentSyntax? positionalArgument)
    {
        if (argument.NameColon is not null)
        {
            return argument.NameColon.Name.Identifier.ValueText;
        }

        if (argument.Parent is not BaseArgumentListSyntax list || list.Parent is null)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);

        // ("Password", "hunter2") in Add, TryAdd, Set, SetValue, ...: the first argument names the second.
        if (index == 1 && list.Arguments.Count == 2 && KeyName(list.Arguments[0].Expression) is string key && IsKeyValueCall(list.Parent))
        {
            return key;
        }

        if (list.Parent is ImplicitObjectCreationExpressionSyntax && index == 1 && list.Arguments.Count == 2 && KeyName(list.Arguments[0].Expression) is string implicitKey)
        {
            return implicitKey; // new("Smtp:Password", "...") in a KeyValuePair list
        }

        if (list.Parent is ObjectCreationExpressionSyntax creation && index == 1 && list.Arguments.Count == 2 &&
            TypeName(creation.Type) == "AuthenticationHeaderValue" && list.Arguments[0].Expression is LiteralExpressionSyntax)
        {
            return "BearerToken"; // new AuthenticationHeaderValue("Bearer", "<token>")
        }

        // token.StartsWith("whsec_"), classList.Contains("row-header"), secret.Split(":::"): a pattern searched for in a value,
        // never the value itself, whatever the parameter is called.
        if (list.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } } && IsSearchMethod(method))
        {
            return null;
        }

        // password.Equals("..."): a hardcoded comparison is a backdoor, so the literal is the credential's value.
        if (list.Parent is InvocationExpressionSyntax invocation && index == 0 && list.Arguments.Count <= 2 &&
            invocation.Expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText is "Equals" or "SequenceEqual")
        {
            return NameOf(access.Expression);
        }

        positionalArgument = argument;
        return null;
    }

    /// <summary>
    /// The name a positional argument is given by the method it is passed to: its parameter (<c>Connect(host, "pw")</c>
    /// → <c>password</c>), read from the bound tree the analyzer driver already built (<see cref="IArgumentOperation.Parameter"/>),
    /// so no semantic-model binding of its own. <paramref name="value"/> is an operation inside the argument.
    /// </summary>
    public static string? ParameterTarget(ArgumentSyntax argument, IOperation value)
    {
        if (argument.Parent is not BaseArgumentListSyntax list || list.Parent is null)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);
        IArgumentOperation? found = null;
        for (var current = value.Parent; current is not null; current = current.Parent)
        {
            // Wrappers the literal passes through first (Task.FromResult("pw")) have arguments of their own: skip them.
            // A params array's elements share one implicit argument whose syntax is the call.
            if (current is IArgumentOperation candidate &&
                (candidate.Syntax == argument || (candidate.ArgumentKind == ArgumentKind.ParamArray && candidate.Syntax == list.Parent)))
            {
                found = candidate;
                break;
            }

            if (current.Syntax == list.Parent)
            {
                return null;
            }
        }

        var parameter = found?.Parameter;
        if (parameter?.ContainingSymbol is not IMethodSymbol method)
        {
            return null; // an indexer's key, a call that did not bind
        }

        if (method.Name == "Equals" && method.IsStatic && list.Arguments.Count >= 2)
        {
            return NameOf(list.Arguments[index == 0 ? 1 : 0].Expression); // string.Equals(password, "...")
        }

        // new AzureKeyCredential("..."), new ApiKeyCredential("..."): a credential type's key or secret parameter.
        if (method.MethodKind == MethodKind.Constructor && method.ContainingType.Name.EndsWith("Credential", System.StringComparison.Ordinal) &&
            parameter.Name is "key" or "secret" or "signature" or "value")
        {
            return method.ContainingType.Name.Replace("Credential", "Secret");
        }

        // Environment.SetEnvironmentVariable("DB_PASSWORD", "...")
        if (method.Name == "SetEnvironmentVariable" && index == 1 && KeyName(list.Arguments[0].Expression) is string variable)
        {
            return variable;
        }

        return parameter.Name;
    }

    private static bool IsSearchMethod(string name) => name is "StartsWith" or "EndsWith" or "Contains" or "IndexOf" or "LastIndexOf" or "IndexOfAny" or
        "Replace" or "Split" or "Trim" or "TrimStart" or "TrimEnd" or "Remove" or "ContainsKey" or "IsMatch" or "Match" or "Matches";

    private static bool IsKeyValueCall(SyntaxNode? node)
    {
        string? name = node switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            },
            ObjectCreationExpressionSyntax creation => TypeName(creation.Type),
            _ => null,
        };
        return name is "Add" or "TryAdd" or "Set" or "SetValue" or "AddOrUpdate" or "Append" or "Put" or "KeyValuePair" or "Claim" or "SetString" or "AddParameter" or "AddWithValue";
    }

    private static string? KeyName(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    // [InlineData("user", "P@ss")] feeds the test method's parameters by position; [ApiKey("...")] names its value.
    private static string? AttributeTarget(AttributeArgumentSyntax argument)
    {
        if (argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
        {
            return null;
        }

        var attributeName = TypeName(attribute.Name) ?? string.Empty;
        if (attributeName is "InlineData" or "InlineDataAttribute" or "DataRow" or "DataRowAttribute" or "TestCase" or "TestCaseAttribute")
        {
            var index = list.Arguments.IndexOf(argument);
            var method = attribute.Parent?.Parent as MethodDeclarationSyntax;
            return method is not null && index < method.ParameterList.Parameters.Count ? method.ParameterList.Parameters[index].Identifier.ValueText : null;
        }

        return list.Arguments.Count == 1 ? attributeName : null;
    }

    private static string? SwitchSubjectName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case SwitchStatementSyntax statement:
                    return NameOf(statement.Expression);
                case SwitchExpressionSyntax expression:
                    return NameOf(expression.GoverningExpression);
                case IsPatternExpressionSyntax isPattern:
                    return NameOf(isPattern.Expression);
                case StatementSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The name an expression stands for: <c>password</c>, <c>options.Password</c>, <c>config["Jwt:Secret"]</c>, <c>GetToken()</c>.</summary>
    public static string? NameOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;
            case MemberAccessExpressionSyntax member:
                return member.Name.Identifier.ValueText;
            case MemberBindingExpressionSyntax binding:
                return binding.Name.Identifier.ValueText;
            case ConditionalAccessExpressionSyntax conditional:
                return NameOf(conditional.WhenNotNull);
            case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                return KeyName(element.ArgumentList.Arguments[0].Expression);
            case ImplicitElementAccessSyntax implicitElement when implicitElement.ArgumentList.Arguments.Count == 1:
                return KeyName(implicitElement.ArgumentList.Arguments[0].Expression);
            case InvocationExpressionSyntax invocation:
                return NameOf(invocation.Expression);
            case ParenthesizedExpressionSyntax parenthesized:
                return NameOf(parenthesized.Expression);
            case CastExpressionSyntax cast:
                return NameOf(cast.Expression);
            default:
                return null;
        }
    }

    private static string? MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        IndexerDeclarationSyntax => null,
        AccessorDeclarationSyntax accessor => MemberName(accessor.Parent?.Parent),
        _ => null,
    };

    private static string? EnclosingMemberName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax or AccessorDeclarationSyntax:
                    return MemberName(current);
                case AnonymousFunctionExpressionSyntax or TypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}
