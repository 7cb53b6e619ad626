using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Diagnostics;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// Holds every place that names diagnostic ids to the one table, <see cref="DiagnosticRules"/>: the analyzers'
/// descriptors, AnalyzerReleases.*.md, <see cref="DiagnosticIds"/>, the targets' warnings-as-errors list and
/// warnings, the rule pages and their index. Each failure lists every mismatch of its place and says what to change.
/// </summary>
public sealed class RuleTableConsistencyTests
{
    private const string TablePath = "src/SecretGuard.Core/Diagnostics/DiagnosticRules.cs";
    private const string CommonTargetsPath = "build/SecretGuard.Common.targets";
    private const string RuleIndexPath = "docs/rules/README.md";
    private const string ErrorInCi = "error in CI";

    private static readonly string[] ReleaseFiles =
    {
        "src/SecretGuard.Analyzers/AnalyzerReleases.Shipped.md",
        "src/SecretGuard.Analyzers/AnalyzerReleases.Unshipped.md",
    };

    [Fact]
    public void The_table_is_well_formed()
    {
        var problems = new List<string>();
        var ids = DiagnosticRules.All.Select(rule => rule.Id).ToList();
        if (!ids.SequenceEqual(ids.OrderBy(id => id, StringComparer.Ordinal)))
        {
            problems.Add("the rows are not in id order: sort them");
        }

        foreach (var duplicate in ids.GroupBy(id => id).Where(group => group.Count() > 1))
        {
            problems.Add(duplicate.Key + " has " + duplicate.Count() + " rows: keep one");
        }

        foreach (var rule in DiagnosticRules.All)
        {
            if (!Regex.IsMatch(rule.Id, "^SG[01][0-9]{3}$"))
            {
                problems.Add(rule.Id + ": ids are SG0xxx (analyzers) or SG1xxx (everything else)");
            }

            // Analyzer ids have descriptors and release entries and nothing else reports them; the rest never do.
            var isAnalyzerId = rule.Id.StartsWith("SG0", StringComparison.Ordinal);
            if (isAnalyzerId && rule.ReportedBy != DiagnosticReporters.Analyzer)
            {
                problems.Add(rule.Id + " is an analyzer id: it must be reported by the analyzer alone, not " + rule.ReportedBy);
            }
            else if (!isAnalyzerId && rule.IsAnalyzerRule)
            {
                problems.Add(rule.Id + " is reported by an analyzer: analyzer ids are SG0xxx");
            }

            if (rule.Title.Length == 0 || !char.IsUpper(rule.Title[0]) || rule.Title.EndsWith(".", StringComparison.Ordinal) || rule.Title != rule.Title.Trim())
            {
                problems.Add(rule.Id + ": the title '" + rule.Title + "' must be in sentence case without a final period");
            }

            if (rule.NotAnErrorInCiBecause is { } reason && reason.Trim().Length == 0)
            {
                problems.Add(rule.Id + ": say why CI builds leave it alone, or drop the empty reason");
            }

            var expectedLink = "https://github.com/secretguard/SecretGuard/blob/main/docs/rules/" + rule.Id + ".md";
            if (rule.HelpLink != expectedLink)
            {
                problems.Add(rule.Id + ": the help link is " + rule.HelpLink + ", expected " + expectedLink + " (HelpLinks.For)");
            }
        }

        AssertNone(problems, TablePath + " is not well formed");
    }

