using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Issue 16, "Done means": a developer machine that has the dev key and only the PUBLIC key of prod adds prod secrets,
/// with <c>secretguard set</c> and with a Release build (encrypt-in-place); every prod value is then a version 2 value to
/// prod's public key, nothing on that machine can decrypt it (the CLI and the app say who can, and print no value), CI
/// verifies it without any key, and the app given the prod private key reads it. No key or value reaches the build log.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PublicKeyWriteTests
{
    private const string SetValue = "prod-db-Value-9931xQ";
    private const string BuiltValue = "prod-payments-Value-7714kZ";

    private readonly PackageFeed _feed;

    public PublicKeyWriteTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void A_machine_with_only_prods_public_key_adds_prod_secrets_that_only_the_prod_private_key_reads()
    {
        // The sample prints the secrets it is given on purpose (SG0004), so the test can see what the app decrypted.
        using var project = new SampleProject(_feed, extraProperties: "<NoWarn>$(NoWarn);SG0004</NoWarn>");
        var prod = TestKeyPair.New();
        File.WriteAllText(Path.Combine(project.Root, "secretguard.recipients"), "# committed\nprod = " + prod.PublicText + "\n");
        project.WriteEnv("prod", "PUBLIC_URL=https://shop.test\n");

        // secretguard set: the key file holds dev only; prod's public key is all it takes.
        var set = Tool.Run(project.ProjectDirectory, SetValue, "set", "Db__Password_SECRET", "--env", "prod");
        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Contains("encrypted for prod to the public key " + prod.RecipientId, set.Output);

        // A Release build (Encrypt mode: not CI) encrypts a new plaintext prod value in place, to the same public key.
        File.AppendAllText(project.EnvFile("prod"), "PAYMENT_API_KEY_SECRET=" + BuiltValue + "\n");
        var binlog = Path.Combine(project.Root, "release.binlog");
        var build = project.Build(extraArguments: new[] { "-c", "Release", "-v:diag", "-bl:" + binlog });
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("SecretGuard: encrypted 1 value in " + project.EnvFile("prod"), build.Output);
        var prodText = project.ReadEnv("prod");
        var v2 = "PROD_ENC:v2:" + prod.RecipientId + ":[A-Za-z0-9_-]+";
        Assert.Matches("^PUBLIC_URL=https://shop.test\nDb__Password_SECRET=" + v2 + "\nPAYMENT_API_KEY_SECRET=" + v2 + "\n$", prodText);

        // Neither value nor any key is in the diag output or the binlog.
        var logged = BuildLogs.ReadBinlogForSearch(binlog);
        Assert.Contains("SecretGuardCheckEnvFiles", logged);
        foreach (var text in new[] { build.Output, logged })
        {
            foreach (var canary in new[] { SetValue, BuiltValue, prod.PrivateText, prod.PrivateText["sgkey2_".Length..], project.DevKey })
            {
                Assert.DoesNotContain(canary, text);
            }
        }

        // Nothing on this machine decrypts it: the CLI says who can, and prints no value.
        var decrypt = Tool.Run(project.ProjectDirectory, string.Empty, "decrypt", "PAYMENT_API_KEY_SECRET", "--env", "prod", "--force");
        Assert.NotEqual(0, decrypt.ExitCode);
        Assert.Contains("can be decrypted only with the private key of one of its recipients, " + prod.RecipientId, decrypt.Output);
        Assert.DoesNotContain(BuiltValue, decrypt.Output);

        // The app run as prod (the Release build ships .env.prod as .env) without the private key fails the same way.
        var app = Path.Combine(project.ProjectDirectory, "bin", "Release", "net10.0", "App.dll");
        var denied = DotNet.Run(project.ProjectDirectory, TimeSpan.FromMinutes(2), null, app, "PAYMENT_API_KEY_SECRET", "Db__Password_SECRET");
        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("PAYMENT_API_KEY_SECRET: no key for prod was found, and this version 2 value can be decrypted only with the private key of one of its recipients, " +
            prod.RecipientId + " (" + Path.Combine(project.Root, "secretguard.recipients") + "(2): prod)", denied.Output);
        Assert.DoesNotContain(BuiltValue, denied.Output);
        Assert.DoesNotContain(SetValue, denied.Output);

        // CI verifies the prod file with no key at all: structure and recipients need none.
        var ci = project.Build(ci: true, extraArguments: new[] { "--no-restore", "-c", "Release" });
        Assert.True(ci.ExitCode == 0, ci.Output);
        Assert.Equal(prodText, project.ReadEnv("prod"));

        // Given the prod private key, the app reads both values.
        var reads = DotNet.Run(project.ProjectDirectory, TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = prod.PrivateText }, app, "PAYMENT_API_KEY_SECRET", "Db__Password_SECRET");
        Assert.True(reads.ExitCode == 0, reads.Output);
        Assert.Equal(new[] { "PAYMENT_API_KEY_SECRET=" + BuiltValue, "Db__Password_SECRET=" + SetValue },
            reads.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }
}
