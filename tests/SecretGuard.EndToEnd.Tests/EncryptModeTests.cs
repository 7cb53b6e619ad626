using System;
using System.IO;
using System.Linq;

namespace SecretGuard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class EncryptModeTests
{
    private const string SkippedCheck = "Skipping target \"SecretGuardCheckEnvFiles\" because all output files are up-to-date";
    private readonly PackageFeed _feed;

    public EncryptModeTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void Build_encrypts_in_place_changes_only_the_values_and_the_app_reads_them()
    {
        using var project = new SampleProject(_feed);
        const string before =
            "# Development settings\r\n" +
            "export API_KEY_SECRET=sk-dev-1234567890\r\n" +
            "\r\n" +
            "Db__Password_SECRET='p@ss #not a comment'   # trailing comment\n" +
            "Jwt__SigningKey_SECRET=\"line1\\nline2 ✓\"\n" +
            "PUBLIC_URL=https://example.test\n" +
            "EMPTY_SECRET=\n" +
            "ALREADY_SECRET=" + "{ALREADY}" + "\n" +
            "LAST_SECRET=no-final-newline";
        var already = TestCrypto.Encrypt("dev", project.DevKey, "ALREADY_SECRET", "was-encrypted-before");
        project.WriteEnv("dev", before.Replace("{ALREADY}", already));

        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("SecretGuard: encrypted 4 values in " + project.EnvFile("dev"), build.Output);

        var after = project.ReadEnv("dev");
        var expected =
            "# Development settings\r\n" +
            "export API_KEY_SECRET=<ENC>\r\n" +
            "\r\n" +
            "Db__Password_SECRET=<ENC>   # trailing comment\n" +
            "Jwt__SigningKey_SECRET=<ENC>\n" +
            "PUBLIC_URL=https://example.test\n" +
            "EMPTY_SECRET=\n" +
            "ALREADY_SECRET=<ENC>\n" +
            "LAST_SECRET=<ENC>";
        Assert.Equal(expected, TestCrypto.Mask(after));
        Assert.Contains(already, after); // an encrypted value is never encrypted again

        var run = project.RunApp(null, "API_KEY_SECRET", "Db__Password_SECRET", "Jwt__SigningKey_SECRET", "ALREADY_SECRET", "LAST_SECRET", "PUBLIC_URL");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            new[]
            {
                "API_KEY_SECRET=sk-dev-1234567890", "Db__Password_SECRET=p@ss #not a comment", "Jwt__SigningKey_SECRET=line1",
                "line2 ✓", "ALREADY_SECRET=was-encrypted-before", "LAST_SECRET=no-final-newline", "PUBLIC_URL=https://example.test",
            },
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(after, File.ReadAllText(Path.Combine(project.OutputDirectory, ".env")));
        Assert.Equal("dev", File.ReadAllText(Path.Combine(project.OutputDirectory, "secretguard.environment")).Trim());

        // A second build is a no-op for SecretGuard: the check target is skipped and the file is not touched.
        var writeTime = File.GetLastWriteTimeUtc(project.EnvFile("dev"));
        var second = project.Build(extraArguments: "--no-restore");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains(SkippedCheck, second.Output);
        Assert.DoesNotContain("SecretGuard: encrypted", second.Output);
        Assert.Equal(after, project.ReadEnv("dev"));
        Assert.Equal(writeTime, File.GetLastWriteTimeUtc(project.EnvFile("dev")));

        // Publish carries the encrypted file and the environment record.
        var publishDirectory = Path.Combine(project.Root, "publish");
        var publish = project.Publish(publishDirectory);
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal(after, File.ReadAllText(Path.Combine(publishDirectory, ".env")));
        Assert.True(File.Exists(Path.Combine(publishDirectory, "secretguard.environment")));
    }

    [Fact]
    public void Switching_to_CI_or_changing_a_rule_reruns_the_checks()
    {
        using var project = new SampleProject(_feed);
        project.WriteEnv("dev", "API_KEY_SECRET=abc123456789\n");
        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("SecretGuard: encrypted 1 value in", first.Output);

        var ci = project.Build(ci: true, extraArguments: "--no-restore");
        Assert.True(ci.ExitCode == 0, ci.Output);
        Assert.DoesNotContain(SkippedCheck, ci.Output);

        project.WriteProjectFile("<TargetFramework>net10.0</TargetFramework>",
            "<SecretGuardRule Include=\"API_KEY_SECRET\" MinLength=\"32\" Pattern=\"[a-z0-9]{32,}\" />");
        var ruled = project.Build(extraArguments: "--no-restore");
        Assert.NotEqual(0, ruled.ExitCode);
        Assert.Contains(".env.dev(1,16): error SG1008: API_KEY_SECRET must be at least 32 characters long (rule MinLength=32)", ruled.Output);
        Assert.Contains("error SG1008: API_KEY_SECRET does not match the rule's Pattern [a-z0-9]{32,}", ruled.Output);
        Assert.DoesNotContain("abc123456789", ruled.Output);
    }

