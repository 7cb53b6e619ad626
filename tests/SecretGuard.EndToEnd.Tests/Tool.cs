using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Runs the built <c>secretguard</c> tool (<c>dotnet SecretGuard.Cli.dll ...</c>) in a folder, with a value on standard
/// input, no CI markers and no SECRETGUARD_* variables: beside real builds, for tests of what both write.
/// </summary>
public static class Tool
{
    private static readonly string DllPath = typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SecretGuardCliPath").Value!;

    public static ProcessResult Run(string workingDirectory, string input, params string[] arguments)
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

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("SECRETGUARD_", StringComparison.Ordinal) || name is "CI" or "GITHUB_ACTIONS" or "TF_BUILD" or "DOTNET_HOST_PATH" or "MSBuildExtensionsPath" or "MSBuildSDKsPath")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var bytes = new UTF8Encoding(false).GetBytes(input);
        process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("secretguard " + string.Join(' ', arguments) + " did not finish in 2 minutes");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, "exit " + process.ExitCode + "\n" + stdout.Result + stderr.Result);
    }
}
