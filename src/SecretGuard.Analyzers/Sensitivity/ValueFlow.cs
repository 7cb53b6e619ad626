using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// Intra-method value flow through locals, used by the sensitivity model in both directions: what a local was given
/// (initialiser, assignments, <c>+=</c>, <c>out</c> arguments) and where it is read. Flow-insensitive on purpose: a local
/// that ever holds a secret is treated as holding it everywhere in the method, which is what a reviewer would assume.
/// </summary>
internal static class ValueFlow
{
    /// <summary>How many locals a value may pass through before the model stops following it.</summary>
    public const int MaxDepth = 8;

    /// <summary>The outermost operation of the member body <paramref name="operation"/> belongs to.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The values written to <paramref name="local"/> in the method: initialisers, assignments, compound assignments, out arguments.</summary>
    public static IReadOnlyList<IOperation> ValuesWrittenTo(ILocalSymbol local, IOperation root) =>
        LocalIndex.For(root).Writes.TryGetValue(local, out var writes) ? writes : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

    /// <summary>The places <paramref name="local"/> is read (not written) in the method.</summary>
    public static IReadOnlyList<ILocalReferenceOperation> ReadsOf(ILocalSymbol local, IOperation root) =>
        LocalIndex.For(root).Reads.TryGetValue(local, out var reads) ? reads : (IReadOnlyList<ILocalReferenceOperation>)Array.Empty<ILocalReferenceOperation>();

    /// <summary>
    /// The collection a <c>foreach</c> variable takes its values from (<c>configuration.AsEnumerable()</c> for <c>entry</c>
    /// in <c>foreach (var entry in configuration.AsEnumerable())</c>) and the loop, or null when the local is not one.
    /// </summary>
    public static IForEachLoopOperation? IterationOf(ILocalSymbol local, IOperation root) =>
        LocalIndex.For(root).Iterations.TryGetValue(local, out var loop) ? loop : null;

    /// <summary>Methods that add their argument to the receiver: <c>StringBuilder.Append</c>, <c>List.Add</c>, ...</summary>
    public static bool IsAccumulation(string methodName) =>
        methodName is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Add" or "AddRange" or "Push" or "Enqueue" or "Write";

    /// <summary>The local a chain of accumulating calls adds to: <c>sb</c> in <c>sb.Append("k=").Append(secret)</c>.</summary>
    public static ILocalSymbol? AccumulatingLocal(IInvocationOperation call)
    {
        var receiver = call.Instance;
        while (receiver is IInvocationOperation inner && IsAccumulation(inner.TargetMethod.Name))
        {
            receiver = inner.Instance;
        }

        return receiver is ILocalReferenceOperation local ? local.Local : null;
    }

    private static ILocalSymbol? IterationLocal(IOperation variable) => variable switch
    {
        IVariableDeclaratorOperation declarator => declarator.Symbol,
        ILocalReferenceOperation reference => reference.Local,
        _ => null,
    };

    private static ILocalSymbol? OutLocal(IOperation value) => value switch
    {
        ILocalReferenceOperation reference => reference.Local,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
        _ => null,
    };

    /// <summary>Skips implicit and explicit conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// Every local's writes and reads in one member body, found in one walk and kept as long as the body's operation
    /// tree lives: every sink or random call of a method asks about the same locals, and a walk per question would
    /// make a long method quadratic.
    /// </summary>
    private sealed class LocalIndex
    {
        private static readonly ConditionalWeakTable<IOperation, LocalIndex> Cache = new ConditionalWeakTable<IOperation, LocalIndex>();

        private LocalIndex(IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        Add(Writes, declarator.Symbol, initializer.Value);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(Writes, target.Local, assignment.Value);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation } argument when OutLocal(argument.Value) is { } written:
                        // Secrets.TryGet("X_SECRET", out var value): the argument stands for what the call writes.
                        Add(Writes, written, argument);
                        break;
                    case IForEachLoopOperation loop when IterationLocal(loop.LoopControlVariable) is { } iterated:
                        Iterations[iterated] = loop;
                        break;
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } part } partAssignment
                        when part.Property.IsIndexer || part.Property.ContainingType.Name == "UriBuilder":
                        // values[key] = secret, builder.Query = $"key={apiKey}": the collection or builder now holds the value.
                        Add(Writes, owner.Local, partAssignment.Value);
                        break;
                    case IInvocationOperation call when IsAccumulation(call.TargetMethod.Name) && AccumulatingLocal(call) is { } collector:
                        // sb.Append(secret), parts.Add(secret): the receiver now holds the value.
                        foreach (var argument in call.Arguments)
                        {
                            Add(Writes, collector, argument.Value);
                        }

                        break;
                }

                if (operation is ILocalReferenceOperation reference && !reference.IsDeclaration &&
                    !(reference.Parent is ISimpleAssignmentOperation assigned && assigned.Target == reference))
                {
                    Add(Reads, reference.Local, reference);
                }
            }
        }

        public Dictionary<ILocalSymbol, List<IOperation>> Writes { get; } = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        public Dictionary<ILocalSymbol, IForEachLoopOperation> Iterations { get; } = new Dictionary<ILocalSymbol, IForEachLoopOperation>(SymbolEqualityComparer.Default);

        public Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> Reads { get; } = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);

        public static LocalIndex For(IOperation root) => Cache.GetValue(root, r => new LocalIndex(r));

        private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local, T value)
        {
            if (!map.TryGetValue(local, out var list))
            {
                map[local] = list = new List<T>();
            }

            list.Add(value);
        }
    }

    /// <summary>Whether a value of this type cannot carry a secret's text: numbers, booleans, enums, dates (lengths, counts, null checks).</summary>
    public static bool IsNonTextType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
            case SpecialType.System_Void:
                return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable
            ? IsNonTextType(nullable.TypeArguments[0])
            : IsWellKnownNonSecretStruct(type);
    }

    /// <summary>Whether the type is a whole number (or a nullable one): the only numbers that can be a PIN or a one-time code.</summary>
    public static bool IsIntegral(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.TypeKind != TypeKind.Enum && type?.SpecialType is SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or
            SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;
    }

    // Structs whose names often hold a credential word but whose values never hold a credential: a cancellation token,
    // a duration or point in time (TokenLifetime, SecretRefreshInterval), a logging event id (FailedToHandleCredential).
    private static bool IsWellKnownNonSecretStruct(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Struct &&
        type.Name is "CancellationToken" or "TimeSpan" or "DateTimeOffset" or "EventId" &&
        type.ContainingNamespace?.ToDisplayString() is "System.Threading" or "System" or "Microsoft.Extensions.Logging";
}
