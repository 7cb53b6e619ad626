using System;

namespace SecretGuard.Cli.CommandLine;

/// <summary>The command line is wrong (exit code 2). The message says what to type instead.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
