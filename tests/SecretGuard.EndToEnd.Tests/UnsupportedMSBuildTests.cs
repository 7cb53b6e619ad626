using System.IO;
using System.IO.Compression;
using SecretGuard.Diagnostics;

namespace SecretGuard.EndToEnd;

/// <summary>
/// SG1013: on Visual Studio 2022's .NET Framework MSBuild (runtime type 'Full', version below 18) the targets skip the
/// env-file checks with one warning. That MSBuild does not exist on this machine, and MSBuildRuntimeType and
/// MSBuildVersion are reserved properties that no build may set (MSB4177). So these builds use a copy of the packed
/// package whose targets read two ordinary properties in place of those two, and nothing else changed: the real
/// targets, tasks and analyzers in a real <c>dotnet build</c>. Not covered: that a real .NET Framework MSBuild reports
/// 'Full' and its version as the condition expects, and Visual Studio 2026's own .NET task host.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UnsupportedMSBuildTests
{
    private const string RuntimeTypeProperty = "SimulatedMSBuildRuntimeType";
    private const string VersionProperty = "SimulatedMSBuildVersion";
    private const string StripeKey = "sk_live_4bWYTI6wLqeeHq1PkCJVuoYq";

    private readonly PackageFeed _feed;

    public UnsupportedMSBuildTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void Visual_Studio_2022s_MSBuild_skips_the_checks_with_SG1013_which_stays_a_warning_in_CI_while_the_analyzers_run()
    {
        using var project = new SampleProject(_feed);
        UseSimulatedPackage(project);
        const string text = "API_KEY_SECRET=plain-on-an-old-msbuild\nSTRIPE_KEY=" + StripeKey + "\n";
        project.WriteEnv("dev", text);

        var build = project.Build(extraArguments: Simulated("Full", "17.14.8"));
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(
            "warning SG1013: SecretGuard's env-file checks need the .NET SDK's MSBuild or Visual Studio 2026 (MSBuild 18+); this MSBuild 17.14.8 " +
            "(.NET Framework) cannot run them, so env files were neither checked nor encrypted. Build with 'dotnet build' or run 'secretguard validate'. " +
            "The analyzers work here regardless. " + HelpLinks.For(DiagnosticIds.UnsupportedMSBuild),
            build.Output);
        Assert.Contains("warning SG0001: This literal looks like a Stripe secret key", build.Output);
        Assert.Equal(text, project.ReadEnv("dev"));
        Assert.DoesNotContain("SG1004:", build.Output); // the env file was not checked
        Assert.False(File.Exists(Path.Combine(project.OutputDirectory, ".env")));

        // Nothing checks the env files here, so they stay compiler inputs and the analyzers report the leaked key (SG0007).
        Assert.Contains(project.EnvFile("dev") + "(2,12): warning SG0007: STRIPE_KEY holds what looks like a Stripe secret key", build.Output);
        Assert.DoesNotContain("SG1007:", build.Output);

        // In CI the analyzers' findings become errors; SG1013 does not (docs/rules/SG1013.md says why). The build starts
        // from scratch as on a CI machine: an incremental one would skip the unchanged compilation and its diagnostics.
        var ci = project.Build(ci: true, extraArguments: [.. Simulated("Full", "17.14.8"), "--no-incremental"]);
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("warning SG1013:", ci.Output);
        Assert.DoesNotContain("error SG1013:", ci.Output);
        Assert.Contains("error SG0001: This literal looks like a Stripe secret key", ci.Output);
        Assert.DoesNotContain("SG1004:", ci.Output); // with the colon: the compiler's command line lists SG1004 among the warnings-as-errors
        Assert.Equal(text, project.ReadEnv("dev"));
    }

    [Fact]
    public void A_Net_Framework_MSBuild_18_runs_the_checks_through_the_NET_task_host_without_SG1013()
    {
        using var project = new SampleProject(_feed);
        UseSimulatedPackage(project);
        project.WriteEnv("dev", "API_KEY_SECRET=plain-on-msbuild-18\n");

        var build = project.Build(extraArguments: Simulated("Full", "18.0.0"));
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("SG1013", build.Output);
        Assert.Contains("SecretGuard: encrypted 1 value in " + project.EnvFile("dev"), build.Output);
        Assert.Matches("^API_KEY_SECRET=DEV_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+\n$", project.ReadEnv("dev"));
        Assert.Equal(project.ReadEnv("dev"), File.ReadAllText(Path.Combine(project.OutputDirectory, ".env")));
    }

    private static string[] Simulated(string runtimeType, string version) =>
        new[] { "-p:" + RuntimeTypeProperty + "=" + runtimeType, "-p:" + VersionProperty + "=" + version };

    /// <summary>
    /// Extracts the packed package next to the project, points its targets at the simulated properties, and makes the
    /// project take the package's analyzers and library from the feed and its build logic from the copy.
    /// </summary>
    private void UseSimulatedPackage(SampleProject project)
    {
        var package = Path.Combine(project.Root, "simulated-package");
        ZipFile.ExtractToDirectory(_feed.PackagePath, package);
        var targetsPath = Path.Combine(package, "build", "SecretGuard.Common.targets");
        var targets = File.ReadAllText(targetsPath);
        Assert.Contains("'$(MSBuildRuntimeType)' == 'Full'", targets);
        Assert.Contains("VersionLessThan('$(MSBuildVersion)', '18.0')", targets);
        File.WriteAllText(targetsPath, targets
            .Replace("$(MSBuildRuntimeType)", "$(" + RuntimeTypeProperty + ")")
            .Replace("$(MSBuildVersion)", "$(" + VersionProperty + ")"));

        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{package}/build/SecretGuard.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecretGuard" Version="{_feed.Version}" ExcludeAssets="build;buildTransitive;buildMultiTargeting" />
              </ItemGroup>
              <Import Project="{package}/build/SecretGuard.targets" />
            </Project>
            """);

        // A hardcoded credential, to show the analyzers at work where the tasks cannot run.
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "Payments.cs"), $$"""
            internal static class Payments
            {
                internal const string StripeApiKey = "{{StripeKey}}";
            }
            """);
    }
}