    [Fact]
    public void A_damaged_ciphertext_fails_the_build_in_both_modes_and_is_never_encrypted()
    {
        // A prefix whose case changed is a damaged value (docs/formats.md#recognising-an-encrypted-value): encrypting it
        // as a new plaintext would hide the damage inside a valid ciphertext, and CI would then pass.
        using var project = new SampleProject(_feed);
        var damaged = "dev_enc" + TestCrypto.Encrypt("dev", project.DevKey, "API_KEY_SECRET", "sk-dev-damaged-0001")["DEV_ENC".Length..];
        project.WriteEnv("dev", "API_KEY_SECRET=" + damaged + "\nNEW_SECRET=typed-in-plaintext\n");

        var build = project.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(".env.dev(1,16): error SG1006: API_KEY_SECRET: the value looks encrypted but is not in the exact form", build.Output);
        Assert.Equal("API_KEY_SECRET=" + damaged + "\nNEW_SECRET=<ENC>\n", TestCrypto.Mask(project.ReadEnv("dev")));

        var ci = project.Build(ci: true, extraArguments: "--no-restore");
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains(".env.dev(1,16): error SG1006: API_KEY_SECRET", ci.Output);
        Assert.StartsWith("API_KEY_SECRET=" + damaged + "\n", project.ReadEnv("dev"));
        Assert.DoesNotContain("typed-in-plaintext", build.Output + ci.Output);
    }

    [Fact]
    public void A_multi_targeted_parallel_build_encrypts_each_value_once()
    {
        using var project = new SampleProject(_feed, targetFrameworks: "net8.0;net10.0");
        var plaintexts = Enumerable.Range(1, 5).ToDictionary(i => "VALUE" + i + "_SECRET", i => "plain-" + i + "-" + Guid.NewGuid().ToString("N"));
        project.WriteEnv("dev", string.Concat(plaintexts.Select(p => p.Key + "=" + p.Value + "\n")));

        var build = project.Build(extraArguments: "-m");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Single(build.Output.Split('\n'), l => l.Contains("SecretGuard: encrypted 5 values", StringComparison.Ordinal));

        var file = project.ReadEnv("dev");
        var lines = file.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            var key = line[..line.IndexOf('=')];
            var value = line[(line.IndexOf('=') + 1)..];
            Assert.Matches("^DEV_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+$", value);
            Assert.Equal(plaintexts[key], TestCrypto.Decrypt("dev", project.DevKey, key, value));
        }
    }
}

[Collection(EndToEndCollection.Name)]
public sealed class TransitiveReferenceTests
{
    private readonly PackageFeed _feed;

    public TransitiveReferenceTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void An_app_that_gets_SecretGuard_through_a_library_is_checked_and_encrypted_too()
    {
        using var project = new SampleProject(_feed);
        var library = Path.Combine(project.Root, "Lib");
        Directory.CreateDirectory(library);
        File.WriteAllText(Path.Combine(library, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecretGuard" Version="{project.PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        project.WriteProjectFile("<TargetFramework>net10.0</TargetFramework>",
            "<ProjectReference Include=\"../Lib/Lib.csproj\" />", referencePackage: false);
        project.WriteEnv("dev", "TRANSITIVE_SECRET=reached-through-a-library\n");

        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Matches("^TRANSITIVE_SECRET=DEV_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+\n$", project.ReadEnv("dev"));
        var run = project.RunApp(null, "TRANSITIVE_SECRET");
        Assert.Equal("TRANSITIVE_SECRET=reached-through-a-library", run.Output.Trim());

        // A no-op rebuild compiles neither project, though the library has no .env.dev: the placeholder the package
        // declares for the move-secret fix is no compiler input in a real build (a missing input would rerun CoreCompile).
        var again = project.Build(extraArguments: "--no-restore");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(2, again.Output.Split('\n').Count(l => l.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", StringComparison.Ordinal)));
    }
}
