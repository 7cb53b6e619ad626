using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Sensitivity;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>
/// A value logged under a secret's name — a key (<c>["ApiKey"] = key</c>, <c>PushProperty("AccessToken", t)</c>), a
/// member (<c>new { ApiKey = presented }</c>) or a template hole (<c>"Issued {AccessToken}", t</c>) — is judged as if it
/// were a variable of that name: reported when it can be the secret's text as it stands. Not when its type cannot hold
/// text (numbers, booleans, enums, dates, a CancellationToken), it is a constant, its own name says what else it is
/// (<c>keyId</c>, <c>tokenPrefix</c>, <c>maskedKey</c>), or it is derived from a secret (a hash, a mask, a length, a
/// truncation, any call that takes the secret and returns something else). Unknown shapes stay quiet.
/// </summary>
internal static class SecretNameEvidence
{
    private const int MaxDepth = 6;

    /// <summary>
    /// Whether <paramref name="name"/> names a secret the way a variable's name would (the sensitivity lexicon, the secret
    /// suffix). A bare <c>Token</c> does not vouch for another value: lexers, template engines, paging and cancellation
    /// all have tokens; <c>AccessToken</c>, <c>RefreshToken</c>, <c>decryptedToken</c> do.
    /// </summary>
    public static bool IsSecretName(string? name, CredentialNames names, SecretNaming naming) =>
        !string.IsNullOrEmpty(name) && (names.IsCredentialName(name) || naming.IsSecret(name!)) && !SensitiveNames.IsSanitized(name!) &&
        !IsBareToken(name!);

    private static bool IsBareToken(string name)
    {
        var words = IdentifierWords.Split(name);
        return words.Count == 1 && words[0] is "token" or "tokens";
    }

    /// <summary>The operation in <paramref name="value"/> that would be the secret under a secret's name, or null.</summary>
    public static IOperation? Carrier(IOperation value, SensitiveValues values, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken) =>
        Judge(value, new Context(values, names, naming, cancellationToken), new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);

