using System;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Diagnostics;

namespace SecretGuard.Tests;

/// <summary>SG1010/SG1011: the key file is not tracked, is ignored, and is readable by its owner only. Real git, real modes.</summary>
public class KeyFileHygieneTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public void A_key_file_in_a_repository_that_is_not_ignored_is_SG1011()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var keyFile = WriteKeyFile(dir, OwnerOnly);

        var finding = Assert.Single(KeyFileHygiene.Check(keyFile));

        AssertFinding(finding, DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, keyFile);
        Assert.Equal("the key file is not git-ignored: one 'git add .' commits it. Add 'secretguard.keys' to .gitignore", finding.Message);
    }

    [Fact]
    public void An_ignored_owner_only_key_file_has_no_findings()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var keyFile = WriteKeyFile(dir, OwnerOnly);
        dir.Write(".gitignore", "bin/\nsecretguard.keys\n");

        Assert.Empty(KeyFileHygiene.Check(keyFile));
    }

    [Fact]
    public void A_key_file_ignored_from_a_parent_folder_has_no_findings()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        dir.Write(".gitignore", "*.keys\n");
        var nested = Path.Combine(dir.Path, "src", "App");
        Directory.CreateDirectory(nested);
        var keyFile = Path.Combine(nested, "secretguard.keys");
        File.WriteAllText(keyFile, "dev = " + TestKeys.NewBase64() + "\n");
        SetMode(keyFile, OwnerOnly);

        Assert.Empty(KeyFileHygiene.Check(keyFile));
    }

    [Fact]
    public void A_tracked_key_file_is_SG1010_even_when_it_is_ignored()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var keyFile = WriteKeyFile(dir, OwnerOnly);
        dir.Write(".gitignore", "secretguard.keys\n");
        Git.Run(dir.Path, "add", "-f", "secretguard.keys");

        var finding = Assert.Single(KeyFileHygiene.Check(keyFile));

        AssertFinding(finding, DiagnosticIds.KeyFileTracked, FindingSeverity.Error, keyFile);
        Assert.StartsWith("the key file is tracked by git: its keys are in the repository's history. Run 'git rm --cached secretguard.keys'", finding.Message);
        Assert.Contains("rotate every key", finding.Message);
    }

    [Fact]
    public void A_key_file_readable_by_others_is_SG1011_and_owner_only_is_fine()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory(); // not a repository: only the mode counts
        var keyFile = WriteKeyFile(dir, WorldReadable);

        var finding = Assert.Single(KeyFileHygiene.Check(keyFile));
        AssertFinding(finding, DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, keyFile);
        Assert.Equal("the key file is readable by other users: run 'chmod 600 " + keyFile + "'", finding.Message);

        SetMode(keyFile, OwnerOnly | UnixFileMode.GroupRead); // 640: the group is "other users" too
        Assert.Single(KeyFileHygiene.Check(keyFile));

        SetMode(keyFile, OwnerOnly);
        Assert.Empty(KeyFileHygiene.Check(keyFile));
    }

    [Fact]
    public void Outside_any_repository_there_are_no_git_findings()
    {
        using var dir = new TempDirectory();
        var keyFile = WriteKeyFile(dir, OwnerOnly);

        Assert.Empty(KeyFileHygiene.Check(keyFile));
    }

    [Fact]
    public void Findings_never_show_a_key()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var key = TestKeys.NewBase64();
        var keyFile = dir.Write("secretguard.keys", "dev = " + key + "\n");
        SetMode(keyFile, WorldReadable);
        Git.Run(dir.Path, "add", "secretguard.keys");

        var findings = KeyFileHygiene.Check(keyFile).ToList();

        Assert.Contains(findings, f => f.Id == DiagnosticIds.KeyFileTracked);
        CheckAssert.NoLeak(findings, key, key.TrimEnd('='));
    }

    [Fact]
    public void A_leftover_temp_copy_of_the_key_file_with_a_valid_key_line_is_checked_like_the_key_file()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var keyFile = WriteKeyFile(dir, OwnerOnly);
        dir.Write(".gitignore", "secretguard.keys\n"); // the rule of older versions: does not cover the temp
        var key = TestKeys.NewBase64();
        var leftover = dir.Write("secretguard.keys.0123abcd.tmp", "# team keys\ndev = " + key + "\n");
        var oldStyle = dir.Write(".secretguard.keys.4567cdef.tmp", "prod = " + TestKeys.NewBase64() + "\n");
        dir.Write("secretguard.keys.89abcdef.tmp", "dev = not-a-key\n"); // no valid key line: not a key file
        SetMode(leftover, OwnerOnly);
        SetMode(oldStyle, WorldReadable);

        var findings = KeyFileHygiene.Check(keyFile).ToList();

        Assert.Equal(OperatingSystem.IsWindows() ? 2 : 3, findings.Count);
        Assert.All(findings, f => Assert.Equal(DiagnosticIds.KeyFileExposed, f.Id));
        var notIgnored = findings.Where(f => f.Message.Contains("not git-ignored", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { Path.GetFullPath(oldStyle), Path.GetFullPath(leftover) }, notIgnored.Select(f => f.FilePath).OrderBy(p => p, StringComparer.Ordinal));
        Assert.StartsWith("a leftover temp copy of secretguard.keys (it holds master keys) is not git-ignored", notIgnored[0].Message);
        Assert.Contains("'secretguard.keys.*'", notIgnored[0].Message);

        // Ignored by the rule init now writes: only the mode of the world-readable copy is left; tracked: SG1010.
        dir.Write(".gitignore", "secretguard.keys\nsecretguard.keys.*\n.secretguard.keys.*\n");
        Git.Run(dir.Path, "add", "-f", "secretguard.keys.0123abcd.tmp");
        findings = KeyFileHygiene.Check(keyFile).ToList();
        var tracked = Assert.Single(findings, f => f.Id == DiagnosticIds.KeyFileTracked);
        AssertFinding(tracked, DiagnosticIds.KeyFileTracked, FindingSeverity.Error, leftover);
        Assert.Contains("git rm --cached secretguard.keys.0123abcd.tmp", tracked.Message);
        Assert.Equal(OperatingSystem.IsWindows() ? 1 : 2, findings.Count);
        CheckAssert.NoLeak(findings, key, key.TrimEnd('='));
    }

    // ---- through the runner -------------------------------------------------------------------------------------

    [Fact]
    public void The_runner_checks_the_key_file_it_finds_by_searching_upward()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var key = TestKeys.NewBase64();
        var keyFile = dir.Write("secretguard.keys", "dev = " + key + "\n");
        SetMode(keyFile, WorldReadable);
        var project = Path.Combine(dir.Path, "src", "App");
        Directory.CreateDirectory(project);
        var env = Path.Combine(project, ".env.dev");
        File.WriteAllText(env, "API_KEY_SECRET=canary-hygiene\n");
        var options = RunnerOptions(env);
        options.KeyLookup.SearchDirectories.Add(project);

        var report = EnvCheckRunner.Run(options);

        // The key was found and used, and the file it came from is reported twice: not ignored, readable by others.
        Assert.Equal(1, report.EncryptedCounts[env]);
        Assert.Equal("canary-hygiene", Crypto.SecretCipher.Decrypt(CheckScenario.ValueIn(env, "API_KEY_SECRET"), "API_KEY_SECRET", TestKeys.Ring("dev", key)));
        Assert.All(report.Findings, f => AssertFinding(f, DiagnosticIds.KeyFileExposed, FindingSeverity.Warning, keyFile));
        Assert.Contains(report.Findings, f => f.Message.Contains("not git-ignored", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            CheckAssert.Ids(report, DiagnosticIds.KeyFileExposed, DiagnosticIds.KeyFileExposed);
            Assert.Contains(report.Findings, f => f.Message.Contains("readable by other users", StringComparison.Ordinal));
        }

        Assert.False(report.HasErrors);

        // Fixed: ignored and owner-only.
        dir.Write(".gitignore", "secretguard.keys\n");
        SetMode(keyFile, OwnerOnly);
        CheckAssert.Empty(EnvCheckRunner.Run(options));

        // Committed by accident: an error.
        Git.Run(dir.Path, "add", "-f", "secretguard.keys");
        var tracked = EnvCheckRunner.Run(options);
        AssertFinding(CheckAssert.Single(tracked, DiagnosticIds.KeyFileTracked), DiagnosticIds.KeyFileTracked, FindingSeverity.Error, keyFile);
        CheckAssert.Ids(tracked, DiagnosticIds.KeyFileTracked);
        Assert.True(tracked.HasErrors);
        CheckAssert.NoLeak(tracked, key, "canary");
    }

    [Fact]
    public void The_runner_skips_hygiene_when_asked_and_when_there_is_no_key_file()
    {
        using var dir = new TempDirectory();
        Git.Run(dir.Path, "init", "-q");
        var keyFile = WriteKeyFile(dir, WorldReadable);
        var env = dir.Write(".env.dev", "NAME=app\n");

        var options = RunnerOptions(env);
        options.KeyLookup.KeyFilePath = keyFile;
        options.CheckKeyFileHygiene = false;
        CheckAssert.Empty(EnvCheckRunner.Run(options));

        using var empty = new TempDirectory();
        var lonely = empty.Write(".env.dev", "NAME=app\n");
        var noKeyFile = RunnerOptions(lonely);
        noKeyFile.KeyLookup.SearchDirectories.Add(empty.Path);
        if (KeyFiles.KeyFile.FindUpward(empty.Path) is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SECRETGUARD_KEY_FILE")))
        {
            CheckAssert.Empty(EnvCheckRunner.Run(noKeyFile));
        }
    }

    [Fact]
    public void The_runner_reports_a_broken_key_file_line_once_with_file_and_line()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.Write("secretguard.keys", "# keys\ndev = canary-not-base64\nprod = " + TestKeys.NewBase64() + "\n");
        SetMode(keyFile, OwnerOnly);
        var env = dir.Write(".env.dev", "API_KEY_SECRET=" + TestKeys.Encrypt("dev", TestKeys.NewBase64(), "API_KEY_SECRET", "canary-value") + "\n");
        var options = RunnerOptions(env);
        options.KeyLookup.KeyFilePath = keyFile;

        var report = EnvCheckRunner.Run(options);

        var finding = CheckAssert.Single(report, DiagnosticIds.MissingMasterKey);
        Assert.Equal(keyFile, finding.FilePath);
        CheckAssert.Is(finding, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 2, 1);
        Assert.StartsWith("the key for 'dev' is not 32 bytes of standard base64", finding.Message);
        CheckAssert.Ids(report, DiagnosticIds.MissingMasterKey);
        CheckAssert.NoLeak(report, "canary");
    }

    [Fact]
    public void The_runner_reports_a_key_file_path_that_does_not_exist()
    {
        using var dir = new TempDirectory();
        var env = dir.Write(".env.dev", "NAME=app\n");
        var options = RunnerOptions(env);
        options.KeyLookup.KeyFilePath = Path.Combine(dir.Path, "missing.keys");

        var report = EnvCheckRunner.Run(options);

        var finding = CheckAssert.Single(report, DiagnosticIds.MissingMasterKey);
        Assert.Equal(options.KeyLookup.KeyFilePath, finding.FilePath);
        CheckAssert.Is(finding, DiagnosticIds.MissingMasterKey, FindingSeverity.Error, 0, 0);
        Assert.Contains("does not exist", finding.Message);
    }

    private static EnvCheckOptions RunnerOptions(string envFile)
    {
        var options = new EnvCheckOptions { Mode = CheckMode.Encrypt, ActiveEnvironment = "dev", CheckDrift = false, CheckKeyFileHygiene = true };
        options.KeyLookup.KeyVariable = TestKeys.UniqueVariableTemplate();
        options.Files.Add(new EnvFileTarget(envFile, "dev"));
        return options;
    }

    private static string WriteKeyFile(TempDirectory dir, UnixFileMode mode)
    {
        var path = dir.Write("secretguard.keys", "# team keys\ndev = " + TestKeys.NewBase64() + "\n");
        SetMode(path, mode);
        return path;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void AssertFinding(Finding finding, string id, FindingSeverity severity, string keyFile)
    {
        Assert.Equal(id, finding.Id);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(Path.GetFullPath(keyFile), finding.FilePath);
        Assert.Equal(0, finding.Line);
        Assert.Equal(0, finding.Column);
    }
}
