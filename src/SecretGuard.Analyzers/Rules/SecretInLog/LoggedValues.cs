using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>
/// What a sink receives, value by value, each with the name it is written under: the values of a <c>params</c> array,
/// template holes (<c>"Issued {AccessToken}", t</c>), name/value parameters (<c>SetTag("api_key", k)</c>,
/// <c>PushProperty("ApiKey", k)</c>), key/value state (dictionary and collection initializers, <c>KeyValuePair</c>s,
/// tuples, anonymous objects, a local collection filled with <c>Add</c> or an indexer), and for sinks that serialise
/// objects (telemetry, error responses) the arguments and initializers of the objects they are given.
/// </summary>
internal static class LoggedValues
{
    private const int MaxDepth = 4;

    // Parameter names under which an API takes the name of the value that follows it: SetTag(key, value),
    // PushProperty(name, value), ForContext(propertyName, value), Property(propertyName, propertyValue), Set(item, value).
    private static readonly string[] KeyParameterNames = { "key", "name", "propertyName", "propertyKey", "item", "tagName", "attributeName", "keyName" };

    /// <summary>The values of a sink call's arguments.</summary>
    public static List<LoggedValue> Of(ImmutableArray<IArgumentOperation> arguments, SinkCall sink, SinkCatalog catalog)
    {
        var values = new List<LoggedValue>();
        List<string>? holes = null;
        var position = -1; // values after the template: 0, 1, ...
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var renderings = MessageTemplateRendering.For(arguments); // {@X} destructures X, {X} renders it as text
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (holes is null && argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter &&
                MessageTemplateHoles.IsTemplateParameter(parameter.Name) && argument.Value.ConstantValue is { HasValue: true, Value: string template })
            {
                holes = MessageTemplateHoles.Parse(template);
                position = 0;
                continue;
            }

            // A params array or (C# 13, .NET 9+) params collection: each value on its own.
            var elements = NewerOperations.ValuesOf(argument);
            var pairKey = PairKey(arguments, argument);
            var index = 0;
            foreach (var element in elements)
            {
                string? name = pairKey;
                if (holes is not null && position >= 0)
                {
                    name ??= MessageTemplateHoles.HoleFor(holes, position);
                    position++;
                }

                Expand(element, name, sink, catalog, values, visited, 0, renderings.Of(argument, index++));
            }
        }

