using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Analyzers.SecretReads;
using SecretGuard.Analyzers.Sensitivity;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0006: a <c>*_SECRET</c> setting read around <c>Secrets.Get</c>, which returns ciphertext:
/// <c>Environment.GetEnvironmentVariable("X_SECRET")</c>, <c>Environment.GetEnvironmentVariables()["X_SECRET"]</c>,
/// DotNetEnv (<c>Env.GetString("X_SECRET")</c>, the entries <c>Env.Load()</c> returns), configuration built in the code from
/// environment variables or an env file without <c>AddSecretGuard()</c>, hand-written env-file readers (a member that reads
/// a file and looks a <c>*_SECRET</c> entry up), and bulk reads that keep the entries whose name ends in the suffix.
/// A name counts when every value it can take ends in a secret suffix (<see cref="EntryNameValues"/>). The fix is offered
/// where the read is one expression and the name one constant.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretReadBypassingDecryptionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the secret's entry name; present when the fix can replace the diagnostic's expression with <c>Secrets.Get</c>.</summary>
    public const string ReplaceWithProperty = "ReplaceWith";

    private const int MaxStoreDepth = 6;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretReadBypassingDecryption);

    /// <summary>
    /// A <c>*_SECRET</c> name is SecretGuard's convention only in a project that uses SecretGuard; elsewhere it is somebody
    /// else's. Analyzers cannot look at env files, so this is what the compiler sees: the package's build property
    /// (<c>SecretGuardEnabled</c>, made compiler-visible by build/SecretGuard.props, whatever its value) or a reference to
    /// the SecretGuard runtime.
    /// </summary>
    private static bool UsesSecretGuard(Compilation compilation, AnalyzerOptions options) =>
        (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.SecretGuardEnabled", out var enabled) && !string.IsNullOrWhiteSpace(enabled)) ||
        compilation.GetTypeByMetadataName("SecretGuard.Secrets") is not null;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new SecretReadTypes(start.Compilation);
            if ((types.Environment is null && types.File is null && types.DotNetEnv is null) || !UsesSecretGuard(start.Compilation, start.Options))
            {
                return;
            }

            // Per compilation and member body: what the body's raw sources lead to, found in one pass the first time a lookup
            // with a secret name asks (most bodies never do). Each finding is reported by the action of the operation it
            // sits on, so that an IDE analysing one span sees it.
            var scans = new ConditionalWeakTable<IOperation, BodyFindings>();
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types, scans), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeLookup(c, types, scans), OperationKind.PropertyReference, OperationKind.Binary, OperationKind.CaseClause, OperationKind.ConstantPattern);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SecretReadTypes types, ConditionalWeakTable<IOperation, BodyFindings> scans)
    {
        // Cheap checks first: the method's name, then its type.
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetEnvironmentVariable" when SecretReadTypes.Is(method.ContainingType, types.Environment) && invocation.Arguments.Length >= 1:
                // The overload with an EnvironmentVariableTarget reads the user or machine store, which Secrets.Get does not.
                ReportNamedRead(context, invocation, "with Environment.GetEnvironmentVariable", fixable: invocation.Arguments.Length == 1);
                break;
            case "GetString" or "GetInt" or "GetBool" or "GetDouble" when SecretReadTypes.Is(method.ContainingType, types.DotNetEnv) && invocation.Arguments.Length >= 1:
                // Env.GetString is GetEnvironmentVariable with a fallback; Env.Load() put the file's ciphertext there.
                ReportNamedRead(context, invocation, "with DotNetEnv's Env." + method.Name, fixable: method.Name == "GetString" && !HasExplicitSecondArgument(invocation));
                break;
            case "TryGetValue" or "GetValueOrDefault" or "GetValue" or "GetConnectionString" or "GetRequiredSection" or "GetSection" or
                 "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "Where" or
                 "StartsWith" or "Equals" or "ContainsKey" or "IndexOf" or "Contains" or "EndsWith":
                AnalyzeLookup(context, types, scans);
                break;
        }
    }

    // A lookup whose name may be a secret entry's: report what the body scan found on it.
    private static void AnalyzeLookup(OperationAnalysisContext context, SecretReadTypes types, ConditionalWeakTable<IOperation, BodyFindings> scans)
    {
        var operation = context.Operation;
        if (!MayLookUpByName(operation) || !HasSecretName(operation, Naming(context, operation.Syntax)))
        {
            return;
        }

        var root = ValueFlow.Root(operation);
        var findings = scans.GetValue(root, r => new BodyScan(types, r, Naming(context, r.Syntax)).Run());
        if (findings.TryGetValue(operation, out var finding))
        {
            Report(context, finding.Node, finding.Name, finding.How, finding.ReplaceWith);
        }
    }

    // The cheapest gate, run on every property reference, equality and pattern of a project: only types, no options and no
    // values. An entry name is text, so a lookup has a string where the name goes (looking through a conversion, as to the
    // object key of IDictionary's indexer). The same test opens IsSecretName; here it comes before reading the options.
    private static bool MayLookUpByName(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer => IsText(indexer.Arguments[0].Value),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison =>
            IsText(comparison.LeftOperand) || IsText(comparison.RightOperand),
        ISingleValueCaseClauseOperation clause => IsText(clause.Value),
        IConstantPatternOperation pattern => IsText(pattern.Value),
        IInvocationOperation => true,
        _ => false,
    };

    private static bool IsText(IOperation value) => ValueFlow.Unwrap(value).Type?.SpecialType is SpecialType.System_String;

    // Cheap gate before the body scan: does one of the names this operation looks up end in a secret suffix?
    private static bool HasSecretName(IOperation operation, SecretNaming naming)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer:
                return IsSecretName(indexer.Arguments[0].Value, naming);
            case IBinaryOperation comparison:
                return IsSecretName(comparison.LeftOperand, naming) || IsSecretName(comparison.RightOperand, naming);
            case ISingleValueCaseClauseOperation clause:
                return IsSecretName(clause.Value, naming);
            case IConstantPatternOperation pattern:
                return IsSecretName(pattern.Value, naming);
            case IInvocationOperation call:
                foreach (var argument in call.Arguments)
                {
                    var value = argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate } ? ComparedKey(predicate) : argument.Value;
                    if (value is not null && !ConfigurationBuilders.IsExtensionReceiver(argument) && IsSecretName(value, naming))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsSecretName(IOperation name, SecretNaming naming) =>
        ValueFlow.Unwrap(name).Type?.SpecialType == SpecialType.System_String &&
        (EntryNameValues.IsSecretEntry(name, naming, lineKey: false, out _, out _) || EntryNameValues.IsSecretEntry(name, naming, lineKey: true, out _, out _));

    private enum Source
    {
        EnvironmentVariables,
        DotNetEnv,
        Configuration,
        File,
    }

    // What raw entries an operation yields, if any: the process environment, DotNetEnv's entries, a configuration built
    // from env entries without AddSecretGuard(), or a file (File.Read*, StreamReader).
    private static Source? SourceKind(IOperation operation, SecretReadTypes types)
    {
        if (operation is IObjectCreationOperation creation)
        {
            return SecretReadTypes.Is(creation.Type, types.StreamReader) ? Source.File : null;
        }

        if (operation is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetEnvironmentVariables" when SecretReadTypes.Is(method.ContainingType, types.Environment):
                return Source.EnvironmentVariables;
            case "Load" or "LoadMulti" or "LoadContents" when SecretReadTypes.Is(method.ContainingType, types.DotNetEnv) || SecretReadTypes.Is(method.ContainingType, types.DotNetEnvOptions):
                return Source.DotNetEnv;
            case "Build" when ConfigurationBuilders.IsBuild(invocation) && ConfigurationBuilders.BuildsRawConfiguration(invocation):
                return Source.Configuration;
        }

        return (SecretReadTypes.Is(method.ContainingType, types.File) && (method.Name.StartsWith("Read", StringComparison.Ordinal) || method.Name is "OpenText" or "OpenRead")) ||
               SecretReadTypes.Is(method.ContainingType, types.StreamReader)
            ? Source.File
            : null;
    }

    // Environment.GetEnvironmentVariable(name), Env.GetString(name): the name is the first argument.
    private static void ReportNamedRead(OperationAnalysisContext context, IInvocationOperation read, string how, bool fixable)
    {
        if (EntryNameValues.IsSecretEntry(read.Arguments[0].Value, Naming(context, read.Syntax), lineKey: false, out var display, out var constant, followLocals: true))
        {
            Report(context, read.Syntax, display, how, fixable ? constant : null);
        }
    }

    // Env.GetString(name, fallback): Secrets.Get has no fallback. (The operation lists an omitted optional argument too.)
    private static bool HasExplicitSecondArgument(IInvocationOperation call) =>
        call.Arguments.Length >= 2 && call.Arguments[1].ArgumentKind != ArgumentKind.DefaultValue;

    private static bool IsAssigned(IOperation lookup) => lookup.Parent is IAssignmentOperation assignment && assignment.Target == lookup;

    /// <summary>
    /// One member body with at least one raw source, searched in one pass: where each store's entries go, the lookups of a
    /// hand-written env-file reader, and bulk reads kept on the suffix test. A lookup found twice (a body that reads a
    /// file and holds a store) is reported once.
    /// </summary>
    private sealed class BodyScan
    {
        private readonly SecretReadTypes _types;
        private readonly IOperation _root;
        private readonly SecretNaming _naming;
        private readonly BodyFindings _findings = new BodyFindings();

        public BodyScan(SecretReadTypes types, IOperation root, SecretNaming naming)
        {
            _types = types;
            _root = root;
            _naming = naming;
        }

        public BodyFindings Run()
        {
            var readsAFile = false;
            var sources = new List<(IOperation Operation, Source Kind)>();
            foreach (var operation in _root.Descendants())
            {
                if (operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation && SourceKind(operation, _types) is { } kind)
                {
                    sources.Add((operation, kind));
                    readsAFile |= kind == Source.File;
                }
            }

            foreach (var (operation, kind) in sources)
            {
                if (kind != Source.File)
                {
                    FollowStore(operation, kind, 0);
                }
            }

            if (readsAFile)
            {
                ScanFileLookups();
            }

            if (sources.Count > 0)
            {
                ScanBulkReads();
            }

            return _findings;
        }

        // Where a store's entries go: looked up by name (indexer, TryGetValue, GetValue, First(e => e.Key == name), ...),
        // converted (ToDotEnvDictionary, ToDictionary, Cast, a configuration section), or kept in a local and read later.
        private void FollowStore(IOperation store, Source kind, int depth)
        {
            if (depth > MaxStoreDepth)
            {
                return;
            }

            var use = store;
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            switch (use.Parent)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance == use:
                    ReportLookup(indexer, indexer.Arguments[0].Value, kind, indexerFix: true);
                    break;
                case IInvocationOperation call when call.Instance == use:
                    FollowCall(call, kind, depth);
                    break;
                case IArgumentOperation argument when ConfigurationBuilders.IsExtensionReceiver(argument):
                    FollowCall((IInvocationOperation)argument.Parent!, kind, depth);
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    foreach (var read in ValueFlow.ReadsOf(declarator.Symbol, _root))
                    {
                        FollowStore(read, kind, depth + 1);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == use:
                    foreach (var read in ValueFlow.ReadsOf(target.Local, _root))
                    {
                        FollowStore(read, kind, depth + 1);
                    }

                    break;
            }
        }

        private void FollowCall(IInvocationOperation call, Source kind, int depth)
        {
            switch (call.TargetMethod.Name)
            {
                case "TryGetValue" or "GetValueOrDefault" or "GetValue" or "GetConnectionString" or "GetRequiredSection":
                    if (KeyArgument(call) is { } key)
                    {
                        ReportLookup(call, key, kind, indexerFix: false);
                    }

                    break;
                case "GetSection":
                    // config.GetSection("Stripe")["Webhook_SECRET"]: a section of a raw configuration is raw too.
                    if (KeyArgument(call) is { } section && !ReportLookup(call, section, kind, indexerFix: false) && kind == Source.Configuration)
                    {
                        FollowStore(call, kind, depth + 1);
                    }

                    break;
                case "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "Where":
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate } && ComparedKey(predicate) is { } compared)
                        {
                            ReportLookup(call, compared, kind, indexerFix: false);
                        }
                    }

                    break;
                case "ToDotEnvDictionary" or "ToDictionary" or "ToImmutableDictionary" or "ToFrozenDictionary" or "ToList" or "ToArray" or "Cast" or "OfType" or "AsEnumerable":
                    FollowStore(call, kind, depth + 1);
                    break;
            }
        }

        private bool ReportLookup(IOperation lookup, IOperation name, Source kind, bool indexerFix)
        {
            if (!EntryNameValues.IsSecretEntry(name, _naming, lineKey: false, out var display, out var constant) || _findings.ContainsKey(lookup))
            {
                return false;
            }

            // Secrets.Get takes the env-file name. A configuration's key need not be one (a section's child, a variable
            // prefix cut off by AddEnvironmentVariables("APP_")): there the fix is AddSecretGuard() in the builder, by hand.
            // Env.Load().ToDotEnvDictionary()["X_SECRET"] also loads the file into the environment: the fix would drop that.
            var fixable = indexerFix && kind != Source.Configuration && constant is not null && !IsAssigned(lookup) &&
                          (kind == Source.EnvironmentVariables || (lookup is IPropertyReferenceOperation { Instance: { } instance } && ValueFlow.Unwrap(instance) is ILocalReferenceOperation));
            var how = kind switch
            {
                Source.EnvironmentVariables => "from Environment.GetEnvironmentVariables()",
                Source.DotNetEnv => "from the entries DotNetEnv's Env.Load returns",
                _ => "from a configuration built without AddSecretGuard()",
            };
            _findings.Add(lookup, new Finding(lookup.Syntax, display, how, fixable ? constant : null));
            return true;
        }

        // A member body that reads a file (File.Read*, StreamReader) and looks a *_SECRET entry up: a hand-written env-file reader.
        private void ScanFileLookups()
        {
            foreach (var operation in _root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.Name: "StartsWith" or "Equals" or "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "IndexOf" or "Contains" } call:
                        foreach (var argument in call.Arguments)
                        {
                            if (!ConfigurationBuilders.IsExtensionReceiver(argument) && ReportLineKey(call, argument.Value, fixable: false))
                            {
                                break;
                            }
                        }

                        break;
                    case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer:
                        ReportLineKey(indexer, indexer.Arguments[0].Value, fixable: indexer.Type?.SpecialType == SpecialType.System_String && !IsAssigned(indexer));
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        if (!ReportLineKey(comparison, comparison.RightOperand, fixable: false))
                        {
                            ReportLineKey(comparison, comparison.LeftOperand, fixable: false);
                        }

                        break;
                    case ISingleValueCaseClauseOperation clause:
                        ReportLineKey(clause, clause.Value, fixable: false);
                        break;
                    case IConstantPatternOperation pattern:
                        ReportLineKey(pattern, pattern.Value, fixable: false);
                        break;
                }
            }
        }

        // The whole read is reported where the fix can replace it with Secrets.Get; the name otherwise.
        private bool ReportLineKey(IOperation lookup, IOperation name, bool fixable)
        {
            if (!EntryNameValues.IsSecretEntry(name, _naming, lineKey: true, out var display, out var constant) || _findings.ContainsKey(lookup))
            {
                return false;
            }

            fixable = fixable && constant is not null;
            _findings.Add(lookup, new Finding(fixable ? lookup.Syntax : name.Syntax, display, "from a raw env-file read", fixable ? constant : null));
            return true;
        }

        // Enumerated environment variables or env-file entries kept on the suffix test (key.EndsWith("_SECRET")) with their value.
        private void ScanBulkReads()
        {
            foreach (var operation in _root.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: { Name: "EndsWith", ContainingType.SpecialType: SpecialType.System_String }, Instance: not null, Arguments.Length: >= 1 } endsWith &&
                    EntryNameValues.IsSecretEntry(endsWith.Arguments[0].Value, _naming, lineKey: false, out var suffix, out _) &&
                    KeptSecretEntries.KeepsValues(endsWith, _types) &&
                    !_findings.ContainsKey(endsWith))
                {
                    _findings.Add(endsWith, new Finding(endsWith.Syntax, "*" + suffix, "from entries kept by that name test", null));
                }
            }
        }
    }

    // The name argument of a lookup call: the first argument that is not an extension method's receiver.
    private static IOperation? KeyArgument(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (!ConfigurationBuilders.IsExtensionReceiver(argument))
            {
                return argument.Value;
            }
        }

        return null;
    }

    // e => e.Key == "X_SECRET", kv => kv.Key.Equals(name), kv => string.Equals(kv.Key, "X_SECRET", ...): the compared name.
    private static IOperation? ComparedKey(IAnonymousFunctionOperation predicate)
    {
        foreach (var operation in predicate.Body.Descendants())
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison:
                    if (IsKey(comparison.LeftOperand))
                    {
                        return comparison.RightOperand;
                    }

                    if (IsKey(comparison.RightOperand))
                    {
                        return comparison.LeftOperand;
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Equals" } equals:
                    if (equals.Instance is not null && IsKey(equals.Instance) && equals.Arguments.Length >= 1)
                    {
                        return equals.Arguments[0].Value;
                    }

                    if (equals.Instance is null && equals.Arguments.Length >= 2)
                    {
                        return IsKey(equals.Arguments[0].Value) ? equals.Arguments[1].Value : IsKey(equals.Arguments[1].Value) ? equals.Arguments[0].Value : null;
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsKey(IOperation operation) => ValueFlow.Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "Key" };

    // The project's secret suffixes (SecretGuardSecretSuffixes), as the build and the env-file checks use them.
    private static SecretNaming Naming(OperationAnalysisContext context, SyntaxNode node) =>
        AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree)).SecretNaming;

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string name, string how, string? replaceWith)
    {
        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree));
        var properties = replaceWith is not null ? ImmutableDictionary<string, string?>.Empty.Add(ReplaceWithProperty, replaceWith) : null;
        var diagnostic = SecretReporter.Create(DiagnosticDescriptors.SecretReadBypassingDecryption, node.GetLocation(), settings, properties, name, how);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    /// <summary>What SG0006 reports in one member body, by the operation it is reported on.</summary>
    private sealed class BodyFindings : Dictionary<IOperation, Finding>
    {
    }

    private sealed class Finding
    {
        public Finding(SyntaxNode node, string name, string how, string? replaceWith)
        {
            Node = node;
            Name = name;
            How = how;
            ReplaceWith = replaceWith;
        }

        public SyntaxNode Node { get; }

        public string Name { get; }

        public string How { get; }

        public string? ReplaceWith { get; }
    }
}
