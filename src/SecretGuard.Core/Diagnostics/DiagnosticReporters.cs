using System;

namespace SecretGuard.Diagnostics;

/// <summary>The parts of SecretGuard that report a diagnostic id; one id may be reported by several.</summary>
[Flags]
internal enum DiagnosticReporters
{
    /// <summary>A Roslyn analyzer: squiggles in the IDE and diagnostics in every build's compiler run (SG0xxx ids only).</summary>
    Analyzer = 1,

    /// <summary>The package's MSBuild targets and tasks, during <c>dotnet build</c>.</summary>
    Build = 2,

    /// <summary>The <c>secretguard</c> command (<c>validate</c> and the commands that read env files).</summary>
    Cli = 4,

    /// <summary>The runtime library, as <c>SecretGuardException.ErrorCode</c>.</summary>
    Runtime = 8,
}
