using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>
/// The sinks beyond loggers that SG0004 owns (docs/rules/SG0004.md, "Sinks it owns"): tracing and monitoring SDKs
/// (<c>Activity</c> tags, baggage and events, metric tags, OpenTelemetry spans, Application Insights, Sentry), the
/// ambient-property APIs of the logging libraries (Serilog <c>LogContext</c>, NLog <c>ScopeContext</c>, MDLC and
/// <c>LogEventBuilder</c>, log4net context properties and stacks), and error responses to clients (ASP.NET Core
/// <c>Results</c>, <c>ControllerBase</c>, <c>ProblemDetails</c>, an error body written to <c>HttpResponse</c>).
/// Types are resolved by metadata name once per compilation; a library the compilation does not reference costs nothing.
/// </summary>
internal sealed class SinkCatalog
{
    private static readonly Definition[] InvocationSinks =
    {
        // Tracing and metrics (System.Diagnostics.DiagnosticSource, part of the shared framework).
        new("System.Diagnostics.Activity", SinkFamily.Telemetry, "SetTag", "AddTag", "SetBaggage", "AddBaggage", "AddEvent", "SetStatus", "AddException"),
        new("System.Diagnostics.ActivitySource", SinkFamily.Telemetry, "StartActivity", "CreateActivity"),
        new("System.Diagnostics.ActivityTagsCollection", SinkFamily.Telemetry, "Add"),
        new("System.Diagnostics.TagList", SinkFamily.Telemetry, "Add"),
        new("System.Diagnostics.Metrics.Counter`1", SinkFamily.Telemetry, "Add"),
        new("System.Diagnostics.Metrics.UpDownCounter`1", SinkFamily.Telemetry, "Add"),
        new("System.Diagnostics.Metrics.Histogram`1", SinkFamily.Telemetry, "Record"),
        new("System.Diagnostics.Metrics.Gauge`1", SinkFamily.Telemetry, "Record"),

        // OpenTelemetry's span API.
        new("OpenTelemetry.Trace.TelemetrySpan", SinkFamily.Telemetry, "SetAttribute", "AddEvent"),
        new("OpenTelemetry.Trace.SpanAttributes", SinkFamily.Telemetry, "Add"),
        new("OpenTelemetry.Trace.Tracer", SinkFamily.Telemetry, "StartActiveSpan", "StartSpan", "StartRootSpan"),
        new("OpenTelemetry.Baggage", SinkFamily.Telemetry, "SetBaggage"),

        // Application Insights.
        new("Microsoft.ApplicationInsights.TelemetryClient", SinkFamily.Telemetry,
            "TrackEvent", "TrackTrace", "TrackException", "TrackDependency", "TrackRequest", "TrackAvailability", "TrackPageView", "Track"),

        // Sentry.
        new("Sentry.SentrySdk", SinkFamily.Telemetry, "CaptureMessage", "AddBreadcrumb"),
        new("Sentry.IHub", SinkFamily.Telemetry, "CaptureMessage", "AddBreadcrumb"),
        new("Sentry.IHasTags", SinkFamily.Telemetry, "SetTag", "SetTags"),
        new("Sentry.IHasExtra", SinkFamily.Telemetry, "SetExtra", "SetExtras"),
        new("Sentry.Scope", SinkFamily.Telemetry, "SetTag", "SetExtra", "AddBreadcrumb"),

        // Ambient log properties.
        new("Serilog.Context.LogContext", SinkFamily.Log, "PushProperty", "Push"),
        new("NLog.ScopeContext", SinkFamily.Log, "PushProperty", "PushProperties", "PushNestedState", "PushNestedStateProperties"),
        new("NLog.MappedDiagnosticsLogicalContext", SinkFamily.Log, "Set", "SetScoped"),
        new("NLog.MappedDiagnosticsContext", SinkFamily.Log, "Set", "SetScoped"),
        new("NLog.NestedDiagnosticsLogicalContext", SinkFamily.Log, "Push", "PushObject"),
        new("NLog.NestedDiagnosticsContext", SinkFamily.Log, "Push"),
        new("NLog.LogEventBuilder", SinkFamily.Log, "Message", "Property", "Properties"),
        new("NLog.Fluent.LogBuilder", SinkFamily.Log, "Message", "Property", "Properties"),
        new("log4net.Util.ThreadContextStack", SinkFamily.Log, "Push"),
        new("log4net.Util.LogicalThreadContextStack", SinkFamily.Log, "Push"),

        // Error responses. Success responses (Ok, Created) are not here: a token or key endpoint hands the credential to
        // the client it belongs to on purpose.
        new("Microsoft.AspNetCore.Http.Results", SinkFamily.ErrorResponse, "Problem", "ValidationProblem", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "InternalServerError"),
        new("Microsoft.AspNetCore.Http.TypedResults", SinkFamily.ErrorResponse, "Problem", "ValidationProblem", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "InternalServerError"),
        new("Microsoft.AspNetCore.Http.Results", SinkFamily.ErrorResponse, Gate.StatusCodeArgument, "Json", "Text", "Content"),
        new("Microsoft.AspNetCore.Http.TypedResults", SinkFamily.ErrorResponse, Gate.StatusCodeArgument, "Json", "Text", "Content"),
        new("Microsoft.AspNetCore.Mvc.ControllerBase", SinkFamily.ErrorResponse, "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Unauthorized", "Problem", "ValidationProblem"),
        new("Microsoft.AspNetCore.Mvc.ControllerBase", SinkFamily.ErrorResponse, Gate.StatusCodeArgument, "StatusCode"),
        new("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", SinkFamily.ErrorResponse, Gate.ErrorStatusSet, "WriteAsync"),
        new("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions", SinkFamily.ErrorResponse, Gate.ErrorStatusSet, "WriteAsJsonAsync"),
    };

