using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Generated;

namespace SecretGuard.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- analyzer-cost [files] [--runs N] [--concurrent] [--isolate] [--only SG0002,...] [--quick]</c>: what the SecretGuard
/// analyzers cost next to the compiler on a generated code base (docs/performance.md, "Analyzer cost"). Not a
/// BenchmarkDotNet benchmark: one measurement takes seconds, and the figure wanted is a ratio of two medians.
/// </summary>
/// <remarks>
/// <para>Each run, after one warm-up, measures three things back to back on fresh syntax trees and compilations, so
/// that load from other work on the machine hits all three alike:</para>
/// <list type="number">
/// <item>compiler: parse every file, create the compilation, <c>GetDiagnostics()</c>, <c>Emit</c> to a memory stream;</item>
/// <item>analyzers: after the compiler's declaration pass, <c>GetAnalysisResultAsync</c> with every SecretGuard analyzer, then
/// <c>GetAnalyzerTelemetryInfoAsync(analyzer).ExecutionTime</c> — the time inside each analyzer's callbacks;</item>
/// <item>wall clock: create + <c>GetAllDiagnosticsAsync</c> (compiler and analyzer diagnostics) against create +
/// <c>GetDiagnostics</c> from (1). The difference also holds what telemetry leaves out: the semantic-model binding
/// and operation trees the driver builds for the analyzers.</item>
/// </list>
/// <para>Single-threaded by default (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>): both sides are
/// work on one core, and the ratio does not depend on how well each parallelises on a small, busy machine.
/// <c>--concurrent</c> turns both on. <c>--isolate</c> adds the wall-clock difference of each analyzer alone and of a
/// no-op analyzer (the driver's own share). <c>--only</c> keeps the analyzers of the rules named; <c>--quick</c> leaves
/// out (3) after the warm-up, for quick comparisons while working on one analyzer.</para>
/// </remarks>
internal static class AnalyzerCost
{
    private const int Seed = 20_240_917;

    public static int Run(string[] args)
    {
        var files = 2000;
        var runs = 5;
        var concurrent = false;
        var isolate = false;
        string? write = null;
        string[]? only = null;
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--concurrent":
                    concurrent = true;
                    break;
                case "--isolate":
                    isolate = true;
                    break;
                case "--write" when i + 1 < args.Length:
                    write = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--quick":
                    quick = true;
                    break;
                default:
                    if (!int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out files) || files < 1)
                    {
                        Console.Error.WriteLine("usage: analyzer-cost [files] [--runs N] [--concurrent] [--isolate] [--write DIR] [--only SG0002,SG0004] [--quick]");
                        return 2;
                    }

