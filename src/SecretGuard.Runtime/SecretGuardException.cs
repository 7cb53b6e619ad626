using System;
using System.Collections.Generic;
using System.Linq;
using SecretGuard.Diagnostics;

namespace SecretGuard;

/// <summary>
/// A SecretGuard failure with the id of the problem (<see cref="ErrorCode"/>, the same SG id the build and the CLI
/// use) and where it is. Its message names keys, files, lines, environments and kids — never a value or a key.
/// </summary>
public sealed class SecretGuardException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecretGuardException(
        string errorCode,
        SecretGuardErrorReason reason,
        string message,
        string? keyName = null,
        string? environment = null,
        string? kid = null,
        string? filePath = null,
        int? line = null)
        : this(errorCode, reason, message, detail: message.TrimEnd('.'), keyName, environment, kid, filePath, line)
    {
    }

    /// <summary>
    /// Creates the exception with its <see cref="Detail"/> apart from the message, which usually says where first:
    /// the build and the CLI put the where into a finding's file, line and key instead.
    /// </summary>
    internal SecretGuardException(
        string errorCode,
        SecretGuardErrorReason reason,
        string message,
        string detail,
        string? keyName = null,
        string? environment = null,
        string? kid = null,
        string? filePath = null,
        int? line = null)
        : base(message)
    {
        Detail = detail;
        ErrorCode = errorCode;
        Reason = reason;
        KeyName = keyName;
        Environment = environment;
        Kid = kid;
        FilePath = filePath;
        Line = line;
        HelpLink = HelpLinks.For(errorCode);
    }

    /// <summary>The SG id, e.g. <c>SG1006</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>
    /// What is wrong and what to do, without the file, line and key the message starts with and without a final
    /// period: the text of a build or CLI finding, which carries the where as data.
    /// </summary>
    internal string Detail { get; }

    /// <summary>The kind of failure.</summary>
    public SecretGuardErrorReason Reason { get; }

    /// <summary>The entry's name, when the failure is about one value.</summary>
    public string? KeyName { get; }

    /// <summary>The environment involved.</summary>
    public string? Environment { get; }

    /// <summary>The kid the value names, when known.</summary>
    public string? Kid { get; }

    /// <summary>The file the value came from, when it came from a file.</summary>
    public string? FilePath { get; }

    /// <summary>The line in <see cref="FilePath"/>.</summary>
    public int? Line { get; }

    /// <summary>
    /// Every problem this exception stands for: one for a single failure, all of them when a validation
    /// (<c>ValidateOnStart</c>, a configuration load) found several. The first one also fills the properties above.
    /// </summary>
    public IReadOnlyList<SecretGuardProblem> Problems => _problems ??= new[] { SecretGuardProblem.From(this) };

    private IReadOnlyList<SecretGuardProblem>? _problems;

    /// <summary>One exception for a list of problems: the problem itself when there is one, else one that lists them all.</summary>
    internal static SecretGuardException FromProblems(IReadOnlyList<SecretGuardProblem> problems, string environment)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("No problems to report.", nameof(problems));
        }

        var first = problems[0];
        if (problems.Count == 1 && first.Exception is not null)
        {
            return first.Exception;
        }

        var message = problems.Count == 1
            ? first.Describe()
            : problems.Count + " problems with the secrets of " + environment + ":" + string.Concat(problems.Select(p => System.Environment.NewLine + "  " + p.Describe()));
        var exception = new SecretGuardException(first.ErrorCode, first.Reason, message, first.KeyName, environment, first.Kid, first.FilePath, first.Line)
        {
            _problems = problems.ToArray(),
        };
        return exception;
    }
}