    // Types whose every instance is sent somewhere: what they are built with is reported where they are built.
    private static readonly Definition[] CreationSinks =
    {
        new("Microsoft.AspNetCore.Mvc.ProblemDetails", SinkFamily.ErrorResponse),
        new("Microsoft.AspNetCore.Mvc.BadRequestObjectResult", SinkFamily.ErrorResponse),
        new("Microsoft.AspNetCore.Mvc.UnauthorizedObjectResult", SinkFamily.ErrorResponse),
        new("Microsoft.AspNetCore.Mvc.NotFoundObjectResult", SinkFamily.ErrorResponse),
        new("Microsoft.AspNetCore.Mvc.ConflictObjectResult", SinkFamily.ErrorResponse),
        new("Microsoft.AspNetCore.Mvc.UnprocessableEntityObjectResult", SinkFamily.ErrorResponse),
        new("Microsoft.ApplicationInsights.DataContracts.ISupportProperties", SinkFamily.Telemetry),
        new("System.Diagnostics.ActivityTagsCollection", SinkFamily.Telemetry),
        new("System.Diagnostics.TagList", SinkFamily.Telemetry),
        new("OpenTelemetry.Trace.SpanAttributes", SinkFamily.Telemetry),
        new("Serilog.Core.Enrichers.PropertyEnricher", SinkFamily.Log),
    };

    // Indexers whose assignments are sinks: log4net's context properties (LogicalThreadContext.Properties["k"] = v).
    private static readonly Definition[] IndexerSinks =
    {
        new("log4net.Util.LogicalThreadContextProperties", SinkFamily.Log),
        new("log4net.Util.ThreadContextProperties", SinkFamily.Log),
        new("log4net.Util.GlobalContextProperties", SinkFamily.Log),
        new("System.Diagnostics.ActivityTagsCollection", SinkFamily.Telemetry),
        new("System.Diagnostics.TagList", SinkFamily.Telemetry),
    };

