using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Cli.Validation;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.IO;

namespace SecretGuard.Cli.Commands;

/// <summary><c>secretguard set NAME --env ENV</c>: encrypts a value read from stdin or a hidden prompt into the env file.</summary>
internal sealed class SetCommand : ICommand
{
    private const string ForceOption = "--force";

    public string Name => "set";

    public string Summary => "encrypt a value (from stdin or a hidden prompt) into the env file";

    public string Usage => "secretguard set NAME --env ENV [--file PATH] [--key-file PATH] [--force]";

    public string Description => """
        Encrypts a value for the environment and writes NAME=<ENV>_ENC:... into the env file
        (default .env.<env> in the current folder, created if needed), replacing the entry if it exists and
        leaving every other byte of the file as it was. The file is replaced atomically.

        An environment listed in secretguard.recipients (searched upward from the env file's folder, then
        from the current folder; or SECRETGUARD_RECIPIENTS_FILE) is a version 2 environment: the value is
        encrypted to all its public keys, and no private key is needed, so a developer can add a prod secret
        without the prod key. Any other environment uses its master key (version 1).

        The value comes from standard input when it is piped in (one final newline is dropped), otherwise
        from a prompt that does not echo what you type. Never put it on the command line: --value works,
        with a warning, because shell history and process lists keep it.

        NAME must be secret by name (end in _SECRET), because the build and the runtime treat only secret
        entries as secrets; --force writes another name (e.g. one a SecretGuardRule Secret="true" marks).
        A file with syntax errors is not touched.

        Examples:
          secretguard set STRIPE_API_KEY_SECRET --env dev                       (prompts)
          printf '%s' "$DB_PASSWORD" | secretguard set Db__Password_SECRET --env prod
          secretguard set API_TOKEN_SECRET --env prod --file config/payments.env < token.txt
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment the value is for: its public keys, or its master key, encrypt it (required)"),
        OptionSpec.Value(EnvFileHelpers.FileOption, "PATH", "the env file (default: .env.<env>, or env_<env>.env when only that exists)"),
        MasterKeys.KeyFileOptionSpec,
        OptionSpec.Flag(ForceOption, "write a name that is not secret by its suffix, or into a file named for another environment"),
        SecretInput.ValueOptionSpec,
    };

    public int MaxPositionals => 1;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        if (arguments.Positionals.Count == 0)
        {
            throw new UsageException("say which entry to set: " + Usage);
        }

        var name = EnvFileHelpers.ValidateKeyName(arguments.Positionals[0]);
        var environment = EnvironmentOptions.Require(arguments, "secretguard set NAME --env dev");
        var force = arguments.Has(ForceOption);
        var path = EnvFileHelpers.Resolve(arguments, context, environment);
        EnvFileHelpers.RequireFolder(context, path);
        var naming = ProjectSettings.Read(Path.GetDirectoryName(path)!).Naming;
        if (!naming.IsSecret(name) && !force)
        {
            throw new CommandFailedException(
                ArgumentText.Name(name) + " is not a secret name: the build and the runtime treat only names ending in " + string.Join(" or ", naming.Suffixes) +
                " (or marked by a SecretGuardRule Secret=\"true\" in the project file) as secrets. Add " + naming.Suffixes[0] + " to the name, or add --force.");
        }

        if (!force)
        {
            EnvFileHelpers.CheckEnvironmentOfFile(context, path, environment);
        }

        // A link is followed: set writes the file it points at and keeps the link; a link to nothing is an error.
        var target = FileLinks.ResolveForWriting(path);
        var lookup = MasterKeys.Lookup(arguments, context);

        // Everything that can fail is checked before the value is asked for...
        _ = ReadForWriting(context, path, target, environment, lookup);
        var value = SecretInput.Read(arguments, context, name, environment);

        // ...and read again under the write lock, held until the rename: a set, build or rotation that changed the file
        // (or the key) in the meantime is seen and kept, never overwritten (docs/cli.md#set).
        using var writeLock = FileWriteLock.Acquire(MasterKeys.Find(lookup), FileAccess.Read, new[] { target }, FileWriteLock.DefaultTimeout, context.Info);
        var (file, encryption) = ReadForWriting(context, path, target, environment, lookup);
        string? ciphertext = null;
        if (EncryptedValueRecognition.LooksEncrypted(value))
        {
            // Encryption is idempotent: a ciphertext that is this entry's is written as it is; a damaged one
            // (docs/formats.md#recognising-an-encrypted-value) is refused, never encrypted as if it were plaintext.
            encryption.CheckCiphertext(value, name);
            ciphertext = value;
        }

        var entries = file.FindAll(name).ToList();
        if (entries.Count == 0)
        {
            file.AddEntry(name, ciphertext ?? encryption.Encrypt(name, value));
        }

        foreach (var entry in entries)
        {
            // A fresh nonce (and, for version 2, a fresh ephemeral key) per entry.
            entry.SetValue(ciphertext ?? encryption.Encrypt(name, value), EnvQuoteStyle.None);
        }

        file.Save(target);
        var verb = entries.Count == 0 ? "Added " : "Replaced ";
        var where = context.Display(path) + (FileLinks.IsLink(path) ? " (a link to " + context.Display(target) + ")" : string.Empty);
        context.Out.WriteLine(verb + name + " in " + where + " (encrypted for " + environment + " " + encryption.Describe(context) + ").");
        if (entries.Count > 1)
        {
            context.Warn(name + " is defined " + entries.Count + " times in " + context.Display(path) + " (SG1002); all were set, but remove the extra ones.");
        }

        return ExitCodes.Ok;
    }

    // The file and how to encrypt as they are now, refused when set must not write: read-only, syntax errors, no key (a
    // version 1 environment without its master key) or a broken recipients file.
    private static (EnvFile File, ValueEncryption Encryption) ReadForWriting(CommandContext context, string path, string target, string environment, Keys.KeyLookupOptions lookup)
    {
        var exists = File.Exists(target);
        if (exists && ReadOnlyFiles.IsReadOnly(target))
        {
            throw new CommandFailedException(ReadOnlyFiles.Describe(context.Display(path)) + ", then run the command again. Nothing was written.");
        }

        var file = exists ? EnvFileHelpers.LoadWithoutSyntaxErrors(context, path, "set does not rewrite it") : EnvFile.Parse(string.Empty, path);
        return (file, ValueEncryption.For(environment, lookup, context, Path.GetDirectoryName(path)));
    }
}
