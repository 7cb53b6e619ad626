using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SecretGuard.Crypto;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.HealthChecks.Tests;

/// <summary>
/// A repository (its <c>.env.prod</c> and <c>secretguard.keys</c>, where <c>secretguard rotate</c> runs) and an app
/// folder outside it holding the deployed copy of the env file as <c>.env</c>, as a build's output would.
/// Deploying copies the repository's file over the app's by rename, as deployment tools and SecretGuard's writers do.
/// </summary>
public sealed class Deployment : IDisposable
{
    public const string Environment = "prod";

    public Deployment()
    {
        Root = Path.Combine(Path.GetTempPath(), "sg-hc-" + Guid.NewGuid().ToString("N")[..12]);
        Repository = Path.Combine(Root, "repo");
        App = Path.Combine(Root, "app");
        Directory.CreateDirectory(Repository);
        Directory.CreateDirectory(App);
        InitialKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(KeyFilePath, "# test keys\n" + Environment + " = " + InitialKey + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public string Root { get; }

    public string Repository { get; }

    public string App { get; }

    public string InitialKey { get; }

    public string KeyFilePath => Path.Combine(Repository, KeyFile.DefaultFileName);

    public string RepositoryEnvFile => Path.Combine(Repository, ".env." + Environment);

    public string DeployedEnvFile => Path.Combine(App, ".env");

    /// <summary>A variable-name template nobody sets, so the machine's SECRETGUARD_KEY_PROD cannot leak into the app.</summary>
    public string KeyVariable { get; } = "SG_HC_TEST_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_{ENV}";

    /// <summary>Writes the repository's env file with every value encrypted under the key file's current key.</summary>
    public void WriteRepositoryFile(IEnumerable<(string Name, string Plaintext)> entries) =>
        Replace(RepositoryEnvFile, Encrypt(entries, CurrentKey()));

    /// <summary>Encrypts entries with the current key into env-file text (for the deployed file directly).</summary>
    internal string Encrypt(IEnumerable<(string Name, string Plaintext)> entries, EnvironmentKey key) =>
        string.Concat(entries.Select(e => e.Name + "=" + SecretCipher.Encrypt(key, e.Name, e.Plaintext) + "\n"));

    internal EnvironmentKey CurrentKey()
    {
        var lookup = new KeyLookupOptions { KeyFilePath = KeyFilePath, KeyVariable = KeyVariable };
        return KeyRingLoader.Load(Environment, lookup).Current!;
    }

    /// <summary>Every key the key file has held (for "never in a log" checks), in standard base64.</summary>
    public HashSet<string> KeysSeen { get; } = new(StringComparer.Ordinal);

    public void RememberKeys()
    {
        foreach (var line in File.ReadAllLines(KeyFilePath).Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')))
        {
            KeysSeen.Add(line[(line.IndexOf('=') + 1)..].Trim());
        }
    }

    /// <summary>The repository's file goes live: copied beside the app's and renamed over it.</summary>
    public void Deploy() => Replace(DeployedEnvFile, File.ReadAllText(RepositoryEnvFile));

    public static void Replace(string path, string text)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
