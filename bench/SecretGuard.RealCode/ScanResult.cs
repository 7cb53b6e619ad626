using System;
using System.Collections.Generic;

namespace SecretGuard.RealCode;

/// <summary>What one scan of a codebase found, and how much of the codebase the compilation could see.</summary>
internal sealed record ScanResult(
    IReadOnlyList<Finding> Findings,
    int Files,
    int ProductionLines,
    int OtherLines,
    int Packages,
    int MissingPackages,
    int Usings,
    int UnresolvedUsings,
    IReadOnlyList<(string Root, int Count)> UnresolvedRoots,
    TimeSpan Elapsed);
