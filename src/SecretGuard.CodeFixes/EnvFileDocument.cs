using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SecretGuard.CodeFixes;

/// <summary>
/// The project's dev env file as an additional document. The package declares it even before it exists (a
/// placeholder), because <c>dotnet format</c>'s workspace cannot add additional documents
/// (docs/architecture.md#fix-all-and-the-dev-env-file).
/// </summary>
internal static class EnvFileDocument
{
    public const string DefaultName = ".env.dev";
    private static readonly string[] Names = { ".env.dev", "env_dev.env" };

    public static TextDocument? Find(Project project)
    {
        var projectDirectory = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
        return project.AdditionalDocuments
            .Where(d => Names.Contains(Path.GetFileName(d.FilePath ?? d.Name), StringComparer.OrdinalIgnoreCase))
            .OrderBy(d => projectDirectory is not null && string.Equals(Path.GetDirectoryName(d.FilePath), projectDirectory, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(d => Array.IndexOf(Names, Path.GetFileName(d.FilePath ?? d.Name)))
            .FirstOrDefault();
    }

    public static bool CanCreate(Project project) =>
        project.Solution.Workspace.CanApplyChange(ApplyChangesKind.AddAdditionalDocument);

    public static string? NewPath(Project project) =>
        project.FilePath is null ? null : Path.Combine(Path.GetDirectoryName(project.FilePath)!, DefaultName);
}
