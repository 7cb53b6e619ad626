using System;
using System.Collections.Generic;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Files;

/// <summary>
/// How <c>set</c> and <c>encrypt</c> encrypt a value for an environment, decided as the build decides it
/// (docs/formats.md#the-recipients-file): an environment the recipients file lists is a version 2 environment, and its
/// values go to all its public keys, with no private key and no master key; any other environment uses its version 1
/// master key. A recipients file that cannot say which (a broken line) is an error, never a fall-back to version 1.
/// </summary>
internal sealed class ValueEncryption
{
    private readonly KeyLookupOptions _lookup;
    private readonly EnvironmentKey? _masterKey;
    private readonly ProjectRecipients _project;

    private ValueEncryption(string environment, KeyLookupOptions lookup, ProjectRecipients project, IReadOnlyList<RecipientKey> recipients, EnvironmentKey? masterKey)
    {
        Environment = environment;
        _lookup = lookup;
        _project = project;
        Recipients = recipients;
        _masterKey = masterKey;
    }

    /// <summary>The environment.</summary>
    public string Environment { get; }

    /// <summary>The public keys values go to; empty for a version 1 environment.</summary>
    public IReadOnlyList<RecipientKey> Recipients { get; }

    /// <summary>Whether values are written as version 2.</summary>
    public bool IsPublicKey => Recipients.Count > 0;

    /// <summary>
    /// The encryption for <paramref name="environment"/>. The recipients file is searched upward from
    /// <paramref name="envFileFolder"/> (the project's folder, for <c>set</c>), then from the working folder;
    /// <c>SECRETGUARD_RECIPIENTS_FILE</c> names it explicitly. A version 1 environment needs its current master key
    /// (SG1012 otherwise); a version 2 one needs nothing secret.
    /// </summary>
    public static ValueEncryption For(string environment, KeyLookupOptions lookup, CommandContext context, string? envFileFolder)
    {
        var folders = new List<string>();
        if (envFileFolder is not null)
        {
            folders.Add(envFileFolder);
        }

        folders.Add(context.WorkingDirectory);
        var project = ProjectRecipients.Find(lookup.RecipientsFilePath, folders);
        IReadOnlyList<RecipientKey> recipients;
        try
        {
            recipients = project.RecipientsOf(environment);
        }
        catch (SecretGuardException ex)
        {
            throw new CommandFailedException(ex.ErrorCode + ": " + ex.Message.TrimEnd('.') +
                ". Nothing was encrypted: until the recipients file is fixed, which keys " + environment + "'s values go to cannot be told " +
                "(encrypting to some of its public keys would lock the others out, and its master key would bypass them).");
        }

        var masterKey = recipients.Count > 0 ? null : MasterKeys.RequireCurrent(MasterKeys.LoadRing(environment, lookup));
        return new ValueEncryption(environment, lookup, project, recipients, masterKey);
    }

    /// <summary>Encrypts a value for the entry <paramref name="keyName"/>: a fresh ephemeral key or nonce each call.</summary>
    public string Encrypt(string keyName, string plaintext) =>
        IsPublicKey ? PublicKeyCipher.Encrypt(Environment, keyName, plaintext, Recipients) : SecretCipher.Encrypt(_masterKey!, keyName, plaintext);

    /// <summary>"with key 3f4fd31a", or "to the public keys 42698894, 56380e02 (secretguard.recipients)": what a value was encrypted with.</summary>
    public string Describe(CommandContext context) =>
        IsPublicKey
            ? "to the public " + (Recipients.Count == 1 ? "key " : "keys ") + string.Join(", ", Recipients.Select(r => r.RecipientId)) +
              " in " + context.Display(_project.FilePath!) + "; only their private keys decrypt it"
            : "with key " + _masterKey!.Kid;

    /// <summary>
    /// Refuses a ciphertext given as the value that is not this entry's (encryption is idempotent: a usable one is
    /// written as it is). Version 1: it must decrypt with the environment's keys. Version 2: its recipients must be
    /// exactly the environment's public keys, and when a private key of them is at hand it must decrypt too.
    /// </summary>
    public void CheckCiphertext(string value, string keyName)
    {
        if (!IsPublicKey)
        {
            Decrypt(value, keyName, MasterKeys.LoadRing(Environment, _lookup));
            return;
        }

        if (!EncryptedValue.TryParse(value, out var parsed, out _, out var detail) || parsed!.Environment != Environment)
        {
            // The cipher says what is wrong (another environment, damaged, malformed), never quoting the value.
            Decrypt(value, keyName, new KeyRing(Environment, null, null, string.Empty));
            throw Unusable(keyName, detail);
        }

        if (parsed.Version != 2)
        {
            throw Unusable(keyName, "it is a version 1 value, and " + Environment + " is a version 2 environment (its public keys are in " + _project.FilePath + ")");
        }

        var listed = Recipients.Select(r => r.RecipientId).OrderBy(r => r, StringComparer.Ordinal);
        if (!parsed.RecipientIds.OrderBy(r => r, StringComparer.Ordinal).SequenceEqual(listed, StringComparer.Ordinal))
        {
            throw Unusable(keyName, "it is encrypted to " + string.Join(", ", parsed.RecipientIds) + ", not to " + Environment + "'s public keys " +
                string.Join(", ", Recipients.Select(r => r.RecipientId)));
        }

        if (PublicKeyCipher.CheckStructure(parsed) is { } structure)
        {
            throw Unusable(keyName, structure);
        }

        KeyRing? ring = null;
        try
        {
            ring = KeyRingLoader.Load(Environment, _lookup);
        }
        catch (SecretGuardException)
        {
            // Without a usable private key the structure and recipients checked above are all that can be checked.
        }

        if (ring?.FindByRecipients(parsed.RecipientIds, out _) is not null)
        {
            Decrypt(value, keyName, ring);
        }
    }

    private void Decrypt(string value, string keyName, KeyRing ring)
    {
        try
        {
            SecretCipher.Decrypt(value, keyName, ring, ValueLocation.From("standard input"));
        }
        catch (SecretGuardException ex)
        {
            throw Unusable(keyName, ex.Detail);
        }
    }

    private CommandFailedException Unusable(string keyName, string why) =>
        new("the value is already encrypted but not usable for " + ArgumentText.Name(keyName) + " in " + Environment + " (" + why + "): pass the plaintext instead.");
}
