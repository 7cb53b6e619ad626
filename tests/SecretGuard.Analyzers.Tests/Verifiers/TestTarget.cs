using Microsoft.CodeAnalysis.Testing;

namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// What this test project compiles test code against: the .NET 8 reference assemblies with the Roslyn the analyzers are
/// built on (4.8), the oldest host they support. SecretGuard.Analyzers.CurrentCompiler.Tests has its own TestTarget
/// (today's compiler and .NET 10) and shares the verifiers and the sensitivity corpus with this project.
/// </summary>
internal static class TestTarget
{
    public static ReferenceAssemblies ReferenceAssemblies => ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// False: corpus files named <c>*.Net10.txt</c> need C# 13 or .NET 9/10 APIs, which Roslyn 4.8 and the .NET 8
    /// reference assemblies cannot compile; only the current compiler's project reads them.
    /// </summary>
    public static bool ReadsNet10Cases => false;
}
