using System.Text;
using SecretGuard.Diagnostics;

namespace SecretGuard;

/// <summary>
/// One thing wrong with an app's secrets, as validation, the health check and audit events report it: which entry,
/// where, which kid, why — never the value or a key.
/// </summary>
public sealed class SecretGuardProblem
{
    internal SecretGuardProblem(string errorCode, SecretGuardErrorReason reason, string message, string? keyName, string? filePath, int? line, string? kid, SecretGuardException? exception = null)
    {
        ErrorCode = errorCode;
        Reason = reason;
        Message = message;
        KeyName = keyName;
        FilePath = filePath;
        Line = line;
        Kid = kid;
        Exception = exception;
    }

    /// <summary>The SG id, e.g. <c>SG1006</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The kind of problem.</summary>
    public SecretGuardErrorReason Reason { get; }

    /// <summary>What is wrong and what to do, in words that never contain a value or a key.</summary>
    public string Message { get; }

    /// <summary>The entry's name, when the problem is about one entry.</summary>
    public string? KeyName { get; }

    /// <summary>The file the entry is in.</summary>
    public string? FilePath { get; }

    /// <summary>The line in <see cref="FilePath"/>.</summary>
    public int? Line { get; }

    /// <summary>The kid the value names, when known.</summary>
    public string? Kid { get; }

    internal SecretGuardException? Exception { get; }

    /// <summary>The problem of a failed read.</summary>
    public static SecretGuardProblem From(SecretGuardException exception) =>
        new(exception.ErrorCode, exception.Reason, exception.Message, exception.KeyName, exception.FilePath, exception.Line, exception.Kid, exception);

    internal static SecretGuardProblem PolicyViolation(string keyName, string violation, string? filePath, int? line) =>
        new(DiagnosticIds.PolicyViolation, SecretGuardErrorReason.PolicyViolation, violation, keyName, filePath, line, null);

    /// <summary>"KEY (SG1006 Tampered, /app/.env:3, kid 1a2b3c4d): message".</summary>
    internal string Describe()
    {
        var text = new StringBuilder();
        text.Append(KeyName ?? "(no entry)").Append(" (").Append(ErrorCode).Append(' ').Append(Reason);
        if (FilePath is not null)
        {
            text.Append(", ").Append(FilePath);
            if (Line is int line)
            {
                text.Append(':').Append(line);
            }
        }

        if (Kid is not null)
        {
            text.Append(", kid ").Append(Kid);
        }

        return text.Append("): ").Append(Message).ToString();
    }

    /// <inheritdoc cref="Describe" />
    public override string ToString() => Describe();
}
