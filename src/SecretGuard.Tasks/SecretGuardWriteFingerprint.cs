using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecretGuard.Keys;

namespace SecretGuard.Tasks;

/// <summary>
/// Writes a hash of everything besides the env files that changes what the checks find: settings, rules, and
/// which master keys are at hand. The check target lists the file among its inputs, so a no-op build stays free
/// while switching to CI, editing a rule or adding a key re-runs the checks (as the SDK does for assembly info).
/// The file is rewritten only when the hash changes. Keys are hashed, never written, and never derived here.
/// </summary>
public sealed class SecretGuardWriteFingerprint : Task
{
    /// <summary>The file to write.</summary>
    [Required]
    public string File { get; set; } = string.Empty;

    /// <summary>Settings that change the outcome (mode, environment, suffixes, ...), as one string.</summary>
    public string? Settings { get; set; }

    /// <summary>The rules, with their metadata.</summary>
    public ITaskItem[] Rules { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The environments whose keys matter.</summary>
    public string? Environments { get; set; }

    /// <summary>The name of the key variable; <c>{ENV}</c> is the upper-case environment.</summary>
    public string? KeyVariable { get; set; }

    /// <summary>An explicit key file.</summary>
    public string? KeyFile { get; set; }

    /// <summary>An explicit recipients file (empty: the variable, else searched upward from the project folder).</summary>
    public string? RecipientsFile { get; set; }

    /// <summary>The project folder the key file is searched upward from.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, Settings ?? string.Empty);
        foreach (var rule in Rules.OrderBy(r => r.ItemSpec, StringComparer.Ordinal))
        {
            Append(hash, rule.ItemSpec);
            foreach (var name in new[] { "Secret", "MinLength", "Length", "Pattern", "Required", "Environments" })
            {
                Append(hash, name + "=" + rule.GetMetadata(name));
            }
        }

        var lookup = new KeyLookupOptions
        {
            KeyVariable = string.IsNullOrWhiteSpace(KeyVariable) ? KeyLookupOptions.DefaultKeyVariable : KeyVariable!.Trim(),
            KeyFilePath = string.IsNullOrWhiteSpace(KeyFile) ? null : KeyFile,
        };
        lookup.SearchDirectories.Add(ProjectDirectory);
        AppendKeys(hash, lookup);
        AppendRecipients(hash);

        var text = Convert.ToHexString(hash.GetHashAndReset()) + Environment.NewLine;
        var existing = System.IO.File.Exists(File) ? System.IO.File.ReadAllText(File) : null;
        if (existing != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(File))!);
            System.IO.File.WriteAllText(File, text);
        }

        return true;
    }

    private void AppendKeys(IncrementalHash hash, KeyLookupOptions lookup)
    {
        string? keyFile = null;
        try
        {
            keyFile = KeyRingLoader.FindKeyFile(lookup);
        }
        catch (SecretGuardException)
        {
            // A missing explicit key file is the check task's to report.
        }

        Append(hash, "keyfile=" + keyFile);
        if (keyFile is not null)
        {
            // The key file's bytes, hashed: any key added, removed or changed changes the fingerprint. They hold keys: zeroed.
            var bytes = System.IO.File.ReadAllBytes(keyFile);
            hash.AppendData(SHA256.HashData(bytes));
            CryptographicOperations.ZeroMemory(bytes);
            AppendHygieneState(hash, keyFile);
        }

        foreach (var environment in (Environments ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Distinct())
        {
            if (!SecretGuard.Environments.EnvironmentName.IsValid(environment))
            {
                continue;
            }

            var variable = lookup.VariableFor(environment);
            foreach (var name in new[] { variable, variable + "_PREVIOUS" })
            {
                var value = Environment.GetEnvironmentVariable(name);
                Append(hash, name + "=" + (value is null ? "-" : HashOfKeyText(value)));
            }
        }
    }

    // The recipients file decides which environments are version 2: adding, removing or changing a public key re-runs the
    // checks. Public keys only, so its bytes are hashed as they are.
    private void AppendRecipients(IncrementalHash hash)
    {
        string? path = null;
        try
        {
            path = Keys.RecipientsFile.Find(string.IsNullOrWhiteSpace(RecipientsFile) ? null : RecipientsFile!.Trim(), new[] { ProjectDirectory });
        }
        catch (SecretGuardException)
        {
            // A recipients file named but missing is the check task's to report.
        }

        Append(hash, "recipients=" + path);
        if (path is not null && System.IO.File.Exists(path))
        {
            hash.AppendData(SHA256.HashData(System.IO.File.ReadAllBytes(path)));
        }

        Append(hash, Keys.RecipientsFile.FileVariable + "=" + Environment.GetEnvironmentVariable(Keys.RecipientsFile.FileVariable));
    }

    // What the key-file hygiene checks depend on, read cheaply (stats, no git process): the file's Unix mode, and
    // the git index and ignore files of its repository, so 'git add' or a .gitignore edit re-runs the checks.
    private static void AppendHygieneState(IncrementalHash hash, string keyFile)
    {
        if (!OperatingSystem.IsWindows())
        {
            Append(hash, "mode=" + (int)System.IO.File.GetUnixFileMode(keyFile));
        }

        for (var directory = new DirectoryInfo(Path.GetDirectoryName(keyFile)!); directory is not null; directory = directory.Parent)
        {
            var ignore = Path.Combine(directory.FullName, ".gitignore");
            if (System.IO.File.Exists(ignore))
            {
                Append(hash, ignore + "=" + System.IO.File.GetLastWriteTimeUtc(ignore).Ticks);
            }

            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || System.IO.File.Exists(git))
            {
                var index = Path.Combine(git, "index");
                Append(hash, "index=" + (System.IO.File.Exists(index) ? System.IO.File.GetLastWriteTimeUtc(index).Ticks : 0));
                Append(hash, "exclude=" + (System.IO.File.Exists(Path.Combine(git, "info", "exclude")) ? System.IO.File.GetLastWriteTimeUtc(Path.Combine(git, "info", "exclude")).Ticks : 0));
                break;
            }
        }
    }

    // A key variable's text, hashed through bytes that are zeroed (the variable's own string cannot be).
    private static string HashOfKeyText(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        try
        {
            return Convert.ToHexString(SHA256.HashData(bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData(new byte[] { 0 });
    }
}
