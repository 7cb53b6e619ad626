using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SecretGuard.Cli.Files;

/// <summary>Runs git for the few things the command line needs from it (staged files, the repository root, hooks).</summary>
internal static class Git
{
    public sealed record Result(int ExitCode, byte[] Output, string Error)
    {
        public string Text => Encoding.UTF8.GetString(Output);
    }

    /// <summary>Runs git; null when git cannot be started.</summary>
    public static Result? Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            var errorTask = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return new Result(process.ExitCode, output.ToArray(), errorTask.Result.Trim());
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>The top folder of the repository that holds <paramref name="folder"/>, or null outside one (or without git).</summary>
    public static string? TopLevel(string folder)
    {
        var result = Run(folder, "rev-parse", "--show-toplevel");
        if (result is null || result.ExitCode != 0)
        {
            return null;
        }

        var top = result.Text.Trim();
        return top.Length == 0 ? null : Path.GetFullPath(top);
    }
}
