using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretGuard.Tests;

/// <summary>
/// docs/runtime.md lists every public type an application sees ("Public API"). The build holds the code to
/// PublicAPI.*.txt (RS0016/RS0017); this test holds the documented list to those baselines and to the assemblies, so
/// a type made public, or made internal, also changes the page users read.
/// </summary>
public sealed class PublicApiListTests
{
    private static readonly string RepositoryRoot = RepositoryFiles.Root;

    [Fact]
    public void The_documented_runtime_types_are_the_runtime_baseline_and_the_assembly_public_types()
    {
        var documented = DocumentedTypes(table: 0);

        Assert.Equal(documented, BaselineTypes("SecretGuard.Runtime"));
        Assert.Equal(documented, typeof(Secrets).Assembly.GetExportedTypes().Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal));
        Assert.InRange(documented.Count, 10, 16); // "a dozen-odd": a new public type needs a reason, in review
    }

    [Fact]
    public void The_documented_health_check_types_are_the_health_check_baseline()
    {
        Assert.Equal(DocumentedTypes(table: 1), BaselineTypes("SecretGuard.HealthChecks"));
    }

    [Theory]
    [InlineData("SecretGuard.Core")]
    [InlineData("SecretGuard.Checks")]
    [InlineData("SecretGuard.Cli")]
    public void Build_side_and_shared_libraries_have_no_public_api(string project)
    {
        Assert.Empty(BaselineTypes(project));
    }

    // The first column of the n-th table under "## Public API": `Namespace.Type`.
    private static List<string> DocumentedTypes(int table)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "runtime.md"));
        var start = page.IndexOf("\n## Public API", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/runtime.md has no '## Public API' section");
        var next = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = next < 0 ? page[start..] : page[start..next];

        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in section.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                tables.Add(current = new List<string>());
            }

            var match = Regex.Match(line, @"^\|\s*`([A-Za-z0-9_.]+)`\s*\|");
            if (match.Success)
            {
                current.Add(match.Groups[1].Value);
            }
        }

        Assert.True(tables.Count > table, "docs/runtime.md's Public API section has fewer than " + (table + 1) + " tables");
        return tables[table].OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    // A baseline line that names a type has no signature ("->", "(") and no modifier in front of it.
    private static List<string> BaselineTypes(string project)
    {
        var types = new List<string>();
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = Path.Combine(RepositoryRoot, "src", project, file);
            Assert.True(File.Exists(path), path + " is missing: every shipped library has a public API baseline");
            types.AddRange(File.ReadAllLines(path)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains("->", StringComparison.Ordinal) &&
                            !l.Contains('(', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal)));
        }

        return types.OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
