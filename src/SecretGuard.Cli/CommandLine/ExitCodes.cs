namespace SecretGuard.Cli.CommandLine;

/// <summary>The exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>validate</c>: no errors.</summary>
    public const int Ok = 0;

    /// <summary>Findings (validate), or the command could not do its job (a missing key, a refused overwrite, a failed write).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, missing argument, bad value.</summary>
    public const int Usage = 2;
}
