using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Options;

namespace SecretGuard.Analyzers.Rules;

/// <summary>SG0008: a SecretGuard option in <c>.editorconfig</c> has a bad value. Reported once per option and value, at the end of the compilation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidOption);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var problems = new ConcurrentDictionary<(string Key, string Problem), bool>();
            Collect(problems, AnalyzerSettings.For(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
            start.RegisterSyntaxTreeAction(tree => Collect(problems, AnalyzerSettings.For(tree.Options.AnalyzerConfigOptionsProvider.GetOptions(tree.Tree))));
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var problem in problems.Keys)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidOption, Location.None, problem.Key, problem.Problem));
                }
            });
        });
    }

    private static void Collect(ConcurrentDictionary<(string Key, string Problem), bool> problems, AnalyzerSettings settings)
    {
        lock (settings.Problems)
        {
            foreach (var problem in settings.Problems)
            {
                problems.TryAdd(problem, true);
            }
        }
    }
}
