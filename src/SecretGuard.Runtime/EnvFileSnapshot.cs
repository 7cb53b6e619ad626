using System;
using System.Collections.Generic;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard;

/// <summary>The entries of an env file as read once: last definition wins, as in the file's own <c>Find</c>.</summary>
internal sealed class EnvFileSnapshot
{
    private EnvFileSnapshot(string? path, IReadOnlyDictionary<string, EnvEntry> values, IReadOnlyList<EnvEntry> entries)
    {
        Path = path;
        Values = values;
        Entries = entries;
    }

    public static EnvFileSnapshot None { get; } = new(null, new Dictionary<string, EnvEntry>(), Array.Empty<EnvEntry>());

    public string? Path { get; }

    public IReadOnlyDictionary<string, EnvEntry> Values { get; }

    /// <summary>The winning entry of each key, in file order.</summary>
    public IReadOnlyList<EnvEntry> Entries { get; }

    /// <summary>Reads and parses the file; a syntax error fails fast with file, line and column.</summary>
    public static EnvFileSnapshot Read(string path)
    {
        var file = EnvFile.Load(path);
        var errors = file.Findings.Where(f => f.Id == DiagnosticIds.SyntaxError).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? " (and " + (errors.Count - 1) + " more)" : string.Empty;
            throw new SecretGuardException(DiagnosticIds.SyntaxError, SecretGuardErrorReason.InvalidEnvFile,
                path + "(" + first.Line + "," + first.Column + "): " + first.Message + more + ".",
                filePath: path, line: first.Line);
        }

        var values = new Dictionary<string, EnvEntry>(StringComparer.Ordinal);
        foreach (var entry in file.Entries)
        {
            values[entry.Key] = entry;
        }

        var winners = file.Entries.Where(e => ReferenceEquals(values[e.Key], e)).ToList();
        return new EnvFileSnapshot(path, values, winners);
    }
}
