using System.Collections.Generic;
using System.Linq;
using SecretGuard.Diagnostics;

namespace SecretGuard.Checks;

/// <summary>The outcome of a check run: findings and what was encrypted (counts, never values).</summary>
internal sealed class EnvCheckReport
{
    /// <summary>Every finding, in file and line order.</summary>
    public List<Finding> Findings { get; } = new List<Finding>();

    /// <summary>How many values were encrypted in each file that was rewritten.</summary>
    public Dictionary<string, int> EncryptedCounts { get; } = new Dictionary<string, int>();

    /// <summary>Whether any finding is an error by default.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
