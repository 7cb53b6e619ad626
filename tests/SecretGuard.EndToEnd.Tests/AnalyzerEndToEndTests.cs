using System;
using System.Collections.Generic;
using System.IO;

namespace SecretGuard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class AnalyzerEndToEndTests
{
    private readonly PackageFeed _feed;

    public AnalyzerEndToEndTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void The_build_shows_the_warnings_and_dotnet_format_moves_the_secrets_into_the_encrypted_env_file()
    {
        using var project = new SampleProject(_feed);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "Program.cs"), """
            using SecretGuard;

            const string StripeApiKey = "sk_live_4bWYTI6wLqeeHq1PkCJVuoYq";
            var smtpPassword = "Sm7p!Passw0rd";
            Console.WriteLine(StripeApiKey + "|" + smtpPassword);
            """);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "appsettings.json"), """
            {
              "ConnectionStrings": { "Db": "Server=db;Database=app;User Id=sa;Password=Pr0dPassw0rd!;" }
            }
            """);

        // No .env.dev yet: the package declares it as a placeholder, and the build must stay green.
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        var program = Path.Combine(project.ProjectDirectory, "Program.cs");
        Assert.Contains(program + "(3,29): warning SG0001: This literal looks like a Stripe secret key", build.Output);
        Assert.Contains(program + "(4,20): warning SG0002: 'smtpPassword' holds a credential", build.Output);
        Assert.Contains(Path.Combine(project.ProjectDirectory, "appsettings.json") + "(2,32): warning SG0007: 'ConnectionStrings:Db' in appsettings.json", build.Output);
        Assert.DoesNotContain("CS2001", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);

        var format = DotNet.Run(project.ProjectDirectory, TimeSpan.FromMinutes(4), new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.PackagesDirectory },
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SG0001", "SG0002", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Output);
        var fixedProgram = File.ReadAllText(program);
        Assert.Contains("Secrets.Get(\"STRIPE_API_KEY_SECRET\")", fixedProgram);
        Assert.True(fixedProgram.Contains("Secrets.Get(\"SMTP_PASSWORD_SECRET\")", StringComparison.Ordinal), format.Output + "\n" + fixedProgram + "\n" + project.ReadEnv("dev"));
        Assert.DoesNotContain("sk_live_", fixedProgram);
        var moved = project.ReadEnv("dev");
        Assert.Contains("STRIPE_API_KEY_SECRET=sk_live_4bWYTI6wLqeeHq1PkCJVuoYq", moved);
        Assert.Contains("SMTP_PASSWORD_SECRET=Sm7p!Passw0rd", moved);
        Assert.NotEqual(0xEF, File.ReadAllBytes(project.EnvFile("dev"))[0]); // no byte order mark

        var rebuild = project.Build(extraArguments: "--no-restore");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.Contains("SecretGuard: encrypted 2 values", rebuild.Output);
        Assert.DoesNotContain("warning SG0001", rebuild.Output);
        Assert.DoesNotContain("warning SG0002", rebuild.Output);
        Assert.DoesNotContain("sk_live_", project.ReadEnv("dev"));

        var run = project.RunApp(null);
        Assert.Equal("sk_live_4bWYTI6wLqeeHq1PkCJVuoYq|Sm7p!Passw0rd", run.Output.Trim());
    }
}
