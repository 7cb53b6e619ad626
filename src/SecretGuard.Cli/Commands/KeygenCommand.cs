using System.Collections.Generic;
using System.IO;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Commands;

/// <summary><c>secretguard keygen</c>: a new master key from the CSPRNG, printed for a secret store or written to the key file.</summary>
internal sealed class KeygenCommand : ICommand
{
    private const string PrintOption = "--print";
    private const string WriteOption = "--write";
    private const string ForceOption = "--force";

    public string Name => "keygen";

    public string Summary => "make a new master key: print it (for a vault or CI secret) or write it to the key file";

    public string Usage => "secretguard keygen --env ENV (--print | --write) [--key-file PATH] [--force]";

    public string Description => """
        Makes a master key: 32 bytes from the operating system's cryptographic random generator, in base64.
          --print  writes the key to standard output, and nowhere else: put it in a vault or a CI secret
                   named SECRETGUARD_KEY_<ENV>. This is the one command whose job is to print a key.
          --write  adds it to the key file (the nearest secretguard.keys, or --key-file, which is created
                   if it does not exist). It refuses to replace an existing key without --force: values
                   encrypted with it would become unreadable. To change a key, use 'secretguard rotate'.

        Examples:
          secretguard keygen --env staging --write
          secretguard keygen --env prod --print | vault kv put secret/myapp SECRETGUARD_KEY_PROD=-
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment the key is for (required)"),
        OptionSpec.Flag(PrintOption, "print the key on standard output"),
        OptionSpec.Flag(WriteOption, "write the key into the key file"),
        MasterKeys.KeyFileOptionSpec,
        OptionSpec.Flag(ForceOption, "with --write: replace an existing key (values encrypted with it become unreadable)"),
    };

    public int MaxPositionals => 0;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var environment = EnvironmentOptions.Require(arguments, "secretguard keygen --env prod --print");
        var print = arguments.Has(PrintOption);
        var write = arguments.Has(WriteOption);
        if (print == write)
        {
            throw new UsageException(print
                ? "choose one of --print and --write."
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

        var explicitPath = arguments.Value(MasterKeys.KeyFileOption);
        string path;
        if (explicitPath is not null)
        {
            path = context.FullPath(explicitPath);
        }
        else
        {
            path = MasterKeys.Find(MasterKeys.Lookup(arguments, context)) ?? throw new CommandFailedException(
                "no " + KeyFile.DefaultFileName + " in " + context.WorkingDirectory + " or a folder above it: run 'secretguard init' to create one, or pass --key-file PATH.");
        }

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
}
