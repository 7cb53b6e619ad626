using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Analyzers.Rules.SecretInLog;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0004: a secret reaches a log or console sink — Microsoft.Extensions.Logging (<c>Log*</c> extensions,
/// <c>ILogger.Log</c>, <c>BeginScope</c>, <c>LoggerMessage.Define</c> delegates, <c>[LoggerMessage]</c> methods),
/// Serilog, NLog, log4net, <c>Console</c> (and <c>Console.Out</c>/<c>Error</c>), <c>Debug</c>, <c>Trace</c> — or
/// becomes an exception's message. What is secret is the sensitivity model's call (<see cref="SensitiveValues"/>).
/// Sink types are resolved once per compilation; the model runs only on the arguments of a sink.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInLogAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: how the fix turns the carrier into text for <c>Secrets.Redact</c>: <c>string</c>, <c>reference</c> or <c>value</c>.</summary>
    public const string CarrierKindProperty = "CarrierKind";

    private static readonly string[] LoggerTypeNames =
    {
        "Microsoft.Extensions.Logging.LoggerExtensions",
        "Microsoft.Extensions.Logging.ILogger",
        "Serilog.Log",
        "Serilog.ILogger",
        "NLog.ILogger",
        "NLog.ILoggerBase",
        "NLog.Logger",
        "log4net.ILog",
        "System.Diagnostics.Debug",
        "System.Diagnostics.Trace",
        "System.Diagnostics.TraceSource",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretInLog);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var loggerTypes = LoggerTypeNames
                .Select(compilation.GetTypeByMetadataName)
                .Where(type => type is not null)
                .Cast<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var sinks = new Sinks(
                loggerTypes,
                compilation.GetTypeByMetadataName("System.Console"),
                compilation.GetTypeByMetadataName("System.IO.TextWriter"),
                compilation.GetTypeByMetadataName("System.Exception"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"),
                compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute"));
            // Sinks beyond loggers (telemetry, ambient log properties, error responses): SinkCatalog.
            var catalog = SinkCatalog.For(compilation);
            if (!sinks.Any && !catalog.Any)
            {
                return;
            }

            var values = SensitiveValues.For(compilation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, catalog, values), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, sinks, catalog, values), OperationKind.ObjectCreation);
            if (catalog.HasAssignmentSinks)
            {
                start.RegisterOperationAction(c => AnalyzeAssignment(c, catalog, values), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, Sinks sinks, SinkCatalog catalog, SensitiveValues values)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var description = sinks.Describe(invocation);
        var sink = description is not null ? new SinkCall(description, SinkFamily.Log) : catalog.Describe(invocation);
        if (sink is null)
        {
            return;
        }

        Report(context, LoggedValues.Of(invocation.Arguments, sink, catalog), sink.Description, values);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, Sinks sinks, SinkCatalog catalog, SensitiveValues values)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Arguments.Length == 0 && creation.Initializer is null)
        {
            return;
        }

        if (sinks.IsException(creation.Type))
        {
            // The message of an exception: its arguments as given (a params array value by value).
            var messageValues = new List<LoggedValue>();
            foreach (var argument in creation.Arguments)
            {
                var candidates = NewerOperations.ValuesOf(argument);
                messageValues.AddRange(candidates.Select(candidate => new LoggedValue(candidate, null)));
            }

            Report(context, messageValues, "the message of " + creation.Type!.Name, values);
            return;
        }

        // new ProblemDetails { Detail = ..., Extensions = { ... } }, new EventTelemetry { Properties = { ... } }, new ActivityTagsCollection { ... }
        if (catalog.DescribeCreation(creation.Type) is { } sink)
        {
            Report(context, LoggedValues.OfCreation(creation, sink, catalog), sink.Description, values);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SinkCatalog catalog, SensitiveValues values)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target.Kind != OperationKind.PropertyReference || catalog.DescribeAssignment(assignment) is not { } found)
        {
            return;
        }

        Report(context, LoggedValues.OfValue(assignment.Value, found.Key, found.Sink, catalog), found.Sink.Description, values);
    }

    private static void Report(OperationAnalysisContext context, List<LoggedValue> loggedValues, string sink, SensitiveValues values)
    {
        if (loggedValues.Count == 0)
        {
            return;
        }

        var tree = context.Operation.Syntax.SyntaxTree;
        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree));
        var reported = new HashSet<SyntaxNode>();
        foreach (var logged in loggedValues)
        {
            // Each value is judged on its own, so each secret gets its own squiggle and fix. A value written under a
            // secret's name (a key, a member, a template hole) is judged as if it were a variable of that name.
            var carrier = values.FindCarrier(logged.Value, logged.Rendering, settings.SensitiveNames, settings.SecretNaming, context.CancellationToken) ??
                          (SecretNameEvidence.IsSecretName(logged.Name, settings.SensitiveNames, settings.SecretNaming)
                              ? SecretNameEvidence.Carrier(logged.Value, values, settings.SensitiveNames, settings.SecretNaming, context.CancellationToken)
                              : null);
            if (carrier is null || carrier.IsImplicit || carrier.Syntax.SyntaxTree != tree || !reported.Add(carrier.Syntax))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(CarrierKindProperty, CarrierKind(carrier.Type));
            var diagnostic = SecretReporter.Create(DiagnosticDescriptors.SecretInLog, carrier.Syntax.GetLocation(), settings, properties, Shorten(carrier.Syntax.ToString()), sink);
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static string CarrierKind(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_String ? "string" : type?.IsValueType == true ? "value" : "reference";

    private static string Shorten(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>The sink types of one compilation and how to recognise a call to one.</summary>
    private sealed class Sinks
    {
        private readonly ImmutableHashSet<INamedTypeSymbol> _loggerTypes;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _melLogger;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly ConcurrentDictionary<ITypeSymbol, TypeRole> _roles = new ConcurrentDictionary<ITypeSymbol, TypeRole>(DefinitionIdentityComparer.Instance);
        private readonly Func<ITypeSymbol, TypeRole> _computeRole;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _loggerMessageMethods = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<IMethodSymbol, bool> _isLoggerMessageMethod;

        public Sinks(ImmutableHashSet<INamedTypeSymbol> loggerTypes, INamedTypeSymbol? console, INamedTypeSymbol? textWriter, INamedTypeSymbol? exception, INamedTypeSymbol? melLogger, INamedTypeSymbol? loggerMessageAttribute)
        {
            _loggerTypes = loggerTypes;
            _console = console;
            _textWriter = textWriter;
            Exception = exception;
            _melLogger = melLogger;
            _loggerMessageAttribute = loggerMessageAttribute;
            _computeRole = ComputeRole;
            _isLoggerMessageMethod = method => method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _loggerMessageAttribute));
        }

        [Flags]
        private enum TypeRole
        {
            None = 0,
            Logger = 1,
            Console = 2,
            TextWriter = 4,
            Exception = 8,
        }

        public INamedTypeSymbol? Exception { get; }

        public bool Any => !_loggerTypes.IsEmpty || _console is not null || Exception is not null;

        /// <summary>What the call writes to ("ILogger.LogInformation", "Console.WriteLine"), or null when it is not a sink.</summary>
        public string? Describe(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            // LoggerMessage.Define<T1, ...>(...) gives an Action<ILogger, T1, ..., Exception?>; calling it logs T1... Told by
            // the constructed type's arguments, so before the cache of roles, which is keyed by definitions.
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                return IsLoggerDelegate(type) ? "a LoggerMessage.Define delegate" : null;
            }

            var role = RoleOf(type);
            if ((role & TypeRole.Logger) != 0)
            {
                return type.Name + "." + method.Name;
            }

            if ((role & TypeRole.Console) != 0)
            {
                return method.Name.StartsWith("Write", StringComparison.Ordinal) ? "Console." + method.Name : null;
            }

            // Console.Out.WriteLine(...), Console.Error.Write(...)
            if ((role & TypeRole.TextWriter) != 0 && method.Name.StartsWith("Write", StringComparison.Ordinal) &&
                invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } stream &&
                SymbolEqualityComparer.Default.Equals(stream.Property.ContainingType, _console))
            {
                return "Console." + stream.Property.Name + "." + method.Name;
            }

            // [LoggerMessage(...)] static partial void LogLogin(ILogger logger, string password);
            // Only a partial method can be one: the generator writes its body. Checked first, it spares a lookup per call.
            if (_loggerMessageAttribute is not null && method.MethodKind == MethodKind.Ordinary && method.IsPartialDefinition &&
                _loggerMessageMethods.GetOrAdd(method, _isLoggerMessageMethod))
            {
                return "the [LoggerMessage] method " + method.Name;
            }

            return null;
        }

        public bool IsException(ITypeSymbol? type) => type is not null && (RoleOf(type) & TypeRole.Exception) != 0;

        // What a type is to this rule, worked out once per type definition: a code base calls the same types' methods over
        // and over. Every role below holds for all constructions of a generic type alike (interfaces and base classes are
        // compared by definition), so the definition is the key, compared by reference.
        private TypeRole RoleOf(ITypeSymbol type) => _roles.GetOrAdd(type.OriginalDefinition, _computeRole);

        private bool IsLoggerDelegate(INamedTypeSymbol type) =>
            _melLogger is not null && type is { IsGenericType: true, TypeKind: TypeKind.Delegate } &&
            type.TypeArguments.Length > 0 && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], _melLogger);

        private TypeRole ComputeRole(ITypeSymbol type)
        {
            var role = TypeRole.None;
            if (type is INamedTypeSymbol named && (_loggerTypes.Contains(named.OriginalDefinition) || ImplementsLogger(named)))
            {
                role |= TypeRole.Logger;
            }

            if (_console is not null && SymbolEqualityComparer.Default.Equals(type, _console))
            {
                role |= TypeRole.Console;
            }

            if (_textWriter is not null && InheritsFrom(type, _textWriter))
            {
                role |= TypeRole.TextWriter;
            }

            if (Exception is not null && InheritsFrom(type, Exception))
            {
                role |= TypeRole.Exception;
            }

            return role;
        }

        private bool ImplementsLogger(INamedTypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Interface || type.IsStatic)
            {
                return false;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (_loggerTypes.Contains(@interface.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
