using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SecretGuard.RealCode;

/// <summary>
/// One codebase of the evaluation loop, read from its file in <c>bench/real-code/</c>: the pinned commit, the globs that say
/// which files are production code, and the hand labels of its findings. Labels are facts about someone else's code
/// (where, which rule, real or not, why); the file never holds their code or a value.
/// </summary>
internal sealed class Codebase
{
    private Codebase(string file, string owner, string name, string commit, string kind, IReadOnlyList<PathGlob> production, IReadOnlyList<PathGlob> notProduction, IReadOnlyList<Label> labels)
    {
        File = file;
        Owner = owner;
        Name = name;
        Commit = commit;
        Kind = kind;
        Production = production;
        NotProduction = notProduction;
        Labels = labels;
    }

    /// <summary>The labels file this was read from.</summary>
    public string File { get; }

    public string Owner { get; }

    public string Name { get; }

    /// <summary>The full commit id the labels were made on: line numbers only mean something at this commit.</summary>
    public string Commit { get; }

    /// <summary>What sort of code it is (web backend, desktop app, library, tool), for the report.</summary>
    public string Kind { get; }

    public IReadOnlyList<PathGlob> Production { get; }

    public IReadOnlyList<PathGlob> NotProduction { get; }

    public IReadOnlyList<Label> Labels { get; }

    /// <summary><c>owner/name</c>.</summary>
    public string Id => Owner + "/" + Name;

    /// <summary><c>owner+name</c>: the folder and file name used for checkouts and findings.</summary>
    public string FileStem => Owner + "+" + Name;

    /// <summary>Whether a repository-relative path (with '/') is production code: matched by a production glob and by no exclusion.</summary>
    public bool IsProduction(string relativePath) =>
        Production.Any(g => g.IsMatch(relativePath)) && !NotProduction.Any(g => g.IsMatch(relativePath));

    /// <summary>
    /// Reads a labels file. Header lines are <c>codebase owner/name@commit</c>, <c>kind …</c>, <c>production glob…</c>,
    /// <c>not-production glob…</c>; every other non-comment line is a label, tab-separated:
    /// <c>path:line</c>, rule, <c>true</c>|<c>false</c>, value hash, reason.
    /// </summary>
    public static Codebase Load(string file)
    {
        string? owner = null, name = null, commit = null, kind = string.Empty;
        var production = new List<PathGlob>();
        var notProduction = new List<PathGlob>();
        var labels = new List<Label>();
        var lineNumber = 0;
        foreach (var raw in System.IO.File.ReadLines(file))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (keyword, rest) = SplitKeyword(line);
            switch (keyword)
            {
                case "codebase":
                    var at = rest.IndexOf('@', StringComparison.Ordinal);
                    var slash = rest.IndexOf('/', StringComparison.Ordinal);
                    if (at < 0 || slash < 0 || slash > at)
                    {
                        throw Bad(file, lineNumber, "expected 'codebase owner/name@commit'");
                    }

                    owner = rest[..slash];
                    name = rest[(slash + 1)..at];
                    commit = rest[(at + 1)..];
                    break;
                case "kind":
                    kind = rest;
                    break;
                case "production":
                    production.AddRange(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(g => new PathGlob(g)));
                    break;
                case "not-production":
                    notProduction.AddRange(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(g => new PathGlob(g)));
                    break;
                default:
                    labels.Add(ParseLabel(file, lineNumber, line));
                    break;
            }
        }

        if (owner is null || name is null || commit is null)
        {
            throw Bad(file, 1, "no 'codebase owner/name@commit' line");
        }

        if (production.Count == 0)
        {
            throw Bad(file, 1, "no 'production' globs: say which files are production code");
        }

        return new Codebase(Path.GetFullPath(file), owner, name, commit, kind, production, notProduction, labels);
    }

    private static (string Keyword, string Remainder) SplitKeyword(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return (string.Empty, line);
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, string.Empty) : (line[..space], line[(space + 1)..].Trim());
    }

    private static Label ParseLabel(string file, int lineNumber, string line)
    {
        var fields = line.Split('\t');
        if (fields.Length < 5)
        {
            throw Bad(file, lineNumber, "a label has five tab-separated fields: path:line, rule, true|false, value hash, reason");
        }

        var colon = fields[0].LastIndexOf(':');
        if (colon < 0 || !int.TryParse(fields[0][(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sourceLine))
        {
            throw Bad(file, lineNumber, "the first field is path:line");
        }

        var verdict = fields[2] switch
        {
            "true" => true,
            "false" => false,
            _ => throw Bad(file, lineNumber, "the verdict is 'true' (a real secret or leak) or 'false'"),
        };
        return new Label(fields[0][..colon], sourceLine, fields[1], verdict, fields[3], string.Join(' ', fields.Skip(4)).Trim(), lineNumber);
    }

    private static FormatException Bad(string file, int line, string what) => new($"{file}({line}): {what}.");
}
