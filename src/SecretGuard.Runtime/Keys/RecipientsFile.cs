using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.Environments;
using SecretGuard.KeyFiles;

namespace SecretGuard.Keys;

/// <summary>
/// The recipients file (<c>secretguard.recipients</c>, docs/formats.md#the-recipients-file): the version 2 public keys of
/// each environment, one <c>&lt;env&gt; = sgpub2_...</c> per line, <c>#</c> comments, up to 8 lines per environment, in
/// the order values list their rids. It holds nothing secret and is committed. An environment listed here is a
/// version 2 environment. Problems are SG1012 findings naming the file and line.
/// </summary>
internal sealed class RecipientsFile
{
    /// <summary>The file name searched upward from the project or app folder.</summary>
    public const string DefaultFileName = "secretguard.recipients";

    /// <summary>The variable that names the recipients file explicitly.</summary>
    public const string FileVariable = "SECRETGUARD_RECIPIENTS_FILE";

    private readonly List<RecipientEntry> _entries = new();
    private readonly List<Finding> _findings = new();

    // Environments with a broken line (null: a line whose environment cannot be told): their keys are not all known.
    private readonly HashSet<string?> _broken = new();

    private RecipientsFile(string? path) => FilePath = path;

    /// <summary>Where the file was read from.</summary>
    public string? FilePath { get; }

    /// <summary>The valid lines, in file order.</summary>
    public IReadOnlyList<RecipientEntry> Entries => _entries;

    /// <summary>Problems (SG1012), each naming the line.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The environments listed, in the order of their first line.</summary>
    public IEnumerable<string> Environments => _entries.Select(e => e.Environment).Distinct(StringComparer.Ordinal);

    /// <summary>Parses recipients-file text.</summary>
    public static RecipientsFile Parse(string text, string? path = null)
    {
        var file = new RecipientsFile(path);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            file.ReadLine(i + 1, lines[i].TrimEnd('\r'));
        }

        return file;
    }

    /// <summary>Reads a recipients file (UTF-8, with or without a byte order mark).</summary>
    public static RecipientsFile Load(string path) => Parse(File.ReadAllText(path, new UTF8Encoding(false)), path);

    /// <summary>
    /// The recipients file in use: <paramref name="explicitPath"/>, else <c>SECRETGUARD_RECIPIENTS_FILE</c>, else the
    /// first <c>secretguard.recipients</c> in one of <paramref name="searchDirectories"/> or a folder above it; null when
    /// there is none. A file named explicitly that does not exist is SG1012.
    /// </summary>
    public static string? Find(string? explicitPath, IEnumerable<string> searchDirectories)
    {
        var variable = System.Environment.GetEnvironmentVariable(FileVariable);
        var named = !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath : string.IsNullOrWhiteSpace(variable) ? null : variable;
        if (named is not null)
        {
            if (!File.Exists(named))
            {
                var source = !string.IsNullOrWhiteSpace(explicitPath) ? "the recipients-file option" : FileVariable;
                throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.MissingKey,
                    "The recipients file '" + named + "' named by " + source + " does not exist. Fix the path, or unset it to search for " + DefaultFileName + ".",
                    filePath: named);
            }

            return Path.GetFullPath(named);
        }

        foreach (var directory in searchDirectories)
        {
            var found = KeyFile.FindUpward(directory, DefaultFileName);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Whether the environment is listed (then every value encrypted for it is version 2).</summary>
    public bool Lists(string environment) => _entries.Any(e => e.Environment == environment) || _broken.Contains(environment);

    /// <summary>The lines of one environment, in file order.</summary>
    public IReadOnlyList<RecipientEntry> For(string environment) => _entries.Where(e => e.Environment == environment).ToList();

    /// <summary>The line that lists the key with this rid for the environment, or null.</summary>
    public RecipientEntry? FindRecipient(string environment, string recipientId) =>
        _entries.FirstOrDefault(e => e.Environment == environment && e.Key.RecipientId == recipientId);

    /// <summary>
    /// The public keys to encrypt the environment's values to. SG1012 when a line of the environment (or a line whose
    /// environment cannot be told) is broken: encrypting to some of the keys only would lock the others out.
    /// </summary>
    public IReadOnlyList<RecipientKey> RecipientsOf(string environment)
    {
        if (_broken.Contains(environment) || _broken.Contains(null))
        {
            var finding = _findings.First();
            throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
                Describe(finding.Line) + ": " + finding.Message + ".", detail: finding.Message, environment: environment, filePath: FilePath, line: finding.Line);
        }

        return For(environment).Select(e => e.Key).ToList();
    }

    /// <summary>Names the file and its environments.</summary>
    public override string ToString() => (FilePath ?? DefaultFileName) + ": " + string.Join(", ", Environments);

    private string Describe(int line) => (FilePath ?? DefaultFileName) + "(" + line + ")";

    // The key file's grammar (docs/formats.md#3-key-files), with public keys.
    private void ReadLine(int line, string content)
    {
        var text = content.Trim();
        if (line == 1 && text.StartsWith("\uFEFF", StringComparison.Ordinal))
        {
            text = text.Substring(1).Trim();
        }

        var comment = text.IndexOf('#');
        if (comment >= 0)
        {
            text = text.Substring(0, comment).Trim();
        }

        if (text.Length == 0)
        {
            return;
        }

        var equals = text.IndexOf('=');
        var name = equals < 0 ? string.Empty : text.Substring(0, equals).Trim();
        var value = equals < 0 ? string.Empty : text.Substring(equals + 1).Trim();
        if (equals < 0 || !EnvironmentName.IsValid(name))
        {
            Add(null, line, "expected '<environment> = " + RecipientKey.Prefix + "...' (for example 'prod = " + RecipientKey.Prefix + "...'), the environment in lower case");
            return;
        }

        if (PrivateKeyText.LooksLikePrivateKey(value))
        {
            // Found in a committed file: the message says what to do, and never shows it.
            Add(name, line, "this line holds a private key (" + PrivateKeyText.Prefix + "...), which must never be in the recipients file: delete the line, " +
                "treat that key as leaked (make a new pair), and list the public key (" + RecipientKey.Prefix + "...) here instead");
            return;
        }

        if (!RecipientKey.TryParse(value, Describe(line), out var key))
        {
            Add(name, line, "the public key for '" + name + "' is not a version 2 public key ('" + RecipientKey.Prefix +
                "' and 87 base64url characters of a point of P-256, with no space or line break inside)");
            return;
        }

        var earlier = For(name);
        if (earlier.Any(e => e.Key.RecipientId == key!.RecipientId))
        {
            Add(name, line, "the key " + key!.RecipientId + " is listed twice for '" + name + "' (also on line " +
                earlier.First(e => e.Key.RecipientId == key.RecipientId).Line + "): delete one of the lines");
            return;
        }

        if (earlier.Count >= Encryption.EncryptedValue.MaxRecipients)
        {
            Add(name, line, "'" + name + "' has more than " + Encryption.EncryptedValue.MaxRecipients + " public keys; a value has at most " +
                Encryption.EncryptedValue.MaxRecipients + " recipients");
            return;
        }

        _entries.Add(new RecipientEntry(name, line, key!));
    }

    private void Add(string? environment, int line, string message)
    {
        _broken.Add(environment);
        _findings.Add(new Finding(DiagnosticIds.MissingMasterKey, FindingSeverity.Error, FilePath, line, 1, message));
    }
}
