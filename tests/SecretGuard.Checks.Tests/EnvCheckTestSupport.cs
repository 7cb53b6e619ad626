using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SecretGuard.Checks;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// A temp folder with env files and a key file (mode 600) of its own, a variable template nobody else uses, and
/// options that look nowhere else: tests built on it do not depend on the machine and run in parallel.
/// </summary>
internal sealed class CheckScenario : IDisposable
{
    /// <summary>What an encrypted value looks like, for masking ciphertext before comparing files.</summary>
    public static readonly Regex Ciphertext = new("[A-Z][A-Z0-9]*_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+", RegexOptions.CultureInvariant);

    private readonly TempDirectory _dir = new();
    private readonly EnvironmentVariables _variables = new();

    /// <summary>A scenario whose key file holds a fresh key for each of <paramref name="environmentsWithKeys"/>.</summary>
    public CheckScenario(params string[] environmentsWithKeys)
    {
        foreach (var environment in environmentsWithKeys)
        {
            Keys[environment] = TestKeys.NewBase64();
        }

        WriteKeyFile();
    }

    public string Root => _dir.Path;

    public string KeyVariableTemplate { get; } = TestKeys.UniqueVariableTemplate();

    /// <summary>The master keys in the key file, by environment.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Previous master keys in the key file, by environment.</summary>
    public Dictionary<string, string> PreviousKeys { get; } = new(StringComparer.Ordinal);

    public string KeyFilePath => Path.Combine(Root, KeyFile.DefaultFileName);

    /// <summary>Rewrites the key file from <see cref="Keys"/> and <see cref="PreviousKeys"/>, owner-only.</summary>
    public void WriteKeyFile()
    {
        var text = new StringBuilder("# test keys\n");
        foreach (var (environment, key) in Keys)
        {
            text.Append(environment).Append(" = ").Append(key).Append('\n');
        }

        foreach (var (environment, key) in PreviousKeys)
        {
            text.Append(environment).Append(".previous = ").Append(key).Append('\n');
        }

        File.WriteAllText(KeyFilePath, text.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Writes a file as UTF-8 without a byte order mark, exactly as given.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
        return path;
    }

    public string Read(string path) => File.ReadAllText(path);

    /// <summary>Sets a process variable for this scenario only (restored on dispose).</summary>
    public void SetVariable(string name, string? value) => _variables.Set(name, value);

    public string VariableFor(string environment) => new KeyLookupOptions { KeyVariable = KeyVariableTemplate }.VariableFor(environment);

    /// <summary>
    /// Options that read keys from this scenario's key file and variables only. Hygiene and drift checks are off
    /// unless a test turns them on, so each test sees only the findings it is about.
    /// </summary>
    public EnvCheckOptions Options(CheckMode mode, string? activeEnvironment, params EnvFileTarget[] files)
    {
        var options = new EnvCheckOptions
        {
            Mode = mode,
            ActiveEnvironment = activeEnvironment,
            KeyLookup = new KeyLookupOptions { KeyVariable = KeyVariableTemplate, KeyFilePath = KeyFilePath },
            CheckKeyFileHygiene = false,
            CheckDrift = false,
        };
        foreach (var file in files)
        {
            options.Files.Add(file);
        }

        return options;
    }

    public KeyRing Ring(string environment) =>
        TestKeys.Ring(environment, Keys[environment], PreviousKeys.TryGetValue(environment, out var previous) ? previous : null);

    public string Encrypt(string environment, string keyName, string plaintext) => TestKeys.Encrypt(environment, Keys[environment], keyName, plaintext);

    public string Decrypt(string environment, string keyName, string value) => SecretCipher.Decrypt(value, keyName, Ring(environment));

    /// <summary>The logical value of <paramref name="key"/> in the file as it is now on disk.</summary>
    public static string ValueIn(string path, string key)
    {
        var file = EnvFile.Load(path);
        Assert.True(file.TryGetValue(key, out var value), key + " is missing from " + path);
        return value;
    }

    public void Dispose()
    {
        _variables.Dispose();
        _dir.Dispose();
    }
}

internal static class CheckAssert
{
    /// <summary>No finding's message or text form shows any of <paramref name="canaries"/>.</summary>
    public static void NoLeak(EnvCheckReport report, params string[] canaries) => NoLeak(report.Findings, canaries);

    public static void NoLeak(IEnumerable<Finding> findings, params string[] canaries)
    {
        foreach (var finding in findings)
        {
            foreach (var canary in canaries)
            {
                Assert.DoesNotContain(canary, finding.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(canary, finding.ToString(), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The one finding with this id; fails with every finding listed when there is not exactly one.</summary>
    public static Finding Single(EnvCheckReport report, string id)
    {
        var matching = report.Findings.Where(f => f.Id == id).ToList();
        Assert.True(matching.Count == 1, "expected one " + id + ", got " + matching.Count + ":\n" + Describe(report));
        return matching[0];
    }

    /// <summary>The one finding at this place.</summary>
    public static Finding At(EnvCheckReport report, string id, string path, int line)
    {
        var matching = report.Findings.Where(f => f.Id == id && f.FilePath == path && f.Line == line).ToList();
        Assert.True(matching.Count == 1, "expected one " + id + " at " + path + "(" + line + "), got " + matching.Count + ":\n" + Describe(report));
        return matching[0];
    }

    /// <summary>Asserts the findings are exactly these ids (in any order).</summary>
    public static void Ids(EnvCheckReport report, params string[] ids)
    {
        var actual = report.Findings.Select(f => f.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        var expected = ids.OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual), "expected [" + string.Join(", ", expected) + "], got:\n" + Describe(report));
    }

    public static void Empty(EnvCheckReport report) => Ids(report);

    public static void Is(Finding finding, string id, FindingSeverity severity, int line, int column)
    {
        Assert.Equal(id, finding.Id);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(line, finding.Line);
        Assert.Equal(column, finding.Column);
    }

    public static string Describe(EnvCheckReport report) =>
        report.Findings.Count == 0 ? "(no findings)" : string.Join("\n", report.Findings.Select(f => f.ToString()));
}

/// <summary>Random credential-shaped strings, made at run time so no real-looking secret sits in the source.</summary>
public static class Tokens
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Alnum(int length) => Make(Alphanumerics, length);

    /// <summary>A made-up GitHub token: 30 random characters and their CRC32 in base62, the checksum the catalogue checks.</summary>
    public static string GitHub()
    {
        // The catalogue's own checksum; its known answers are tested in Core.Tests (GitleaksCoverageTests).
        var random = Alnum(30);
        return "ghp_" + random + SecretGuard.Credentials.CredentialChecks.Base62Checksum(random);
    }

    public static string StripeLive() => "sk_live_" + Alnum(24);

    public static string AwsAccessKeyId() => "AKIA" + Make(UpperAlphanumerics, 16);

    private static string Make(string alphabet, int length)
    {
        while (true)
        {
            var text = RandomNumberGenerator.GetString(alphabet, length);
            if (!SensitivityLexicon.IsPlaceholder(text))
            {
                return text; // "todo", "xxxx" and the like inside a random string would make it a placeholder
            }
        }
    }
}

/// <summary>Runs git in a folder (tests only: the key-file hygiene checks need a real repository).</summary>
public static class Git
{
    public static void Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A repository of its own, whatever the machine's git configuration says.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        if (!OperatingSystem.IsWindows())
        {
            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", arguments) + " failed: " + error + output.Result);
    }
}