    private readonly List<(INamedTypeSymbol Type, Definition Definition)> _invocationSinks = new();
    private readonly List<(INamedTypeSymbol Type, Definition Definition)> _creationSinks = new();
    private readonly List<(INamedTypeSymbol Type, Definition Definition)> _indexerSinks = new();
    private readonly INamedTypeSymbol? _problemDetails;
    private readonly INamedTypeSymbol? _supportProperties;
    private readonly INamedTypeSymbol? _httpResponse;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _keyValuePair;
    private readonly INamedTypeSymbol? _enumerable;
    // Every method name a resolved invocation sink has: most calls of a code base are on none, and a name is cheaper to look up than a type.
    private readonly HashSet<string> _invocationMethodNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITypeSymbol, (INamedTypeSymbol Type, Definition Definition)[]> _invocationEntries = new(DefinitionIdentityComparer.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, SinkCall?> _creationEntries = new(DefinitionIdentityComparer.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, SinkCall?> _indexerEntries = new(DefinitionIdentityComparer.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _keyValueTypes = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, (INamedTypeSymbol, Definition)[]> _computeInvocationEntries;
    private readonly Func<ITypeSymbol, SinkCall?> _computeCreationEntry;
    private readonly Func<ITypeSymbol, SinkCall?> _computeIndexerEntry;
    private readonly Func<ITypeSymbol, bool> _computeKeyValueType;

    private SinkCatalog(Compilation compilation)
    {
        Resolve(compilation, InvocationSinks, _invocationSinks);
        _invocationMethodNames.UnionWith(_invocationSinks.SelectMany(sink => sink.Definition.Methods));
        Resolve(compilation, CreationSinks, _creationSinks);
        Resolve(compilation, IndexerSinks, _indexerSinks);
        _problemDetails = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProblemDetails");
        _supportProperties = compilation.GetTypeByMetadataName("Microsoft.ApplicationInsights.DataContracts.ISupportProperties");
        _httpResponse = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
        _exception = compilation.GetTypeByMetadataName("System.Exception");
        _keyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
        _enumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        _computeInvocationEntries = ComputeInvocationEntries;
        _computeCreationEntry = type => Match(type, _creationSinks) is { } found ? new SinkCall(found.Type.Name, found.Definition.Family) : null;
        _computeIndexerEntry = type => Match(type, _indexerSinks) is { } found ? new SinkCall(IndexerDescription(found.Type), found.Definition.Family) : null;
        _computeKeyValueType = ComputeKeyValueType;
    }

    private enum Gate
    {
        None,

        // Results.Json(body, statusCode: 401), StatusCode(500, body): a response only when the status is an error (>= 400).
        StatusCodeArgument,

        // Response.WriteAsync(text): an error response only when the method sets an error status (Response.StatusCode = 401).
        ErrorStatusSet,
    }

    public static SinkCatalog For(Compilation compilation) => new SinkCatalog(compilation);

    public bool Any => _invocationSinks.Count > 0 || _creationSinks.Count > 0 || _indexerSinks.Count > 0 || _problemDetails is not null || _supportProperties is not null;

    /// <summary>Whether assignments can be sinks in this compilation (ProblemDetails members, telemetry properties, log4net context properties).</summary>
    public bool HasAssignmentSinks => _indexerSinks.Count > 0 || _problemDetails is not null || _supportProperties is not null;

    /// <summary>The sink a call writes to, or null.</summary>
    public SinkCall? Describe(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is null)
        {
            return null;
        }

        // telemetry.Properties.Add("k", v), problem.Extensions.Add("k", v)
        if (method.Name is "Add" or "TryAdd" && invocation.Instance is { } instance && BagOwner(instance) is { } bag)
        {
            return bag;
        }

        if (!_invocationMethodNames.Contains(method.Name))
        {
            return null;
        }

        var entries = _invocationEntries.GetOrAdd(method.ContainingType.OriginalDefinition, _computeInvocationEntries);
        foreach (var (type, definition) in entries)
        {
            if (Array.IndexOf(definition.Methods, method.Name) < 0 || !Passes(definition.Gate, invocation))
            {
                continue;
            }

            return new SinkCall(type.Name + "." + method.Name, definition.Family);
        }

        return null;
    }

    /// <summary>The sink an object is when it is created (a ProblemDetails, a telemetry item, a tag collection), or null.</summary>
    public SinkCall? DescribeCreation(ITypeSymbol? type) =>
        type is null || _creationSinks.Count == 0 ? null : _creationEntries.GetOrAdd(type.OriginalDefinition, _computeCreationEntry);

    /// <summary>
    /// The sink an assignment writes to, with the key it writes under: <c>problem.Detail = v</c>,
    /// <c>problem.Extensions["k"] = v</c>, <c>telemetry.Properties["k"] = v</c>, <c>LogicalThreadContext.Properties["k"] = v</c>.
    /// Assignments inside an object initializer are read where the object is created.
    /// </summary>
    public (SinkCall Sink, string? Key)? DescribeAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation target || target.Instance is null or IInstanceReferenceOperation)
        {
            return null;
        }

        if (target.Property.IsIndexer)
        {
            var key = target.Arguments.Length == 1 && target.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            if (BagOwner(target.Instance) is { } bag)
            {
                return (bag, key);
            }

            return _indexerSinks.Count > 0 && target.Instance.Type is { } instanceType && _indexerEntries.GetOrAdd(instanceType.OriginalDefinition, _computeIndexerEntry) is { } indexed
                ? (indexed, key)
                : null;
        }

        // problem.Detail = ..., problem.Title = ...
        return _problemDetails is not null && target.Property.Name is "Detail" or "Title" && InheritsFrom(target.Property.ContainingType, _problemDetails)
            ? (new SinkCall("ProblemDetails." + target.Property.Name, SinkFamily.ErrorResponse), target.Property.Name)
            : null;
    }

    /// <summary>Whether an object of this type reports what it is built with where it is built (so it is not read again as a value).</summary>
    public bool ReportsItself(ITypeSymbol? type) =>
        type is not null && ((_exception is not null && InheritsFrom(type, _exception)) || DescribeCreation(type) is not null);