    private static IOperation? Judge(IOperation value, Context context, HashSet<ISymbol> visited, int depth, bool bytes = false)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var operation = ValueFlow.Unwrap(value);
        if (depth > MaxDepth || operation.ConstantValue.HasValue || !(CanHoldText(operation.Type) || (bytes && IsBytes(operation.Type))))
        {
            return null;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (!MayBeTheSecret(local.Local.Name, context))
                {
                    return null;
                }

                if (!visited.Add(local.Local))
                {
                    return null;
                }

                var writes = ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local));
                if (writes.Count == 0)
                {
                    return local; // a foreach or pattern variable: what it holds is not visible here
                }

                foreach (var written in writes)
                {
                    if (written is IArgumentOperation || Judge(written, context, visited, depth + 1, bytes) is not null)
                    {
                        return local;
                    }
                }

                return null;
            case IParameterReferenceOperation parameter:
                return NamedCarrier(parameter, parameter.Parameter.Name, context);
            case IFieldReferenceOperation field:
                return NamedCarrier(field, field.Field.Name, context);
            case IPropertyReferenceOperation property:
                // headers["X-Api-Key"], vault[tenant]: a lookup's result is what the name says it is.
                return property.Property.IsIndexer ? property : NamedCarrier(property, property.Property.Name, context);
            case IAwaitOperation awaited:
                return Judge(awaited.Operation, context, visited, depth + 1, bytes) is null ? null : awaited;
            case IInvocationOperation invocation:
                return InvocationCarrier(invocation, context, visited, depth);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && Judge(interpolation.Expression, context, visited, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Judge(binary.LeftOperand, context, visited, depth + 1) ?? Judge(binary.RightOperand, context, visited, depth + 1);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Judge(conditional.WhenTrue, context, visited, depth + 1) ?? Judge(whenFalse, context, visited, depth + 1);
            case ICoalesceOperation coalesce:
                return Judge(coalesce.Value, context, visited, depth + 1) ?? Judge(coalesce.WhenNull, context, visited, depth + 1);
            default:
                return null;
        }
    }

    private static IOperation? NamedCarrier(IOperation reference, string name, Context context) =>
        MayBeTheSecret(name, context) ? reference : null;

    // A neutral name (t, value, presented, current) lets the key or hole speak for the value. A name that says what else
    // the value is (keyId, tokenPrefix, maskedKey) does not; nor does a secret's own name: the sensitivity model has
    // already judged that value by it (a lexer's token, a local given only constants) and found it not secret.
    private static bool MayBeTheSecret(string name, Context context) =>
        !context.Names.NamesSomethingAbout(name) && !SensitiveNames.IsSanitized(name) && !context.Names.IsCredentialName(name);

    private static IOperation? InvocationCarrier(IInvocationOperation invocation, Context context, HashSet<ISymbol> visited, int depth)
    {
        var method = invocation.TargetMethod;

        // mask(token), Redact(key), SHA256.HashData(...): a safe form. A delegate is known by its variable's name.
        var name = method.MethodKind == MethodKind.DelegateInvoke ? ReferencedName(invocation.Instance) ?? method.Name : method.Name;
        if (SensitiveNames.IsSafeFormMethod(name) || context.Values.IsSafeForm(method) || context.Names.NamesSomethingAbout(name))
        {
            return null;
        }

        // The value in another form: token.ToString(), key.Trim(), Convert.ToBase64String(bytes), Encoding.UTF8.GetString(bytes).
        if (invocation.Instance is { } receiver && invocation.Arguments.Length == 0 && method.Name is "ToString" or "Trim" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant")
        {
            return Judge(receiver, context, visited, depth + 1) is null ? null : invocation;
        }

        if ((method.ContainingType?.Name == "Convert" && method.Name is "ToBase64String" or "ToHexString" or "ToHexStringLower") ||
            (method.Name == "GetString" && method.ContainingType?.Name.EndsWith("Encoding", System.StringComparison.Ordinal) == true))
        {
            return invocation.Arguments.Length > 0 && Judge(invocation.Arguments[0].Value, context, visited, depth + 1, bytes: true) is not null ? invocation : null;
        }

        // A piece of it (Substring, Remove, a slice) is a deliberate truncation.
        if (method.Name is "Substring" or "Remove" or "Slice" or "AsSpan" or "AsMemory" or "PadLeft" or "PadRight" or "Split")
        {
            return null;
        }

        // Any other call that takes a secret returns something made from it (a fingerprint, a key id): not the secret.
        if (invocation.Instance is { } instance && method.MethodKind != MethodKind.DelegateInvoke && IsSecret(instance, context))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsSecret(argument.Value, context))
            {
                return null;
            }
        }

        return invocation;
    }

    private static bool IsSecret(IOperation value, Context context) =>
        context.Values.FindCarrier(value, context.Names, context.Naming, context.CancellationToken) is not null;

    private static string? ReferencedName(IOperation? operation) => operation is null ? null : ValueFlow.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };

    /// <summary>Text, or a type that is text when logged: string, char[], StringBuilder, spans of char, StringValues (a header's value); and a Task of one.</summary>
    private static bool CanHoldText(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
            generic.Name is "Task" or "ValueTask" or "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory")
        {
            var argument = generic.TypeArguments[0];
            return generic.Name.StartsWith("Task", System.StringComparison.Ordinal) || generic.Name.StartsWith("ValueTask", System.StringComparison.Ordinal)
                ? CanHoldText(argument)
                : argument.SpecialType == SpecialType.System_Char;
        }

        return type.SpecialType == SpecialType.System_String ||
               (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char }) ||
               (type.Name == "StringBuilder" && type.ContainingNamespace?.ToDisplayString() == "System.Text") ||
               (type.Name == "StringValues" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Primitives");
    }

    private static bool IsBytes(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } ||
        (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && generic.TypeArguments[0].SpecialType == SpecialType.System_Byte &&
         generic.Name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory") ||
        (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task && IsBytes(task.TypeArguments[0]));

    private readonly struct Context
    {
        public Context(SensitiveValues values, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken)
        {
            Values = values;
            Names = names;
            Naming = naming;
            CancellationToken = cancellationToken;
        }

        public SensitiveValues Values { get; }

        public CredentialNames Names { get; }

        public SecretNaming Naming { get; }

        public CancellationToken CancellationToken { get; }
    }
}
