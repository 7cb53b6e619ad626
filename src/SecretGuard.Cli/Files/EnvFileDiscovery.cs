using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Environments;

namespace SecretGuard.Cli.Files;

/// <summary>
/// Finds env files the way the build does (build/SecretGuard.Common.targets): in a folder, <c>.env.&lt;env&gt;</c> then
/// <c>env_&lt;env&gt;.env</c> for each known environment, then the templates <c>.env.example</c> and
/// <c>.env.template</c>. The command line also walks the folders below, because it runs for a whole repository
/// rather than one project; build output, dependencies and hidden folders are skipped.
/// </summary>
internal static class EnvFileDiscovery
{
    public static readonly IReadOnlyList<string> TemplateNames = new[] { ".env.example", ".env.template" };

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "packages", "artifacts", "TestResults" };

    /// <summary>The env files of one folder, in the build's order.</summary>
    public static List<EnvFileTarget> InFolder(string folder, IReadOnlyCollection<string> environments)
    {
        var found = new List<EnvFileTarget>();
        foreach (var environment in environments)
        {
            foreach (var name in new[] { ".env." + environment, "env_" + environment + ".env" })
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    found.Add(new EnvFileTarget(path, environment));
                }
            }
        }

        foreach (var name in TemplateNames)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                found.Add(new EnvFileTarget(path, null, isTemplate: true));
            }
        }

        return found;
    }

    /// <summary>The env files of <paramref name="root"/> and every folder below it, folder by folder.</summary>
    public static List<EnvFileTarget> Under(string root, IReadOnlyCollection<string> environments)
    {
        var found = new List<EnvFileTarget>();
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            found.AddRange(InFolder(folder, environments));
            string[] children;
            try
            {
                children = Directory.GetDirectories(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Array.Sort(children, StringComparer.Ordinal);
            for (var i = children.Length - 1; i >= 0; i--)
            {
                var child = children[i];
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || SkippedFolders.Contains(name) || new DirectoryInfo(child).LinkTarget is not null)
                {
                    continue;
                }

                pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>
    /// The environment of a file named on the command line: from its name (<c>.env.prod</c>, <c>env_prod.env</c>),
    /// a template, or <paramref name="fallbackEnvironment"/>; null when none of these tells.
    /// </summary>
    public static EnvFileTarget? ForFile(string path, string? fallbackEnvironment)
    {
        var name = Path.GetFileName(path);
        if (TemplateNames.Contains(name, StringComparer.Ordinal))
        {
            return new EnvFileTarget(path, null, isTemplate: true);
        }

        var environment = EnvironmentOfName(name) ?? fallbackEnvironment;
        return environment is null ? null : new EnvFileTarget(path, environment);
    }

    /// <summary>The environment a file name stands for (<c>.env.prod</c> and <c>env_prod.env</c> → prod), or null.</summary>
    public static string? EnvironmentOfName(string fileName)
    {
        string? candidate = null;
        if (fileName.StartsWith(".env.", StringComparison.Ordinal))
        {
            candidate = fileName.Substring(".env.".Length);
        }
        else if (fileName.StartsWith("env_", StringComparison.Ordinal) && fileName.EndsWith(".env", StringComparison.Ordinal) && fileName.Length > 8)
        {
            candidate = fileName.Substring(4, fileName.Length - 8);
        }

        return EnvironmentName.IsValid(candidate) ? candidate : null;
    }

    /// <summary>The file <c>set</c> and <c>decrypt</c> use by default: the build's active file for the environment.</summary>
    public static string DefaultFileFor(string folder, string environment)
    {
        var dotted = Path.Combine(folder, ".env." + environment);
        var underscored = Path.Combine(folder, "env_" + environment + ".env");
        return !File.Exists(dotted) && File.Exists(underscored) ? underscored : dotted;
    }
}
