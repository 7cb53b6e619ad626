using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SecretGuard.Diagnostics;

namespace SecretGuard.EndToEnd;

/// <summary>SG1015: a build whose configuration the environment map does not know has no environment.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NoEnvironmentTests
{
    private const string Warning =
        "warning SG1015: SecretGuard: configuration 'Staging' maps to no environment, so nothing is encrypted or copied to the output. " +
        "Set SecretGuardEnvironment, or add 'Staging=<env>' to SecretGuardEnvironmentMap. ";

    private readonly PackageFeed _feed;

    public NoEnvironmentTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void An_unmapped_configuration_warns_SG1015_encrypts_and_copies_nothing_fails_in_CI_and_mapping_it_fixes_it()
    {
        using var project = new SampleProject(_feed);
        // An app with no analyzer findings of its own (the sample prints secrets, SG0004), so the CI build below fails for SG1015 alone.
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "Program.cs"), "Console.WriteLine(\"staging\");\n");
        const string text = "PUBLIC_URL=https://example.test\nAPI_KEY_SECRET=plain-staging-value\n";
        project.WriteEnv("dev", text);
        var output = Path.Combine(project.ProjectDirectory, "bin", "Staging", "net10.0");

        var build = project.Build(extraArguments: new[] { "-c", "Staging" });
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(Warning + HelpLinks.For(DiagnosticIds.NoEnvironment), build.Output);
        Assert.True(File.Exists(Path.Combine(output, "App.dll")), build.Output);
        Assert.Equal(text, project.ReadEnv("dev"));
        Assert.False(File.Exists(Path.Combine(output, ".env")), "no env file may be copied to the output of a build without an environment");
        Assert.False(File.Exists(Path.Combine(output, "secretguard.environment")));

        // The files are still checked: the plaintext secret this build cannot encrypt is reported, not passed over.
        Assert.Contains(project.EnvFile("dev") + "(2,16): warning SG1004: API_KEY_SECRET holds a plaintext secret that this build does not encrypt", build.Output);
        Assert.DoesNotContain("plain-staging-value", build.Output);

        // CI makes SG1015 an error: a pipeline that builds an unmapped configuration would ship no env file.
        project.WriteEnv("dev", "PUBLIC_URL=https://example.test\n");
        var ci = project.Build(ci: true, extraArguments: new[] { "--no-restore", "-c", "Staging" });
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains(Warning.Replace("warning SG1015", "error SG1015") + HelpLinks.For(DiagnosticIds.NoEnvironment), ci.Output);
        var errors = Regex.Matches(ci.Output, @"error [A-Z]+[0-9]+:").Select(match => match.Value).Distinct();
        Assert.Equal(new[] { "error SG1015:" }, errors);

        // The fix the warning names: map the configuration to an environment.
        project.WriteProjectFile("<TargetFramework>net10.0</TargetFramework>",
            extraProperties: "<SecretGuardEnvironmentMap>Debug=dev;Staging=dev;Release=prod</SecretGuardEnvironmentMap>");
        project.WriteEnv("dev", text);
        var mapped = project.Build(extraArguments: new[] { "--no-restore", "-c", "Staging" });
        Assert.True(mapped.ExitCode == 0, mapped.Output);
        Assert.DoesNotContain("SG1015", mapped.Output);
        Assert.Matches("^PUBLIC_URL=https://example.test\nAPI_KEY_SECRET=DEV_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+\n$", project.ReadEnv("dev"));
        Assert.Equal(project.ReadEnv("dev"), File.ReadAllText(Path.Combine(output, ".env")));
        Assert.Equal("dev", File.ReadAllText(Path.Combine(output, "secretguard.environment")).Trim());
    }
}
