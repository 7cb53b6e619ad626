using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.SecretReads;

/// <summary>
/// Bulk reads: enumerated environment variables or env-file entries filtered on the secret suffix
/// (<c>key.EndsWith("_SECRET")</c>). Entries KEPT on that test with their value (<c>secrets[key] = entry.Value</c>,
/// <c>.Where(e => e.Key.EndsWith("_SECRET")).ToDictionary(e => e.Key, e => e.Value)</c>) are read around
/// <c>Secrets.Get</c>. Entries SKIPPED on it (<c>continue</c>, <c>!EndsWith</c>), kept by name only, redacted, only tested,
/// or read through <c>Secrets.Get</c> are the correct pattern.
/// </summary>
internal static class KeptSecretEntries
{
    private const int MaxWalk = 12;

    /// <summary>Whether the code around the suffix test <paramref name="endsWith"/> keeps the secret entries' values.</summary>
    public static bool KeepsValues(IInvocationOperation endsWith, SecretReadTypes types)
    {
        var positive = true;
        IOperation current = endsWith;
        for (var i = 0; i < MaxWalk; i++)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation:
                    break;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    positive = !positive;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } when positive:
                    // if (key.EndsWith("_SECRET") && value.Length > 0): still only secret entries pass.
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr }:
                    // if (key.EndsWith("_SECRET") || ...) keeps secret entries; if (!key.EndsWith("_SECRET") || ...) continue; too.
                    break;
                case IConditionalOperation conditional when conditional.Condition == current:
                    return KeepsIn(Scope(conditional, positive), types);
                case IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation filter } } when positive:
                    return FilterKeeps(filter, types);
                default:
                    return false;
            }

            current = parent;
        }

        return false;
    }

    // The code that runs for the secret entries: the branch taken when the test says "secret", or, after
    // "if (!key.EndsWith(...)) continue;", the rest of the block.
    private static List<IOperation> Scope(IConditionalOperation conditional, bool positive)
    {
        var scope = new List<IOperation>();
        var branch = positive ? conditional.WhenTrue : conditional.WhenFalse;
        if (branch is not null && !IsJump(branch))
        {
            scope.Add(branch);
        }
        else if (!positive && conditional.WhenFalse is null && IsJump(conditional.WhenTrue) && conditional.Parent is IBlockOperation block)
        {
            var after = false;
            foreach (var statement in block.Operations)
            {
                if (after)
                {
                    scope.Add(statement);
                }

                after |= statement == conditional;
            }
        }

        return scope;
    }

    private static bool IsJump(IOperation operation) => operation switch
    {
        IBranchOperation or IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: 1 } block => IsJump(block.Operations[0]),
        _ => false,
    };

    // .Where(e => e.Key.EndsWith("_SECRET")), .First(...): the whole query and, when it is stored, every use of it.
    private static bool FilterKeeps(IAnonymousFunctionOperation filter, SecretReadTypes types)
    {
        if (filter.Parent is not IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } ||
            call.TargetMethod.Name is not ("Where" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"))
        {
            return false;
        }

        IOperation query = call;
        for (var i = 0; i < 32; i++)
        {
            var parent = query.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                query = parent;
                parent = query.Parent;
            }

            if (parent is IInvocationOperation next && next.Instance == query)
            {
                query = next;
            }
            else if (parent is IArgumentOperation argument && ConfigurationBuilders.IsExtensionReceiver(argument))
            {
                query = argument.Parent!;
            }
            else
            {
                break;
            }
        }

        var scope = new List<IOperation> { Statement(query) };
        if (query.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var read in ValueFlow.ReadsOf(declarator.Symbol, ValueFlow.Root(query)))
            {
                scope.Add(Statement(read));
            }
        }

        return KeepsIn(scope, types);
    }

    private static IOperation Statement(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null and not IBlockOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    // Whether the code reads an entry's value (and not through Secrets.Get, which decrypts).
    private static bool KeepsIn(List<IOperation> scope, SecretReadTypes types)
    {
        var keeps = false;
        foreach (var operation in scope)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IInvocationOperation call && SecretReadTypes.Is(call.TargetMethod.ContainingType, types.Secrets))
                {
                    return false;
                }

                keeps = keeps || (ValueRead(descendant, types) is { } read && !OnlyTested(read));
            }
        }

        return keeps;
    }

    /// <summary>The operation that yields an entry's value, or null: <c>entry.Value</c>, <c>parts[1]</c>, <c>line[(eq + 1)..]</c>, <c>line.Substring(eq + 1)</c>, <c>GetEnvironmentVariable(key)</c>.</summary>
    private static IOperation? ValueRead(IOperation operation, SecretReadTypes types)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { Name: "Value" } property }
                when SecretReadTypes.Is(property.ContainingType, types.DictionaryEntry) || SecretReadTypes.Is(property.ContainingType.OriginalDefinition, types.KeyValuePair):
                return operation;
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when element.Indices[0].ConstantValue is { HasValue: true, Value: 1 } &&
                                                                                     element.Type?.SpecialType == SpecialType.System_String:
                return operation;
            case IRangeOperation { LeftOperand: not null, RightOperand: null } range when range.Parent is { Type.SpecialType: SpecialType.System_String } slice:
                return slice;
            case IInvocationOperation { TargetMethod: { Name: "Substring", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 1 }:
                return operation;
            case IInvocationOperation { Arguments.Length: >= 1 } call when call.Arguments[0].Value.ConstantValue.HasValue == false &&
                                                                         ((call.TargetMethod.Name == "GetEnvironmentVariable" && SecretReadTypes.Is(call.TargetMethod.ContainingType, types.Environment)) ||
                                                                          (call.TargetMethod.Name == "GetString" && SecretReadTypes.Is(call.TargetMethod.ContainingType, types.DotNetEnv))):
                return operation;
            default:
                return null;
        }
    }

    // A value only tested (a deployment check that the value is encrypted, a length check) is not kept.
    private static bool OnlyTested(IOperation read)
    {
        var current = read;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        var consumer = current.Parent is IArgumentOperation argument ? argument.Parent : current.Parent;
        return consumer switch
        {
            // value.StartsWith("PROD_ENC:"), string.IsNullOrEmpty(value); not dictionary.TryAdd(key, value), which keeps it.
            IInvocationOperation call when call.Instance == current || (call.TargetMethod.IsStatic && call.TargetMethod.ContainingType.SpecialType == SpecialType.System_String) =>
                call.Type?.SpecialType != SpecialType.System_Void && ValueFlow.IsNonTextType(call.Type),
            IPropertyReferenceOperation property when property.Instance == current => ValueFlow.IsNonTextType(property.Type),
            IBinaryOperation binary => ValueFlow.IsNonTextType(binary.Type),
            IIsPatternOperation or IIsTypeOperation => true,
            _ => false,
        };
    }
}
