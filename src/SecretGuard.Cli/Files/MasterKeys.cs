using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using SecretGuard.Cli.CommandLine;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Files;

/// <summary>
/// Where the command line finds master keys: the lookup the build and the runtime use (docs/formats.md#3-key-files),
/// searched upward from the working folder, with <c>--key-file</c> as the explicit key file.
/// </summary>
internal static class MasterKeys
{
    public const string KeyFileOption = "--key-file";

    public static OptionSpec KeyFileOptionSpec { get; } =
        OptionSpec.Value(KeyFileOption, "PATH", "the key file (default: SECRETGUARD_KEY_FILE, else secretguard.keys in this folder or the nearest one above)");

    /// <summary>
    /// The lookup for commands that read keys. A <c>--key-file</c> that does not exist is refused here, without its
    /// path: it was typed, and is no file (commands that create a key file read <c>--key-file</c> themselves).
    /// </summary>
    public static KeyLookupOptions Lookup(ParsedArguments arguments, CommandContext context)
    {
        var explicitPath = arguments.Value(KeyFileOption);
        if (explicitPath is not null && !File.Exists(context.FullPath(explicitPath)))
        {
            throw new CommandFailedException(
                "the key file given to " + KeyFileOption + " does not exist: check the path, or create the file with 'secretguard init " + KeyFileOption + " PATH'.");
        }

        var options = new KeyLookupOptions { KeyFilePath = explicitPath is null ? null : context.FullPath(explicitPath) };
        options.SearchDirectories.Add(context.WorkingDirectory);
        return options;
    }

    /// <summary>The key file in use, or null when there is none.</summary>
    public static string? Find(KeyLookupOptions lookup)
    {
        try
        {
            return KeyRingLoader.FindKeyFile(lookup);
        }
        catch (SecretGuardException ex)
        {
            throw new CommandFailedException(ex.Message);
        }
    }

    /// <summary>An environment's keys; a key that is present but unusable is an error naming its source.</summary>
    public static KeyRing LoadRing(string environment, KeyLookupOptions lookup)
    {
        try
        {
            return KeyRingLoader.Load(environment, lookup);
        }
        catch (SecretGuardException ex)
        {
            throw new CommandFailedException(ex.ErrorCode + ": " + ex.Message);
        }
    }

    /// <summary>
    /// Refuses a key file that defines one of these keys on more than one line (SG1012, naming every line), before a
    /// command writes into it: replacing one of the lines would leave the file as ambiguous as it was.
    /// </summary>
    public static void RefuseDuplicates(KeyFile keyFile, IEnumerable<string> environments, bool previousToo = false)
    {
        foreach (var environment in environments)
        {
            foreach (var previous in previousToo ? new[] { false, true } : new[] { false })
            {
                var definitions = keyFile.Definitions(environment, previous);
                if (definitions.Count > 1)
                {
                    throw new CommandFailedException("SG1012: " + keyFile.DescribeDuplicate(definitions, d => KeyRingLoader.DescribeKid(d, environment)) + ". Nothing was changed: fix the key file first, then run the command again.");
                }
            }
        }
    }

    /// <summary>The key new values are encrypted with; an SG1012 error saying where to put one when there is none.</summary>
    public static EnvironmentKey RequireCurrent(KeyRing ring)
    {
        if (ring.Current is null && ring.CurrentPrivateKey is not null)
        {
            // Encrypting to public keys comes with the recipients file; this command does not write version 2 values yet.
            throw new CommandFailedException(
                "SG1012: the current " + ring.Environment + " key (" + ring.CurrentPrivateKey.Source + ") is a version 2 private key, and this command encrypts with a version 1 master key only: " +
                "values for a version 2 environment are encrypted to its public keys (docs/formats.md#the-recipients-file)");
        }

        return ring.Current ?? throw new CommandFailedException(
            "SG1012: no master key for " + ring.Environment + ": " + ring.WhereToPutKey +
            ". Get it from your team's password manager or vault, or create keys with 'secretguard init' (new project) or 'secretguard keygen --env " + ring.Environment + " --write'.");
    }

    /// <summary>Creates an empty key file that only its owner can read, before any key is written into it.</summary>
    public static void CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(path, options))
        {
        }

        RestrictToOwner(path);
    }

    /// <summary><c>chmod 600</c> (the umask may have widened a new file; an existing one may be readable by others).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// A freshly generated master key: 32 bytes from the operating system's CSPRNG, zeroed when the holder is disposed
    /// (<c>using var key = MasterKeys.NewKey();</c>). Never a string: printed with <see cref="KeyText"/>.
    /// </summary>
    public static KeyBytes NewKey() => new(RandomNumberGenerator.GetBytes(KeyFile.KeyLength));
}
