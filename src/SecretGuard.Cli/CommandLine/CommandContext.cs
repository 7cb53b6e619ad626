using System;
using System.IO;
using System.Text;
using SecretGuard.IO;

namespace SecretGuard.Cli.CommandLine;

/// <summary>What a command talks to: the console, the working folder and the process environment.</summary>
internal sealed class CommandContext
{
    public CommandContext(TextWriter output, TextWriter error, string workingDirectory)
    {
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>Results: what a script reads (a ciphertext, a report, a key for <c>keygen --print</c>).</summary>
    public TextWriter Out { get; }

    /// <summary>Messages for the person: progress, warnings, errors, next steps.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder commands work in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Whether standard input is a pipe or a file rather than a terminal.</summary>
    public bool IsInputRedirected => Console.IsInputRedirected;

    /// <summary>Whether standard output is a pipe or a file rather than a terminal.</summary>
    public bool IsOutputRedirected => Console.IsOutputRedirected;

    /// <summary>A process environment variable, null when unset or blank.</summary>
    public static string? Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>An absolute path for a path given on the command line (relative to the working folder).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A path as shown to the person: relative to the working folder when it is inside it.</summary>
    public string Display(string path)
    {
        var full = Path.GetFullPath(path, WorkingDirectory);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    public void Warn(string message) => Error.WriteLine("warning: " + message);

    public void Info(string message) => Error.WriteLine(message);

    /// <summary>
    /// Reads a secret value from standard input: strict UTF-8, without a byte order mark and one final line break
    /// (<c>echo value | secretguard set</c> adds one that is not part of the value). The buffers it reads into are
    /// zeroed; the string returned is the one copy left (docs/operations.md#memory-hygiene).
    /// </summary>
    public static string ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        return SecretText.TryReadValue(stdin, out var value)
            ? value
            : throw new CommandFailedException("standard input is not valid UTF-8: pipe the value in as UTF-8 text.");
    }

    /// <summary>Writes text to standard output exactly, as UTF-8 (no added newline).</summary>
    public void WriteExact(string text)
    {
        Out.Flush();
        using var stdout = Console.OpenStandardOutput();
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stdout.Write(bytes, 0, bytes.Length);
        stdout.Flush();
    }
}
