using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SecretGuard.IO;

/// <summary>
/// Follows symbolic links (and Windows junctions) to the file they point at. SecretGuard writes the file a link points
/// at and never replaces the link: a key file or env file linked from a shared folder must change there, for every
/// repository that links it (docs/operations.md#sharing-a-key-file-or-an-env-file).
/// </summary>
internal static class FileLinks
{
    /// <summary>Links followed for one path before it counts as a loop (the limit Linux puts on one lookup).</summary>
    internal const int MaxLinks = 40;

    // FileSystemInfo.LinkTarget exists from .NET 6 on; this assembly targets netstandard2.0, so it is found at run time
    // (as AtomicFile finds the Unix file-mode API).
    private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget", typeof(string));

    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    /// <summary>Whether this runtime can read link targets (.NET 6 and later); without it, links are refused, never replaced.</summary>
    internal static bool CanFollowLinks => LinkTargetProperty is not null;

    /// <summary>
    /// The file a write of <paramref name="path"/> must replace: the chain of links followed to its end (a relative
    /// target read against the folder of its link), with every linked folder on the way resolved too, so that one file
    /// has one path whichever link names it (its lock and its temp files are beside that path). A path that is no link
    /// comes back as its full path with its folders resolved, whether the file exists or not.
    /// </summary>
    /// <exception cref="IOException">
    /// The path is a link whose final target does not exist or is a folder: a writer would otherwise create a file
    /// somewhere the user did not name. Or the links loop. Or this runtime cannot follow links and the path is one.
    /// </exception>
    public static string ResolveForWriting(string path)
    {
        var full = Path.GetFullPath(path);
        if (LinkTargetProperty is null)
        {
            RefuseLinkWithoutLinkApi(full);
            return full;
        }

        var followed = 0;
        var endsInLink = false;
        var current = full;
        while (true)
        {
            var next = FollowFirstLink(current, ref followed, full, out var lastWasLink);
            if (next is null)
            {
                break;
            }

            endsInLink |= lastWasLink;
            current = next;
        }

        if (endsInLink && !File.Exists(current))
        {
            throw new IOException(
                full + " is a symbolic link to " + current + (Directory.Exists(current) ? ", which is a folder, not a file" : ", which does not exist") +
                ": SecretGuard writes the file a link points at and never creates one there. Fix the link (or create that file first), then try again. Nothing was written.");
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (or a junction), whatever it points at.</summary>
    public static bool IsLink(string path)
    {
        var full = Path.GetFullPath(path);
        if (LinkTargetProperty is null)
        {
            try
            {
                return (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        return LinkTargetOf(new FileInfo(full)) is not null;
    }

    // Walks the folders of a full path from its root; at the first link, returns the path with that link replaced by
    // its target (the caller walks again), or null when no part of the path is a link.
    private static string? FollowFirstLink(string full, ref int followed, string original, out bool lastWasLink)
    {
        lastWasLink = false;
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full.Substring(root.Length).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var isLast = i == parts.Length - 1;
            var target = LinkTargetOf(isLast ? new FileInfo(next) : new DirectoryInfo(next));
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++followed > MaxLinks)
            {
                throw new IOException("the symbolic links that " + original + " goes through loop (more than " + MaxLinks + " followed): fix the links, then try again. Nothing was written.");
            }

            lastWasLink = isLast;

            // An absolute target replaces everything before it; a relative one is read in the link's folder.
            return Path.GetFullPath(Path.Combine(new[] { Path.Combine(current, target) }.Concat(parts.Skip(i + 1)).ToArray()));
        }

        return null;
    }

    private static string? LinkTargetOf(FileSystemInfo info)
    {
        try
        {
            return (string?)LinkTargetProperty!.GetValue(info);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
        {
            // A folder we may not look into: treated as no link; a write there fails with the file system's own error.
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    // Only a host older than .NET 6 gets here (the .NET Framework that Visual Studio 2022's MSBuild and compiler run on),
    // and none of those runs a writer: the tasks and the tool need .NET 8. Refusing keeps the promise anyway.
    private static void RefuseLinkWithoutLinkApi(string full)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(full);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            return;
        }

        if ((attributes & FileAttributes.ReparsePoint) != 0)
        {
            throw new IOException(full + " is a symbolic link (or another reparse point), and this runtime cannot read where it points: SecretGuard never replaces a link with a file. Run the command on .NET 8 or later. Nothing was written.");
        }
    }
}
