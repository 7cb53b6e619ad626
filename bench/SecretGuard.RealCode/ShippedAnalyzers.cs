using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Rules;

namespace SecretGuard.RealCode;

/// <summary>Every analyzer the package ships, as the compiler would load them from its analyzers folder.</summary>
internal static class ShippedAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All() =>
        typeof(HardcodedCredentialAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
