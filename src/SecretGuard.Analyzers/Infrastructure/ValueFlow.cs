using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Infrastructure
{
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
        public static IEnumerable<IOperation> ValuesWrittenTo(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.GetVariableInitializer();
                        if (initializer is not null)
                        {
                            yield return initializer.Value;
                        }

                        break;
                    case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                        yield return assignment.Value;
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation call } argument
                        when OutLocal(argument.Value) is { } target && SymbolEqualityComparer.Default.Equals(target, local):
                        // Secrets.TryGet("X_SECRET", out var value): the argument stands for what the call writes.
                        yield return argument;
                        break;
                    case IInvocationOperation call
                        when IsAccumulation(call.TargetMethod.Name) && AccumulatingLocal(call) is { } receiver && SymbolEqualityComparer.Default.Equals(receiver, local):
                        // sb.Append(secret), parts.Add(secret): the receiver now holds the value.
                        foreach (var argument in call.Arguments)
                        {
                            yield return argument.Value;
                        }

                        break;
                }
            }
        }

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

        private static ILocalSymbol? OutLocal(IOperation value) => value switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
            _ => null,
        };

        /// <summary>The places <paramref name="local"/> is read (not written) in the method.</summary>
        public static IEnumerable<ILocalReferenceOperation> ReadsOf(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                    !reference.IsDeclaration && !(reference.Parent is IAssignmentOperation { } assignment && assignment.Target == reference && assignment is ISimpleAssignmentOperation))
                {
                    yield return reference;
                }
            }
        }

        /// <summary>Methods that add their argument to the receiver: <c>StringBuilder.Append</c>, <c>List.Add</c>, ...</summary>
        public static bool IsAccumulation(string methodName) =>
            methodName is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Add" or "AddRange" or "Push" or "Enqueue" or "Write";

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

            return type is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable && IsNonTextType(nullable.TypeArguments[0]);
        }
    }
}
