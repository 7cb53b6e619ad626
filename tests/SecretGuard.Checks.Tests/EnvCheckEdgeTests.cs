using System;
using System.IO;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>Edges of the build's checks: a key file that names an environment twice, a read-only env file.</summary>
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

    [Fact]
    public void Encrypt_mode_does_not_rewrite_a_read_only_file_and_says_how_to_make_it_writable()
    {
        using var s = new CheckScenario("dev");
        const string Text = "# settings\nAPI_KEY_SECRET=canary-read-only\nNAME=app\n";
        var path = s.Write(".env.dev", Text);
        MakeReadOnly(path);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev")));

        var finding = CheckAssert.Single(report, DiagnosticIds.SyntaxError);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(path, finding.FilePath);
        Assert.Contains("read-only", finding.Message);
        Assert.Contains(OperatingSystem.IsWindows() ? "attrib -r" : "chmod u+w", finding.Message);
        Assert.Contains(path, finding.Message);
        Assert.Empty(report.EncryptedCounts);
        Assert.Equal(Text, s.Read(path));
        Assert.True(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
        Assert.Empty(Directory.GetFiles(s.Root, "*.tmp", SearchOption.AllDirectories));
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void A_read_only_file_with_nothing_to_encrypt_is_fine()
    {
        using var s = new CheckScenario("dev");
        var path = s.Write(".env.dev", "API_KEY_SECRET=" + s.Encrypt("dev", "API_KEY_SECRET", "canary-done") + "\nNAME=app\n");
        MakeReadOnly(path);

        CheckAssert.Empty(EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(path, "dev"))));
        CheckAssert.Empty(EnvCheckRunner.Run(s.Options(CheckMode.Verify, "dev", new EnvFileTarget(path, "dev"))));
    }

    private static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
