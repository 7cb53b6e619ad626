using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Encryption;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Commands;

/// <summary>
/// <c>secretguard keygen</c>: a new version 2 key pair (the private key printed for a secret store or written to the key
/// file, the public key written to the recipients file), or a version 1 master key.
/// </summary>
internal sealed class KeygenCommand : ICommand
{
    private const string PrintOption = "--print";
    private const string WriteOption = "--write";
    private const string WritePrivateOption = "--write-private";
    private const string PairOption = "--pair";
    private const string SymmetricOption = "--symmetric";
    private const string AddOption = "--add";
    private const string LabelOption = "--label";
    private const string ForceOption = "--force";

    public string Name => "keygen";

    public string Summary => "make a new key pair (or a v1 master key): print the private key for a vault or CI secret, write the public key";

    public string Usage => "secretguard keygen --env ENV [--print] [--write] [--write-private] [--pair | --symmetric] [--add] [--label TEXT] [--key-file PATH] [--force]";

    public string Description => """
        Makes a key for one environment. In a repository on version 2 (it has a secretguard.recipients file), or
        with --pair, a P-256 key pair: the public key encrypts (anyone may hold it), the private key decrypts.
          --print          writes the PRIVATE key (sgkey2_...) to standard output, and nowhere else: pipe it into a
                           vault or a CI secret named SECRETGUARD_KEY_<ENV>. It is shown once.
          --write          writes the PUBLIC key into secretguard.recipients (created if needed), to be committed.
          --write-private  writes the private key into the key file (secretguard.keys, git-ignored). Only when asked:
                           a private key is never stored on disk otherwise.
          --add            the environment already has public keys: add this one as another recipient (an operator's
                           or a break-glass key) instead of refusing; --label TEXT names it in a comment.
        --print and --write go together: the private key goes straight into the secret store, the public key into
        the repository. A pair needs --print or --write-private (a private key kept nowhere would decrypt nothing).

        With --symmetric, or in a repository without a recipients file, a version 1 master key (32 random bytes in
        base64) as before: --print prints it, --write adds it to the key file; choose one.
        Both refuse to replace an existing key without --force: values encrypted with it would become unreadable
        by the new one. To change a key, use 'secretguard rotate'.

        Examples:
          secretguard keygen --env prod --print --write | vault kv put secret/myapp SECRETGUARD_KEY_PROD=-
          secretguard keygen --env prod --add --label break-glass --print --write > break-glass.key
          secretguard keygen --env staging --symmetric --write
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment the key is for (required)"),
        OptionSpec.Flag(PrintOption, "print the private key (or master key) on standard output"),
        OptionSpec.Flag(WriteOption, "write the public key into secretguard.recipients (a v1 master key: into the key file)"),
        OptionSpec.Flag(WritePrivateOption, "write the private key into the key file"),
        OptionSpec.Flag(PairOption, "make a version 2 key pair (the default when a secretguard.recipients file exists)"),
        OptionSpec.Flag(SymmetricOption, "make a version 1 master key (the default when there is no secretguard.recipients file)"),
        OptionSpec.Flag(AddOption, "add the public key as one more recipient of the environment"),
        OptionSpec.Value(LabelOption, "TEXT", "a comment for the public key's line in secretguard.recipients (e.g. break-glass)"),
        MasterKeys.KeyFileOptionSpec,
        OptionSpec.Flag(ForceOption, "replace an existing key (values encrypted with it become unreadable by the new one)"),
    };

    public int MaxPositionals => 0;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var environment = EnvironmentOptions.Require(arguments, "secretguard keygen --env prod --print");
        if (arguments.Has(PairOption) && arguments.Has(SymmetricOption))
        {
            throw new UsageException("choose one of --pair and --symmetric.");
        }

        var pair = arguments.Has(PairOption) || (!arguments.Has(SymmetricOption) && FindRecipientsFile(context) is not null);
        if (pair)
        {
            return RunPair(arguments, context, environment);
        }

        foreach (var pairOnly in new[] { WritePrivateOption, AddOption, LabelOption })
        {
            if (arguments.Has(pairOnly))
            {
                throw new UsageException(pairOnly + " is for key pairs: add --pair (or create secretguard.recipients with 'secretguard init' or 'secretguard migrate').");
            }
        }

        var print = arguments.Has(PrintOption);
        var write = arguments.Has(WriteOption);
        if (print == write)
        {
            throw new UsageException(print
                ? "choose one of --print and --write (for a version 1 master key; a key pair takes both: add --pair)."
                : "say where the key goes: --print (to put it in an environment variable or a vault) or --write (into secretguard.keys).");
        }

        using var key = MasterKeys.NewKey(); // zeroed when the command ends (docs/operations.md#memory-hygiene)
        var bytes = key.Bytes;
        if (print)
        {
            if (!context.IsOutputRedirected)
            {
                context.Info("New " + environment + " master key (saved nowhere: store it now, e.g. as " + new KeyLookupOptions().VariableFor(environment) + "):");
            }

            KeyText.WriteLine(context.Out, bytes);
            return ExitCodes.Ok;
        }

        var path = KeyFilePath(arguments, context);

        // Held from reading the key file to its rename; a link is followed to the file it names (a link to nothing is an
        // error), whose folder must exist for its lock, as keygen creates the key file's folder when needed.
        var target = FileLinks.ResolveForWriting(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var keyFileLock = FileWriteLock.Acquire(path, FileAccess.ReadWrite, System.Array.Empty<string>(), FileWriteLock.DefaultTimeout, context.Info);
        var created = !File.Exists(path);
        using var keyFile = created ? KeyFile.Parse("# SecretGuard master keys. Never commit this file.\n", path) : KeyFile.Load(path);
        MasterKeys.RefuseDuplicates(keyFile, new[] { environment });
        if (keyFile.Find(environment) is not null && !arguments.Has(ForceOption))
        {
            throw new CommandFailedException(
                context.Display(path) + " already has a key for " + environment + "; replacing it makes every value encrypted with it unreadable. " +
                "To change it, run 'secretguard rotate --env " + environment + "' (it re-encrypts the env files); to replace it anyway, add --force.");
        }

        if (created)
        {
            MasterKeys.CreatePrivate(path);
        }

        keyFile.Set(environment, previous: false, bytes);
        keyFile.Save(path);
        MasterKeys.RestrictToOwner(path);
        var kid = KeyDerivation.KidOf(bytes, environment);
        context.Out.WriteLine("Wrote a new " + environment + " key (kid " + kid + ") to " + context.Display(path) + ".");
        if (created)
        {
            context.Warn(context.Display(path) + " is new: make sure git ignores it (add it to .gitignore).");
        }

        return ExitCodes.Ok;
    }

    private static string KeyFilePath(ParsedArguments arguments, CommandContext context)
    {
        var explicitPath = arguments.Value(MasterKeys.KeyFileOption);
        if (explicitPath is not null)
        {
            return context.FullPath(explicitPath);
        }

        return MasterKeys.Find(MasterKeys.Lookup(arguments, context)) ?? throw new CommandFailedException(
            "no " + KeyFile.DefaultFileName + " in " + context.WorkingDirectory + " or a folder above it: run 'secretguard init' to create one, or pass --key-file PATH.");
    }

    private static string? FindRecipientsFile(CommandContext context)
    {
        try
        {
            return RecipientsFile.Find(null, new[] { context.WorkingDirectory });
        }
        catch (SecretGuardException ex)
        {
            throw new CommandFailedException(ex.ErrorCode + ": " + ex.Message);
        }
    }

    private static int RunPair(ParsedArguments arguments, CommandContext context, string environment)
    {
        var print = arguments.Has(PrintOption);
        var write = arguments.Has(WriteOption);
        var writePrivate = arguments.Has(WritePrivateOption);
        var add = arguments.Has(AddOption);
        var force = arguments.Has(ForceOption);
        var label = RecipientsFileEditor.ValidateLabel(arguments.Value(LabelOption));
        if (!print && !writePrivate)
        {
            throw new UsageException(write
                ? "the private key would be kept nowhere, and a public key whose private key exists nowhere decrypts nothing: add --print (into a secret store) or --write-private (into the key file)."
                : "say where the keys go: --print (the private key, into a secret store) and --write (the public key, into secretguard.recipients), or --write-private (the private key, into the key file).");
        }

        if (add && force)
        {
            throw new UsageException("--add keeps the environment's public keys and --force replaces them: choose one.");
        }

        if (label is not null && !write)
        {
            throw new UsageException("--label names the public key's line in secretguard.recipients: add --write.");
        }

        var keyFilePath = writePrivate ? KeyFilePath(arguments, context) : null;
        string? recipientsPath = null;
        if (write)
        {
            var known = keyFilePath ?? TryFindKeyFile(arguments, context);
            recipientsPath = RecipientsFileEditor.PathFor(context, known);
        }

        if (keyFilePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FileLinks.ResolveForWriting(keyFilePath))!);
        }

        // The key file first, then the recipients file (the locks' order, docs/operations.md#the-write-lock-is-per-host).
        using var locks = FileWriteLock.Acquire(keyFilePath, FileAccess.ReadWrite, recipientsPath is null ? System.Array.Empty<string>() : new[] { recipientsPath }, FileWriteLock.DefaultTimeout, context.Info);
        RecipientsFileEditor? recipients = null;
        if (recipientsPath is not null)
        {
            recipients = RecipientsFileEditor.Open(recipientsPath);
            recipients.RefuseBroken(context);
            var existing = recipients.Parsed.For(environment);
            if (existing.Count > 0 && !add && !force)
            {
                throw new CommandFailedException(
                    context.Display(recipientsPath) + " already lists " + Count(existing.Count, "public key") + " for " + environment + " (" + string.Join(", ", existing.Select(e => e.Key.RecipientId)) + "). " +
                    "To add another recipient (an operator's or a break-glass key), add --add; to replace the key and re-encrypt the values, run 'secretguard rotate --env " + environment + "'; " +
                    "to replace every public key of " + environment + " anyway, add --force (values encrypted to the old keys stay readable only by their private keys).");
            }

            if (add && existing.Count >= EncryptedValue.MaxRecipients)
            {
                throw new CommandFailedException(context.Display(recipientsPath) + " already lists " + EncryptedValue.MaxRecipients + " public keys for " + environment + ", the most a value can have.");
            }
        }

        KeyFile? keyFile = null;
        var createdKeyFile = false;
        try
        {
            if (keyFilePath is not null)
            {
                createdKeyFile = !File.Exists(keyFilePath);
                keyFile = createdKeyFile ? KeyFile.Parse("# SecretGuard private keys. Never commit this file.\n", keyFilePath) : KeyFile.Load(keyFilePath);
                MasterKeys.RefuseDuplicates(keyFile, new[] { environment });
                if (keyFile.Find(environment) is not null && !force)
                {
                    throw new CommandFailedException(
                        context.Display(keyFilePath) + " already has a key for " + environment + " (one key per environment)" +
                        (add ? ": the private key of another recipient belongs with whoever holds it; use --print instead of --write-private. " : "; replacing it makes every value encrypted to it unreadable here. ") +
                        "To change it, run 'secretguard rotate --env " + environment + "'; to replace it anyway, add --force.");
                }
            }

            using var generated = KeyPairs.New(environment); // the scalar is zeroed when the command ends
            if (print)
            {
                // Printed before any file changes: a public key is never listed while its private key exists nowhere.
                if (!context.IsOutputRedirected)
                {
                    context.Info("New " + environment + " private key " + generated.RecipientId + " (shown once, saved nowhere: store it now, e.g. as " + new KeyLookupOptions().VariableFor(environment) + "):");
                }

                PrivateKeyText.WriteLine(context.Out, generated.Scalar);
                context.Out.Flush();
            }

            if (keyFile is not null)
            {
                if (createdKeyFile)
                {
                    MasterKeys.CreatePrivate(keyFilePath!);
                }

                keyFile.SetPrivateKey(environment, previous: false, generated.Scalar);
                keyFile.Save(keyFilePath);
                MasterKeys.RestrictToOwner(keyFilePath!);
            }

            if (recipients is not null)
            {
                if (force)
                {
                    recipients.RemoveEnvironment(environment);
                }

                recipients.Add(environment, generated.PublicKey, label);
                recipients.Save();
            }

            // With --print, standard output carries the private key alone (it is piped into a secret store).
            var report = print ? context.Error : context.Out;
            report.WriteLine("Made a new " + environment + " key pair " + generated.RecipientId + ".");
            if (keyFile is not null)
            {
                report.WriteLine("Wrote the private key to " + context.Display(keyFilePath!) + ".");
                if (createdKeyFile)
                {
                    context.Warn(context.Display(keyFilePath!) + " is new: make sure git ignores it (add it to .gitignore).");
                }
            }

            if (recipients is not null)
            {
                report.WriteLine((add ? "Added" : "Wrote") + " the public key to " + context.Display(recipients.FilePath) + (recipients.Exists ? string.Empty : " (new)") +
                    ": commit it. Values of " + environment + " are now encrypted to " + Count(recipients.Parsed.For(environment).Count, "public key") + ".");
            }
            else
            {
                report.WriteLine("Public key (nothing secret; add it to " + RecipientsFile.DefaultFileName + " as a line, or run again with --write):");
                report.WriteLine(environment + " = " + generated.PublicKey.ToText());
            }
        }
        finally
        {
            keyFile?.Dispose();
        }

        return ExitCodes.Ok;
    }

    private static string? TryFindKeyFile(ParsedArguments arguments, CommandContext context)
    {
        var explicitPath = arguments.Value(MasterKeys.KeyFileOption);
        return explicitPath is not null ? context.FullPath(explicitPath) : MasterKeys.Find(MasterKeys.Lookup(arguments, context));
    }

    private static string Count(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");
}
