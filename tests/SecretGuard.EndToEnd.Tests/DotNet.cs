using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace SecretGuard.EndToEnd;

public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs the dotnet CLI with an environment the test controls completely.</summary>
public static class DotNet
{
    // Variables the test host sets that would point a child build at the wrong MSBuild, and CI markers that
    // would flip SecretGuard into Verify mode: each test sets the ones it wants.
    private static readonly string[] Inherited =
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH",
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TEAMCITY_VERSION",
        "SECRETGUARD_KEY_DEV", "SECRETGUARD_KEY_INT", "SECRETGUARD_KEY_PROD", "SECRETGUARD_KEY_FILE", "SECRETGUARD_ENVIRONMENT",
        "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "VSTEST_HOST_DEBUG", "MSBUILDTERMINALLOGGER",
    };

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, IDictionary<string, string?>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in " + timeout + ":\n" + output);
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }
}
