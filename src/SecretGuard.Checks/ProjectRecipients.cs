using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.Keys;

namespace SecretGuard.Checks;

/// <summary>
/// The recipients file a build run or a command uses (docs/formats.md#the-recipients-file), found and read once: it
/// decides, per environment, whether values are written as version 2 (to every public key it lists for the
/// environment) or version 1 (with the master key). Whatever keeps it from saying that for an environment (a file that
/// cannot be found or read, a broken line of that environment, a line whose environment cannot be told) is an SG1012
/// error, never a fall-back to version 1: that would encrypt to a key the environment's readers may no longer hold,
/// and bypass the public keys the project committed.
/// </summary>
internal sealed class ProjectRecipients
{
    private readonly SecretGuardException? _loadError;

    private ProjectRecipients(string? filePath, RecipientsFile? file, SecretGuardException? loadError)
    {
        FilePath = filePath;
        File = file;
        _loadError = loadError;
    }

    /// <summary>The recipients file in use, or null when there is none.</summary>
    public string? FilePath { get; }

    /// <summary>The parsed file, or null when there is none or it could not be read.</summary>
    public RecipientsFile? File { get; }

    /// <summary>
    /// The file's problems as findings: each broken line (SG1012, file and line), or why the file could not be found or
    /// read. Reported once per run, like the key file's.
    /// </summary>
    public IEnumerable<Finding> Findings =>
        _loadError is not null
            ? new[] { new Finding(_loadError.ErrorCode, FindingSeverity.Error, _loadError.FilePath, _loadError.Line ?? 0, 0, _loadError.Detail) }
            : File?.Findings ?? Enumerable.Empty<Finding>();

    /// <summary>
    /// Finds and reads the recipients file: <paramref name="explicitPath"/>, else <c>SECRETGUARD_RECIPIENTS_FILE</c>, else
    /// the first <c>secretguard.recipients</c> in one of <paramref name="searchDirectories"/> or above. Never throws: a
    /// problem is kept and makes <see cref="RecipientsOf"/> refuse.
    /// </summary>
    public static ProjectRecipients Find(string? explicitPath, IEnumerable<string> searchDirectories)
    {
        string? path = null;
        try
        {
            path = RecipientsFile.Find(explicitPath, searchDirectories);
            return new ProjectRecipients(path, path is null ? null : RecipientsFile.Load(path), null);
        }
        catch (SecretGuardException ex)
        {
            return new ProjectRecipients(path, null, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The framework's message names the file, never a key (the file holds public keys only anyway).
            return new ProjectRecipients(path, null, new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.MissingKey,
                "The recipients file " + path + " cannot be read (" + ex.Message + "): which environments are version 2 cannot be told, so nothing is encrypted. " +
                "Make it readable, then run again.", filePath: path));
        }
    }

    /// <summary>As <see cref="Find(string?, IEnumerable{string})"/> with the lookup's recipients file and search folders.</summary>
    public static ProjectRecipients Find(KeyLookupOptions lookup) => Find(lookup.RecipientsFilePath, lookup.SearchDirectories);

    /// <summary>
    /// The public keys to encrypt <paramref name="environment"/>'s values to, in file order: empty for a version 1
    /// environment (none listed). An SG1012 <see cref="SecretGuardException"/> naming the file and line when the answer
    /// cannot be trusted: the file could not be found or read, a line of the environment is broken, or a line's
    /// environment cannot be told (it may be this one's).
    /// </summary>
    public IReadOnlyList<RecipientKey> RecipientsOf(string environment)
    {
        if (_loadError is not null)
        {
            throw _loadError;
        }

        return File is null ? Array.Empty<RecipientKey>() : File.RecipientsOf(environment);
    }

    /// <summary>As <see cref="RecipientsOf"/>, or null (with the reason) when it would throw.</summary>
    public IReadOnlyList<RecipientKey>? TryRecipientsOf(string environment, out SecretGuardException? problem)
    {
        try
        {
            problem = null;
            return RecipientsOf(environment);
        }
        catch (SecretGuardException ex)
        {
            problem = ex;
            return null;
        }
    }

    /// <summary>"file(3)": where a recipient of the environment is listed, for messages.</summary>
    public string DescribeLine(string environment, string recipientId)
    {
        var line = File?.FindRecipient(environment, recipientId);
        return line is null ? recipientId : recipientId + " (" + (FilePath ?? RecipientsFile.DefaultFileName) + "(" + line.Line + "))";
    }

    /// <summary>The file's name for messages: its path, or the name searched for when there is none.</summary>
    public string Describe() => FilePath ?? RecipientsFile.DefaultFileName;
}
