using System.Text;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>An analyzer with the move-to-env-file fix; the dev env file is an additional document, as the package declares it.</summary>
public sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string EnvFilePath = "/0/Test0/.env.dev";

    public CodeFixTest()
    {
        ReferenceAssemblies = TestTarget.ReferenceAssemblies;
        TestState.Sources.Add(("Stubs.cs", Stubs.Source));
        FixedState.Sources.Add(("Stubs.cs", Stubs.Source));
    }

    /// <summary>The env file before the fix and what the fix must make of it.</summary>
    public CodeFixTest<TAnalyzer, TCodeFix> WithEnvFile(string before, string after)
    {
        TestState.AdditionalFiles.Add((EnvFilePath, SourceText.From(before, new UTF8Encoding(false))));
        FixedState.AdditionalFiles.Add((EnvFilePath, SourceText.From(after, new UTF8Encoding(false))));
        return this;
    }
}
