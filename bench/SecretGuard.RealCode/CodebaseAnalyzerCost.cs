using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretGuard.RealCode;

/// <summary>
/// What the SecretGuard analyzers cost next to the compiler on one real codebase (docs/performance.md, "Analyzer cost").
/// The same method as the generated-code figure of <c>bench/SecretGuard.Benchmarks analyzer-cost</c>, so the two compare:
/// single-threaded (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>), warm-up runs (default 2: the JIT's tiers settle,
/// as they have in a compiler server that has been running), then the median of N runs,
/// each on fresh syntax trees and compilations, load average recorded at start and end.
/// </summary>
/// <remarks>
/// <para>Each run measures, back to back, so that load from other work on the machine hits both alike:</para>
/// <list type="number">
/// <item>compiler: parse, create the compilation, <c>GetDiagnostics()</c> (binds every method body), and <c>Emit</c> to memory.
/// A real codebase compiled outside its own build has errors where a package did not restore; <c>Emit</c> then stops before
/// generating code, so the compiler's time is parse + bind only. That makes the share larger, not smaller: it errs against us;</item>
/// <item>analyzers: after the compiler's declaration pass, <c>GetAnalysisResultAsync</c> with every shipped analyzer and
/// <c>GetAnalyzerTelemetryInfoAsync(analyzer).ExecutionTime</c>, the time inside each analyzer's callbacks.</item>
/// </list>
/// </remarks>
internal static class CodebaseAnalyzerCost
{
    public static async Task<int> RunAsync(Codebase codebase, CodebaseInputs inputs, int runs, int warmUps, IReadOnlyCollection<string>? only, CancellationToken cancellationToken)
    {
        var analyzers = ShippedAnalyzers.All();
        if (only is not null)
        {
            // Profiling one rule: the others are left out, so the total is not the package's cost.
            analyzers = analyzers.Where(a => only.Contains(a.GetType().Name, StringComparer.Ordinal)).ToImmutableArray();
            Console.WriteLine($"// Only {string.Join(", ", analyzers.Select(a => a.GetType().Name))}: the total below is not the package's cost.");
        }

        var lines = inputs.Sources.Sum(s => s.Text.Lines.Count);
        Console.WriteLine($"// {codebase.Id}@{codebase.Commit[..10]}: {inputs.Sources.Count:N0} C# files, {lines:N0} lines, {inputs.References.Count} references " +
                          $"({inputs.Packages - inputs.MissingPackages} of {inputs.Packages} packages restored).");
        Console.WriteLine($"// Roslyn {typeof(Compilation).Assembly.GetName().Version} on .NET {Environment.Version}, {Environment.ProcessorCount} cores, " +
                          $"single-threaded build and analysis, median of {runs} runs after {warmUps} warm-up runs.");
        var loadAtStart = LoadAverage();
        Console.WriteLine($"// Load average at start: {loadAtStart}");

        var compilerMs = new List<double>();
        var emitted = true;
        var errors = 0;
        var sumMs = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
        for (var run = 1 - warmUps; run <= runs; run++)
        {
            // (1) the compiler alone
            Quiesce();
            var compiler = Stopwatch.StartNew();
            var compilation = inputs.Compile(inputs.Parse(cancellationToken), concurrentBuild: false);
            var diagnostics = compilation.GetDiagnostics(cancellationToken);
            using (var pe = new MemoryStream())
            {
                var emit = compilation.Emit(pe, cancellationToken: cancellationToken);
                emitted = emit.Success;
            }

            compiler.Stop();
            errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

            // (2) the analyzers, after the declaration pass every build does anyway
            var analyzed = inputs.Compile(inputs.Parse(cancellationToken), concurrentBuild: false);
            analyzed.GetDeclarationDiagnostics(cancellationToken);
            Quiesce();
            var withAnalyzers = analyzed.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(inputs.AdditionalFiles, new PackageOptions()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            var times = new Dictionary<DiagnosticAnalyzer, double>();
            foreach (var analyzer in analyzers)
            {
                times[analyzer] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
            }

            var sum = times.Values.Sum();
            Console.WriteLine($"//   {(run <= 0 ? "warm-up" : "run " + run)}: compiler {compiler.Elapsed.TotalMilliseconds:F0} ms, analyzers {sum:F0} ms " +
                              $"({sum / compiler.Elapsed.TotalMilliseconds:P2}); {string.Join(", ", analyzers.Select(a => Rules(a) + " " + times[a].ToString("F0", CultureInfo.InvariantCulture)))}");
            if (run <= 0)
            {
                continue;
            }

            compilerMs.Add(compiler.Elapsed.TotalMilliseconds);
            sumMs.Add(sum);
            foreach (var (analyzer, ms) in times)
            {
                perAnalyzer[analyzer].Add(ms);
            }
        }

        Console.WriteLine($"// Load average at end: {LoadAverage()}");
        Console.WriteLine($"// The compilation has {errors:N0} errors (unresolved packages); Emit {(emitted ? "generated code" : "stopped before generating code, so the compiler's time is parse + bind")}.");
        Console.WriteLine();
        var compilerMedian = Median(compilerMs);
        var sumMedian = Median(sumMs);
        Console.WriteLine("| codebase | lines | compiler ms | all analyzers ms | analyzers / compiler | runs (share) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        Console.WriteLine($"| {codebase.Id}@{codebase.Commit[..10]} | {lines:N0} | {compilerMedian:N0} | {sumMedian:N0} | **{sumMedian / compilerMedian:P2}** | " +
                          $"{string.Join(", ", compilerMs.Zip(sumMs, (c, a) => (a / c).ToString("P2", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine();
        Console.WriteLine("| analyzer | rules | ms (median) | of the compiler | min–max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var analyzer in analyzers.OrderByDescending(a => Median(perAnalyzer[a])))
        {
            var t = perAnalyzer[analyzer];
            Console.WriteLine($"| {analyzer.GetType().Name} | {Rules(analyzer)} | {Median(t):N1} | {Median(t) / compilerMedian:P2} | {t.Min():N1}–{t.Max():N1} |");
        }

        return 0;
    }

    private static string Rules(DiagnosticAnalyzer analyzer) =>
        string.Join("/", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // Garbage of the previous phase is collected before a phase starts, so that no phase pays for another's.
    private static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
