using System;
using System.IO;
using System.Linq;

namespace SecretGuard.EndToEnd;

/// <summary>
/// In a command-line build the env files are the checks' business, not the compiler's
/// (docs/architecture.md#env-files-are-compiler-inputs-only-in-the-ide): a line is reported once, as SG1007 and never
/// as SG0007 too, and an env-only change (an edited value, encrypted in place) does not recompile the project.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EnvFilesInBuildTests
{
    private const string CoreCompileSkipped = "Skipping target \"CoreCompile\" because all output files are up-to-date with respect to the input files.";
    private const string StripeKey = "sk_live_4bWYTI6wLqeeHq1PkCJVuoYq";
    private readonly PackageFeed _feed;

    public EnvFilesInBuildTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void A_leaked_key_is_SG1007_once_and_an_env_only_edit_is_encrypted_without_recompiling()
    {
        using var project = new SampleProject(_feed);
        project.WriteEnv("dev", "PUBLIC_URL=https://example.test\nSTRIPE_KEY=\nPAYMENT_SECRET=\n");
        project.WriteEnv("prod", "PUBLIC_URL=https://example.com\nSTRIPE_KEY=" + StripeKey + "\nPAYMENT_SECRET=\n");
        var appSettings = Path.Combine(project.ProjectDirectory, "appsettings.json");
        File.WriteAllText(appSettings, "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");

        var first = project.Build(extraArguments: WarningsLog(project, "first"));
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(
            new[] { project.EnvFile("prod") + "(2,12): warning SG1007: STRIPE_KEY holds what looks like a Stripe secret key under a name that is not secret" },
            EnvFileWarnings(project, "first"));
        // The compiler ran (its command line is in the log) with the JSON config file, and without any env file.
        Assert.Contains("/additionalfile:" + appSettings, first.Output);
        Assert.DoesNotContain("/additionalfile:" + project.EnvFile("dev"), first.Output);
        Assert.DoesNotContain("/additionalfile:" + project.EnvFile("prod"), first.Output);

        // Only a value in .env.dev changes: the checks run and encrypt it, the compiler does not run.
        project.WriteEnv("dev", project.ReadEnv("dev").Replace("PAYMENT_SECRET=\n", "PAYMENT_SECRET=pay-dev-7Qm2xK9v\n", StringComparison.Ordinal));
        var second = project.Build(extraArguments: ["--no-restore", .. WarningsLog(project, "second")]);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("SecretGuard: encrypted 1 value in " + project.EnvFile("dev"), second.Output);
        Assert.Contains(CoreCompileSkipped, second.Output);
        Assert.DoesNotContain("pay-dev-7Qm2xK9v", project.ReadEnv("dev"));
        Assert.Single(EnvFileWarnings(project, "second"), w => w.Contains("warning SG1007: STRIPE_KEY", StringComparison.Ordinal));

        // The app reads the new value from the output's env file, copied without a compile.
        var run = project.RunApp(null, "PAYMENT_SECRET");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("PAYMENT_SECRET=pay-dev-7Qm2xK9v", run.Output.Trim());
    }

    // A warnings-only file log lists each warning once (the console log repeats them under the task that logged them).
    private static string[] WarningsLog(SampleProject project, string name) =>
        ["-fl", "-flp:WarningsOnly;LogFile=" + Path.Combine(project.Root, name + ".warnings.log")];

    /// <summary>The warnings about env-file lines, SG0007 or SG1007: from the file's path (no node prefix) to the end of the finding's first clause.</summary>
    private static string[] EnvFileWarnings(SampleProject project, string name) =>
        File.ReadAllLines(Path.Combine(project.Root, name + ".warnings.log"))
            .Where(line => line.Contains("SG0007", StringComparison.Ordinal) || line.Contains("SG1007", StringComparison.Ordinal))
            .Select(line => line[line.IndexOf(project.ProjectDirectory, StringComparison.Ordinal)..])
            .Select(line => line.Contains(", so it is not encrypted", StringComparison.Ordinal) ? line[..line.IndexOf(", so it is not encrypted", StringComparison.Ordinal)] : line)
            .ToArray();
}
