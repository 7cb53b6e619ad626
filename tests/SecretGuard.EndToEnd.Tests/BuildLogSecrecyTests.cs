using System.Collections.Generic;
using System.IO;

namespace SecretGuard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class BuildLogSecrecyTests
{
    private readonly PackageFeed _feed;

    public BuildLogSecrecyTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void Neither_plaintext_nor_master_key_appears_in_diag_output_or_the_binlog()
    {
        using var project = new SampleProject(_feed,
            extraItems: "<SecretGuardRule Include=\"TOKEN_SECRET\" MinLength=\"64\" />");
        const string plaintext = "plaintext-canary-Zq7xW2";
        const string violating = "short-canary-Kp3";
        project.WriteEnv("dev", "API_KEY_SECRET=" + plaintext + "\nTOKEN_SECRET=" + violating + "\n");
        File.Delete(project.KeyFilePath); // the key comes from the environment, as in CI
        var binlog = Path.Combine(project.Root, "build.binlog");

        var build = project.Build(environment: new Dictionary<string, string?> { ["SECRETGUARD_KEY_DEV"] = project.DevKey },
            extraArguments: new[] { "-v:diag", "-bl:" + binlog });

        Assert.Contains("error SG1008: TOKEN_SECRET must be at least 64 characters long", build.Output);
        Assert.Contains("SecretGuard: encrypted 2 values", build.Output);
        Assert.DoesNotContain(plaintext, build.Output);
        Assert.DoesNotContain(violating, build.Output);
        Assert.DoesNotContain(project.DevKey, build.Output);

        var logged = BuildLogs.ReadBinlogForSearch(binlog);
        Assert.Contains("SecretGuardCheckEnvFiles", logged); // the search does see the log's text
        Assert.DoesNotContain(plaintext, logged);
        Assert.DoesNotContain(violating, logged);
        Assert.DoesNotContain(project.DevKey, logged);

        var replayLog = Path.Combine(project.Root, "replay.log");
        var replay = DotNet.Run(project.Root, System.TimeSpan.FromMinutes(2), null, "msbuild", binlog, "-noconlog", "-flp:v=diag;logfile=" + replayLog);
        Assert.True(replay.ExitCode == 0 || File.Exists(replayLog), replay.Output);
        var replayed = File.ReadAllText(replayLog);
        Assert.Contains("SecretGuardCheckEnvFiles", replayed);
        Assert.DoesNotContain(plaintext, replayed);
        Assert.DoesNotContain(project.DevKey, replayed);
    }
}