        return values;
    }

    /// <summary>The values an object is built with (a ProblemDetails, a telemetry item, a tag collection that is itself a sink).</summary>
    public static List<LoggedValue> OfCreation(IObjectCreationOperation creation, SinkCall sink, SinkCatalog catalog)
    {
        var values = new List<LoggedValue>();
        ExpandCreation(creation, sink, catalog, values, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
        return values;
    }

    /// <summary>The values of one value written under a key (<c>telemetry.Properties["k"] = v</c>).</summary>
    public static List<LoggedValue> OfValue(IOperation value, string? name, SinkCall sink, SinkCatalog catalog)
    {
        var values = new List<LoggedValue>();
        Expand(value, name, sink, catalog, values, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
        return values;
    }

    private static void Expand(IOperation value, string? name, SinkCall sink, SinkCatalog catalog, List<LoggedValue> into, HashSet<ISymbol> visited, int depth, Rendering rendering = Rendering.Text)
    {
        into.Add(new LoggedValue(value, name, rendering));
        if (depth >= MaxDepth)
        {
            return;
        }

        switch (ValueFlow.Unwrap(value))
        {
            case IObjectCreationOperation creation when !catalog.ReportsItself(creation.Type) && creation.Type?.SpecialType != SpecialType.System_String &&
                                                        (sink.ReadsWholeObjects || catalog.IsKeyValueType(creation.Type)):
                ExpandCreation(creation, sink, catalog, into, visited, depth + 1);
                break;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation member } assignment)
                    {
                        Expand(assignment.Value, member.Property.Name, sink, catalog, into, visited, depth + 1);
                    }
                }

                break;
            case IArrayCreationOperation { Initializer: { } array }:
                foreach (var element in array.ElementValues)
                {
                    Expand(element, null, sink, catalog, into, visited, depth + 1);
                }

                break;
            case ITupleOperation { Elements.Length: 2 } tuple when tuple.Elements[0].ConstantValue is { HasValue: true, Value: string key }:
                Expand(tuple.Elements[1], key, sink, catalog, into, visited, depth + 1);
                break;
            case IInvocationOperation { TargetMethod.IsStatic: true } factory when factory.TargetMethod.Name == "Create" && catalog.IsKeyValueType(factory.Type):
                // KeyValuePair.Create("AccessToken", value)
                ExpandArguments(factory.Arguments, sink, catalog, into, visited, depth + 1);
                break;
            case ILocalReferenceOperation local when catalog.IsKeyValueType(local.Type) && !catalog.ReportsItself(local.Type) && visited.Add(local.Local):
                // (a local tag list reports its own Add calls and indexers)
                ExpandLocalCollection(local, sink, catalog, into, visited, depth + 1);
                break;
        }
    }

    private static void ExpandCreation(IObjectCreationOperation creation, SinkCall sink, SinkCatalog catalog, List<LoggedValue> into, HashSet<ISymbol> visited, int depth)
    {
        ExpandArguments(creation.Arguments, sink, catalog, into, visited, depth);
        if (creation.Initializer is { } initializer)
        {
            ExpandInitializer(initializer, sink, catalog, into, visited, depth);
        }
    }

    private static void ExpandArguments(ImmutableArray<IArgumentOperation> arguments, SinkCall sink, SinkCatalog catalog, List<LoggedValue> into, HashSet<ISymbol> visited, int depth)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.IsImplicit && argument.Value.ConstantValue.HasValue)
            {
                continue; // a default value the code does not write
            }

            // new KeyValuePair<string, object>("ApiKey", k): the key names the value; otherwise the parameter does (new SignInState(user, password)).
            var name = PairKey(arguments, argument) ?? argument.Parameter?.Name;
            Expand(argument.Value, name, sink, catalog, into, visited, depth);
        }
    }

    private static void ExpandInitializer(IObjectOrCollectionInitializerOperation initializer, SinkCall sink, SinkCatalog catalog, List<LoggedValue> into, HashSet<ISymbol> visited, int depth)
    {
        foreach (var part in initializer.Initializers)
        {
            switch (part)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                    // ["ApiKey"] = key, Detail = "...", Password = p
                    Expand(assignment.Value, target.Property.IsIndexer ? IndexKey(target) : target.Property.Name, sink, catalog, into, visited, depth);
                    break;
                case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment:
                    Expand(assignment.Value, field.Field.Name, sink, catalog, into, visited, depth);
                    break;
                case IMemberInitializerOperation { Initializer: { } nested }:
                    // Extensions = { ["k"] = v }, Properties = { ["k"] = v }
                    ExpandInitializer(nested, sink, catalog, into, visited, depth);
                    break;
                case IInvocationOperation add:
                    // { "ApiKey", key } and { new("ApiKey", key) } call Add
                    ExpandArguments(add.Arguments, sink, catalog, into, visited, depth);
                    break;
            }
        }
    }

    // var scope = new List<KeyValuePair<string, object>> { ... }; scope.Add(new("RefreshToken", v)); scope["Password"] = p;
    private static void ExpandLocalCollection(ILocalReferenceOperation local, SinkCall sink, SinkCatalog catalog, List<LoggedValue> into, HashSet<ISymbol> visited, int depth)
    {
        foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local)))
        {
            if (ValueFlow.Unwrap(written) is IObjectCreationOperation creation && !catalog.ReportsItself(creation.Type))
            {
                ExpandCreation(creation, sink, catalog, into, visited, depth);
            }
        }

        foreach (var read in ValueFlow.ReadsOf(local.Local, ValueFlow.Root(local)))
        {
            switch (read.Parent)
            {
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "Insert" } add when add.Instance == read:
                    ExpandArguments(add.Arguments, sink, catalog, into, visited, depth);
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == read &&
                                                                                     indexer.Parent is ISimpleAssignmentOperation assignment && assignment.Target == indexer:
                    Expand(assignment.Value, IndexKey(indexer), sink, catalog, into, visited, depth);
                    break;
            }
        }
    }

    private static string? IndexKey(IPropertyReferenceOperation indexer) =>
        indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? key : null;

    // SetTag("api_key", value): a string key parameter followed by a value parameter; the key's constant names the value.
    private static string? PairKey(ImmutableArray<IArgumentOperation> arguments, IArgumentOperation valueArgument)
    {
        if (valueArgument.Parameter is not { Ordinal: > 0 } valueParameter || valueParameter.Name.IndexOf("alue", System.StringComparison.Ordinal) < 0)
        {
            return null;
        }

        foreach (var keyArgument in arguments)
        {
            if (keyArgument.Parameter is { Type.SpecialType: SpecialType.System_String } keyParameter && keyParameter.Ordinal == valueParameter.Ordinal - 1)
            {
                return System.Array.IndexOf(KeyParameterNames, keyParameter.Name) >= 0 && keyArgument.Value.ConstantValue is { HasValue: true, Value: string key } ? key : null;
            }
        }

        return null;
    }
}
