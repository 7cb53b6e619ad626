using System;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// The command cannot do its job (exit code 1). The message says what is wrong and what to do; like every SecretGuard
/// message it names keys, files and environments, never a value or a master key.
/// </summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message)
        : base(message)
    {
    }
}
