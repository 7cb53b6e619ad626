using System;
using System.Diagnostics;

namespace SecretGuard.RealCode;

/// <summary>Runs git, tar or dotnet to the end and hands back its exit code and both output streams.</summary>
internal static class ExternalProcess
{
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // Both streams at once: a process that fills one pipe while we wait on the other would never end.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
