using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretGuard.Tests;

/// <summary>
/// Every "why" in a comment, a build file or a page must be readable from a clone of this repository. Comments used to
/// cite two documents that never lived here (a design brief and a list of toolchain notes, in a folder beside the
/// repository); their content now lives in docs/. The first test keeps such pointers from coming back; the second
/// checks that the pointers into docs/ lead somewhere: the file exists and, with a #fragment, so does the heading.
/// </summary>
public sealed class RepositoryPointerTests
{
    // The outside documents' names as comments cited them ("<name> §4", "<name>.md", the notes' name in capitals) and
    // the relative path to the folder that held them. Case-sensitive, whole words: "Design", "artifacts" and
    // "../shared-config" are fine. Written so that this file does not match itself.
    private static readonly Regex OutsidePointer = new(@"\bDESIGN(?:\.md|\s*§)|\bFACTS\b|\.\./shared(?![\w-])", RegexOptions.CultureInvariant);

    // "docs/<path>[#fragment]" anywhere in a file, relative to the repository root (also inside a GitHub URL).
    private static readonly Regex DocsPointer = new(@"(?<![\w.-])docs/(?<path>[\w./-]*[\w/])?(?:#(?<anchor>[\w-]+))?", RegexOptions.CultureInvariant);

    // A markdown link with a relative target: [text](target).
    private static readonly Regex MarkdownLink = new(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant);

    // Where the repository's own text lives. Build output, test results and the analyzers' accuracy corpus (samples of
    // what users write, not our text) are skipped.
    private static readonly string[] Areas = ["src", "build", "tests", "bench", "samples", "docs", ".ci"];
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "Corpus", "TestResults", "BenchmarkDotNet.Artifacts" };

    [Fact]
    public void No_file_points_at_a_document_outside_the_repository()
    {
        var found = new List<string>();
        foreach (var (path, lines) in RepositoryTextFiles())
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsidePointer.IsMatch(lines[i]))
                {
                    found.Add(Relative(path) + ":" + (i + 1) + ": " + lines[i].Trim());
                }
            }
        }

        Assert.True(found.Count == 0,
            "These lines point at documents outside the repository. Point them at docs/ instead (docs/architecture.md " +
            "has the toolchain constraints; write what is missing there):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_pointer_into_docs_leads_to_a_file_and_heading_that_exist()
    {
        var broken = new List<string>();
        var anchorsByFile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, lines) in RepositoryTextFiles())
        {
            var isMarkdown = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            var inFence = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (isMarkdown && line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                foreach (Match pointer in DocsPointer.Matches(line))
                {
                    var target = RepositoryFiles.PathOf("docs/" + pointer.Groups["path"].Value.TrimEnd('/'));
                    Check(pointer.Value, target, pointer.Groups["anchor"].Value);
                }

                if (!isMarkdown || inFence)
                {
                    continue;
                }

                foreach (Match link in MarkdownLink.Matches(line))
                {
                    var value = link.Groups["target"].Value;
                    if (Regex.IsMatch(value, "^[A-Za-z][A-Za-z0-9+.-]*:"))
                    {
                        continue; // https:, mailto:
                    }

                    var hash = value.IndexOf('#', StringComparison.Ordinal);
                    var file = hash < 0 ? value : value[..hash];
                    var anchor = hash < 0 ? string.Empty : value[(hash + 1)..];
                    var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
                    Check(value, target, anchor);
                }

                void Check(string pointer, string target, string anchor)
                {
                    var where = Relative(path) + ":" + (i + 1) + ": " + pointer;
                    if (!File.Exists(target) && !Directory.Exists(target))
                    {
                        broken.Add(where + " (no such file)");
                        return;
                    }

                    if (anchor.Length == 0 || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                    {
                        return;
                    }

                    if (!anchorsByFile.TryGetValue(target, out var anchors))
                    {
                        anchorsByFile[target] = anchors = RepositoryFiles.HeadingAnchors(target);
                    }

                    if (!anchors.Contains(anchor))
                    {
                        broken.Add(where + " (no heading #" + anchor + " in " + Relative(target) + ")");
                    }
                }
            }
        }

        Assert.True(broken.Count == 0, "Pointers into the docs that lead nowhere:\n" + string.Join("\n", broken));
    }

    // The repository's text files: those at the root (README.md, props, nuspecs, scripts) and everything under the areas.
    private static IEnumerable<(string Path, string[] Lines)> RepositoryTextFiles()
    {
        var files = Directory.GetFiles(RepositoryFiles.Root)
            .Concat(Areas.Select(RepositoryFiles.PathOf).Where(Directory.Exists).SelectMany(FilesUnder));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains('\0', StringComparison.Ordinal))
            {
                yield return (file, text.Replace("\r\n", "\n").Split('\n'));
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.GetFiles(folder).Concat(
            Directory.GetDirectories(folder)
                .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)))
                .SelectMany(FilesUnder));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');
}
