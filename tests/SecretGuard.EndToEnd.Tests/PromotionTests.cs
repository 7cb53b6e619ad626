using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Build once, deploy many (issue 16, docs/operations.md#promotion-one-artifact-many-environments): a build ships every
/// listed environment's encrypted file, and one published folder runs in each environment with that environment's key.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PromotionTests
{
    private readonly PackageFeed _feed;

    public PromotionTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void One_published_folder_runs_as_int_and_as_prod_and_each_reads_only_its_own_values()
    {
        // The sample prints the secrets it is given on purpose (SG0004), so the test can see what the app decrypted.
        using var project = new SampleProject(_feed, extraProperties:
            "<SecretGuardShipEnvironments>dev;int;prod</SecretGuardShipEnvironments><NoWarn>$(NoWarn);SG0004</NoWarn>");
        var intKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // The developer holds the dev key, never prod's: prod's value was encrypted by whoever holds that key.
        project.WriteEnv("dev", "PUBLIC_URL=https://dev.shop.test\nPAYMENT_API_KEY_SECRET=dev-payments-4471\n");
        const string intText = "PUBLIC_URL=https://int.shop.test\nPAYMENT_API_KEY_SECRET=int-payments-5582\n";
        project.WriteEnv("int", intText);
        project.WriteEnv("prod", "PUBLIC_URL=https://shop.test\nPAYMENT_API_KEY_SECRET=" +
            TestCrypto.Encrypt("prod", project.ProdKey, "PAYMENT_API_KEY_SECRET", "prod-payments-6693") + "\n");

        // A shipped file never holds plaintext: without the int key, int's new value fails the build at the value.
        var withoutIntKey = project.Build(extraArguments: new[] { "-c", "Release" });
        Assert.NotEqual(0, withoutIntKey.ExitCode);
        Assert.Contains(project.EnvFile("int") + "(2,24): error SG1012: PAYMENT_API_KEY_SECRET (and any other plaintext secret in this file) cannot be encrypted, " +
            "and this file ships in the output (SecretGuardShipEnvironments)", withoutIntKey.Output);
        Assert.Equal(intText, project.ReadEnv("int"));
        Assert.Contains("SecretGuard: encrypted 1 value in " + project.EnvFile("dev"), withoutIntKey.Output);
        Assert.DoesNotContain("-payments-", withoutIntKey.Output);

        // With the int key too, the Release build encrypts every shipped file it has the key for, and ships them all.
        project.WriteKeyFile("dev = " + project.DevKey + "\nint = " + intKey + "\n");
        var build = project.Build(extraArguments: new[] { "--no-restore", "-c", "Release" });
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("SecretGuard: encrypted 1 value in " + project.EnvFile("int"), build.Output);
        Assert.Matches("^PUBLIC_URL=https://int.shop.test\nPAYMENT_API_KEY_SECRET=INT_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+\n$", project.ReadEnv("int"));
        var buildOutput = Path.Combine(project.ProjectDirectory, "bin", "Release", "net10.0");
        foreach (var environment in new[] { "dev", "int", "prod" })
        {
            Assert.Equal(project.ReadEnv(environment), File.ReadAllText(Path.Combine(buildOutput, ".env." + environment)));
        }

        Assert.False(File.Exists(Path.Combine(buildOutput, ".env")), "a build that ships every environment ships no single .env");

        // CI publishes in Verify mode without any key: nothing is written, the shipped files are only checked.
        var published = Path.Combine(Path.GetTempPath(), "sg-e2e-published-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var publish = project.Publish(published, ci: true, configuration: "Release");
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.Equal(project.ReadEnv("int"), File.ReadAllText(Path.Combine(published, ".env.int")));
            Assert.Equal(project.ReadEnv("prod"), File.ReadAllText(Path.Combine(published, ".env.prod")));
            Assert.False(File.Exists(Path.Combine(published, ".env.dev")), "a publish carries no dev values by default (SecretGuardPublishEnvironments)");
            Assert.False(File.Exists(Path.Combine(published, ".env")));
            Assert.Equal("prod", File.ReadAllText(Path.Combine(published, "secretguard.environment")).Trim());
            foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                Assert.DoesNotContain("-payments-", text);
                Assert.DoesNotContain(intKey, text);
                Assert.DoesNotContain(project.DevKey, text);
            }

            // The same folder, as int: the hosting environment Staging maps to int, and the int key reads int's values.
            var asInt = Run(published, new() { ["DOTNET_ENVIRONMENT"] = "Staging", ["SECRETGUARD_KEY_INT"] = intKey });
            Assert.True(asInt.ExitCode == 0, asInt.Output);
            Assert.Equal(new[] { "PAYMENT_API_KEY_SECRET=int-payments-5582", "PUBLIC_URL=https://int.shop.test" }, Lines(asInt));

            // ... and as prod, with the prod key.
            var asProd = Run(published, new() { ["DOTNET_ENVIRONMENT"] = "Production", ["SECRETGUARD_KEY_PROD"] = project.ProdKey });
            Assert.True(asProd.ExitCode == 0, asProd.Output);
            Assert.Equal(new[] { "PAYMENT_API_KEY_SECRET=prod-payments-6693", "PUBLIC_URL=https://shop.test" }, Lines(asProd));

            // Neither can read the other's values: each run reads only its own environment's file, with its own key.
            var prodWithIntKey = Run(published, new() { ["DOTNET_ENVIRONMENT"] = "Production", ["SECRETGUARD_KEY_INT"] = intKey });
            Assert.NotEqual(0, prodWithIntKey.ExitCode);
            Assert.Contains("no master key for prod", prodWithIntKey.Output);
            var intWithProdKey = Run(published, new() { ["SECRETGUARD_ENVIRONMENT"] = "int", ["SECRETGUARD_KEY_PROD"] = project.ProdKey });
            Assert.NotEqual(0, intWithProdKey.ExitCode);
            Assert.Contains("no master key for int", intWithProdKey.Output);

            // A run as dev finds no dev file in a published folder and says which file, which environment and why.
            var asDev = Run(published, new() { ["DOTNET_ENVIRONMENT"] = "Development", ["SECRETGUARD_KEY_DEV"] = project.DevKey });
            Assert.NotEqual(0, asDev.ExitCode);
            Assert.Contains("There is no env file for dev: " + Path.Combine(published, ".env.dev") + " does not exist", asDev.Output);
            Assert.Contains("chosen by DOTNET_ENVIRONMENT=Development", asDev.Output);

            foreach (var run in new[] { prodWithIntKey, intWithProdKey, asDev })
            {
                Assert.DoesNotContain("-payments-", run.Output);
            }
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }

    private static ProcessResult Run(string folder, Dictionary<string, string?> environment) =>
        DotNet.Run(folder, TimeSpan.FromMinutes(2), environment, Path.Combine(folder, "App.dll"), "PAYMENT_API_KEY_SECRET", "PUBLIC_URL");

    private static string[] Lines(ProcessResult result) =>
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
