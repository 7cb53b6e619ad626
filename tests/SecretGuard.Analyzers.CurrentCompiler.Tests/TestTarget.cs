using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// This project runs the analyzers (built on Roslyn 4.8) inside today's compiler (Roslyn 5.9, C# 14) against the .NET 10
/// reference assemblies, where overload resolution picks what a .NET 10 app gets: C# 13 <c>params ReadOnlySpan</c>
/// overloads of <c>Console.WriteLine</c>, <c>string.Format</c>, <c>string.Concat</c>, and the .NET 9/10 APIs.
/// </summary>
internal static class TestTarget
{
    public static ReferenceAssemblies ReferenceAssemblies { get; } =
        new("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    /// <summary>True: this project also reads the corpus files named <c>*.Net10.txt</c>.</summary>
    public static bool ReadsNet10Cases => true;
}
