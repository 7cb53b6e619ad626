using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecretGuard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class AnalyzerEndToEndTests
{
    private readonly PackageFeed _feed;

    public AnalyzerEndToEndTests(PackageFeed feed) => _feed = feed;

    // One project for the whole move: a custom secret suffix, a top-level const and local, a const field used by another
    // file, a filler fallback (no diagnostic) and a real-looking fallback (reported, never fixed), usings in plain
    // alphabetical order.
    [Fact]
    public void The_build_shows_the_warnings_and_dotnet_format_moves_the_secrets_into_the_encrypted_env_file()
    {
        using var project = new SampleProject(_feed, extraProperties: "<SecretGuardSecretSuffixes>_VAULT;_SECRET</SecretGuardSecretSuffixes>");
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "Program.cs"), """
            using SecretGuard;

            const string StripeApiKey = "sk_live_4bWYTI6wLqeeHq1PkCJVuoYq";
            var smtpPassword = "Sm7p!Kq81xZvm";
            Console.WriteLine(StripeApiKey + "|" + smtpPassword + "|" + Partner.Token + "|" + Partner.PushToken());
            """);
        var partner = Path.Combine(project.ProjectDirectory, "Partner.cs");
        File.WriteAllText(partner, """
            using Microsoft.Win32.SafeHandles;
            using System.Text;

            public static class Partner
            {
                public const string Token = "ptk.Rq7!xMv2Lp9sT4";

                public static string PushToken() => Environment.GetEnvironmentVariable("PUSH_TOKEN") ?? "none";

                public static string RelayPassword() => Environment.GetEnvironmentVariable("RELAY_PASSWORD") ?? "Granite2023%";

                public static int Length(SafeFileHandle handle) => Encoding.UTF8.GetByteCount(handle.ToString()!);
            }
            """);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "appsettings.json"), """
            {
              "ConnectionStrings": { "Db": "Server=db;Database=app;User Id=sa;Password=Pr0d!Kq81xZvm;" }
            }
            """);

        // No .env.dev yet: the package declares it as a placeholder, and the build must stay green.
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        var program = Path.Combine(project.ProjectDirectory, "Program.cs");
        Assert.Contains(program + "(3,29): warning SG0001: This literal looks like a Stripe secret key", build.Output);
        Assert.Contains(program + "(4,20): warning SG0002: 'smtpPassword' holds a credential", build.Output);
        Assert.Contains(partner + "(6,33): warning SG0002: 'Token' holds a credential", build.Output);
        Assert.Contains(partner + "(10,101): warning SG0002: 'RelayPassword' holds a credential", build.Output);
        Assert.DoesNotContain(partner + "(8,", build.Output); // ?? "none" is a filler: no diagnostic at all
        Assert.Contains(Path.Combine(project.ProjectDirectory, "appsettings.json") + "(2,32): warning SG0007: 'ConnectionStrings:Db' in appsettings.json", build.Output);
        Assert.DoesNotContain("CS2001", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);

        // The analyzers get the whole suffix list: the compiler would cut "_VAULT;_SECRET" at its ';' (dotnet/roslyn#51692).
        var editorConfig = Directory.GetFiles(Path.Combine(project.ProjectDirectory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single();
        Assert.Contains("build_property._SecretGuardAnalyzerSecretSuffixes = _VAULT,_SECRET", File.ReadAllText(editorConfig));

        var format = DotNet.Run(project.ProjectDirectory, TimeSpan.FromMinutes(4), new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.PackagesDirectory },
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SG0001", "SG0002", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Output);
        var fixedProgram = File.ReadAllText(program);
        var fixedPartner = File.ReadAllText(partner);
        var moved = project.ReadEnv("dev");
        var context = format.Output + "\n" + fixedProgram + "\n" + fixedPartner + "\n" + moved;

        // Names end with the project's first suffix, so the build encrypts them.
        Assert.True(fixedProgram.Contains("Secrets.Get(\"STRIPE_API_KEY_VAULT\")", StringComparison.Ordinal), context);
        Assert.Contains("Secrets.Get(\"SMTP_PASSWORD_VAULT\")", fixedProgram);
        Assert.DoesNotContain("sk_live_", fixedProgram);

        // The const became a property that reads the secret (never a static initializer that can throw); the filler
        // fallback and the real-looking one are untouched; the using went where the file's alphabetical order puts it.
        Assert.Contains("public static string Token => Secrets.Get(\"TOKEN_VAULT\");", fixedPartner);
        Assert.Contains("?? \"none\";", fixedPartner);
        Assert.Contains("?? \"Granite2023%\";", fixedPartner);
        Assert.StartsWith("using Microsoft.Win32.SafeHandles;\nusing SecretGuard;\nusing System.Text;\n", fixedPartner.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        Assert.Contains("STRIPE_API_KEY_VAULT=sk_live_4bWYTI6wLqeeHq1PkCJVuoYq", moved);
        Assert.Contains("SMTP_PASSWORD_VAULT=Sm7p!Kq81xZvm", moved);
        Assert.Contains("TOKEN_VAULT=ptk.Rq7!xMv2Lp9sT4", moved);
        Assert.DoesNotContain("Granite2023%", moved);
        Assert.NotEqual(0xEF, File.ReadAllBytes(project.EnvFile("dev"))[0]); // no byte order mark

        var rebuild = project.Build(extraArguments: "--no-restore");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.Contains("SecretGuard: encrypted 3 values", rebuild.Output);
        Assert.DoesNotContain("warning SG0001", rebuild.Output);
        Assert.False(rebuild.Output.Split('\n').Any(line => line.Contains(program + "(", StringComparison.Ordinal) && line.Contains("SG0002", StringComparison.Ordinal)), rebuild.Output);
        Assert.Contains(partner + "(11,101): warning SG0002", rebuild.Output); // the fallback (a line lower: the using) stays the team's decision
        Assert.DoesNotContain("sk_live_", project.ReadEnv("dev"));

        var run = project.RunApp(new Dictionary<string, string?> { ["PUSH_TOKEN"] = null });
        Assert.Equal("sk_live_4bWYTI6wLqeeHq1PkCJVuoYq|Sm7p!Kq81xZvm|ptk.Rq7!xMv2Lp9sT4|none", run.Output.Trim());
    }

    [Fact]
    public void The_build_shows_SG0004_to_SG0006_and_dotnet_format_applies_their_fixes()
    {
        using var project = new SampleProject(_feed);
        var program = Path.Combine(project.ProjectDirectory, "Program.cs");
        File.WriteAllText(program, """
            using SecretGuard;

            var apiKey = Secrets.Get("API_KEY_SECRET");
            Console.WriteLine("key: " + apiKey);
            var resetToken = new Random().Next().ToString("x8");
            var stripe = Environment.GetEnvironmentVariable("STRIPE_KEY_SECRET");
            Console.WriteLine(resetToken.Length + (stripe?.Length ?? 0));
            """);

        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(program + "(4,29): warning SG0004: 'apiKey' carries a secret into Console.WriteLine", build.Output);
        Assert.Contains(program + "(5,18): warning SG0005: System.Random.Next produces the value of 'resetToken'", build.Output);
        Assert.Contains(program + "(6,14): warning SG0006: 'STRIPE_KEY_SECRET' is read with Environment.GetEnvironmentVariable", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);

        var format = DotNet.Run(project.ProjectDirectory, TimeSpan.FromMinutes(4), new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _feed.PackagesDirectory },
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SG0004", "SG0005", "SG0006", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Output);
        var fixedProgram = File.ReadAllText(program);
        Assert.True(fixedProgram.Contains("Console.WriteLine(\"key: \" + Secrets.Redact(apiKey));", StringComparison.Ordinal), format.Output + "\n" + fixedProgram);
        Assert.Contains("var resetToken = RandomNumberGenerator.GetInt32(int.MaxValue).ToString(\"x8\");", fixedProgram);
        Assert.Contains("using System.Security.Cryptography;", fixedProgram);
        Assert.Contains("var stripe = Secrets.Get(\"STRIPE_KEY_SECRET\");", fixedProgram);

        var rebuild = project.Build(extraArguments: "--no-restore");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.DoesNotContain("warning SG0004", rebuild.Output);
        Assert.DoesNotContain("warning SG0005", rebuild.Output);
        Assert.DoesNotContain("warning SG0006", rebuild.Output);
        Assert.DoesNotContain("AD0001", rebuild.Output);
    }
}
