using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release -- --filter '*'</c> for the BenchmarkDotNet benchmarks, or
/// <c>dotnet run -c Release -- analyzer-cost [files]</c> for the analyzer cost measurement (see docs/performance.md).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "analyzer-cost", StringComparison.OrdinalIgnoreCase))
        {
            return AnalyzerCost.Run(args.Skip(1).ToArray());
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
