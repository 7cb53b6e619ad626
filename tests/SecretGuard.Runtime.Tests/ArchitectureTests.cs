using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SecretGuard.Tests;

/// <summary>
/// docs/architecture.md's "Who may reference whom" table is the allowed ProjectReference graph of src/. These tests
/// read the table and every src/*/*.csproj, so the page and the project files change together: a reference the table
/// does not allow, a project missing from the table, a row for a project that does not exist, or another target
/// framework than the documented one fails. The last test holds the table itself to the rules the page gives for it.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Page = "docs/architecture.md";
    private const string TableHeading = "## Who may reference whom";

    private static readonly Lazy<Dictionary<string, DocumentedProject>> Documented = new(ReadTable);

    [Fact]
    public void Every_project_under_src_has_a_row_and_every_row_is_a_project_under_src()
    {
        var projects = ProjectFiles().Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        var rows = Documented.Value.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.True(projects.Count >= 9, "expected the nine projects under src/, found " + string.Join(", ", projects));
        Assert.True(projects.SequenceEqual(rows),
            "src/ holds " + string.Join(", ", projects) + "; " + Page + " (" + TableHeading + ") lists " + string.Join(", ", rows) +
            ". Add a row for a new project (and say why it may reference what it does), or drop the row of a removed one.");
    }

    [Fact]
    public void Every_project_reference_under_src_is_allowed_by_the_table()
    {
        var problems = new List<string>();
        foreach (var (project, path) in ProjectFiles())
        {
            if (!Documented.Value.TryGetValue(project, out var row))
            {
                continue; // reported by the test above
            }

            foreach (var reference in ProjectReferences(path).Where(r => !row.MayReference.Contains(r)))
            {
                problems.Add(Relative(path) + " references " + reference + ", which " + Page + " does not allow (" + project + " may reference: " +
                             (row.MayReference.Count == 0 ? "nothing" : string.Join(", ", row.MayReference)) + ")");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_project_under_src_targets_the_documented_framework()
    {
        var problems = new List<string>();
        foreach (var (project, path) in ProjectFiles())
        {
            if (!Documented.Value.TryGetValue(project, out var row))
            {
                continue;
            }

            var actual = TargetFrameworks(path);
            if (!actual.SetEquals(row.TargetFrameworks))
            {
                problems.Add(Relative(path) + " targets " + string.Join(";", actual.OrderBy(f => f, StringComparer.Ordinal)) + ", " + Page + " says " +
                             string.Join(";", row.TargetFrameworks.OrderBy(f => f, StringComparer.Ordinal)));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_documented_graph_keeps_build_side_code_out_of_apps_and_the_runtime_out_of_the_compiler()
    {
        string[] buildSide = ["SecretGuard.Checks", "SecretGuard.Tasks", "SecretGuard.Cli"];
        string[] loadedByTheCompiler = ["SecretGuard.Core", "SecretGuard.Analyzers", "SecretGuard.CodeFixes"];
        var problems = new List<string>();
        void Forbid(string project, IEnumerable<string> unreachable, string because)
        {
            foreach (var reached in Reachable(project).Intersect(unreachable))
            {
                problems.Add(Page + " lets " + project + " reach " + reached + ", but " + because);
            }
        }

        foreach (var project in Documented.Value.Keys)
        {
            Forbid(project, [project], "project references must not form a cycle");
        }

        Forbid("SecretGuard.Core", Documented.Value.Keys, "Core depends on nothing (the compiler loads it)");
        Forbid("SecretGuard.Runtime", buildSide, "the runtime goes into every app's output, which holds no build-side code");
        Forbid("SecretGuard.HealthChecks", buildSide, "the health check goes into apps, which hold no build-side code");
        foreach (var project in loadedByTheCompiler)
        {
            Forbid(project, buildSide.Append("SecretGuard.Runtime"), "the compiler never loads the runtime or the build side");
        }

        Forbid("SecretGuard.Tasks", ["SecretGuard.Cli"], "the tasks and the command line are separate shells over the checks");
        Forbid("SecretGuard.Cli", ["SecretGuard.Tasks"], "the tasks and the command line are separate shells over the checks");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Every project the table lets `project` reach, directly or through other projects.
    private static HashSet<string> Reachable(string project)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Documented.Value[project].MayReference);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (reached.Add(next) && Documented.Value.TryGetValue(next, out var row))
            {
                foreach (var reference in row.MayReference)
                {
                    pending.Push(reference);
                }
            }
        }

        return reached;
    }

    // src/<Name>/<Name>.csproj by project name; any other .csproj directly in a project folder counts too.
    private static Dictionary<string, string> ProjectFiles() =>
        Directory.GetDirectories(RepositoryFiles.PathOf("src"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal);

    private static List<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();

    private static HashSet<string> TargetFrameworks(string projectFile) =>
        XDocument.Load(projectFile).Descendants()
            .Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks")
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');

    // The first table of the section: | `Project` | framework(s) | `Reference`, `Reference`, ... or "nothing" |
    private static Dictionary<string, DocumentedProject> ReadTable()
    {
        var rows = new Dictionary<string, DocumentedProject>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in RepositoryFiles.Section(Page, TableHeading).Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                if (inTable)
                {
                    break;
                }

                continue;
            }

            inTable = true;
            var cells = line.Split('|');
            var project = Regex.Match(cells.Length > 1 ? cells[1] : string.Empty, @"^\s*`(SecretGuard\.[A-Za-z]+)`\s*$");
            if (cells.Length < 5 || !project.Success)
            {
                continue; // the header and the separator
            }

            var frameworks = Regex.Split(cells[2].Trim(), @"[\s,;]+").Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
            var references = Regex.Matches(cells[3], @"`(SecretGuard\.[A-Za-z]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            Assert.True(rows.TryAdd(project.Groups[1].Value, new DocumentedProject(frameworks, references)),
                Page + " lists " + project.Groups[1].Value + " twice");
        }

        Assert.True(rows.Count > 0, Page + " has no table under '" + TableHeading + "'");
        return rows;
    }

    private sealed record DocumentedProject(HashSet<string> TargetFrameworks, HashSet<string> MayReference);
}
