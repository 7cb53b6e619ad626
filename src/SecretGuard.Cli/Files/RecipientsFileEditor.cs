using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Cli.CommandLine;
using SecretGuard.IO;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Files;

/// <summary>
/// Writes the recipients file (<c>secretguard.recipients</c>, docs/formats.md#the-recipients-file), which
/// <see cref="RecipientsFile"/> reads: adds a public key to an environment, replaces one (a rotation), keeping every
/// other line, its comments and its line endings as written. Saved atomically (a temp file beside it, renamed over it),
/// by a writer that holds the file's write lock (<see cref="SecretGuard.Checks.FileWriteLock"/>), like env files.
/// Nothing in it is secret.
/// </summary>
internal sealed class RecipientsFileEditor
{
    /// <summary>The first line of a new file.</summary>
    public const string Header = "# SecretGuard public keys: commit this file. Values of an environment listed here are encrypted to all its keys.";

    private readonly List<string> _lines;
    private readonly List<string> _endings;

    private RecipientsFileEditor(string path, List<string> lines, List<string> endings, bool exists)
    {
        FilePath = path;
        _lines = lines;
        _endings = endings;
        Exists = exists;
        Changed = false;
    }

    /// <summary>Where the file is (or is created).</summary>
    public string FilePath { get; }

    /// <summary>Whether the file existed when it was opened.</summary>
    public bool Exists { get; }

    /// <summary>Whether an edit changed it since it was opened.</summary>
    public bool Changed { get; private set; }

    /// <summary>The file as it reads now.</summary>
    public RecipientsFile Parsed => RecipientsFile.Parse(ToText(), FilePath);

    /// <summary>Opens the file at <paramref name="path"/>, or a new one with the header line when there is none.</summary>
    public static RecipientsFileEditor Open(string path)
    {
        var exists = File.Exists(path);
        var text = exists ? File.ReadAllText(path, new UTF8Encoding(false)) : Header + "\n";
        var lines = new List<string>();
        var endings = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(text.Substring(start));
                endings.Add(string.Empty);
                break;
            }

            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(text.Substring(start, newline - start - (crlf ? 1 : 0)));
            endings.Add(crlf ? "\r\n" : "\n");
            start = newline + 1;
        }

        return new RecipientsFileEditor(path, lines, endings, exists);
    }

    /// <summary>
    /// The recipients file a command writes: the one in use (<c>SECRETGUARD_RECIPIENTS_FILE</c> or found upward from the
    /// working folder), else a new <c>secretguard.recipients</c> beside the key file when there is one in the repository,
    /// else at the repository's top (or the working folder).
    /// </summary>
    public static string PathFor(CommandContext context, string? keyFilePath)
    {
        string? found;
        try
        {
            found = RecipientsFile.Find(null, new[] { context.WorkingDirectory });
        }
        catch (SecretGuardException ex)
        {
            throw new CommandFailedException(ex.ErrorCode + ": " + ex.Message);
        }

        if (found is not null)
        {
            return found;
        }

        var root = Git.TopLevel(context.WorkingDirectory) ?? context.WorkingDirectory;
        if (keyFilePath is not null)
        {
            var keyFolder = Path.GetDirectoryName(keyFilePath)!;
            var relative = Path.GetRelativePath(root, keyFolder);
            if (relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)))
            {
                return Path.Combine(keyFolder, RecipientsFile.DefaultFileName);
            }
        }

        return Path.Combine(root, RecipientsFile.DefaultFileName);
    }

    /// <summary>
    /// Refuses a file with a broken line (SG1012): editing around it would leave an environment whose keys are not all
    /// known. Names the file and line, never a key.
    /// </summary>
    public void RefuseBroken(CommandContext context)
    {
        var finding = Parsed.Findings.FirstOrDefault();
        if (finding is not null)
        {
            throw new CommandFailedException("SG1012: " + context.Display(FilePath) + "(" + finding.Line + "): " + finding.Message + ". Nothing was changed: fix the recipients file first, then run the command again.");
        }
    }

    /// <summary>Appends <c>env = sgpub2_...</c>, after the environment's last line when it has one, with an optional <c># label</c>.</summary>
    public void Add(string environment, RecipientKey key, string? label)
    {
        var line = FormatLine(environment, key, label);
        var last = Parsed.For(environment).LastOrDefault();
        if (last is not null)
        {
            Insert(last.Line, line);
        }
        else
        {
            Insert(_lines.Count, line);
        }

        Changed = true;
    }

    /// <summary>Replaces the key of the line listing <paramref name="oldRecipientId"/> for the environment, keeping its place and comment.</summary>
    public bool Replace(string environment, string oldRecipientId, RecipientKey key)
    {
        var entry = Parsed.FindRecipient(environment, oldRecipientId);
        if (entry is null)
        {
            return false;
        }

        var text = _lines[entry.Line - 1];
        var hash = text.IndexOf('#');
        var comment = hash < 0 ? string.Empty : text.Substring(hash);
        var keyStart = text.IndexOf(RecipientKey.Prefix, StringComparison.Ordinal);
        var replaced = text.Substring(0, keyStart) + key.ToText();
        if (comment.Length > 0)
        {
            var beforeComment = text.Substring(0, hash);
            var padding = beforeComment.Length - beforeComment.TrimEnd().Length;
            replaced += new string(' ', Math.Max(1, padding)) + comment;
        }

        _lines[entry.Line - 1] = replaced;
        Changed = true;
        return true;
    }

    /// <summary>Removes every line of the environment (keygen --force).</summary>
    public void RemoveEnvironment(string environment)
    {
        foreach (var entry in Parsed.For(environment).OrderByDescending(e => e.Line))
        {
            _lines.RemoveAt(entry.Line - 1);
            _endings.RemoveAt(entry.Line - 1);
            Changed = true;
        }
    }

    /// <summary>Writes the file atomically, UTF-8 without a byte order mark.</summary>
    public void Save() => AtomicFile.WriteAllBytes(FilePath, new UTF8Encoding(false).GetBytes(ToText()));

    /// <summary>The text as it would be saved.</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            builder.Append(_lines[i]).Append(_endings[i]);
        }

        return builder.ToString();
    }

    /// <summary>A label must fit in a comment: one line.</summary>
    public static string? ValidateLabel(string? label)
    {
        if (label is null)
        {
            return null;
        }

        if (label.IndexOfAny(new[] { '\r', '\n' }) >= 0)
        {
            throw new UsageException("--label is one line of text: it becomes the comment after the key in the recipients file.");
        }

        return label.Trim().Length == 0 ? null : label.Trim();
    }

    private static string FormatLine(string environment, RecipientKey key, string? label) =>
        environment + " = " + key.ToText() + (label is null ? string.Empty : "   # " + label);

    // Inserts a line before index (0-based), with the file's line ending; an unterminated last line gets one first.
    private void Insert(int index, string line)
    {
        var ending = _endings.FirstOrDefault(e => e.Length > 0) ?? "\n";
        if (index > 0 && _endings[index - 1].Length == 0)
        {
            _endings[index - 1] = ending;
        }

        _lines.Insert(index, line);
        _endings.Insert(index, ending);
    }
}
