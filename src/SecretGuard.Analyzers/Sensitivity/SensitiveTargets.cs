using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// The sensitivity model's target side: follows a value forward within its method — through conversions, arithmetic,
/// concatenation, interpolation, calls that return something made from it (<c>ToString</c>, <c>string.Join</c>,
/// <c>Convert.ToBase64String</c>, LINQ), builders and collections it is added to, and locals — until it reaches
/// something sensitive: a variable, field, property or parameter with a sensitive name, the return of a method with a
/// sensitive name, a key/IV/salt/nonce of a cryptographic API, or a character picked from a character set
/// (<c>chars[rnd.Next(n)]</c>: a token or password being built).
/// </summary>
internal static class SensitiveTargets
{
    private const string CryptographyNamespace = "System.Security.Cryptography";

    // Parameters and properties of System.Security.Cryptography that take secret or must-be-unpredictable bytes.
    private static readonly HashSet<string> CryptoInputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "key", "rgbKey", "rgbIV", "iv", "salt", "nonce", "password", "ikm", "keyMaterial", "inputKeyMaterial", "pseudorandomKey",
    };

    /// <summary>What sensitive thing <paramref name="value"/> reaches ("the value of 'apiKey'"), or null.</summary>
    public static string? Find(IOperation value, CredentialNames names, CancellationToken cancellationToken) =>
        Reach(value, names, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

    /// <summary>What sensitive thing the contents of <paramref name="symbol"/> reach (a buffer filled by <c>NextBytes</c>), or null.</summary>
    public static string? FindFromSymbol(ISymbol symbol, IOperation within, CredentialNames names, CancellationToken cancellationToken)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        return SymbolReached(symbol, ValueFlow.Root(within), names, visited, 0, cancellationToken);
    }

    private static string? Reach(IOperation value, CredentialNames names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > ValueFlow.MaxDepth)
        {
            return null;
        }

        var parent = value.Parent;
        switch (parent)
        {
            case null:
                return null;
            case IConversionOperation or IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation or
                IConditionalOperation or ICoalesceOperation or IArrayInitializerOperation or IArrayCreationOperation or
                ISwitchExpressionArmOperation or ISwitchExpressionOperation or IUnaryOperation:
                return parent is IConditionalOperation conditional && conditional.Condition == value ? null : Reach(parent, names, visited, depth, cancellationToken);
            case { Kind: NewerOperations.CollectionExpression or NewerOperations.Spread }:
                // [.. bytes] or a params collection of .NET 9+: the collection carries the value on.
                return Reach(parent, names, visited, depth, cancellationToken);
            case IBinaryOperation binary:
                // Comparisons and tests (rnd.Next(100) < 5) decide, they do not carry the value.
                return binary.Type?.SpecialType == SpecialType.System_Boolean ? null : Reach(parent, names, visited, depth, cancellationToken);
            case IArrayElementReferenceOperation element when element.ArrayReference != value:
                // chars[rnd.Next(chars.Length)]: a character picked from a character set.
                return element.ArrayReference.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }
                    ? "a character picked from a character set"
                    : Reach(parent, names, visited, depth, cancellationToken);
            case IArgumentOperation argument:
                return ArgumentReached(argument, names, visited, depth, cancellationToken);
            case IInvocationOperation invocation when invocation.Instance == value:
                // rnd.Next().ToString("x"), bytes.AsSpan()
                return invocation.TargetMethod.ReturnsVoid || invocation.Type?.SpecialType == SpecialType.System_Boolean ? null : Reach(invocation, names, visited, depth, cancellationToken);
            case IPropertyReferenceOperation property when property.Instance == value:
                return property.Property.Name is "Length" or "Count" ? null : Reach(property, names, visited, depth, cancellationToken);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return SymbolReached(declarator.Symbol, ValueFlow.Root(declarator), names, visited, depth, cancellationToken);
            case IAssignmentOperation assignment when assignment.Value == value:
                return TargetReached(assignment.Target, names, visited, depth, cancellationToken);
            case IReturnOperation:
                return ReturnReached(parent, names, visited, depth, cancellationToken);
            default:
                return null;
        }
    }

    private static string? ArgumentReached(IArgumentOperation argument, CredentialNames names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return null;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        var ns = method?.ContainingType?.ContainingNamespace?.ToDisplayString();
        if (ns == CryptographyNamespace && CryptoInputs.Contains(parameter.Name))
        {
            return "the '" + parameter.Name + "' of " + method!.ContainingType.Name;
        }

        if (names.IsCredentialName(parameter.Name) && parameter.Type.SpecialType != SpecialType.System_Boolean)
        {
            return "the '" + parameter.Name + "' parameter of " + (method?.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method?.Name);
        }

        switch (argument.Parent)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                // "ABC...xyz0-9"[rnd.Next(62)]: a character picked from a character set.
                return indexer.Property.ContainingType?.SpecialType == SpecialType.System_String
                    ? "a character picked from a character set"
                    : Reach(indexer, names, visited, depth, cancellationToken);
            case IInvocationOperation invocation:
                // sb.Append(c), list.Add(c): the receiver collects the value.
                if (invocation.Instance is { } receiver && ValueFlow.IsAccumulation(invocation.TargetMethod.Name) &&
                    (ReferencedSymbol(receiver) ?? ValueFlow.AccumulatingLocal(invocation)) is { } collector)
                {
                    return SymbolReached(collector, ValueFlow.Root(invocation), names, visited, depth + 1, cancellationToken);
                }

                return invocation.TargetMethod.ReturnsVoid ? null : Reach(invocation, names, visited, depth, cancellationToken);
            case IObjectCreationOperation creation:
                return Reach(creation, names, visited, depth, cancellationToken);
            default:
                return null;
        }
    }

    private static string? TargetReached(IOperation target, CredentialNames names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case IArrayElementReferenceOperation element:
                // buffer[i] = (byte)rnd.Next(256): the array holds it.
                return ReferencedSymbol(element.ArrayReference) is { } array ? SymbolReached(array, ValueFlow.Root(target), names, visited, depth + 1, cancellationToken) : null;
            case IPropertyReferenceOperation property when property.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == CryptographyNamespace &&
                                                           CryptoInputs.Contains(property.Property.Name):
                return property.Property.ContainingType.Name + "." + property.Property.Name;
            default:
                return ReferencedSymbol(target) is { } symbol ? SymbolReached(symbol, ValueFlow.Root(target), names, visited, depth + 1, cancellationToken) : null;
        }
    }

    private static string? SymbolReached(ISymbol symbol, IOperation root, CredentialNames names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        if (names.IsCredentialName(symbol.Name))
        {
            return "the value of '" + symbol.Name + "'";
        }

        if (symbol is not ILocalSymbol local || depth > ValueFlow.MaxDepth || !visited.Add(local))
        {
            return null;
        }

        foreach (var read in ValueFlow.ReadsOf(local, root))
        {
            if (Reach(read, names, visited, depth + 1, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? ReturnReached(IOperation returned, CredentialNames names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    // Select(_ => chars[rnd.Next(n)]): the lambda's results become the call's result.
                    return lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation argument } ? ArgumentReached(argument, names, visited, depth, cancellationToken) : null;
                case ILocalFunctionOperation localFunction:
                    return names.IsCredentialName(localFunction.Symbol.Name) ? "the return value of '" + localFunction.Symbol.Name + "'" : null;
            }
        }

        var member = returned.SemanticModel?.GetEnclosingSymbol(returned.Syntax.SpanStart);
        var name = member switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
            IMethodSymbol method => method.Name,
            _ => null,
        };
        return name is not null && names.IsCredentialName(name) ? "the return value of '" + name + "'" : null;
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => ValueFlow.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property when !property.Property.IsIndexer => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };
}
