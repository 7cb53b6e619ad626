using System.Collections.Generic;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Cli.Validation;
using SecretGuard.Encryption;

namespace SecretGuard.Cli.Commands;

/// <summary><c>secretguard encrypt NAME --env ENV</c>: a value from stdin or a hidden prompt → its <c>&lt;ENV&gt;_ENC:</c> text.</summary>
internal sealed class EncryptCommand : ICommand
{
    private const string NameOption = "--name";

    public string Name => "encrypt";

    public string Summary => "print the <ENV>_ENC: text of a value (from stdin or a hidden prompt) for an entry";

    public string Usage => "secretguard encrypt NAME --env ENV [--key-file PATH]";

    public string Description => """
        Encrypts a value for the environment and prints the ciphertext (DEV_ENC:v1:...) on standard output,
        for a value you want to paste somewhere yourself. An environment listed in secretguard.recipients
        gets a version 2 value (PROD_ENC:v2:...) encrypted to all its public keys, with no private key. The ciphertext is bound to the
        entry's name (NAME, or --name NAME): it decrypts only under that name, in that environment.
        The value comes from standard input when piped in (one final newline is dropped), else from a
        hidden prompt. To write the entry into an env file directly, use 'secretguard set'.

        Examples:
          printf '%s' "$TOKEN" | secretguard encrypt API_TOKEN_SECRET --env dev
          secretguard encrypt --name Db__Password_SECRET --env prod
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment the value is for: its public keys, or its master key, encrypt it (required)"),
        OptionSpec.Value(NameOption, "NAME", "the entry's name (the same as the NAME argument)"),
        MasterKeys.KeyFileOptionSpec,
        SecretInput.ValueOptionSpec,
    };

    public int MaxPositionals => 1;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var positional = arguments.Positionals.Count > 0 ? arguments.Positionals[0] : null;
        var option = arguments.Value(NameOption);
        if (positional is not null && option is not null && positional != option)
        {
            throw new UsageException("give the entry's name once: either NAME or --name NAME.");
        }

        var name = positional ?? option ?? throw new UsageException(
            "say which entry the value is for (the name is part of the encryption: the value decrypts only under it): " + Usage);
        EnvFileHelpers.ValidateKeyName(name);
        var environment = EnvironmentOptions.Require(arguments, "secretguard encrypt NAME --env dev");
        var encryption = ValueEncryption.For(environment, MasterKeys.Lookup(arguments, context), context, envFileFolder: null);
        if (!ProjectSettings.Read(context.WorkingDirectory).Naming.IsSecret(name))
        {
            context.Warn(ArgumentText.Name(name) + " is not a secret name (it does not end in _SECRET): the build and the runtime do not treat it as a secret.");
        }

        var value = SecretInput.Read(arguments, context, name, environment);
        if (EncryptedValueRecognition.LooksEncrypted(value))
        {
            // Encrypting a ciphertext, or a damaged one, would hide what it is (docs/formats.md#recognising-an-encrypted-value).
            throw new CommandFailedException("the value already looks encrypted (an <ENV>_ENC: value, or a damaged one): encrypt takes the plaintext.");
        }

        context.Out.WriteLine(encryption.Encrypt(name, value));
        return ExitCodes.Ok;
    }
}