    [Fact]
    public void Every_id_has_a_page_whose_heading_where_and_severity_lines_match_the_table()
    {
        var problems = new List<string>();
        foreach (var rule in DiagnosticRules.All)
        {
            var page = "docs/rules/" + rule.Id + ".md";
            var heading = "# " + rule.Id + ": " + rule.Title;
            if (!RepositoryFiles.Exists(page))
            {
                problems.Add(page + " is missing: write it, starting with '" + heading + "' and the **Where** and **Severity** lines the other pages have");
                continue;
            }

            var text = RepositoryFiles.Read(page);
            var firstLine = text.Split('\n')[0];
            if (firstLine != heading)
            {
                problems.Add(page + ": the heading is '" + firstLine + "'; make it '" + heading + "' (or change the title in the table, the analyzer descriptor and " + RuleIndexPath + " with it)");
            }

            var where = Regex.Match(text, @"\*\*Where\*\*:\s*([^.(]*)");
            var expectedWhere = ReporterText(rule.ReportedBy);
            if (!where.Success)
            {
                problems.Add(page + ": no '**Where**: " + expectedWhere + ".' line");
            }
            else if (where.Groups[1].Value.Trim() != expectedWhere)
            {
                problems.Add(page + ": **Where** says '" + where.Groups[1].Value.Trim() + "', the table says '" + expectedWhere + "': fix the page or the row's reporters");
            }

            var severity = Regex.Match(text, @"\*\*Severity\*\*:\s*(.*)");
            var expectedSeverity = SeverityText(rule.DefaultSeverity);
            if (!severity.Success)
            {
                problems.Add(page + ": no '**Severity**: " + expectedSeverity + "' line");
                continue;
            }

            var severityLine = severity.Groups[1].Value;
            if (!severityLine.StartsWith(expectedSeverity, StringComparison.Ordinal))
            {
                problems.Add(page + ": **Severity** says '" + severityLine + "', the table's default severity is " + expectedSeverity);
            }

            // A warning's page says what CI builds make of it; an error is an error everywhere.
            if (rule.DefaultSeverity == FindingSeverity.Warning && rule.IsErrorInCi && !severityLine.Contains(ErrorInCi, StringComparison.Ordinal))
            {
                problems.Add(page + ": CI builds make " + rule.Id + " an error; add '(" + ErrorInCi + ")' to its **Severity** line");
            }
            else if (!rule.IsErrorInCi && severityLine.Contains(ErrorInCi, StringComparison.Ordinal))
            {
                problems.Add(page + ": CI builds leave " + rule.Id + " alone (" + rule.NotAnErrorInCiBecause + "); its **Severity** line must not say '" + ErrorInCi + "'");
            }
        }

        foreach (var page in Directory.GetFiles(RepositoryFiles.PathOf("docs/rules"), "SG*.md"))
        {
            var id = Path.GetFileNameWithoutExtension(page);
            if (DiagnosticRules.Find(id) is null)
            {
                problems.Add("docs/rules/" + id + ".md documents an id the table does not have: add a row to " + TablePath + " or delete the page");
            }
        }

        AssertNone(problems, DisagreesWithTheTable("docs/rules"));
    }

    [Fact]
    public void The_rule_index_lists_every_id_in_order_with_the_tables_values()
    {
        var problems = new List<string>();
        var rows = Regex.Matches(RepositoryFiles.Read(RuleIndexPath), @"^\|\s*\[(SG[0-9]{4})\]\(([^)]*)\)\s*\|(.*)\|\s*$", RegexOptions.Multiline)
            .Select(match => (Id: match.Groups[1].Value, Link: match.Groups[2].Value, Cells: match.Groups[3].Value.Split('|').Select(cell => cell.Trim()).ToArray()))
            .ToList();

        var listed = rows.Select(row => row.Id).ToList();
        var expected = DiagnosticRules.All.Select(rule => rule.Id).ToList();
        foreach (var id in expected.Except(listed))
        {
            problems.Add(id + " has no row: add one");
        }

        foreach (var id in listed.Except(expected))
        {
            problems.Add(id + " has a row but is not in the table: remove the row, or add the id to the table");
        }

        foreach (var duplicate in listed.GroupBy(id => id).Where(group => group.Count() > 1))
        {
            problems.Add(duplicate.Key + " has " + duplicate.Count() + " rows: keep one");
        }

        var common = listed.Where(expected.Contains).Distinct().ToList();
        if (!common.SequenceEqual(expected.Where(listed.Contains)))
        {
            problems.Add("the rows are not in id order: sort them");
        }

        foreach (var (id, link, cells) in rows)
        {
            var rule = DiagnosticRules.Find(id);
            if (rule is null)
            {
                continue; // reported above
            }

            var expectedCells = new[]
            {
                rule.Title,
                ReporterText(rule.ReportedBy),
                SeverityText(rule.DefaultSeverity),
            };
            var row = "| [" + id + "](" + id + ".md) | " + string.Join(" | ", expectedCells) + " | " + (rule.IsErrorInCi ? "error" : "<what CI builds do instead of an error>") + " |";
            if (link != id + ".md" || cells.Length != 4 || !cells.Take(3).SequenceEqual(expectedCells))
            {
                problems.Add("the row of " + id + " must read '" + row + "'");
            }
            else if ((cells[3] == "error") != rule.IsErrorInCi)
            {
                problems.Add("the row of " + id + ": its 'in CI builds' cell says '" + cells[3] + "', but the table " +
                             (rule.IsErrorInCi ? "makes it an error in CI" : "leaves it alone in CI (" + rule.NotAnErrorInCiBecause + ")"));
            }
        }

        AssertNone(problems, DisagreesWithTheTable(RuleIndexPath));
    }

