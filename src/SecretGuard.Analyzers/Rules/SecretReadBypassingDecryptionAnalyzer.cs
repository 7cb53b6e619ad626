using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Analyzers.Sensitivity;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0006: a <c>*_SECRET</c> setting read around <c>Secrets.Get</c>, which returns ciphertext:
/// <c>Environment.GetEnvironmentVariable("X_SECRET")</c>, <c>Environment.GetEnvironmentVariables()["X_SECRET"]</c>, and
/// hand-written env-file readers — a method that reads a file (<c>File.ReadAllLines</c>, <c>StreamReader</c>, ...) and
/// looks up a <c>*_SECRET</c> entry (<c>line.StartsWith("X_SECRET=")</c>, <c>values["X_SECRET"]</c>,
/// <c>TryGetValue("X_SECRET", ...)</c>). The fix is offered where the read is an expression of type string.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretReadBypassingDecryptionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the secret's entry name; present when the fix can replace the diagnostic's expression with <c>Secrets.Get</c>.</summary>
    public const string ReplaceWithProperty = "ReplaceWith";

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
            var environment = start.Compilation.GetTypeByMetadataName("System.Environment");
            var file = start.Compilation.GetTypeByMetadataName("System.IO.File");
            var streamReader = start.Compilation.GetTypeByMetadataName("System.IO.StreamReader");
            if ((environment is null && file is null) || !UsesSecretGuard(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeEnvironmentRead(c, environment), OperationKind.Invocation);
            // Whether a member body reads a file, found once per body and compilation: a reader may look up many entries.
            var fileReaders = new ConcurrentDictionary<IOperation, bool>();
            start.RegisterOperationAction(c => AnalyzeFileLookup(c, root => fileReaders.GetOrAdd(root, r => ReadsAFile(r, file, streamReader))), OperationKind.Literal);
        });
    }

    private static void AnalyzeEnvironmentRead(OperationAnalysisContext context, INamedTypeSymbol? environment)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (environment is null || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, environment))
        {
            return;
        }

        var naming = Naming(context, invocation.Syntax);
        if (invocation.TargetMethod.Name == "GetEnvironmentVariable" && invocation.Arguments.Length >= 1 &&
            invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } && naming.IsSecret(name))
        {
            // The overload with an EnvironmentVariableTarget reads the user or machine store, which Secrets.Get does not.
            Report(context, invocation.Syntax, name, "with Environment.GetEnvironmentVariable", fixable: invocation.Arguments.Length == 1);
            return;
        }

        if (invocation.TargetMethod.Name != "GetEnvironmentVariables")
        {
            return;
        }

        // Environment.GetEnvironmentVariables()["X_SECRET"]
        ReportVariablesLookup(context, invocation, naming);

        // var all = Environment.GetEnvironmentVariables(); ... all["X_SECRET"]
        if (invocation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var read in ValueFlow.ReadsOf(declarator.Symbol, ValueFlow.Root(invocation)))
            {
                ReportVariablesLookup(context, read, naming);
            }
        }
    }

    private static void ReportVariablesLookup(OperationAnalysisContext context, IOperation variables, SecretNaming naming)
    {
        if (variables.Parent is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer && indexer.Instance == variables &&
            ValueFlow.Unwrap(indexer.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string key } && naming.IsSecret(key))
        {
            Report(context, indexer.Syntax, key, "from Environment.GetEnvironmentVariables()", fixable: !(indexer.Parent is IAssignmentOperation assignment && assignment.Target == indexer));
        }
    }

    private static void AnalyzeFileLookup(OperationAnalysisContext context, Func<IOperation, bool> readsAFile)
    {
        // Cheap checks first, on the syntax: a string literal "X_SECRET" or "X_SECRET=" (the prefix of an env-file line).
        var literal = (ILiteralOperation)context.Operation;
        if (literal.Syntax is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } syntax)
        {
            return;
        }

        var text = syntax.Token.ValueText;
        if (text.Length < 8 || text.Length > 200 || !IsEntryName(text))
        {
            return;
        }

        var name = text[text.Length - 1] == '=' ? text.Substring(0, text.Length - 1) : text;
        if (!Naming(context, literal.Syntax).IsSecret(name))
        {
            return;
        }

        var lookup = Lookup(literal, out var fixable);
        if (lookup is null || !readsAFile(ValueFlow.Root(literal)))
        {
            return;
        }

        Report(context, fixable ? lookup.Syntax : literal.Syntax, name, "from a raw env-file read", fixable);
    }

    // Letters, digits and underscores, with an optional '=' at the end: what an env-file key or line prefix is made of.
    private static bool IsEntryName(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsLetterOrDigit(c) || c == '_' || (c == '=' && i == text.Length - 1)))
            {
                return false;
            }
        }

        return true;
    }

    // How the literal looks an entry up: the operation to report (the whole read where the fix can replace it), or null.
    private static IOperation? Lookup(ILiteralOperation literal, out bool fixable)
    {
        fixable = false;
        var parent = literal.Parent is IConversionOperation conversion ? conversion.Parent : literal.Parent;
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation call } when call.TargetMethod.Name is "StartsWith" or "Equals" or "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "IndexOf" or "Contains":
                return call;
            case IArgumentOperation { Parent: IPropertyReferenceOperation { Property.IsIndexer: true } indexer }:
                fixable = indexer.Type?.SpecialType == SpecialType.System_String && !(indexer.Parent is IAssignmentOperation assignment && assignment.Target == indexer);
                return indexer;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return comparison;
            case ISwitchCaseOperation or ICaseClauseOperation or IPatternOperation:
                return literal;
            default:
                return null;
        }
    }

    private static bool ReadsAFile(IOperation root, INamedTypeSymbol? file, INamedTypeSymbol? streamReader)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation call when file is not null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, file) &&
                                                    (call.TargetMethod.Name.StartsWith("Read", StringComparison.Ordinal) || call.TargetMethod.Name is "OpenText" or "OpenRead"):
                    return true;
                case IInvocationOperation call when streamReader is not null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, streamReader):
                    return true;
                case IObjectCreationOperation creation when streamReader is not null && SymbolEqualityComparer.Default.Equals(creation.Type, streamReader):
                    return true;
            }
        }

        return false;
    }

    // The project's secret suffixes (SecretGuardSecretSuffixes), as the build and the env-file checks use them.
    private static SecretNaming Naming(OperationAnalysisContext context, SyntaxNode node) =>
        AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree)).SecretNaming;

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string name, string how, bool fixable)
    {
        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(node.SyntaxTree));
        var properties = fixable ? ImmutableDictionary<string, string?>.Empty.Add(ReplaceWithProperty, name) : null;
        var diagnostic = SecretReporter.Create(DiagnosticDescriptors.SecretReadBypassingDecryption, node.GetLocation(), settings, properties, name, how);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
