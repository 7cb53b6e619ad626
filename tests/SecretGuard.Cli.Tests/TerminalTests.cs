using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// The tool on a real terminal (a pseudo-terminal from util-linux 'script'): the value prompt does not echo what is
/// typed, and decrypt prints to a terminal without --force.
/// </summary>
public sealed class TerminalTests
{
    private const string Typed = "typed-Value-Never-Echoed";

    [Fact]
    public void The_prompt_hides_the_value_and_decrypt_prints_to_a_terminal()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script"))
        {
            return; // no pseudo-terminal to drive here
        }

        using var ws = RotateTests.Initialized();
        var set = InTerminal(ws, "Value for TYPED_SECRET (dev, input hidden): ", Typed + "\r", "set", "TYPED_SECRET", "--env", "dev");
        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Contains("input hidden", set.Output);
        Assert.Contains("Added TYPED_SECRET", set.Output);
        Assert.DoesNotContain(Typed, set.Output);
        Assert.Equal(Typed, ws.DecryptWithKeyFileOnDisk("dev", "TYPED_SECRET", ws.ValueOf(".env.dev", "TYPED_SECRET")));

        var decrypt = InTerminal(ws, null, null, "decrypt", "TYPED_SECRET", "--env", "dev");
        Assert.True(decrypt.ExitCode == 0, decrypt.Output);
        Assert.Contains(Typed, decrypt.Output);
    }

    // Runs the tool on a pseudo-terminal; types `input` once `prompt` has appeared (typing earlier would let the
    // terminal echo it before the tool turns echo off).
    private static (int ExitCode, string Output) InTerminal(Workspace ws, string? prompt, string? input, params string[] arguments)
    {
        var command = string.Join(' ', new[] { "dotnet", Cli.DllPath }.Concat(arguments).Select(a => "'" + a + "'"));
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = ws.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-e", "-c", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        Cli.Isolate(start, ws.Path);
        start.Environment["SHELL"] = "/bin/sh";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reader = new Thread(() =>
        {
            var buffer = new char[256];
            int read;
            while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, read);
                }
            }
        });
        reader.Start();

        if (prompt is not null)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Snapshot(output).Contains(prompt, StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "no prompt: " + Snapshot(output));
                Thread.Sleep(20);
            }

            Thread.Sleep(300);
            process.StandardInput.Write(input);
            process.StandardInput.Flush();
        }

        Assert.True(process.WaitForExit(60_000), "the tool did not finish: " + Snapshot(output));
        reader.Join();
        process.StandardInput.Close();
        return (process.ExitCode, Snapshot(output));
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
