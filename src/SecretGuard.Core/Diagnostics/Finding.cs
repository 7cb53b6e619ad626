namespace SecretGuard.Diagnostics;

/// <summary>
/// One problem found in a file: what (id and message), where (file, line, column) and how bad.
/// Messages name keys, files and kids; they never contain a value.
/// </summary>
internal sealed class Finding
{
    /// <summary>Creates a finding.</summary>
    public Finding(string id, FindingSeverity severity, string? filePath, int line, int column, string message, string? keyName = null)
    {
        Id = id;
        Severity = severity;
        FilePath = filePath;
        Line = line;
        Column = column;
        Message = message;
        KeyName = keyName;
    }

    /// <summary>The diagnostic id, e.g. <c>SG1001</c>.</summary>
    public string Id { get; }

    /// <summary>The default severity.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>The file the finding is in, when it came from a file.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column (in UTF-16 code units of the line).</summary>
    public int Column { get; }

    /// <summary>What is wrong and what to do about it.</summary>
    public string Message { get; }

    /// <summary>The entry the finding is about, if any.</summary>
    public string? KeyName { get; }

    /// <summary>The help link of <see cref="Id"/>.</summary>
    public string HelpLink => HelpLinks.For(Id);

    /// <summary>The canonical form <c>file(line,col): error SG1001: message</c> that IDEs and CI annotate.</summary>
    public override string ToString()
    {
        var level = Severity == FindingSeverity.Error ? "error" : "warning";
        return (FilePath ?? "<env>") + "(" + Line + "," + Column + "): " + level + " " + Id + ": " + Message;
    }
}
