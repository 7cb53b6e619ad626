using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0005: <c>System.Random</c> — new, seeded, <c>Random.Shared</c>, injected — whose output reaches something
/// sensitive (<see cref="SensitiveTargets"/>): a key, token, salt, nonce, password, OTP, a crypto API's key or IV, a
/// character picked from a character set. Games, jitter, sampling and shuffled UI lists stay quiet unless
/// <c>secretguard.SG0005.report_all_uses = true</c>. Nothing is registered when the compilation has no
/// <c>System.Random</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRandomnessAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InsecureRandomness);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var random = start.Compilation.GetTypeByMetadataName("System.Random");
            if (random is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, random), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol random)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!IsRandomOutput(method.Name) || !IsRandom(method.ContainingType, random))
        {
            return;
        }

        var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(invocation.Syntax.SyntaxTree));
        var names = settings.UnguessableNames;
        string? reached;
        if (FilledBuffer(invocation) is { } filled)
        {
            // NextBytes(buffer), Shuffle(array), GetItems(choices, destination), GetHexString(destination): the output is the buffer.
            reached = Filled(filled) is { } buffer
                ? SensitiveTargets.FindFromSymbol(buffer, invocation, names, Shape(invocation), context.CancellationToken)
                : null;
        }
        else
        {
            reached = SensitiveTargets.Find(invocation, names, Shape(invocation), context.CancellationToken);
        }

        if (reached is null && settings.ReportAllRandomUses)
        {
            reached = "a value (secretguard.SG0005.report_all_uses is on)";
        }

        if (reached is null)
        {
            return;
        }

        var diagnostic = SecretReporter.Create(DiagnosticDescriptors.InsecureRandomness, invocation.Syntax.GetLocation(), settings, properties: null, method.Name, reached);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    // GetString and GetHexString (.NET 10) are recognised by name: the analyzer compiles against an older framework.
    private static bool IsRandomOutput(string name) =>
        name is "Next" or "NextInt64" or "NextDouble" or "NextSingle" or "NextBytes" or "GetItems" or "Shuffle" or "GetString" or "GetHexString";

    // The argument a call fills instead of returning a value: NextBytes(buffer), Shuffle(array), GetItems(choices, destination),
    // GetHexString(destination, lowercase).
    private static IOperation? FilledBuffer(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "NextBytes" or "Shuffle" when invocation.Arguments.Length == 1 => invocation.Arguments[0].Value,
        "GetItems" when invocation.TargetMethod.ReturnsVoid && invocation.Arguments.Length == 2 => invocation.Arguments[1].Value,
        "GetHexString" when invocation.TargetMethod.ReturnsVoid && invocation.Arguments.Length >= 1 => invocation.Arguments[0].Value,
        _ => null,
    };

    // What the call's output is by its shape alone: text drawn from a character set (GetString, GetItems of chars), hex text.
    private static string? Shape(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "GetString" => SensitiveTargets.CharacterShape,
        "GetHexString" => SensitiveTargets.EncodedBytesShape,
        "GetItems" when invocation.TargetMethod.TypeArguments.Length == 1 && invocation.TargetMethod.TypeArguments[0].SpecialType == SpecialType.System_Char => SensitiveTargets.CharacterShape,
        _ => null,
    };

    // Random and classes derived from it (a seeded subclass, a test double).
    private static bool IsRandom(INamedTypeSymbol? type, INamedTypeSymbol random)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, random))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? Filled(IOperation buffer) => SensitiveTargets.Filled(buffer);
}
