using System;

namespace SecretGuard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class VerifyModeTests
{
    private readonly PackageFeed _feed;

    public VerifyModeTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void CI_fails_on_a_plaintext_secret_at_its_file_line_and_column_and_writes_nothing()
    {
        using var project = new SampleProject(_feed);
        const string text = "PUBLIC=1\nAPI_KEY_SECRET=plain-in-ci-9876\n";
        project.WriteEnv("dev", text);

        var build = project.Build(ci: true);
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(project.EnvFile("dev") + "(2,16): error SG1004: API_KEY_SECRET holds a plaintext secret", build.Output);
        Assert.Equal(text, project.ReadEnv("dev"));
        Assert.DoesNotContain("plain-in-ci-9876", build.Output);
    }

    [Fact]
    public void Tampered_wrong_environment_and_undecryptable_values_fail_the_build()
    {
        using var project = new SampleProject(_feed);
        var good = TestCrypto.Encrypt("dev", project.DevKey, "GOOD_SECRET", "fine");
        var moved = TestCrypto.Encrypt("dev", project.DevKey, "OTHER_SECRET", "moved-value");
        var prod = TestCrypto.Encrypt("prod", project.ProdKey, "PROD_ONLY_SECRET", "prod-value");
        var otherKey = TestCrypto.Encrypt("dev", Convert.ToBase64String(new byte[32]), "OLD_KEY_SECRET", "old-value");
        project.WriteEnv("dev",
            "GOOD_SECRET=" + good + "\n" +
            "MOVED_SECRET=" + moved + "\n" +
            "PROD_ONLY_SECRET=" + prod + "\n" +
            "OLD_KEY_SECRET=" + otherKey + "\n" +
            "NEWER_SECRET=DEV_ENC:v3:0123abcd:AAAA\n");

        var build = project.Build();
        Assert.NotEqual(0, build.ExitCode);
        var file = project.EnvFile("dev");
        Assert.Contains(file + "(2,14): error SG1006: MOVED_SECRET: the value failed authentication", build.Output);
        Assert.Contains(file + "(3,18): error SG1005: PROD_ONLY_SECRET holds a value encrypted for prod in the dev file", build.Output);
        Assert.Contains(file + "(4,16): error SG1006: OLD_KEY_SECRET: the value needs key " + otherKey.Split(':')[2], build.Output);
        Assert.Contains(file + "(5,14): error SG1006: NEWER_SECRET: the value has format version 'v3', which a newer SecretGuard wrote", build.Output);
        Assert.DoesNotContain("(1,", build.Output.Replace(file + "(1,", "!!"), StringComparison.Ordinal);
        foreach (var plaintext in new[] { "moved-value", "prod-value", "old-value" })
        {
            Assert.DoesNotContain(plaintext, build.Output);
        }
    }

    [Fact]
    public void Policy_rules_syntax_errors_and_a_missing_key_are_errors_that_say_what_to_do()
    {
        using var project = new SampleProject(_feed, extraItems:
            "<SecretGuardRule Include=\"SECRET_KEY\" Secret=\"true\" MinLength=\"32\" />" +
            "<SecretGuardRule Include=\"ENCRYPTION_KEY\" Secret=\"true\" Length=\"32\" Required=\"true\" />");
        project.WriteEnv("dev", "SECRET_KEY=short-secret-key\nBROKEN=\"never closed\n");
        project.WriteEnv("prod", "SECRET_KEY=prod-plaintext-secret-key-long-enough-1234\nENCRYPTION_KEY=0123456789abcdef0123456789abcdef\nBROKEN=1\n");

        var build = project.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(project.EnvFile("dev") + "(1,12): error SG1008: SECRET_KEY must be at least 32 characters long (rule MinLength=32)", build.Output);
        Assert.Contains(project.EnvFile("dev") + " : error SG1008: ENCRYPTION_KEY is required", build.Output);
        Assert.Contains(project.EnvFile("dev") + "(2,8): error SG1001: the double quote that opens the value of BROKEN is never closed", build.Output);
        Assert.DoesNotContain("short-secret-key", build.Output);
        // A file with a syntax error is never rewritten.
        Assert.StartsWith("SECRET_KEY=short-secret-key\n", project.ReadEnv("dev"));

        // Building prod without its key: the error says where to put one.
        var prod = project.Build(extraArguments: new[] { "--no-restore", "-c", "Release" });
        Assert.NotEqual(0, prod.ExitCode);
        Assert.Contains(project.EnvFile("prod") + "(1,12): error SG1012: SECRET_KEY (and any other plaintext secret in this file) cannot be encrypted: no master key for prod: set SECRETGUARD_KEY_PROD or add 'prod = <key>' to " + project.KeyFilePath, prod.Output);
        Assert.DoesNotContain("prod-plaintext-secret-key", prod.Output);
    }

    [Fact]
    public void A_key_file_tracked_by_git_is_an_error_and_an_unignored_one_a_warning()
    {
        using var project = new SampleProject(_feed);
        project.WriteEnv("dev", "A=1\n");
        Git(project.Root, "init", "-q");

        var unignored = project.Build();
        Assert.True(unignored.ExitCode == 0, unignored.Output);
        Assert.Contains(project.KeyFilePath + " : warning SG1011: the key file is not git-ignored", unignored.Output);

        Git(project.Root, "add", "-f", "secretguard.keys");
        var tracked = project.Build(extraArguments: "--no-restore");
        Assert.NotEqual(0, tracked.ExitCode);
        Assert.Contains(project.KeyFilePath + " : error SG1010: the key file is tracked by git", tracked.Output);
        Assert.DoesNotContain(project.DevKey, tracked.Output);
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + process.StandardError.ReadToEnd());
    }
}