    /// <summary>Whether the type is a collection of key/value pairs with string keys (a dictionary, a list of KeyValuePair, a tag list) or a KeyValuePair.</summary>
    public bool IsKeyValueType(ITypeSymbol? type) => type is not null && _keyValuePair is not null && _keyValueTypes.GetOrAdd(type, _computeKeyValueType);

    private bool ComputeKeyValueType(ITypeSymbol type)
    {
        if (IsStringKeyedPair(type))
        {
            return true;
        }

        if (_enumerable is null)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, _enumerable) && IsStringKeyedPair(@interface.TypeArguments[0]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsStringKeyedPair(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _keyValuePair) &&
        named.TypeArguments[0].SpecialType == SpecialType.System_String;

    // The dictionaries that telemetry items and problem details keep: telemetry.Properties, problem.Extensions.
    private SinkCall? BagOwner(IOperation instance)
    {
        if (instance is not IPropertyReferenceOperation { Property: { IsIndexer: false } property })
        {
            return null;
        }

        if (_supportProperties is not null && property.Name == "Properties" && Implements(property.ContainingType, _supportProperties))
        {
            return new SinkCall(property.ContainingType.Name + ".Properties", SinkFamily.Telemetry);
        }

        return _problemDetails is not null && property.Name == "Extensions" && InheritsFrom(property.ContainingType, _problemDetails)
            ? new SinkCall("ProblemDetails.Extensions", SinkFamily.ErrorResponse)
            : null;
    }

    private bool Passes(Gate gate, IInvocationOperation invocation)
    {
        switch (gate)
        {
            case Gate.StatusCodeArgument:
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "statusCode")
                    {
                        return ValueFlow.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: int status } && status >= 400;
                    }
                }

                return false;
            case Gate.ErrorStatusSet:
                return SetsErrorStatus(ValueFlow.Root(invocation));
            default:
                return true;
        }
    }

    // Response.StatusCode = 401 (or StatusCodes.Status401Unauthorized) somewhere in the same method.
    private bool SetsErrorStatus(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StatusCode" } target } assignment &&
                assignment.Value.ConstantValue is { HasValue: true, Value: int status } && status >= 400 &&
                (_httpResponse is null || InheritsFrom(target.Property.ContainingType, _httpResponse)))
            {
                return true;
            }
        }

        return false;
    }

    private (INamedTypeSymbol, Definition)[] ComputeInvocationEntries(ITypeSymbol type)
    {
        List<(INamedTypeSymbol, Definition)>? found = null;
        foreach (var (sinkType, definition) in _invocationSinks)
        {
            if (IsOrDerivesFrom(type, sinkType))
            {
                (found ??= new List<(INamedTypeSymbol, Definition)>()).Add((sinkType, definition));
            }
        }

        return found?.ToArray() ?? Array.Empty<(INamedTypeSymbol, Definition)>();
    }

    private static (INamedTypeSymbol Type, Definition Definition)? Match(ITypeSymbol type, List<(INamedTypeSymbol Type, Definition Definition)> sinks)
    {
        foreach (var entry in sinks)
        {
            if (IsOrDerivesFrom(type, entry.Type))
            {
                return entry;
            }
        }

        return null;
    }

    private static string IndexerDescription(INamedTypeSymbol type) => type.Name switch
    {
        "LogicalThreadContextProperties" => "LogicalThreadContext.Properties",
        "ThreadContextProperties" => "ThreadContext.Properties",
        "GlobalContextProperties" => "GlobalContext.Properties",
        _ => type.Name,
    };

    private static bool IsOrDerivesFrom(ITypeSymbol type, INamedTypeSymbol sink) =>
        sink.TypeKind == TypeKind.Interface ? Implements(type, sink) : InheritsFrom(type, sink);

    private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface) ||
        type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, @interface));

    private static void Resolve(Compilation compilation, Definition[] definitions, List<(INamedTypeSymbol, Definition)> into)
    {
        foreach (var definition in definitions)
        {
            if (compilation.GetTypeByMetadataName(definition.MetadataName) is { } type)
            {
                into.Add((type, definition));
            }
        }
    }

    private sealed class Definition
    {
        public Definition(string metadataName, SinkFamily family, params string[] methods)
            : this(metadataName, family, Gate.None, methods)
        {
        }

        public Definition(string metadataName, SinkFamily family, Gate gate, params string[] methods)
        {
            MetadataName = metadataName;
            Family = family;
            Gate = gate;
            Methods = methods;
        }

        public string MetadataName { get; }

        public SinkFamily Family { get; }

        public Gate Gate { get; }

        public string[] Methods { get; }
    }
}
