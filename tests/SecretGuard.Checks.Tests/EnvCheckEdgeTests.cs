using System.IO;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>Edges of the build's checks: a key file that names an environment twice.</summary>
public class EnvCheckEdgeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_key_file_lines_for_the_environment_are_SG1012_naming_both_and_nothing_is_encrypted(bool checkKeyFileHygiene)
    {
        using var s = new CheckScenario();
        var first = TestKeys.NewBase64();
        var second = TestKeys.NewBase64();
        File.WriteAllText(s.KeyFilePath, "# keys\ndev = " + first + "\ndev = " + second + "\n");
        const string Text = "API_KEY_SECRET=canary-twice\n";
        var path = s.Write(".env.dev", Text);
        var options = s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev"));
        options.CheckKeyFileHygiene = checkKeyFileHygiene;

        var report = EnvCheckRunner.Run(options);

        var finding = CheckAssert.At(report, DiagnosticIds.MissingMasterKey, s.KeyFilePath, 3);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains(s.KeyFilePath + "(2)", finding.Message);
        Assert.Contains(s.KeyFilePath + "(3)", finding.Message);
        Assert.Contains("delete the other", finding.Message);
        Assert.Single(report.Findings, f => f.FilePath == s.KeyFilePath && f.Id == DiagnosticIds.MissingMasterKey);
        Assert.Empty(report.EncryptedCounts);
        Assert.Equal(Text, s.Read(path));
        CheckAssert.NoLeak(report, "canary", first.Substring(0, 12), second.Substring(0, 12));
    }
}
