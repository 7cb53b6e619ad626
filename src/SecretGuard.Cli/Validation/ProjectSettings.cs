using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.Naming;
using SecretGuard.Policy;

namespace SecretGuard.Cli.Validation;

/// <summary>
/// The settings of a folder's project that change what the checks find: <c>SecretGuardRule</c> items and the
/// <c>SecretGuardSecretSuffixes</c> property, read from the project files in the folder and the nearest
/// <c>Directory.Build.props</c> above it. MSBuild is not evaluated: an element under a <c>Condition</c> or with
/// <c>$(...)</c> in it is skipped, with a note.
/// </summary>
internal sealed class ProjectSettings
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    public List<PolicyRule> Rules { get; } = new();

    public List<string> SecretSuffixes { get; } = new();

    /// <summary>What was skipped and why (for stderr).</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Rules that MSBuild would also reject (SG1008 errors at the project file).</summary>
    public List<Finding> Findings { get; } = new();

    /// <summary>Which entries are secret in this project: its suffixes and the names its rules mark Secret="true".</summary>
    public SecretNaming Naming => new(SecretSuffixes, Rules.Where(r => r.Secret).Select(r => r.Name));

    public static ProjectSettings Read(string folder)
    {
        var settings = new ProjectSettings();
        foreach (var file in ProjectFiles(folder))
        {
            settings.ReadFile(file);
        }

        return settings;
    }

    private static IEnumerable<string> ProjectFiles(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var props = Path.Combine(directory.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                yield return props;
                break;
            }
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var file in files.Where(f => ProjectExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return file;
        }
    }

    private void ReadFile(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            Notes.Add(path + " could not be read as XML (" + ex.Message + "); its SecretGuard settings are not applied.");
            return;
        }

        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == "SecretGuardSecretSuffixes"))
        {
            if (Usable(path, element, "the SecretGuardSecretSuffixes property"))
            {
                SecretSuffixes.AddRange(element.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == "SecretGuardRule"))
        {
            var include = element.Attribute("Include")?.Value;
            if (string.IsNullOrWhiteSpace(include) || !Usable(path, element, "the SecretGuardRule '" + include + "'"))
            {
                continue;
            }

            foreach (var name in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddRule(path, element, name);
            }
        }
    }

    private bool Usable(string path, XElement element, string what)
    {
        if (element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null))
        {
            Notes.Add(Path.GetFileName(path) + ": " + what + " has a Condition, which only MSBuild evaluates; validate ignores it.");
            return false;
        }

        var texts = element.Attributes().Select(a => a.Value).Concat(element.DescendantsAndSelf().Select(e => e.HasElements ? string.Empty : e.Value));
        if (texts.Any(t => t.Contains("$(", StringComparison.Ordinal) || t.Contains("@(", StringComparison.Ordinal)))
        {
            Notes.Add(Path.GetFileName(path) + ": " + what + " uses an MSBuild property or item, which only MSBuild evaluates; validate ignores it.");
            return false;
        }

        return true;
    }

    private void AddRule(string path, XElement element, string name)
    {
        string? problem;
        try
        {
            if (PolicyRule.TryCreate(
                name,
                secret: Flag(element, "Secret"),
                minLength: Number(element, "MinLength"),
                length: Number(element, "Length"),
                pattern: Metadata(element, "Pattern"),
                required: Flag(element, "Required"),
                environments: Metadata(element, "Environments")?.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries),
                out var rule,
                out problem))
            {
                Rules.Add(rule);
                return;
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            problem = "a MinLength or Length that is not a whole number";
        }

        var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;
        Findings.Add(new Finding(DiagnosticIds.PolicyViolation, FindingSeverity.Error, path, line, 0, "SecretGuardRule '" + name + "' is invalid: " + problem, name));
    }

    private static string? Metadata(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool Flag(XElement element, string name) => string.Equals(Metadata(element, name), "true", StringComparison.OrdinalIgnoreCase);

    private static int? Number(XElement element, string name) =>
        Metadata(element, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
