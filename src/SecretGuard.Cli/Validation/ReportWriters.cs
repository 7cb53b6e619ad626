using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Diagnostics;

namespace SecretGuard.Cli.Validation;

/// <summary>Writes <c>validate</c>'s findings as text for people and CI logs, as JSON, or as SARIF 2.1.0.</summary>
internal static class ReportWriters
{
    public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary><c>file(line,col): error SG1004: message</c>, the form IDEs and CI systems annotate.</summary>
    public static void WriteHuman(TextWriter output, IReadOnlyList<ReportedFinding> findings)
    {
        foreach (var finding in findings)
        {
            var where = finding.Path is null ? "secretguard" : finding.Line > 0 ? finding.Path + "(" + finding.Line + "," + Math.Max(finding.Column, 1) + ")" : finding.Path;
            output.WriteLine(where + ": " + finding.Level + " " + finding.Id + ": " + finding.Message);
        }
    }

    /// <summary>A JSON array with one object per finding.</summary>
    public static void WriteJson(Stream output, IReadOnlyList<ReportedFinding> findings)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("level", finding.Level);
            json.WriteString("file", finding.Path);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteString("key", finding.KeyName);
            json.WriteString("message", finding.Message);
            json.WriteString("helpUri", finding.HelpUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.Write("\n"u8);
    }

    /// <summary>
    /// A SARIF 2.1.0 log: one run whose driver lists a rule for every id found (id, help link, short description,
    /// default level), and one result per finding. Paths inside <paramref name="baseDirectory"/> are relative to
    /// <c>%SRCROOT%</c>, which code-scanning services map to the repository.
    /// </summary>
    public static void WriteSarif(Stream output, IReadOnlyList<ReportedFinding> findings, string baseDirectory)
    {
        var ruleIds = findings.Select(f => f.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SarifSchema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SecretGuard");
        json.WriteString("informationUri", HelpLinks.RepositoryUrl);
        // The version with the commit (0.1.0+c85b89a...): a code-scanning alert then names the exact build that found
        // it. semanticVersion, the field SARIF defines for comparing versions, drops the +commit: SemVer ignores build
        // metadata when ordering versions, so the release number alone is what compares.
        json.WriteString("version", ToolVersion.Informational);
        json.WriteString("semanticVersion", ToolVersion.Semantic);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            // Every id a finding can carry is in the table; an unknown one still gets a valid rule, named by its id.
            var rule = DiagnosticRules.Find(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule?.Title ?? id);
            json.WriteEndObject();
            json.WriteString("helpUri", HelpLinks.For(id));
            if (rule is not null)
            {
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", rule.DefaultSeverity == FindingSeverity.Error ? "error" : "warning");
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            json.WriteNumber("ruleIndex", ruleIds.IndexOf(finding.Id));
            json.WriteString("level", finding.Level);
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.Path is not null)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                WriteUri(json, finding.Path, baseDirectory);
                json.WriteEndObject();
                if (finding.Line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", finding.Line);
                    if (finding.Column > 0)
                    {
                        json.WriteNumber("startColumn", finding.Column);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteUri(Utf8JsonWriter json, string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path, baseDirectory);
        var relative = Path.GetRelativePath(baseDirectory, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            json.WriteString("uri", new Uri(full).AbsoluteUri);
            return;
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString);
        json.WriteString("uri", string.Join('/', segments));
        json.WriteString("uriBaseId", "%SRCROOT%");
    }
}
