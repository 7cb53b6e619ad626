using System;
using System.Threading;

namespace SecretGuard.IO;

/// <summary>
/// Test support, off unless the variable <c>SECRETGUARD_TEST_CRASH_AT</c> is set: the crash-consistency tests
/// (tests/SecretGuard.Cli.Tests/CrashConsistencyTests.cs) kill a writer between two steps of a save and then check that
/// no key and no value was lost. With the variable set to a number n, every step a write reaches (a temp file written, a
/// rename done) is numbered and reported on standard error with the file's path, and at step n the process stops and waits to
/// be killed. It changes no file and no result: unset, each call is one comparison.
/// </summary>
internal static class CrashPoints
{
    /// <summary>The variable that turns the steps on.</summary>
    public const string Variable = "SECRETGUARD_TEST_CRASH_AT";

    /// <summary>How each step is reported: <c>&lt;prefix&gt;&lt;n&gt;: &lt;step&gt; &lt;full path&gt;</c>.</summary>
    public const string ReportPrefix = "secretguard test step ";

    private static readonly int StopAt = Read();
    private static int _reached;

    /// <summary>Called after each step of a save of <paramref name="path"/>.</summary>
    public static void Reached(string step, string path)
    {
        if (StopAt <= 0)
        {
            return;
        }

        var number = Interlocked.Increment(ref _reached);
        Console.Error.WriteLine(ReportPrefix + number + ": " + step + " " + path);
        Console.Error.Flush();
        if (number == StopAt)
        {
            Thread.Sleep(Timeout.Infinite);
        }
    }

    private static int Read() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
}