    [Fact]
    public void Every_analyzer_descriptor_matches_its_row()
    {
        var problems = new List<string>();
        var descriptors = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Select(descriptor => (Analyzer: type.Name, Descriptor: descriptor)))
            .ToList();

        foreach (var (analyzer, descriptor) in descriptors)
        {
            var rule = DiagnosticRules.Find(descriptor.Id);
            if (rule is null || !rule.IsAnalyzerRule)
            {
                problems.Add(analyzer + " reports " + descriptor.Id + ", which is not an analyzer id in the table: add the row (ReportedBy Analyzer)");
                continue;
            }

            var title = descriptor.Title.ToString();
            if (title != rule.Title)
            {
                problems.Add(descriptor.Id + ": the descriptor's title is '" + title + "', the table's '" + rule.Title + "' (DiagnosticDescriptors.cs)");
            }

            if (descriptor.HelpLinkUri != rule.HelpLink)
            {
                problems.Add(descriptor.Id + ": the descriptor's help link is '" + descriptor.HelpLinkUri + "'; build it with HelpLinks.For(id): " + rule.HelpLink);
            }

            if (SeverityOf(descriptor.DefaultSeverity) != rule.DefaultSeverity)
            {
                problems.Add(descriptor.Id + ": the descriptor's default severity is " + descriptor.DefaultSeverity + ", the table's " + rule.DefaultSeverity);
            }

            if (!descriptor.IsEnabledByDefault)
            {
                problems.Add(descriptor.Id + ": the descriptor is disabled by default, but the docs and the table describe a rule that runs");
            }
        }

        foreach (var rule in DiagnosticRules.All.Where(rule => rule.IsAnalyzerRule))
        {
            if (!descriptors.Any(entry => entry.Descriptor.Id == rule.Id))
            {
                problems.Add(rule.Id + " is an analyzer id in the table, but no analyzer supports it: add its descriptor to an analyzer's SupportedDiagnostics or remove the row");
            }
        }

