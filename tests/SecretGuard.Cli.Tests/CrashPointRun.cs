using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using SecretGuard.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// The tool run with its crash points reported (<see cref="CrashPoints"/>), stopped at a step and killed: what the crash
/// tests of rotate, set, encrypt and migrate share.
/// </summary>
internal static class CrashPointRun
{
    /// <summary>When the run is killed.</summary>
    public enum Kill
    {
        Never,
        WhenStopped,
        AfterStart,
        AfterFirstStep,
    }

    /// <summary>
    /// Starts the tool in <paramref name="workingDirectory"/> (isolated there from the machine's keys) with its steps
    /// reported, stopping at step <paramref name="stopAt"/>, and kills it as <paramref name="kill"/> says. Steps are
    /// named with paths relative to <paramref name="stepRoot"/>.
    /// </summary>
    public static (int ExitCode, List<string> Steps, string Output) Start(string workingDirectory, string stepRoot, int stopAt, string? input, IReadOnlyList<string> arguments, Kill kill, TimeSpan delay)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli.DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Cli.Isolate(start, workingDirectory);
        start.Environment[CrashPoints.Variable] = stopAt.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var steps = new List<string>();
        var output = new StringBuilder();
        using var stopped = new ManualResetEventSlim();
        using var firstStep = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data.StartsWith(CrashPoints.ReportPrefix, StringComparison.Ordinal))
                {
                    steps.Add(e.Data.Substring(CrashPoints.ReportPrefix.Length).Replace(stepRoot + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
                    firstStep.Set();
                    if (steps.Count == stopAt)
                    {
                        stopped.Set();
                    }
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var awaited = kill switch { Kill.WhenStopped => stopped, Kill.AfterFirstStep => firstStep, _ => null };
        while (awaited is not null && !awaited.Wait(5) && !process.HasExited)
        {
            // The message is built only on failure, under the lock: the output is still being appended to.
            if (DateTime.UtcNow >= deadline)
            {
                lock (output)
                {
                    Assert.Fail("the command neither reached its step nor ended:\n" + output);
                }
            }
        }

        if (kill != Kill.Never)
        {
            Thread.Sleep(delay);
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        if (!process.WaitForExit(60_000))
        {
            lock (output)
            {
                Assert.Fail("the command did not end:\n" + output);
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, steps.ToList(), "exit " + process.ExitCode + "\n" + output);
        }
    }
}
