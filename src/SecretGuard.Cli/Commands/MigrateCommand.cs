using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Cli.Rotation;
using SecretGuard.Crypto;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.Environments;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Commands;

/// <summary>
/// <c>secretguard migrate --env ENV|all</c>: converts environments from version 1 (a symmetric master key) to version 2
/// (public keys, docs/formats.md#version-2-public-key-values), every value of every env file in the repository at
/// once, all or nothing, resumable after a kill at any point (docs/operations.md#migrating-to-public-keys).
/// </summary>
internal sealed class MigrateCommand : ICommand
{
    private const string AllEnvironments = "all";
    private const string WritePrivateOption = "--write-private";

    // As in init: the environment whose private key lives on a developer's machine.
    private const string DeveloperEnvironment = "dev";

    public string Name => "migrate";

    public string Summary => "convert environments from version 1 master keys to version 2 key pairs, every value re-encrypted, all or nothing";

    public string Usage => "secretguard migrate --env ENV[,ENV...]|all [PATH...] [--write-private] [--key-file PATH]";

    public string Description => """
        Moves environments from version 1 (one symmetric master key each) to version 2 (a key pair each: the
        public key in secretguard.recipients encrypts, the private key decrypts). For each environment:
          - its public key is the one secretguard.recipients already lists, if any; otherwise a new pair is made;
          - every <ENV>_ENC:v1: value in every env file of the repository (the git repository around the current
            folder, else the current folder, and the folders below; add PATHs for files elsewhere) is decrypted
            with the master key and encrypted to the public key(s);
          - the new dev private key goes into the key file, where the dev master key stays as dev.previous until
            'secretguard rotate --env dev --finish'; the private key of every other environment is printed ONCE on
            standard output (store it as SECRETGUARD_KEY_<ENV>), never written to disk unless --write-private.
        All values are converted in memory first; the new files are written beside the old ones; the private keys
        are printed or written; the recipients file is written; then every env file is renamed into place. If
        anything fails or the command is killed, run it again: it finishes the migration with the keys already
        made, and values already converted are left alone. A repository keeps working in between: a reader
        with both keys reads both versions.

        Examples:
          secretguard migrate --env all
          secretguard migrate --env dev
          secretguard migrate --env all --write-private
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.List("the environments to convert, or 'all' (every environment with a version 1 key or value)"),
        OptionSpec.Flag(WritePrivateOption, "write every new private key into the key file, not only dev's (nothing printed)"),
        MasterKeys.KeyFileOptionSpec,
    };

    public int MaxPositionals => int.MaxValue;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var requested = arguments.List(EnvironmentOptions.EnvOption).ToList();
        if (requested.Count == 0)
        {
            throw new UsageException("say which environments to convert: --env all, or --env dev,prod.");
        }

        var all = requested.Contains(AllEnvironments, StringComparer.Ordinal);
        if (all && requested.Count > 1)
        {
            throw new UsageException("--env all already names every environment: leave out the others.");
        }

        var named = all ? new List<string>() : requested.Select(EnvironmentOptions.Validate).Distinct(StringComparer.Ordinal).ToList();
        var writeAll = arguments.Has(WritePrivateOption);
        var lookup = MasterKeys.Lookup(arguments, context);
        var keyFilePath = MasterKeys.Find(lookup);
        var recipientsPath = RecipientsFileEditor.PathFor(context, keyFilePath);

        // The key file's lock first, then every env file and the recipients file (the locks' order), held to the last rename.
        using var keyFileLock = FileWriteLock.Acquire(keyFilePath, FileAccess.ReadWrite, Array.Empty<string>(), FileWriteLock.DefaultTimeout, context.Info);
        var candidates = all ? Candidates(keyFilePath) : named;
        var paths = EnvFilePaths(arguments, context, candidates);
        using var envLocks = FileWriteLock.Acquire(null, FileAccess.Read, paths.Append(recipientsPath), FileWriteLock.DefaultTimeout, context.Info);
        var recipients = RecipientsFileEditor.Open(recipientsPath);
        recipients.RefuseBroken(context);
        KeyFile? keyFile = keyFilePath is null ? null : KeyFile.Load(keyFilePath);
        var plans = new List<Plan>();
        try
        {
            if (keyFile is not null)
            {
                MasterKeys.RefuseDuplicates(keyFile, candidates, previousToo: true);
            }

            var problems = new List<string>();
            foreach (var environment in candidates)
            {
                var plan = PlanFor(context, environment, lookup, keyFile, recipients, paths, writeAll, problems);
                if (plan is not null)
                {
                    plans.Add(plan);
                }
                else if (!all)
                {
                    problems.Add(environment + ": there is no version 1 key and no version 1 value of " + environment + " to convert (" + Where(context, keyFilePath) + ")");
                }
            }

            Refuse(context, problems);
            var done = plans.Where(p => p.Values.Count == 0 && p.Pair is null && !p.AddRecipient).Select(p => p.Environment).ToList();
            plans.RemoveAll(p => done.Contains(p.Environment));
            if (plans.Count == 0)
            {
                context.Out.WriteLine("Nothing to migrate: " + (done.Count == 0 ? "no environment has a version 1 key or value" : "every value of " + string.Join(", ", done) + " is version 2 already") + ".");
                return ExitCodes.Ok;
            }

            // Every value decrypted and encrypted in memory before anything is written: all or nothing.
            var edits = new Dictionary<string, List<(int Line, string Value)>>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                foreach (var value in plan.Values)
                {
                    string plaintext;
                    try
                    {
                        plaintext = SecretCipher.Decrypt(value.Entry.Value, value.Entry.Key, plan.Ring, ValueLocation.InFile(context.Display(value.File.Path), value.Entry.Line));
                    }
                    catch (SecretGuardException ex)
                    {
                        problems.Add(Location(context, value) + ": error " + ex.ErrorCode + ": " + value.Entry.Key + ": " + ex.Detail);
                        continue;
                    }

                    var encrypted = PublicKeyCipher.Encrypt(plan.Environment, value.Entry.Key, plaintext, plan.Target);
                    if (!edits.TryGetValue(value.File.Path, out var list))
                    {
                        edits[value.File.Path] = list = new List<(int, string)>();
                    }

                    list.Add((value.Entry.Line, encrypted));
                }
            }

            Refuse(context, problems);
            using var replacement = Prepare(context, edits);

            // Printed before any file changes: a public key is never listed while its private key exists nowhere.
            foreach (var plan in plans.Where(p => p.Pair is not null && !p.ToKeyFile))
            {
                context.Out.WriteLine("New " + plan.Environment + " private key " + plan.Pair!.RecipientId + ", shown ONCE and saved nowhere: store it now as " + lookup.VariableFor(plan.Environment) + " in your secret store:");
                PrivateKeyText.WriteLine(context.Out, plan.Pair.Scalar);
                context.Out.Flush();
            }

            var keyFilePlans = plans.Where(p => p.Pair is not null && p.ToKeyFile).ToList();
            if (keyFilePlans.Count > 0)
            {
                foreach (var plan in keyFilePlans)
                {
                    // The master key stays as <env>.previous: values not yet converted, and deployments, still read with it.
                    var master = keyFile!.Find(plan.Environment)!;
                    keyFile.SetFrom(plan.Environment, previous: true, master);
                    keyFile.SetPrivateKey(plan.Environment, previous: false, plan.Pair!.Scalar);
                }

                Save(context, () => keyFile!.Save(keyFilePath), keyFilePath!);
            }

            foreach (var plan in plans.Where(p => p.AddRecipient))
            {
                recipients.Add(plan.Environment, plan.Target[0], null);
            }

            if (recipients.Changed)
            {
                Save(context, recipients.Save, recipients.FilePath);
            }

            var failure = replacement.CommitAll();
            if (failure is not null)
            {
                throw new CommandFailedException(
                    "could not replace " + context.Display(failure.Path) + " (" + failure.Reason + ")" +
                    (failure.NotRestored.Count == 0 ? "; every env file was left as it was before" : "; these files could not be put back and hold version 2 values: " + string.Join(", ", failure.NotRestored.Select(context.Display))) +
                    ". The keys are in place (" + context.Display(recipients.FilePath) + " and the key file or the keys printed above): fix the problem, then run 'secretguard migrate' again to finish.");
            }

            Report(context, plans, edits, recipients, keyFilePath);
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var plan in plans)
            {
                plan.Pair?.Dispose();
            }

            keyFile?.Dispose();
        }
    }

    // Every environment the key file names, and the default ones (their keys may come from variables).
    private static List<string> Candidates(string? keyFilePath)
    {
        var environments = new List<string>(EnvironmentName.Defaults);
        if (keyFilePath is not null)
        {
            using var keyFile = KeyFile.Load(keyFilePath);
            environments.AddRange(keyFile.Entries.Select(e => e.Environment));
        }

        return environments.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Plan? PlanFor(CommandContext context, string environment, KeyLookupOptions lookup, KeyFile? keyFile, RecipientsFileEditor recipients,
        IReadOnlyList<string> paths, bool writeAll, List<string> problems)
    {
        var ring = MasterKeys.LoadRing(environment, lookup);
        var scan = EncryptedValueScan.Run(paths, environment, context);
        problems.AddRange(scan.Problems);
        var listed = recipients.Parsed.RecipientsOf(environment);
        var hasMasterKey = ring.Current is not null || ring.Previous is not null;
        var versionOne = scan.Values.Where(v => Version(v) == 1).ToList();
        if (listed.Count == 0 && !hasMasterKey && versionOne.Count == 0)
        {
            return null;
        }

        var plan = new Plan(environment, ring);
        if (listed.Count > 0)
        {
            // Public keys listed already: the user's own, or those an interrupted run of this command wrote.
            plan.Target = listed;
        }
        else if (ring.CurrentPrivateKey is not null)
        {
            // An interrupted run wrote the new private key into the key file, not yet the recipients file.
            plan.Target = new[] { ring.CurrentPrivateKey.ToRecipient() };
            plan.AddRecipient = true;
        }
        else
        {
            var current = keyFile?.Find(environment);
            plan.ToKeyFile = (writeAll || environment == DeveloperEnvironment) && current is not null && !current.IsPrivateKey &&
                ring.Current is not null && ring.Current.Source.StartsWith(keyFile!.FilePath + " line ", StringComparison.Ordinal);
            if (plan.ToKeyFile && keyFile!.Find(environment, previous: true) is not null)
            {
                problems.Add(environment + ": a rotation of " + environment + " is under way (" + context.Display(keyFile.FilePath!) + " has " + environment + KeyFile.PreviousSuffix +
                    "): finish it first with 'secretguard rotate --env " + environment + " --finish'");
            }

            plan.Pair = KeyPairs.New(environment);
            plan.Target = new[] { plan.Pair.PublicKey };
            plan.AddRecipient = true;
        }

        var targetIds = string.Join("-", plan.Target.Select(t => t.RecipientId));
        plan.Values.AddRange(scan.Values.Where(v => Version(v) == 1 || v.Kid != targetIds));
        return plan;
    }

    private static int Version(EncryptedValueScan.ScannedValue value) =>
        EncryptedValue.TryParse(value.Entry.Value, out var parsed, out _, out _) ? parsed!.Version : 0;

    private static FileReplacement Prepare(CommandContext context, Dictionary<string, List<(int Line, string Value)>> edits)
    {
        var readOnly = edits.Keys.Where(ReadOnlyFiles.IsReadOnly).Select(context.Display).ToArray();
        if (readOnly.Length > 0)
        {
            throw new CommandFailedException(ReadOnlyFiles.Describe(readOnly) + ", then run the command again. Nothing was changed: no env file and no key.");
        }

        var replacement = new FileReplacement();
        try
        {
            foreach (var (path, changes) in edits.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var original = File.ReadAllBytes(path);
                var file = EnvFile.Load(path);
                foreach (var (line, value) in changes)
                {
                    file.Entries.First(e => e.Line == line).SetValue(value);
                }

                try
                {
                    replacement.Prepare(path, original, file.ToBytes());
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CommandFailedException("could not write the new version of " + context.Display(path) + " beside it (" + ex.Message + "). Nothing was changed: no env file and no key. Fix that, then run the command again.");
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

    private static void Save(CommandContext context, Action save, string path)
    {
        try
        {
            save();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException("could not write " + context.Display(path) + " (" + ex.Message + "). No env file was changed and every value still decrypts with the keys at hand; " +
                "fix that, then run 'secretguard migrate' again.");
        }
    }

    private static void Report(CommandContext context, List<Plan> plans, Dictionary<string, List<(int Line, string Value)>> edits, RecipientsFileEditor recipients, string? keyFilePath)
    {
        var output = context.Out;
        foreach (var plan in plans)
        {
            var files = plan.Values.Select(v => v.File.Path).Distinct(StringComparer.Ordinal).Count();
            var rids = string.Join("-", plan.Target.Select(t => t.RecipientId));
            output.WriteLine(plan.Environment + ": " + plan.Values.Count + (plan.Values.Count == 1 ? " value" : " values") + " in " + files + (files == 1 ? " file" : " files") + " now version 2, encrypted to " + rids +
                (plan.Pair is null ? " (listed already)" : plan.ToKeyFile ? "; private key in " + context.Display(keyFilePath!) + ", master key kept as " + plan.Environment + KeyFile.PreviousSuffix : "; private key printed above") + ".");
        }

        output.WriteLine("Changed " + edits.Count + (edits.Count == 1 ? " env file" : " env files") + (recipients.Changed ? " and " + context.Display(recipients.FilePath) : string.Empty) + ": commit them.");
        output.WriteLine("Next:");
        output.WriteLine("  - Deploy with SECRETGUARD_KEY_<ENV> set to the new private key (and SECRETGUARD_KEY_<ENV>_PREVIOUS to the old master key while older builds still run).");
        foreach (var plan in plans.Where(p => p.ToKeyFile))
        {
            output.WriteLine("  - Once nothing needs the " + plan.Environment + " master key: secretguard rotate --env " + plan.Environment + " --finish");
        }

        foreach (var plan in plans.Where(p => !p.ToKeyFile && p.Pair is not null && p.Ring.Current is not null && p.Ring.Current.Source.Contains(" line ", StringComparison.Ordinal)))
        {
            output.WriteLine("  - The " + plan.Environment + " master key in the key file reads no value of this repository any more: delete its line once deployments have the new key.");
        }
    }

    private static void Refuse(CommandContext context, List<string> problems) => RepositoryEnvFiles.RefuseAny(context, problems, "migration converts");

    private static List<string> EnvFilePaths(ParsedArguments arguments, CommandContext context, IReadOnlyCollection<string> environments) =>
        RepositoryEnvFiles.Find(arguments, context, environments);

    private static string Where(CommandContext context, string? keyFilePath) =>
        keyFilePath is null ? "no key file was found" : "the key file is " + context.Display(keyFilePath);

    private static string Location(CommandContext context, EncryptedValueScan.ScannedValue value) => RepositoryEnvFiles.Location(context, value);

    private sealed class Plan
    {
        public Plan(string environment, KeyRing ring)
        {
            Environment = environment;
            Ring = ring;
        }

        public string Environment { get; }

        public KeyRing Ring { get; }

        /// <summary>The public keys every value is encrypted to.</summary>
        public IReadOnlyList<RecipientKey> Target { get; set; } = Array.Empty<RecipientKey>();

        /// <summary>A pair made by this run (null when the public keys exist already).</summary>
        public KeyPairs? Pair { get; set; }

        /// <summary>Whether the new private key goes into the key file (else it is printed).</summary>
        public bool ToKeyFile { get; set; }

        /// <summary>Whether the recipients file gets the target key.</summary>
        public bool AddRecipient { get; set; }

        /// <summary>The values to convert: version 1, or version 2 to other recipients.</summary>
        public List<EncryptedValueScan.ScannedValue> Values { get; } = new();
    }
}
