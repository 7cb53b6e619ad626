using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Options;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0008: a SecretGuard option in <c>.editorconfig</c> has a bad value. Reported once per option and value, at the end of the
/// compilation. Every options object a rule can read (the global one, each syntax tree's, each additional file's) is read
/// here as well; <see cref="AnalyzerSettings"/> checks every option when it is created, so what the end action reports
/// does not depend on which rules ran first, or at all.
/// </summary>
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
            start.RegisterAdditionalFileAction(file => Collect(problems, AnalyzerSettings.For(file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile))));
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
        foreach (var problem in settings.Problems)
        {
            problems.TryAdd(problem, true);
        }
    }
}