        AssertNone(problems, DisagreesWithTheTable("src/SecretGuard.Analyzers"));
    }

    [Fact]
    public void Every_analyzer_id_has_exactly_one_release_entry_and_no_other_id_has_any()
    {
        var problems = new List<string>();
        var entries = ReleaseFiles.SelectMany(ReadReleaseEntries).ToList();
        var categories = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToDictionary(descriptor => descriptor.Id, descriptor => descriptor.Category);

        foreach (var entry in entries)
        {
            var rule = DiagnosticRules.Find(entry.Id);
            if (rule is null || !rule.IsAnalyzerRule)
            {
                problems.Add(entry.File + ": '" + entry.Section + "' lists " + entry.Id + ", which is not an analyzer id in the table; only analyzer rules have release entries: remove it");
            }
            else if (entry.Section == "Removed Rules")
            {
                problems.Add(entry.File + ": " + entry.Id + " is listed as removed, but the table still has it");
            }
        }

        foreach (var rule in DiagnosticRules.All.Where(rule => rule.IsAnalyzerRule))
        {
            var added = entries.Where(entry => entry.Id == rule.Id && entry.Section == "New Rules").ToList();
            if (added.Count != 1)
            {
                problems.Add(rule.Id + " has " + added.Count + " 'New Rules' entries in AnalyzerReleases.Shipped.md and .Unshipped.md together; it needs exactly one (Unshipped until a release ships it)");
                continue;
            }

            var release = added[0];
            if (release.Severity != rule.DefaultSeverity.ToString())
            {
                problems.Add(release.File + ": " + rule.Id + " is listed with severity " + release.Severity + ", the table's is " + rule.DefaultSeverity);
            }

            if (categories.TryGetValue(rule.Id, out var category) && release.Category != category)
            {
                problems.Add(release.File + ": " + rule.Id + " is listed in category " + release.Category + ", its descriptor's is " + category);
            }
        }

        AssertNone(problems, DisagreesWithTheTable("AnalyzerReleases"));
    }

    [Fact]
    public void The_targets_make_exactly_the_tables_CI_ids_errors_in_CI()
    {
        var problems = new List<string>();
        var lists = XDocument.Parse(RepositoryFiles.Read(CommonTargetsPath)).Descendants("_SecretGuardIds").ToList();
        Assert.True(lists.Count == 1, CommonTargetsPath + " must define _SecretGuardIds once, the list CI builds add to WarningsAsErrors and MSBuildWarningsAsErrors; it defines it " + lists.Count + " times");

        var listed = lists[0].Value.Split(';').Select(id => id.Trim()).Where(id => id.Length > 0).ToList();
        foreach (var duplicate in listed.GroupBy(id => id).Where(group => group.Count() > 1))
        {
            problems.Add("_SecretGuardIds lists " + duplicate.Key + " " + duplicate.Count() + " times");
        }

        foreach (var rule in DiagnosticRules.All)
        {
            var inList = listed.Contains(rule.Id);
            if (rule.IsErrorInCi && !inList)
            {
                problems.Add("_SecretGuardIds lacks " + rule.Id + ", which the table makes an error in CI: add it, or give its row the reason CI builds leave it alone");
            }
            else if (!rule.IsErrorInCi && inList)
            {
                problems.Add("_SecretGuardIds lists " + rule.Id + ", which the table leaves alone in CI (" + rule.NotAnErrorInCiBecause + "): remove it, or drop the reason from its row");
            }
        }

        foreach (var id in listed.Where(id => DiagnosticRules.Find(id) is null))
        {
            problems.Add("_SecretGuardIds lists " + id + ", which the table does not have");
        }

        AssertNone(problems, DisagreesWithTheTable(CommonTargetsPath));
    }

    [Fact]
    public void Every_warning_or_error_the_targets_log_is_a_build_id_with_its_help_link()
    {
        var problems = new List<string>();
        var files = Directory.GetFiles(RepositoryFiles.PathOf("build"), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".targets", StringComparison.Ordinal) || file.EndsWith(".props", StringComparison.Ordinal));
        var logged = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var element in XDocument.Load(file).Descendants().Where(element => element.Name.LocalName is "Warning" or "Error"))
            {
                logged++;
                var id = (string?)element.Attribute("Code");
                var rule = id is null ? null : DiagnosticRules.Find(id);
                if (rule is null || (rule.ReportedBy & DiagnosticReporters.Build) == 0)
                {
                    problems.Add(relative + ": <" + element.Name.LocalName + " Code=\"" + id + "\"> is not a build id of the table: give it one (and a row)");
                    continue;
                }

                if (element.Name.LocalName != (rule.DefaultSeverity == FindingSeverity.Error ? "Error" : "Warning"))
                {
                    problems.Add(relative + ": " + id + " is logged with <" + element.Name.LocalName + ">, but its default severity is " + rule.DefaultSeverity);
                }

                var text = (string?)element.Attribute("Text") ?? string.Empty;
                if (!text.EndsWith(" " + rule.HelpLink, StringComparison.Ordinal))
                {
                    problems.Add(relative + ": the text of " + id + " must end with its help link, " + rule.HelpLink);
                }
            }
        }

        // The targets log SG1013 and SG1015 themselves; finding none means this test looks in the wrong place.
        Assert.True(logged > 0, "no <Warning> or <Error> found under build/");
        AssertNone(problems, DisagreesWithTheTable("build/"));
    }

    [Fact]
    public void DiagnosticIds_holds_exactly_the_ids_analyzers_do_not_report()
    {
        var problems = new List<string>();
        var constants = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (Name: field.Name, Id: (string)field.GetRawConstantValue()!))
            .ToList();

        foreach (var (name, id) in constants)
        {
            var rule = DiagnosticRules.Find(id);
            if (rule is null || rule.IsAnalyzerRule)
            {
                problems.Add("DiagnosticIds." + name + " = \"" + id + "\" is not a build, CLI or runtime id of the table: add the row or remove the constant");
            }
        }

        foreach (var duplicate in constants.GroupBy(constant => constant.Id).Where(group => group.Count() > 1))
        {
            problems.Add(duplicate.Key + " has several constants: " + string.Join(", ", duplicate.Select(constant => constant.Name)));
        }

        foreach (var rule in DiagnosticRules.All.Where(rule => !rule.IsAnalyzerRule && constants.All(constant => constant.Id != rule.Id)))
        {
            problems.Add(rule.Id + " (" + rule.Title + ") has no DiagnosticIds constant: add one, and use it in the row");
        }

        AssertNone(problems, DisagreesWithTheTable("src/SecretGuard.Core/Diagnostics/DiagnosticIds.cs"));
    }

    /// <summary>"analyzer", "build, CLI, runtime": the words the rule pages and the index use.</summary>
    private static string ReporterText(DiagnosticReporters reporters)
    {
        var words = new List<string>();
        if ((reporters & DiagnosticReporters.Analyzer) != 0)
        {
            words.Add("analyzer");
        }

        if ((reporters & DiagnosticReporters.Build) != 0)
        {
            words.Add("build");
        }

        if ((reporters & DiagnosticReporters.Cli) != 0)
        {
            words.Add("CLI");
        }

        if ((reporters & DiagnosticReporters.Runtime) != 0)
        {
            words.Add("runtime");
        }

        return string.Join(", ", words);
    }

    /// <summary>"error", "warning", "suggestion": the words of the pages, the index and .editorconfig.</summary>
    private static string SeverityText(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Info => "suggestion",
        _ => "warning",
    };

    private static FindingSeverity? SeverityOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => FindingSeverity.Error,
        DiagnosticSeverity.Warning => FindingSeverity.Warning,
        DiagnosticSeverity.Info => FindingSeverity.Info,
        _ => null,
    };

    /// <summary>The rule rows of an AnalyzerReleases file, with the '### ...' section each is in.</summary>
    private static IEnumerable<(string File, string Section, string Id, string Category, string Severity)> ReadReleaseEntries(string file)
    {
        var section = string.Empty;
        foreach (var line in RepositoryFiles.Read(file).Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Trim();
                continue;
            }

            var row = Regex.Match(line, @"^\s*(SG[0-9]{4})\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|");
            if (row.Success)
            {
                yield return (file, section, row.Groups[1].Value, row.Groups[2].Value, row.Groups[3].Value);
            }
        }
    }

    private static string DisagreesWithTheTable(string place) => place + " disagrees with the rule table (" + TablePath + ")";

    private static void AssertNone(List<string> problems, string heading) =>
        Assert.True(problems.Count == 0, heading + ":\n- " + string.Join("\n- ", problems));
}
