using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SecretGuard.Crypto;
using SecretGuard.EnvFiles;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Tests;

/// <summary>A temporary project folder for one test, with helpers to read keys and decrypt independently of the tool.</summary>
public sealed class Workspace : IDisposable
{
    public static readonly string Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sg-cli-tests");

    public Workspace()
    {
        Path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string KeyFilePath => File("secretguard.keys");

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    public bool Exists(string relative) => System.IO.File.Exists(File(relative));

    public CliResult Run(params string[] arguments) => Cli.Run(Path, arguments);

    public CliResult RunIn(string relativeFolder, params string[] arguments) => Cli.Run(File(relativeFolder), arguments);

    public CliResult Pipe(string input, params string[] arguments) => Cli.RunWithInput(Path, input, arguments);

    /// <summary>Every key in the key file, as base64: none may appear in any output that is not meant to show one.</summary>
    public IReadOnlyList<string> Keys() =>
        Exists("secretguard.keys") ? KeyFile.Load(KeyFilePath).Entries.Select(e => Convert.ToBase64String(e.GetKeyBytes())).ToList() : Array.Empty<string>();

    /// <summary>The key file's entry names (dev, prod, prod.previous, ...).</summary>
    public IReadOnlyList<string> KeyNames() => KeyFile.Load(KeyFilePath).Entries.Select(e => e.Name).ToList();

    /// <summary>The value of an entry as written in the file.</summary>
    public string ValueOf(string relative, string key) => EnvFile.Load(File(relative)).Find(key)?.Value ?? throw new InvalidOperationException(key + " not in " + relative);

    /// <summary>The kid an encrypted entry names.</summary>
    public string KidOf(string relative, string key) => ValueOf(relative, key).Split(':')[2];

    /// <summary>Decrypts with the keys the key file on disk holds now (current and previous), without the tool.</summary>
    public string DecryptWithKeyFileOnDisk(string environment, string keyName, string ciphertext)
    {
        var lookup = new KeyLookupOptions { KeyFilePath = KeyFilePath, KeyVariable = "SG_CLI_TESTS_NEVER_SET_{ENV}" };
        return SecretCipher.Decrypt(ciphertext, keyName, KeyRingLoader.Load(environment, lookup));
    }

    /// <summary>Encrypts with the current key of the key file on disk, without the tool (to write test data fast).</summary>
    public string EncryptWithKeyFileOnDisk(string environment, string keyName, string plaintext)
    {
        var lookup = new KeyLookupOptions { KeyFilePath = KeyFilePath, KeyVariable = "SG_CLI_TESTS_NEVER_SET_{ENV}" };
        return SecretCipher.Encrypt(KeyRingLoader.Load(environment, lookup).Current!, keyName, plaintext);
    }

    /// <summary>The kid of the current key of <paramref name="environment"/> in the key file on disk.</summary>
    public string CurrentKid(string environment)
    {
        var lookup = new KeyLookupOptions { KeyFilePath = KeyFilePath, KeyVariable = "SG_CLI_TESTS_NEVER_SET_{ENV}" };
        return KeyRingLoader.Load(environment, lookup).Current!.Kid;
    }

    public static void AssertNoneIn(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), "output shows a secret value or key:\n" + text);
        }
    }

    public static int Shell(string workingDirectory, string file, params string[] arguments) =>
        ShellWithOutput(workingDirectory, null, file, arguments).ExitCode;

    /// <summary>Runs a program (git, chattr) in the tests' controlled environment; exit code -1 when it cannot start.</summary>
    public static (int ExitCode, string Output) ShellWithOutput(string workingDirectory, IDictionary<string, string?>? environment, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Cli.Isolate(start, workingDirectory);
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, file + " could not be started");
        }
    }

    /// <summary>Runs git in the workspace and fails the test when it fails.</summary>
    public string Git(params string[] arguments)
    {
        var (exitCode, output) = ShellWithOutput(Path, null, "git", arguments);
        Assert.True(exitCode == 0, "git " + string.Join(' ', arguments) + " failed: " + output);
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
