using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SecretGuard.RealCode;

/// <summary>
/// <c>dotnet run -c Release --project bench/SecretGuard.RealCode -- scan|report|cost [options]</c>: the real-code evaluation loop
/// (docs/accuracy.md says how to run it and how to add a codebase).
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          scan [LABELS-FILE...] [--git-dir PATTERN]   check out each codebase's pinned commit and write its findings
          report [--write docs/accuracy.md]           precision per rule from the findings and the labels
          cost LABELS-FILE [--runs N] [--warm-ups N] [--git-dir PATTERN] [--analyzers NAME,NAME]
                                                      what the analyzers cost next to the compiler on that codebase
                                                      (--analyzers: only those analyzer types, to profile one rule)
                                                      (single-threaded, median of N runs after 2 warm-ups; docs/performance.md)
        LABELS-FILE defaults to every bench/real-code/*.labels. --git-dir takes a local git directory for the checkout
        instead of cloning from GitHub; {owner} and {name} in it are replaced, e.g. '/mirrors/{owner}+{name}/repo'.
        Checkouts go to artifacts/real-code/src/, findings to artifacts/real-code/findings/ (outside git: findings
        point at live secrets).
        """;

    public static async Task<int> Main(string[] args)
    {
        try
        {
            var root = RepositoryRoot();
            return args.FirstOrDefault() switch
            {
                "scan" => await ScanAsync(root, args.Skip(1).ToList()).ConfigureAwait(false),
                "report" => Report(root, args.Skip(1).ToList()),
                "cost" => await CostAsync(root, args.Skip(1).ToList()).ConfigureAwait(false),
                _ => Fail(Usage),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or IOException)
        {
            return Fail("error: " + ex.Message);
        }
    }

    private static async Task<int> ScanAsync(string root, List<string> args)
    {
        var gitDirPattern = TakeOption(args, "--git-dir");
        var checkouts = Path.Combine(root, "artifacts", "real-code", "src");
        var findingsFolder = Path.Combine(root, "artifacts", "real-code", "findings");
        Directory.CreateDirectory(checkouts);
        Directory.CreateDirectory(findingsFolder);
        var failures = 0;
        foreach (var codebase in Codebases(root, args))
        {
            var gitDir = gitDirPattern?.Replace("{owner}", codebase.Owner, StringComparison.Ordinal).Replace("{name}", codebase.Name, StringComparison.Ordinal);
            Console.WriteLine($"{codebase.Id}: checking out {codebase.Commit[..10]}");
            ScanResult result;
            try
            {
                var source = Checkout.Ensure(codebase, checkouts, gitDir);
                result = await CodebaseScan.RunAsync(codebase, source, Path.Combine(root, "artifacts", "real-code", "restore"), CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // One codebase that cannot be checked out or restored does not stop the others.
                failures++;
                Console.Error.WriteLine($"{codebase.Id}: {ex.Message}");
                continue;
            }

            var lines = new List<string>
            {
                "# codebase " + codebase.Id + "@" + codebase.Commit,
                "# summary\t" + string.Join('\t', result.ProductionLines, result.OtherLines, result.Packages, result.MissingPackages, result.Usings, result.UnresolvedUsings,
                    string.Join(',', result.UnresolvedRoots.Select(r => r.Root + "=" + r.Count)), Math.Round(result.Elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
                Finding.Header,
            };
            lines.AddRange(result.Findings.Select(f => f.ToLine()));
            File.WriteAllLines(FindingsFile(findingsFolder, codebase), lines);
            Console.WriteLine($"{codebase.Id}: {result.Files} files, {result.ProductionLines} production lines, {result.Findings.Count} findings " +
                $"({result.Findings.Count(f => f.IsProduction)} in production code), {result.Packages - result.MissingPackages} of {result.Packages} packages restored, {result.UnresolvedUsings} of {result.Usings} usings unresolved " +
                $"({string.Join(", ", result.UnresolvedRoots.Select(r => r.Root + " " + r.Count))}), {result.Elapsed.TotalSeconds:0} s");
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> CostAsync(string root, List<string> args)
    {
        var gitDirPattern = TakeOption(args, "--git-dir");
        var runs = int.Parse(TakeOption(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var warmUps = int.Parse(TakeOption(args, "--warm-ups") ?? "2", CultureInfo.InvariantCulture);
        var only = TakeOption(args, "--analyzers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (args.Count != 1 || runs < 1 || warmUps < 1)
        {
            return Fail(Usage);
        }

        var codebase = Codebase.Load(args[0]);
        var gitDir = gitDirPattern?.Replace("{owner}", codebase.Owner, StringComparison.Ordinal).Replace("{name}", codebase.Name, StringComparison.Ordinal);
        var source = Checkout.Ensure(codebase, Path.Combine(root, "artifacts", "real-code", "src"), gitDir);
        var inputs = CodebaseInputs.Load(codebase, source, Path.Combine(root, "artifacts", "real-code", "restore"), CancellationToken.None);
        return await CodebaseAnalyzerCost.RunAsync(codebase, inputs, runs, warmUps, only, CancellationToken.None).ConfigureAwait(false);
    }

    private static int Report(string root, List<string> args)
    {
        var write = TakeOption(args, "--write");
        var findingsFolder = Path.Combine(root, "artifacts", "real-code", "findings");
        var report = new AccuracyReport();
        var unlabelled = new List<string>();
        var unmatched = new List<(string Kind, string Text)>();
        foreach (var codebase in Codebases(root, args))
        {
            var file = FindingsFile(findingsFolder, codebase);
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{codebase.Id}: no findings yet ({file}); run 'scan' first.");
                continue;
            }

            var lines = File.ReadAllLines(file);
            if (lines.FirstOrDefault() != "# codebase " + codebase.Id + "@" + codebase.Commit)
            {
                Console.Error.WriteLine($"{codebase.Id}: the findings are of another commit than the labels; run 'scan' again.");
                continue;
            }

            var summary = lines.First(l => l.StartsWith("# summary\t", StringComparison.Ordinal)).Split('\t');
            var packages = int.Parse(summary[3], CultureInfo.InvariantCulture);
            var missingPackages = int.Parse(summary[4], CultureInfo.InvariantCulture);
            var usings = int.Parse(summary[5], CultureInfo.InvariantCulture);
            var unresolvedUsings = int.Parse(summary[6], CultureInfo.InvariantCulture);
            var findings = lines.Where(l => !l.StartsWith('#')).Select(Finding.Parse).ToList();
            report.Add(codebase, findings, $"{summary[1]} | {summary[2]} | {packages - missingPackages} of {packages} | {(usings == 0 ? 0 : 100.0 * unresolvedUsings / usings):0} %");
            unlabelled.AddRange(findings.Where(f => f.IsProduction && AccuracyReport.LabelOf(codebase, f) is null)
                .Select(f => codebase.Id + "\t" + f.ToLine()));
            unmatched.AddRange(AccuracyReport.UnmatchedLabels(codebase, findings));
        }

        Console.WriteLine(report.ToMarkdown());
        if (unlabelled.Count > 0)
        {
            Console.WriteLine($"{unlabelled.Count} production findings have no label yet:");
            unlabelled.ForEach(Console.WriteLine);
        }

        foreach (var group in unmatched.GroupBy(u => u.Kind))
        {
            Console.WriteLine($"{group.Count()} {group.Key}:");
            foreach (var (_, text) in group)
            {
                Console.WriteLine("  " + text);
            }
        }

        var lost = unmatched.Count(u => u.Kind == AccuracyReport.LostRealFinding);
        if (write is not null)
        {
            report.WriteInto(Path.GetFullPath(write));
            Console.WriteLine("wrote " + write);
        }

        // A real secret the analyzers found before and miss now fails the run, like a failing test.
        return lost == 0 ? 0 : 1;
    }

    private static IEnumerable<Codebase> Codebases(string root, IReadOnlyList<string> files) =>
        (files.Count > 0 ? files.AsEnumerable() : Directory.GetFiles(Path.Combine(root, "bench", "real-code"), "*.labels").Order(StringComparer.Ordinal))
            .Select(Codebase.Load);

    private static string FindingsFile(string folder, Codebase codebase) => Path.Combine(folder, codebase.FileStem + ".tsv");

    private static string? TakeOption(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index < 0)
        {
            return null;
        }

        if (index + 1 >= args.Count)
        {
            throw new FormatException(name + " needs a value.");
        }

        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }

    private static string RepositoryRoot()
    {
        for (var folder = Directory.GetCurrentDirectory(); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "SecretGuard.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("Run this inside the SecretGuard repository.");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
