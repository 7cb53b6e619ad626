using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// Operations of C# 12/13 that Roslyn 4.8, which the analyzers are built on, has no symbols for, but that the compiler of
/// a .NET 9/10 SDK hands them: collection expressions (<c>[a, b, ..rest]</c>) and the <c>params</c> collections of C# 13,
/// which .NET 9+ declares on <c>Console.WriteLine</c>, <c>TextWriter.WriteLine</c>, <c>string.Format</c>,
/// <c>string.Concat</c>, <c>string.Join</c> and more (<c>params ReadOnlySpan&lt;object?&gt;</c>). Recognised by their
/// numeric kinds, which Roslyn never renumbers; their elements are the operation's children.
/// SecretGuard.Analyzers.CurrentCompiler.Tests checks the numbers against today's Roslyn.
/// </summary>
internal static class NewerOperations
{
    /// <summary><c>ArgumentKind.ParamCollection</c> (Roslyn 4.11+): the argument's value is a collection expression of the values.</summary>
    public const ArgumentKind ParamCollectionArgument = (ArgumentKind)4;

    /// <summary><c>OperationKind.CollectionExpression</c> (Roslyn 4.9+).</summary>
    public const OperationKind CollectionExpression = (OperationKind)0x7F;

    /// <summary><c>OperationKind.Spread</c> (Roslyn 4.9+): <c>..values</c> inside a collection expression; its child is the spread collection.</summary>
    public const OperationKind Spread = (OperationKind)0x80;

    /// <summary>
    /// The values an argument stands for: each element of a <c>params</c> array or <c>params</c> collection, so each
    /// secret among them gets its own report; otherwise the argument's value itself.
    /// </summary>
    public static ImmutableArray<IOperation> ValuesOf(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        if (argument.ArgumentKind == ParamCollectionArgument && argument.Value.Kind == CollectionExpression)
        {
            return Elements(argument.Value);
        }

        return ImmutableArray.Create(argument.Value);
    }

    /// <summary>The elements of a collection expression (a spread element stands for the collection it spreads).</summary>
    public static ImmutableArray<IOperation> Elements(IOperation collectionExpression)
    {
        var elements = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var child in collectionExpression.ChildOperations)
        {
            elements.Add(child.Kind == Spread ? FirstChild(child) ?? child : child);
        }

        return elements.ToImmutable();
    }

    private static IOperation? FirstChild(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            return child;
        }

        return null;
    }
}
