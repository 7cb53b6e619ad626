using System.Collections.Generic;
using System.IO;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Crypto;
using SecretGuard.Encryption;

namespace SecretGuard.Cli.Commands;

/// <summary><c>secretguard decrypt NAME --env ENV</c>: prints an entry's plaintext, to a terminal only unless <c>--force</c>.</summary>
internal sealed class DecryptCommand : ICommand
{
    private const string ForceOption = "--force";

    public string Name => "decrypt";

    public string Summary => "print the plaintext of an entry (to a terminal; --force to pipe or redirect it)";

    public string Usage => "secretguard decrypt NAME --env ENV [--file PATH] [--key-file PATH] [--force]";

    public string Description => """
        Decrypts the entry NAME of the env file (default .env.<env>) with the environment's keys (current
        or previous) and prints its plaintext. This is the one command whose job is to show a secret.
        It refuses to write into a pipe or a file unless you add --force, so a secret does not end up in a
        log or a file by accident; redirected, the value is written exactly, without a final newline.

        Examples:
          secretguard decrypt Db__Password_SECRET --env dev
          secretguard decrypt API_TOKEN_SECRET --env prod --force | pbcopy
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment the value is encrypted for (required)"),
        OptionSpec.Value(EnvFileHelpers.FileOption, "PATH", "the env file (default: .env.<env>, or env_<env>.env when only that exists)"),
        MasterKeys.KeyFileOptionSpec,
        OptionSpec.Flag(ForceOption, "write the plaintext even when standard output is not a terminal"),
    };

    public int MaxPositionals => 1;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        if (arguments.Positionals.Count == 0)
        {
            throw new UsageException("say which entry to decrypt: " + Usage);
        }

        var name = EnvFileHelpers.ValidateKeyName(arguments.Positionals[0]);
        var environment = EnvironmentOptions.Require(arguments, "secretguard decrypt NAME --env dev");
        var redirected = context.IsOutputRedirected;
        if (redirected && !arguments.Has(ForceOption))
        {
            throw new CommandFailedException(
                "standard output is not a terminal: decrypt does not write a plaintext secret into a pipe or a file unless you add --force.");
        }

        var path = EnvFileHelpers.Resolve(arguments, context, environment);
        if (!File.Exists(path))
        {
            throw new CommandFailedException(arguments.Has(EnvFileHelpers.FileOption)
                ? "the file given to " + EnvFileHelpers.FileOption + " does not exist: check the path."
                : context.Display(path) + " does not exist: pass the env file with --file PATH.");
        }

        var file = EnvFileHelpers.LoadWithoutSyntaxErrors(context, path, "its entries cannot be read reliably");
        var entry = file.Find(name) ?? throw new CommandFailedException(ArgumentText.Name(name) + " is not in " + context.Display(path) + ".");
        string plaintext;
        // A damaged value (docs/formats.md#recognising-an-encrypted-value) goes to the cipher, which says what is wrong: never printed as plaintext.
        if (EncryptedValueRecognition.Recognise(entry.Value) == ValueForm.Plaintext)
        {
            context.Warn(name + " in " + context.Display(path) + " is not encrypted (plaintext): the next build on a developer machine encrypts it; CI rejects it (SG1004).");
            plaintext = entry.Value;
        }
        else
        {
            var ring = MasterKeys.LoadRing(environment, MasterKeys.Lookup(arguments, context));
            try
            {
                plaintext = SecretCipher.Decrypt(entry.Value, name, ring, ValueLocation.InFile(context.Display(path), entry.Line));
            }
            catch (SecretGuardException ex)
            {
                throw new CommandFailedException(ex.ErrorCode + ": " + ex.Message);
            }
        }

        if (redirected)
        {
            context.WriteExact(plaintext);
        }
        else
        {
            context.Out.WriteLine(plaintext);
        }

        return ExitCodes.Ok;
    }
}