                    break;
            }
        }

        return write is null ? new Measurement(files, runs, concurrent, only, quick).RunAsync(isolate).GetAwaiter().GetResult() : Write(write, files);
    }

    /// <summary>
    /// Writes the generated code base as a project, to measure a real <c>dotnet build</c> with the SDK's compiler and
    /// its default analyzers: <c>-p:SecretGuard=true|false</c> adds or leaves out the analyzers, <c>-p:ReportAnalyzer=true</c>
    /// makes the compiler print each analyzer's execution time (docs/performance.md).
    /// </summary>
    private static int Write(string directory, int files)
    {
        var root = Path.GetFullPath(directory);
        foreach (var (path, text) in CodebaseGenerator.Generate(files, Seed).Concat(CodebaseGenerator.GenerateConfigFiles(Math.Max(1, files / 100), Seed)))
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var analyzers = Path.Combine(AppContext.BaseDirectory, "SecretGuard.Analyzers.dll");
        var core = Path.Combine(AppContext.BaseDirectory, "SecretGuard.Core.dll");
        File.WriteAllText(Path.Combine(root, "Generated.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by the analyzer-cost mode of SecretGuard.Benchmarks: the generated code base as one library. -->
              <PropertyGroup>
                <TargetFramework>net{{Environment.Version.Major}}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>12</LangVersion>
                <SecretGuard Condition="'$(SecretGuard)' == ''">true</SecretGuard>
              </PropertyGroup>
              <ItemGroup Condition="'$(SecretGuard)' == 'true'">
                <Analyzer Include="{{analyzers}}" />
                <Analyzer Include="{{core}}" />
                <AdditionalFiles Include="**/appsettings*.json;**/launchSettings.json;**/.env*" Exclude="bin/**;obj/**" />
              </ItemGroup>
            </Project>
            """);

        // Stop MSBuild from importing the props of a repository the folder may sit in (warnings as errors, central versions).
        foreach (var stopper in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, stopper), "<Project />\n");
        }

        Console.WriteLine($"Wrote {files} C# files and their configuration files to {root}, with Generated.csproj.");
        return 0;
    }

    private sealed class Measurement
    {
        private readonly int _files;
        private readonly int _runs;
        private readonly bool _concurrent;
        private readonly IReadOnlyList<(string Path, string Text)> _sources;
        private readonly ImmutableArray<AdditionalText> _additionalTexts;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CSharpParseOptions _parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        private readonly CSharpCompilationOptions _compilationOptions;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly bool _quick;

        public Measurement(int files, int runs, bool concurrent, string[]? only, bool quick)
        {
            _analyzers = only is null ? AllAnalyzers() : AllAnalyzers().Where(a => a.SupportedDiagnostics.Any(d => only.Contains(d.Id, StringComparer.OrdinalIgnoreCase))).ToImmutableArray();
            if (_analyzers.IsEmpty)
            {
                throw new ArgumentException("--only names no SecretGuard rule: " + string.Join(",", only!));
            }

            _quick = quick;
            _files = files;
            _runs = runs;
            _concurrent = concurrent;
            var generate = Stopwatch.StartNew();
            _sources = CodebaseGenerator.Generate(files, Seed);
            var configFiles = CodebaseGenerator.GenerateConfigFiles(Math.Max(1, files / 100), Seed);
            generate.Stop();
            Lines = _sources.Sum(s => CountLines(s.Text));
            Planted = _sources.SelectMany(s => CodebaseGenerator.PlantedFindings(s.Text).Select(p => (s.Path, p.Line, p.RuleId))).ToList();
            _additionalTexts = configFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
            _references = ReferencePack(out var refDirectory);
            _compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: concurrent,
                deterministic: true);

            var bytes = _sources.Sum(s => (long)s.Text.Length);
            Console.WriteLine($"// Generated {files:N0} C# files, {Lines:N0} lines, {bytes / 1_000_000.0:F1} MB ({Lines / (double)files:F0} lines per file) in {generate.ElapsedMilliseconds} ms;");
            Console.WriteLine($"// plus {configFiles.Count} configuration files ({configFiles.Sum(f => CountLines(f.Text)):N0} lines) as additional files; {Planted.Count} planted secrets in the C# files.");
            Console.WriteLine($"// References: {_references.Length} assemblies from {refDirectory}");
            Console.WriteLine($"// Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version} on .NET {Environment.Version}, {Environment.ProcessorCount} cores, " +
                              (concurrent ? "concurrent build and analysis" : "single-threaded build and analysis") + $", median of {runs} runs after one warm-up.");
        }

        private int Lines { get; }

        private List<(string Path, int Line, string RuleId)> Planted { get; }

        public async Task<int> RunAsync(bool isolate)
        {
            Console.WriteLine($"// Load average at start: {LoadAverage()}");
            var parseMs = new List<double>();
            var diagnosticsMs = new List<double>();
            var emitMs = new List<double>();
            var compilerMs = new List<double>();
            var analyzerMs = _analyzers.ToDictionary(a => a, _ => new List<double>());
            var analyzerSumMs = new List<double>();
            var analysisWallMs = new List<double>();
            var allDiagnosticsMs = new List<double>();
            var compilerCpuMs = new List<double>();
            var diagnosticsCpuMs = new List<double>();
            var allDiagnosticsCpuMs = new List<double>();
            for (var run = 0; run <= _runs; run++)
            {
                // (1) the compiler alone
                Quiesce();
                var cpuStart = CpuMs();
                var total = Stopwatch.StartNew();
                var trees = Parse();
                var parsed = total.Elapsed.TotalMilliseconds;
                var compilation = Create(trees);
                var diagnostics = compilation.GetDiagnostics();
                var diagnosed = total.Elapsed.TotalMilliseconds;
                var diagnosedCpu = CpuMs() - cpuStart;
                using var pe = new MemoryStream();
                var emit = compilation.Emit(pe);
                total.Stop();
                var compilerCpu = CpuMs() - cpuStart;
                var errors = diagnostics.Concat(emit.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Distinct().ToList();
                if (errors.Count > 0)
                {
                    Console.Error.WriteLine($"The generated code does not compile: {errors.Count} errors, for example:");
                    errors.Take(20).ToList().ForEach(e => Console.Error.WriteLine("  " + e));
                    return 1;
                }

                // (2) telemetry: time inside the analyzers' callbacks
                var analyzed = Create(Parse());

                // The compiler's declaration pass (the source assembly, its members, the referenced assemblies' symbols) is
                // work every build does before or beside the analyzers; without it here, the first analyzer to look up a
                // type in its compilation-start action would be charged for building the whole compilation. The collection
                // after it keeps the pause for the garbage of parsing and declaring out of the first analyzer callbacks.
                analyzed.GetDeclarationDiagnostics();
                Quiesce();
                var analysis = Analyze(analyzed, _analyzers, logTime: true, out var exceptions);
                var wall = Stopwatch.StartNew();
                var result = await analysis.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
                wall.Stop();
                var times = new Dictionary<DiagnosticAnalyzer, double>();
                foreach (var analyzer in _analyzers)
                {
                    times[analyzer] = (await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                }

                if (Failed(exceptions, result.GetAllDiagnostics()))
                {
                    return 1;
                }

                // (3) wall clock of compiler and analyzer diagnostics together; --quick leaves it out after the first run
                Quiesce();
                var measureAll = !_quick || run == 0;
                var (allWall, allCpu, all) = measureAll ? await AllDiagnosticsAsync(_analyzers).ConfigureAwait(false) : (0, 0, ImmutableArray<Diagnostic>.Empty);
                if (run == 0)
                {
                    var warnings = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
                    Console.WriteLine($"// Compiles: 0 errors, {warnings.Count} warnings ({string.Join(", ", warnings.GroupBy(w => w.Id).Select(g => g.Key + " " + g.Count()))}), {pe.Length:N0} bytes of IL.");
                    warnings.Take(3).ToList().ForEach(w => Console.WriteLine("//   " + w));
                    ReportFindings(all);
                    continue;
                }

                parseMs.Add(parsed);
                diagnosticsMs.Add(diagnosed - parsed);
                emitMs.Add(total.Elapsed.TotalMilliseconds - diagnosed);
                compilerMs.Add(total.Elapsed.TotalMilliseconds);
                foreach (var (analyzer, ms) in times)
                {
                    analyzerMs[analyzer].Add(ms);
                }

                analyzerSumMs.Add(times.Values.Sum());
                analysisWallMs.Add(wall.Elapsed.TotalMilliseconds);
                compilerCpuMs.Add(compilerCpu);
                diagnosticsCpuMs.Add(diagnosedCpu);
                if (measureAll)
                {
                    allDiagnosticsMs.Add(allWall);
                    allDiagnosticsCpuMs.Add(allCpu);
                }

                Console.WriteLine($"//   run {run}: compiler {total.Elapsed.TotalMilliseconds:F0} ms (parse {parsed:F0}, create + GetDiagnostics {diagnosed - parsed:F0}, emit {total.Elapsed.TotalMilliseconds - diagnosed:F0}); " +
                                  $"analyzers {times.Values.Sum():F0} ms ({string.Join(", ", _analyzers.Select(a => Id(a) + " " + times[a].ToString("F0", CultureInfo.InvariantCulture)))}); " +
                                  $"create + GetAllDiagnosticsAsync {allWall:F0} ms; CPU: compiler {compilerCpu:F0}, create + GetDiagnostics {diagnosedCpu:F0}, " +
                                  $"create + GetAllDiagnosticsAsync {allCpu:F0} ms");
            }

            Console.WriteLine($"// Load average at end: {LoadAverage()}");
            Console.WriteLine();
            var compiler = Median(compilerMs);
            var sum = Median(analyzerSumMs);
            Console.WriteLine("| files | lines | compiler ms | analyzers ms | analyzers / compiler |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {_files:N0} | {Lines:N0} | {compiler:N0} | {sum:N0} | {sum / compiler:P2} |");
            Console.WriteLine();
            Console.WriteLine($"Compiler (medians): parse {Median(parseMs):N0} ms, create + GetDiagnostics {Median(diagnosticsMs):N0} ms, emit {Median(emitMs):N0} ms; " +
                              $"spread of the total {compilerMs.Min():N0}–{compilerMs.Max():N0} ms.");
            Console.WriteLine();
            Console.WriteLine("| analyzer | rules | ms (median) | of the compiler | min–max ms |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach (var analyzer in _analyzers.OrderByDescending(a => Median(analyzerMs[a])))
            {
                var t = analyzerMs[analyzer];
                Console.WriteLine($"| {analyzer.GetType().Name} | {Id(analyzer)} | {Median(t):N1} | {Median(t) / compiler:P2} | {t.Min():N1}–{t.Max():N1} |");
            }

            if (allDiagnosticsMs.Count == 0)
            {
                Console.WriteLine();
                Console.WriteLine("(--quick: the wall-clock and CPU comparison with GetAllDiagnosticsAsync was left out.)");
                return 0;
            }

            var difference = Median(allDiagnosticsMs) - Median(diagnosticsMs);
            Console.WriteLine();
            Console.WriteLine($"Wall clock: create + GetAllDiagnosticsAsync with the analyzers {Median(allDiagnosticsMs):N0} ms, create + GetDiagnostics without them " +
                              $"{Median(diagnosticsMs):N0} ms: {difference:N0} ms more, {difference / compiler:P1} of the compiler's total. " +
                              $"(GetAnalysisResultAsync alone, analyzers only: {Median(analysisWallMs):N0} ms.)");
            var cpuDifference = Median(allDiagnosticsCpuMs) - Median(diagnosticsCpuMs);
            Console.WriteLine();
            Console.WriteLine($"Process CPU time, less sensitive to other work on the machine: compiler {Median(compilerCpuMs):N0} ms; create + GetAllDiagnosticsAsync " +
                              $"{Median(allDiagnosticsCpuMs):N0} ms against create + GetDiagnostics {Median(diagnosticsCpuMs):N0} ms: {cpuDifference:N0} ms more, " +
                              $"{cpuDifference / Median(compilerCpuMs):P1} of the compiler's CPU time; analyzers (telemetry) / compiler CPU time {sum / Median(compilerCpuMs):P2}.");

            if (isolate)
            {
                await IsolateAsync(Median(diagnosticsCpuMs), Median(compilerCpuMs)).ConfigureAwait(false);
            }

            return 0;
        }

        /// <summary>Each analyzer alone, and a no-op analyzer for the driver's own cost.</summary>
        private async Task IsolateAsync(double baseline, double compiler)
        {
            var sets = new[] { ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()) }.Concat(_analyzers.Select(a => ImmutableArray.Create(a))).ToList();
            var walls = sets.ToDictionary(s => s, _ => new List<double>());
            for (var run = 0; run <= _runs; run++)
            {
                foreach (var set in sets)
                {
                    Quiesce();
                    var (_, cpu, _) = await AllDiagnosticsAsync(set).ConfigureAwait(false);
                    if (run > 0)
                    {
                        walls[set].Add(cpu);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| analyzers in the run (process CPU time) | create + GetAllDiagnosticsAsync ms | more than create + GetDiagnostics ({baseline:N0} ms) | of the compiler's total ({compiler:N0} ms) |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var set in sets)
            {
                var delta = Median(walls[set]) - baseline;
                var name = set[0] is NoOpAnalyzer ? "no-op analyzer (driver only)" : set[0].GetType().Name + " (" + Id(set[0]) + ")";
                Console.WriteLine($"| {name} | {Median(walls[set]):N0} | {delta:N0} | {delta / compiler:P1} |");
            }
        }

        private async Task<(double Wall, double Cpu, ImmutableArray<Diagnostic> Diagnostics)> AllDiagnosticsAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var trees = Parse();
            var cpuStart = CpuMs();
            var wall = Stopwatch.StartNew();
            var analysis = Analyze(Create(trees), analyzers, logTime: false, out var exceptions);
            var all = await analysis.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            wall.Stop();
            var cpu = CpuMs() - cpuStart;
            if (Failed(exceptions, all))
            {
                throw new InvalidOperationException("An analyzer failed; see above.");
            }

            return (wall.Elapsed.TotalMilliseconds, cpu, all);
        }

        private CompilationWithAnalyzers Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime, out List<string> exceptions)
        {
            var thrown = new List<string>();
            exceptions = thrown;
            return compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(_additionalTexts),
                onAnalyzerException: (ex, analyzer, _) =>
                {
                    lock (thrown)
                    {
                        thrown.Add(analyzer.GetType().Name + ": " + ex);
                    }
                },
                concurrentAnalysis: _concurrent,
                logAnalyzerExecutionTime: logTime,
                reportSuppressedDiagnostics: false));
        }

        private static bool Failed(List<string> exceptions, ImmutableArray<Diagnostic> diagnostics)
        {
            var ad0001 = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).ToList();
            if (exceptions.Count == 0 && ad0001.Count == 0)
            {
                return false;
            }

            Console.Error.WriteLine("Analyzer exceptions:" + Environment.NewLine + string.Join(Environment.NewLine, exceptions.Concat(ad0001)));
            return true;
        }

        private void ReportFindings(ImmutableArray<Diagnostic> all)
        {
            var findings = all.Where(d => d.Id.StartsWith("SG", StringComparison.Ordinal)).ToList();
            var at = findings.Select(d => (d.Id, Path: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToList();
            var found = Planted.Count(p => at.Contains((p.RuleId, p.Path, p.Line)));
            var plantedLines = new HashSet<(string, int)>(Planted.Select(p => (p.Path, p.Line)));
            var elsewhere = at.Count(f => f.Path.EndsWith(".cs", StringComparison.Ordinal) && !plantedLines.Contains((f.Path, f.Line)));
            Console.WriteLine($"// Findings: {findings.Count} ({string.Join(", ", findings.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()))}); " +
                              $"planted secrets found: {found} of {Planted.Count}; findings in C# away from a planted line: {elsewhere}.");
            foreach (var d in findings.Where(d => d.Location.GetLineSpan().Path.EndsWith(".cs", StringComparison.Ordinal) && !plantedLines.Contains((d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1))).Take(5))
            {
                Console.WriteLine($"//   not planted: {d.Id} {d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Location.SourceTree?.GetText().GetSubText(d.Location.SourceSpan)}");
            }
        }

        private List<SyntaxTree> Parse() =>
            _sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, System.Text.Encoding.UTF8), _parseOptions, s.Path)).ToList();

        private CSharpCompilation Create(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create("Contoso.Generated", trees, _references, _compilationOptions);
    }

    private static string Id(DiagnosticAnalyzer analyzer) => string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());

    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(HardcodedCredentialAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The reference pack of the running .NET (packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0) in the local SDK.</summary>
    private static ImmutableArray<MetadataReference> ReferencePack(out string directory)
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = "net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".0";
        directory = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Where(d => Directory.Exists(Path.Combine(d, "ref", tfm)))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .Select(d => Path.Combine(d, "ref", tfm))
                .FirstOrDefault() ?? string.Empty
            : string.Empty;
        if (directory.Length == 0)
        {
            throw new InvalidOperationException($"No {tfm} reference pack under {packs}; install the .NET SDK that matches the runtime.");
        }

        return Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static int CountLines(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return text.Length > 0 && text[^1] != '\n' ? count + 1 : count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double CpuMs()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Registers one syntax tree action that does nothing: what the driver costs before any analyzer works.</summary>
    /// <remarks>A measuring probe run in process, never loaded by a compiler: the analyzer-packaging rules do not apply.</remarks>
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("NOOP001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(_ => { });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
