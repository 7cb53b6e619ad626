using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Cli.Rotation;
using SecretGuard.Crypto;
using SecretGuard.Environments;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Commands;

/// <summary>
/// <c>secretguard rotate --env ENV</c>: a new master key, the old one kept as <c>ENV.previous</c>, and every
/// <c>ENV_ENC:</c> value in the repository re-encrypted, all or nothing; <c>--finish</c> drops the previous key once
/// nothing needs it (docs/cli.md#rotate).
/// </summary>
internal sealed class RotateCommand : ICommand
{
    private const string FinishOption = "--finish";
    private const string PrintNewKeyOption = "--print-new-key";

    public string Name => "rotate";

    public string Summary => "replace an environment's master key or key pair and re-encrypt its values; --finish drops the old key";

    public string Usage => "secretguard rotate --env ENV [PATH...] [--finish] [--print-new-key] [--key-file PATH]";

    public string Description => """
        Rotation has two steps, so running apps and builds not yet deployed keep working in between:

          secretguard rotate --env prod
            Makes a new prod key and keeps the old one as prod.previous in the key file. Re-encrypts every
            PROD_ENC: value in every env file of the repository (the git repository around the current
            folder, else the current folder, and the folders below; add PATHs for files elsewhere) with the
            new key. All values are decrypted and re-encrypted in memory first; the new files are written
            beside the old ones; the key file is written next; then the files are renamed into place. If
            anything fails, every env file is left as it was (its values still decrypt with prod.previous)
            and the message says what to run again. Running it again finishes an interrupted rotation:
            values already under the new key are left alone.

          secretguard rotate --env prod --finish
            After every deployment has the new files: checks that no env file still holds a value under the
            previous key, then removes prod.previous.

        In a version 2 environment (listed in secretguard.recipients) rotate makes a new key pair instead: the new
        public key takes the place of the one whose private key you hold (other recipients, such as a break-glass
        key, stay), every value is re-encrypted to the new list, and the recipients file is updated (commit it).
        It needs the current private key (SECRETGUARD_KEY_<ENV> or the key file) to read the values, and says
        where it looked when there is none. The new private key goes where the old one was: the key file, or
        standard output with --print-new-key; the old one is kept as <env>.previous until --finish.

        A rotation must be finished before the next one starts. When the key comes from SECRETGUARD_KEY_<ENV>
        (CI, a vault), this command cannot store the new key: --print-new-key prints it on standard output
        (before any env file changes), and you set SECRETGUARD_KEY_<ENV> to it and
        SECRETGUARD_KEY_<ENV>_PREVIOUS to the old key in your secret store. With a key file, --print-new-key
        also prints the new key, for a copy kept in CI.

        Examples:
          secretguard rotate --env prod
          secretguard rotate --env prod ../shared-config/.env.prod
          secretguard rotate --env prod --finish
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.Single("the environment whose key is rotated (required)"),
        OptionSpec.Flag(FinishOption, "end the rotation: remove ENV.previous once no env file needs it"),
        OptionSpec.Flag(PrintNewKeyOption, "print the new key on standard output (required when the key comes from SECRETGUARD_KEY_<ENV>)"),
        MasterKeys.KeyFileOptionSpec,
    };

    public int MaxPositionals => int.MaxValue;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var environment = EnvironmentOptions.Require(arguments, "secretguard rotate --env prod");
        var finish = arguments.Has(FinishOption);
        if (finish && arguments.Has(PrintNewKeyOption))
        {
            throw new UsageException("--finish makes no key: leave out --print-new-key.");
        }

        var lookup = MasterKeys.Lookup(arguments, context);
        var variable = lookup.VariableFor(environment);
        var keyFilePath = MasterKeys.Find(lookup);

        // The key file's write lock is held from reading the keys to the last rename (a link is followed to the file it
        // names): a set waits for the rotation, or the rotation for it, so no value is written under a key being replaced.
        using var keyFileLock = FileWriteLock.Acquire(keyFilePath, FileAccess.ReadWrite, Array.Empty<string>(), FileWriteLock.DefaultTimeout, context.Info);
        var state = new RotationState(
            environment,
            variable,
            CommandContext.Variable(variable) is not null,
            CommandContext.Variable(variable + "_PREVIOUS") is not null,
            keyFilePath,
            MasterKeys.LoadRing(environment, lookup));
        if (state.KeyFilePath is not null)
        {
            // Even when the variables hold the keys: the key file is written, and must not stay ambiguous.
            using var keyFile = KeyFile.Load(state.KeyFilePath);
            MasterKeys.RefuseDuplicates(keyFile, new[] { environment }, previousToo: true);
        }

        var recipientsPath = FindRecipientsFile(context);
        var recipientsFile = recipientsPath is null ? null : RecipientsFile.Load(recipientsPath);
        if (recipientsFile is not null && recipientsFile.Lists(environment))
        {
            return RotatePair(arguments, context, state, recipientsPath!, finish);
        }

        if (state.Ring.Current is null && (state.Ring.CurrentPrivateKey is not null || state.Ring.PreviousPrivateKey is not null))
        {
            throw new CommandFailedException(
                "SG1012: the " + environment + " keys include a version 2 private key, but " + (recipientsPath is null ? "there is no " + RecipientsFile.DefaultFileName + " file" : context.Display(recipientsPath) + " does not list " + environment) +
                ", so " + environment + " is a version 1 environment and 'rotate' needs its master key. List the public key of " + environment + " in the recipients file (secretguard keygen --env " + environment + " --write), or run 'secretguard migrate --env " + environment + "'. Nothing was changed.");
        }

        if (state.Ring.Current is null)
        {
            throw new CommandFailedException(
                "SG1012: there is no " + environment + " key to rotate: " + state.Ring.WhereToPutKey + ". A new environment gets its first key from 'secretguard init --env " + environment + "' or 'secretguard keygen --env " + environment + " --write'.");
        }

        var paths = EnvFilePaths(arguments, context, environment);
        var scan = EncryptedValueScan.Run(paths, environment, context);
        context.Info("Looked at " + paths.Count + (paths.Count == 1 ? " env file" : " env files") + " under " + state.DescribeRoot(context) +
            "; " + scan.Files.Count + (scan.Files.Count == 1 ? " holds " : " hold ") + EnvironmentName.ToPrefix(environment) + " values.");
        if (finish)
        {
            return Finish(context, state, scan);
        }

        // The env files to rewrite are locked too (after the key file, in path order) and read again: a build may have
        // encrypted a value into one of them since the scan above.
        using var envFileLocks = FileWriteLock.Acquire(null, FileAccess.Read, scan.PathsMentioningEnvironment, FileWriteLock.DefaultTimeout, context.Info);
        scan = EncryptedValueScan.Run(scan.PathsMentioningEnvironment, environment, context);
        return state.Ring.Previous is not null ? Continue(context, state, scan) : Start(context, state, scan, arguments.Has(PrintNewKeyOption));
    }

    private int Start(CommandContext context, RotationState state, EncryptedValueScan scan, bool printNewKey)
    {
        var environment = state.Environment;
        if (state.KeyFromVariable && !printNewKey)
        {
            throw new CommandFailedException(
                "the " + environment + " key comes from the environment variable " + state.Variable + ", which this command cannot change, so it will not make a key it could not store. " +
                "Run 'secretguard rotate --env " + environment + " --print-new-key': it prints the new key on standard output before re-encrypting; then set " + state.Variable +
                " to the new key and " + state.Variable + "_PREVIOUS to the current one in your secret store. Or unset " + state.Variable + " to rotate the key in the key file.");
        }

        var current = state.Ring.Current!;
        var problems = new List<string>(scan.Problems);
        foreach (var value in scan.Values.Where(v => v.Kid != current.Kid))
        {
            problems.Add(Location(context, value) + ": error SG1006: " + value.Entry.Key + " is encrypted with key " + value.Kid + ", which is not the current " + environment + " key (" + current.Kid +
                "); rotation would lose it. Get that key, or set the value again with 'secretguard set " + value.Entry.Key + " --env " + environment + "'");
        }

        var plaintexts = Decrypt(context, state, scan.Values.Where(v => v.Kid == current.Kid), problems);
        Refuse(context, problems);

        using var generated = MasterKeys.NewKey(); // zeroed when the command ends (docs/operations.md#memory-hygiene)
        var newKeyBytes = generated.Bytes;
        var newKey = KeyRingLoader.DeriveAndClear(MasterKey.FromBytes(newKeyBytes, "the new " + environment + " key"), environment)!;
        foreach (var (value, plaintext) in plaintexts)
        {
            value.Entry.SetValue(SecretCipher.Encrypt(newKey, value.Entry.Key, plaintext));
        }

        using var replacement = Prepare(context, scan);
        if (state.KeyFromVariable || printNewKey)
        {
            // Printed before any env file changes: a value under the new key never exists while the key exists nowhere.
            KeyText.WriteLine(context.Out, newKeyBytes);
            context.Out.Flush();
        }

        if (!state.KeyFromVariable)
        {
            WriteKeyFile(context, state, newKeyBytes);
        }

        var failure = replacement.CommitAll();
        if (failure is not null)
        {
            ReportFailure(context, state, failure, keyChanged: !state.KeyFromVariable);
            return ExitCodes.Failure;
        }

        ReportRotated(context, state, environment, printNewKey, "key", newKey.Kid, current.Kid, plaintexts.Count, scan, ".", "the env files");
        return ExitCodes.Ok;
    }

    // What a finished rotation says, for a master key ("key") and a key pair ("private key") alike. With a printed key,
    // standard output carries the key alone (it is piped into a secret store), so the report goes to standard error.
    private static void ReportRotated(
        CommandContext context, RotationState state, string environment, bool printNewKey, string keyWord, string newId, string oldId, int count,
        EncryptedValueScan scan, string reencryptedEnd, string toCommit)
    {
        var report = state.KeyFromVariable || printNewKey ? context.Error : context.Out;
        report.WriteLine("Rotated the " + environment + (keyWord == "key" ? " key" : " key pair") + ": new key " + newId + ", previous key " + oldId + " kept as " +
            (state.KeyFromVariable ? state.Variable + "_PREVIOUS (set it in your secret store)" : environment + KeyFile.PreviousSuffix + " in " + context.Display(state.KeyFilePath!)) + ".");
        report.WriteLine("Re-encrypted " + count + (count == 1 ? " value" : " values") + " in " + scan.Files.Count + (scan.Files.Count == 1 ? " file" : " files") + Files(context, scan) + reencryptedEnd);
        if (state.KeyFromVariable)
        {
            context.Info("Now set " + state.Variable + " to the new " + keyWord + " printed above and " + state.Variable + "_PREVIOUS to the old one in your secret store.");
        }
        else
        {
            context.Info("If " + state.Variable + " is kept in a secret store (CI, production), set it to the new " + keyWord + " from the key file, and " + state.Variable + "_PREVIOUS to the old one.");
        }

        context.Info("Next: commit " + toCommit + " and deploy them; once every deployment has them, run 'secretguard rotate --env " + environment + " --finish'.");
    }

    private int Continue(CommandContext context, RotationState state, EncryptedValueScan scan)
    {
        var environment = state.Environment;
        var current = state.Ring.Current!;
        var previous = state.Ring.Previous!;
        var problems = new List<string>(scan.Problems);
        foreach (var value in scan.Values.Where(v => v.Kid != current.Kid && v.Kid != previous.Kid))
        {
            problems.Add(Location(context, value) + ": error SG1006: " + value.Entry.Key + " is encrypted with key " + value.Kid + ", which is neither the current " + environment + " key (" + current.Kid +
                ") nor the previous one (" + previous.Kid + ")" + (state.KeyFromVariable ? "; if an interrupted rotation printed a new key, set " + state.Variable + " to it and " + state.Variable + "_PREVIOUS to the old key" : string.Empty));
        }

        var old = scan.Values.Where(v => v.Kid == previous.Kid).ToList();
        if (old.Count == 0 && problems.Count == 0)
        {
            throw new CommandFailedException(
                "finish the last rotation first: the previous " + environment + " key (" + previous.Kid + ", from " + state.PreviousSource(context) + ") is still kept and every value already uses the current key (" + current.Kid + "). " +
                "Once every deployment has the current env files, run 'secretguard rotate --env " + environment + " --finish', then rotate again.");
        }

        var plaintexts = Decrypt(context, state, old, problems);
        Refuse(context, problems);
        context.Info("A rotation of " + environment + " is under way (current key " + current.Kid + ", previous " + previous.Kid + "): re-encrypting the " + old.Count + (old.Count == 1 ? " value" : " values") + " still under the previous key.");
        foreach (var (value, plaintext) in plaintexts)
        {
            value.Entry.SetValue(SecretCipher.Encrypt(current, value.Entry.Key, plaintext));
        }

        var changed = scan.Files.Where(f => f.Values.Any(v => v.Kid == previous.Kid)).ToList();
        using var replacement = Prepare(context, scan, changed);
        var failure = replacement.CommitAll();
        if (failure is not null)
        {
            ReportFailure(context, state, failure, keyChanged: false);
            return ExitCodes.Failure;
        }

        context.Out.WriteLine("Re-encrypted " + old.Count + (old.Count == 1 ? " value" : " values") + " in " + changed.Count + (changed.Count == 1 ? " file" : " files") +
            " with the current " + environment + " key " + current.Kid + "; no value uses the previous key " + previous.Kid + " any more.");
        context.Info("Next: commit the env files and deploy them; once every deployment has them, run 'secretguard rotate --env " + environment + " --finish'.");
        return ExitCodes.Ok;
    }

    private static int Finish(CommandContext context, RotationState state, EncryptedValueScan scan)
    {
        var environment = state.Environment;
        var previous = state.Ring.Previous?.Kid ?? state.Ring.PreviousPrivateKey?.RecipientId;
        if (previous is null)
        {
            context.Out.WriteLine("No rotation of " + environment + " is under way (there is no previous key): nothing to finish.");
            return ExitCodes.Ok;
        }

        var problems = new List<string>(scan.Problems);
        foreach (var value in scan.Values.Where(v => Names(v, previous)))
        {
            problems.Add(Location(context, value) + ": " + value.Entry.Key + " still uses the previous " + environment + " key " + previous);
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine(problem);
            }

            throw new CommandFailedException(
                "the previous " + environment + " key is still needed (above), so it was kept. Run 'secretguard rotate --env " + environment + "' to re-encrypt those values with the current key " +
                "(it continues the rotation), deploy them, then run --finish again.");
        }

        if (state.KeyFilePath is not null)
        {
            using var keyFile = KeyFile.Load(state.KeyFilePath);
            MasterKeys.RefuseDuplicates(keyFile, new[] { environment }, previousToo: true);
            if (keyFile.Remove(environment, previous: true))
            {
                keyFile.Save(state.KeyFilePath);
                context.Out.WriteLine("Finished the rotation of " + environment + ": removed " + environment + KeyFile.PreviousSuffix + " (key " + previous + ") from " + context.Display(state.KeyFilePath) + ".");
            }
        }

        if (state.PreviousFromVariable)
        {
            context.Out.WriteLine("No env file needs the previous " + environment + " key any more: delete " + state.Variable + "_PREVIOUS from your secret store and environment.");
        }

        return ExitCodes.Ok;
    }

    // Whether a value is under the key with this kid (version 1) or lists this rid among its recipients (version 2).
    private static bool Names(EncryptedValueScan.ScannedValue value, string id) =>
        value.Kid == id || value.Kid.Split('-').Contains(id, StringComparer.Ordinal);

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

    /// <summary>
    /// A version 2 environment (listed in the recipients file): a new key pair replaces the recipient whose private key is
    /// the current one (other recipients, such as a break-glass key, stay), every value is re-encrypted to the new list,
    /// the old private key is kept as <c>ENV.previous</c>. The same steps and guarantees as a version 1 rotation: all
    /// values decrypted and encrypted in memory, the new env files written beside the old ones, the new key printed or
    /// written to the key file, the recipients file updated, then the renames. Run again after any interruption, it
    /// finishes the rotation with the keys at hand: values not yet under the new list are re-encrypted, the recipients
    /// file is corrected.
    /// </summary>
    private int RotatePair(ParsedArguments arguments, CommandContext context, RotationState state, string recipientsPath, bool finish)
    {
        var environment = state.Environment;
        var ring = state.Ring;
        var paths = EnvFilePaths(arguments, context, environment);
        var scan = EncryptedValueScan.Run(paths, environment, context);
        context.Info("Looked at " + paths.Count + (paths.Count == 1 ? " env file" : " env files") + " under " + state.DescribeRoot(context) +
            "; " + scan.Files.Count + (scan.Files.Count == 1 ? " holds " : " hold ") + EnvironmentName.ToPrefix(environment) + " values.");
        if (finish)
        {
            return Finish(context, state, scan);
        }

        var current = ring.CurrentPrivateKey;
        if (current is null)
        {
            throw MissingPrivateKey(context, state, scan, RecipientsFile.Load(recipientsPath));
        }

        // The env files and the recipients file are locked together (after the key file, in path order) and read again.
        using var locks = FileWriteLock.Acquire(null, FileAccess.Read, scan.PathsMentioningEnvironment.Append(recipientsPath), FileWriteLock.DefaultTimeout, context.Info);
        scan = EncryptedValueScan.Run(scan.PathsMentioningEnvironment, environment, context);
        var recipients = RecipientsFileEditor.Open(recipientsPath);
        recipients.RefuseBroken(context);
        var listed = recipients.Parsed.For(environment).Select(e => e.Key.RecipientId).ToList();
        var previousId = ring.PreviousPrivateKey?.RecipientId ?? ring.Previous?.Kid;
        if (previousId is not null)
        {
            return ContinuePair(context, state, scan, recipients, listed, current, previousId);
        }

        if (state.KeyFromVariable && !arguments.Has(PrintNewKeyOption))
        {
            throw new CommandFailedException(
                "the " + environment + " private key comes from the environment variable " + state.Variable + ", which this command cannot change, so it will not make a key it could not store. " +
                "Run 'secretguard rotate --env " + environment + " --print-new-key': it prints the new private key on standard output before re-encrypting; then set " + state.Variable +
                " to the new key and " + state.Variable + "_PREVIOUS to the current one in your secret store. Or unset " + state.Variable + " to rotate the key in the key file.");
        }

        if (!listed.Contains(current.RecipientId, StringComparer.Ordinal))
        {
            throw new CommandFailedException(
                "SG1012: the current " + environment + " private key " + current.RecipientId + " (" + current.Source + ") is not one of the public keys " + context.Display(recipientsPath) + " lists for " + environment +
                " (" + string.Join(", ", listed) + "), so rotate cannot tell which recipient it replaces. Use the private key of one of them. Nothing was changed.");
        }

        var problems = new List<string>(scan.Problems);
        foreach (var value in scan.Values.Where(v => !Names(v, current.RecipientId)))
        {
            problems.Add(Location(context, value) + ": error SG1006: " + value.Entry.Key + " is encrypted to " + value.Kid + ", which does not include the current " + environment + " key (" + current.RecipientId +
                "); rotation would lose it. Get one of those private keys, or set the value again with 'secretguard set " + value.Entry.Key + " --env " + environment + "'");
        }

        var plaintexts = Decrypt(context, state, scan.Values.Where(v => Names(v, current.RecipientId)), problems);
        Refuse(context, problems);

        using var generated = KeyPairs.New(environment); // the scalar is zeroed when the command ends
        recipients.Replace(environment, current.RecipientId, generated.PublicKey);
        var target = recipients.Parsed.RecipientsOf(environment);
        foreach (var (value, plaintext) in plaintexts)
        {
            value.Entry.SetValue(PublicKeyCipher.Encrypt(environment, value.Entry.Key, plaintext, target));
        }

        var printNewKey = arguments.Has(PrintNewKeyOption);
        using var replacement = Prepare(context, scan);
        if (state.KeyFromVariable || printNewKey)
        {
            // Printed before any file changes: a value under the new key never exists while the key exists nowhere.
            PrivateKeyText.WriteLine(context.Out, generated.Scalar);
            context.Out.Flush();
        }

        if (!state.KeyFromVariable)
        {
            WritePrivateKeyFile(context, state, generated.Scalar);
        }

        SaveRecipients(context, recipients);
        var failure = replacement.CommitAll();
        if (failure is not null)
        {
            ReportFailure(context, state, failure, keyChanged: !state.KeyFromVariable);
            return ExitCodes.Failure;
        }

        ReportRotated(context, state, environment, printNewKey, "private key", generated.RecipientId, current.RecipientId, plaintexts.Count, scan,
            " to " + string.Join("-", target.Select(t => t.RecipientId)) + "; " + context.Display(recipients.FilePath) + " lists the new public key: commit it with them.",
            "the env files and the recipients file");
        return ExitCodes.Ok;
    }

    private int ContinuePair(CommandContext context, RotationState state, EncryptedValueScan scan, RecipientsFileEditor recipients, List<string> listed, PrivateKey current, string previousId)
    {
        var environment = state.Environment;
        if (!listed.Contains(current.RecipientId, StringComparer.Ordinal))
        {
            // An interrupted rotation stored the new key but not the recipients file: the new key takes the old one's line.
            if (!recipients.Replace(environment, previousId, current.ToRecipient()))
            {
                throw new CommandFailedException(
                    "SG1012: " + context.Display(recipients.FilePath) + " lists neither the current " + environment + " key " + current.RecipientId + " nor the previous one " + previousId +
                    " (it lists " + string.Join(", ", listed) + "). Nothing was changed: list the current public key there, then run the command again.");
            }
        }

        var target = recipients.Parsed.RecipientsOf(environment);
        var targetIds = string.Join("-", target.Select(t => t.RecipientId));
        var problems = new List<string>(scan.Problems);
        var old = scan.Values.Where(v => v.Kid != targetIds).ToList();
        var plaintexts = Decrypt(context, state, old, problems);
        Refuse(context, problems);
        if (old.Count == 0 && !recipients.Changed)
        {
            throw new CommandFailedException(
                "finish the last rotation first: the previous " + environment + " key (" + previousId + ", from " + state.PreviousSource(context) + ") is still kept and every value already uses the current key (" + current.RecipientId + "). " +
                "Once every deployment has the current env files, run 'secretguard rotate --env " + environment + " --finish', then rotate again.");
        }

        context.Info("A rotation of " + environment + " is under way (current key " + current.RecipientId + ", previous " + previousId + "): re-encrypting the " + old.Count + (old.Count == 1 ? " value" : " values") + " not yet encrypted to " + targetIds + ".");
        foreach (var (value, plaintext) in plaintexts)
        {
            value.Entry.SetValue(PublicKeyCipher.Encrypt(environment, value.Entry.Key, plaintext, target));
        }

        var changed = scan.Files.Where(f => f.Values.Any(v => old.Contains(v))).ToList();
        using var replacement = Prepare(context, scan, changed);
        if (recipients.Changed)
        {
            SaveRecipients(context, recipients);
        }

        var failure = replacement.CommitAll();
        if (failure is not null)
        {
            ReportFailure(context, state, failure, keyChanged: false);
            return ExitCodes.Failure;
        }

        context.Out.WriteLine("Re-encrypted " + old.Count + (old.Count == 1 ? " value" : " values") + " in " + changed.Count + (changed.Count == 1 ? " file" : " files") +
            " to the current " + environment + " keys " + targetIds + "; no value uses the previous key " + previousId + " any more.");
        context.Info("Next: commit the env files and the recipients file and deploy them; once every deployment has them, run 'secretguard rotate --env " + environment + " --finish'.");
        return ExitCodes.Ok;
    }

    private static CommandFailedException MissingPrivateKey(CommandContext context, RotationState state, EncryptedValueScan scan, RecipientsFile recipients)
    {
        var environment = state.Environment;
        var where = state.KeyFilePath is null
            ? "a " + KeyFile.DefaultFileName + " file in " + context.Display(context.WorkingDirectory) + " or a folder above it (or the file SECRETGUARD_KEY_FILE or --key-file names)"
            : context.Display(state.KeyFilePath);
        var who = string.Join(", ", recipients.For(environment).Select(e => e.Key.RecipientId + " (" + context.Display(recipients.FilePath!) + "(" + e.Line + "))"));
        var count = scan.Values.Count();
        return new CommandFailedException(
            "SG1012: rotating " + environment + " re-encrypts its " + count + (count == 1 ? " value" : " values") + " to a new key pair, which needs the current " + environment + " private key to read them, and there is none here. " +
            "It is looked for in the environment variable " + state.Variable + ", then as '" + environment + " = " + PrivateKeyText.Prefix + "...' in " + where + ". " +
            "The private key of one of " + environment + "'s public keys reads the values: " + who + ". Get it from your secret store for this one command, e.g. " +
            state.Variable + "=\"$(vault kv get -field=" + state.Variable + " secret/myapp)\" secretguard rotate --env " + environment + " --print-new-key, then store the new key it prints. Nothing was changed.");
    }

    private static void WritePrivateKeyFile(CommandContext context, RotationState state, byte[] newScalar)
    {
        var path = state.KeyFilePath!;
        try
        {
            using var keyFile = KeyFile.Load(path);
            MasterKeys.RefuseDuplicates(keyFile, new[] { state.Environment }, previousToo: true);
            var old = keyFile.Find(state.Environment) ?? throw new CommandFailedException(
                context.Display(path) + " changed while rotating: it has no " + state.Environment + " key any more. Nothing was changed.");
            keyFile.SetFrom(state.Environment, previous: true, old);
            keyFile.SetPrivateKey(state.Environment, previous: false, newScalar);
            keyFile.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException("could not write the key file " + context.Display(path) + " (" + ex.Message + "). Nothing was changed: no env file and no key. Fix that, then run the command again.");
        }
    }

    private static void SaveRecipients(CommandContext context, RecipientsFileEditor recipients)
    {
        try
        {
            recipients.Save();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException("could not write the recipients file " + context.Display(recipients.FilePath) + " (" + ex.Message + "). No env file was changed; " +
                "the keys at hand still decrypt every value. Fix that, then run the command again.");
        }
    }

    private static List<string> EnvFilePaths(ParsedArguments arguments, CommandContext context, string environment) =>
        RepositoryEnvFiles.Find(arguments, context, EnvironmentName.Defaults.Append(environment).Distinct().ToList());

    private static List<(EncryptedValueScan.ScannedValue Value, string Plaintext)> Decrypt(
        CommandContext context, RotationState state, IEnumerable<EncryptedValueScan.ScannedValue> values, List<string> problems)
    {
        var plaintexts = new List<(EncryptedValueScan.ScannedValue, string)>();
        foreach (var value in values)
        {
            try
            {
                plaintexts.Add((value, SecretCipher.Decrypt(value.Entry.Value, value.Entry.Key, state.Ring, ValueLocation.InFile(context.Display(value.File.Path), value.Entry.Line))));
            }
            catch (SecretGuardException ex)
            {
                problems.Add(Location(context, value) + ": error " + ex.ErrorCode + ": " + value.Entry.Key + ": " + ex.Detail);
            }
        }

        return plaintexts;
    }

    private static void Refuse(CommandContext context, List<string> problems) => RepositoryEnvFiles.RefuseAny(context, problems, "rotation re-encrypts");

    private static FileReplacement Prepare(CommandContext context, EncryptedValueScan scan, IEnumerable<EncryptedValueScan.ScannedFile>? files = null)
    {
        var toWrite = (files ?? scan.Files).ToList();

        // A rename would replace a read-only file (and keep its mode): refuse before any file or key changes.
        var readOnly = toWrite.Where(f => ReadOnlyFiles.IsReadOnly(f.Path)).Select(f => context.Display(f.Path)).ToArray();
        if (readOnly.Length > 0)
        {
            throw new CommandFailedException(ReadOnlyFiles.Describe(readOnly) + ", then run the command again. Nothing was changed: no env file and no key.");
        }

        var replacement = new FileReplacement();
        try
        {
            foreach (var file in toWrite)
            {
                try
                {
                    replacement.Prepare(file.Path, file.OriginalBytes, file.File.ToBytes());
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CommandFailedException("could not write the new version of " + context.Display(file.Path) + " beside it (" + ex.Message + "). Nothing was changed: no env file and no key. Fix that, then run the command again.");
                }
            }
        }
        catch
        {
            replacement.Dispose();
            throw;
        }

        return replacement;
    }

    private static void WriteKeyFile(CommandContext context, RotationState state, byte[] newKeyBytes)
    {
        var path = state.KeyFilePath!;
        try
        {
            using var keyFile = KeyFile.Load(path);
            MasterKeys.RefuseDuplicates(keyFile, new[] { state.Environment }, previousToo: true);
            var old = keyFile.Find(state.Environment) ?? throw new CommandFailedException(
                context.Display(path) + " changed while rotating: it has no " + state.Environment + " key any more. Nothing was changed.");
            if (old.IsPrivateKey)
            {
                throw new CommandFailedException(context.Display(path) + "(" + old.Line + ") holds a version 2 private key for " + state.Environment +
                    ", and 'rotate' rotates version 1 master keys only. Nothing was changed.");
            }

            using var oldKey = new KeyBytes(old.GetKeyBytes());
            keyFile.Set(state.Environment, previous: true, oldKey.Bytes);
            keyFile.Set(state.Environment, previous: false, newKeyBytes);
            keyFile.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException("could not write the key file " + context.Display(path) + " (" + ex.Message + "). Nothing was changed: no env file and no key. Fix that, then run the command again.");
        }
    }

    private static void ReportFailure(CommandContext context, RotationState state, FileReplacement.Failure failure, bool keyChanged)
    {
        var environment = state.Environment;
        var message = "could not replace " + context.Display(failure.Path) + " (" + failure.Reason + "). ";
        if (failure.NotRestored.Count == 0)
        {
            message += "Every env file was left as it was before";
        }
        else
        {
            message += "These files could not be put back and hold values under the new key: " + string.Join(", ", failure.NotRestored.Select(context.Display)) + "; every other env file was left as it was before";
        }

        if (keyChanged)
        {
            message += ". The key file already holds the new " + environment + " key and the old one as " + environment + KeyFile.PreviousSuffix + ", so every value still decrypts. " +
                "Fix the problem, then run 'secretguard rotate --env " + environment + "' again: it finishes this rotation with the same new key.";
        }
        else if (state.KeyFromVariable && state.Ring.Previous is null && state.Ring.PreviousPrivateKey is null)
        {
            message += failure.NotRestored.Count == 0
                ? ". The key printed above was not put into use: discard it, fix the problem, then run the command again."
                : ". Set " + state.Variable + " to the key printed above and " + state.Variable + "_PREVIOUS to the old key, then run 'secretguard rotate --env " + environment + "' again to finish.";
        }
        else
        {
            message += ". Every value still decrypts with the keys at hand. Fix the problem, then run 'secretguard rotate --env " + environment + "' again.";
        }

        throw new CommandFailedException(message);
    }

    private static string Location(CommandContext context, EncryptedValueScan.ScannedValue value) => RepositoryEnvFiles.Location(context, value);

    private static string Files(CommandContext context, EncryptedValueScan scan) =>
        scan.Files.Count == 0 ? string.Empty : ": " + string.Join(", ", scan.Files.Select(f => context.Display(f.Path)));

    private sealed record RotationState(string Environment, string Variable, bool KeyFromVariable, bool PreviousFromVariable, string? KeyFilePath, KeyRing Ring)
    {
        public string DescribeRoot(CommandContext context)
        {
            var top = Git.TopLevel(context.WorkingDirectory);
            return top is null ? context.Display(context.WorkingDirectory) + " (no git repository)" : "the git repository " + top;
        }

        public string PreviousSource(CommandContext context) =>
            PreviousFromVariable ? Variable + "_PREVIOUS" : Environment + KeyFile.PreviousSuffix + " in " + (KeyFilePath is null ? "the key file" : context.Display(KeyFilePath));
    }
}
