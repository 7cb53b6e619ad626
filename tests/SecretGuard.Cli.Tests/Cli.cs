using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace SecretGuard.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => "exit " + ExitCode + "\n--- stdout ---\n" + Stdout + "--- stderr ---\n" + Stderr;
}

/// <summary>
/// Runs the built tool as a user would: <c>dotnet SecretGuard.Cli.dll ...</c> in a folder, with standard input and
/// output redirected, and an environment the test controls (no CI markers, no SECRETGUARD_* variables, HOME in the
/// temporary folder, git kept out of any repository above it).
/// </summary>
public static class Cli
{
    public static readonly string DllPath = typeof(Cli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SecretGuardCliPath").Value!;

    private static readonly string[] Removed =
    {
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TEAMCITY_VERSION",
        "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "DOTNET_HOST_PATH",
    };

    public static CliResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, null, arguments);

    public static CliResult RunWithInput(string workingDirectory, string input, params string[] arguments) => Run(workingDirectory, input, null, arguments);

    public static CliResult Run(string workingDirectory, string? input, IDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Isolate(start, workingDirectory);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            var bytes = new UTF8Encoding(false).GetBytes(input);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("secretguard " + string.Join(' ', arguments) + " did not finish in 60 s");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The controlled environment, for the tool and for the git commands tests run.</summary>
    public static void Isolate(ProcessStartInfo start, string workingDirectory)
    {
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (Removed.Contains(name, StringComparer.Ordinal) || name.StartsWith("SECRETGUARD_", StringComparison.Ordinal))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["HOME"] = workingDirectory;
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Workspace.Root));
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
    }
}
