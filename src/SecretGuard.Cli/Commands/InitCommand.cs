using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.IO;
using SecretGuard.KeyFiles;
using SecretGuard.Keys;

namespace SecretGuard.Cli.Commands;

/// <summary>
/// <c>secretguard init</c>: in a new repository, version 2 — a key pair per environment, the public keys in the committed
/// recipients file, the dev private key in the git-ignored key file and the others printed once; with <c>--v1</c>, a key
/// file with a fresh master key per environment. Env files from the template either way.
/// </summary>
internal sealed class InitCommand : ICommand
{
    private const string ForceOption = "--force";
    private const string V1Option = "--v1";
    private const string WritePrivateOption = "--write-private";

    // The environment whose private key lives on a developer's machine: its key goes into the key file.
    private const string DeveloperEnvironment = "dev";

    public string Name => "init";

    public string Summary => "set up keys: a key pair per environment (public keys committed, dev private key git-ignored), or --v1 master keys";

    public string Usage => "secretguard init [--env dev,int,prod] [--write-private] [--v1] [--key-file PATH] [--force]";

    public string Description => """
        Sets up SecretGuard in the current folder (run it at the repository root). In a new repository it starts
        on version 2, public-key encryption (docs/formats.md#version-2-public-key-values):
          - makes a P-256 key pair for each environment and writes their PUBLIC keys to secretguard.recipients:
            commit it; anyone who adds a secret encrypts with these, and needs no private key;
          - writes the dev PRIVATE key to secretguard.keys (only its owner can read it) and git-ignores that file;
          - prints the private key of every other environment ONCE, with what to do with it (put it in your secret
            store as SECRETGUARD_KEY_<ENV>); it is never written to disk unless you add --write-private;
          - turns on shipping every environment's encrypted file in the build output (Directory.Build.props:
            SecretGuardShipEnvironments), so one build runs in each environment;
          - creates .env.<env> from .env.example (or .env.template) for each environment that has no env file yet.
        With --v1 it keeps the version 1 setup: one symmetric master key per environment, all in secretguard.keys.
        A repository already on version 1 stays so: init adds version 1 environments to it; 'secretguard migrate'
        converts it. init refuses to replace keys that already exist: values encrypted with them would become
        unreadable. Use 'secretguard rotate' to change a key, or --force to start over.

        Examples:
          secretguard init
          secretguard init --env dev,staging,prod
          secretguard init --v1
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.List("the environments to create keys for (default: dev,int,prod)"),
        OptionSpec.Flag(WritePrivateOption, "write every environment's private key into the key file, not only dev's (nothing printed)"),
        OptionSpec.Flag(V1Option, "version 1: a symmetric master key per environment, in the key file"),
        MasterKeys.KeyFileOptionSpec,
        OptionSpec.Flag(ForceOption, "replace keys that already exist (values encrypted with them become unreadable)"),
    };

    public int MaxPositionals => 0;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var environments = EnvironmentOptions.ListOrDefault(arguments);
        var force = arguments.Has(ForceOption);
        var explicitPath = arguments.Value(MasterKeys.KeyFileOption) ?? CommandContext.Variable(KeyLookupOptions.KeyFileVariable);
        var keyFilePath = explicitPath is null ? Path.Combine(context.WorkingDirectory, KeyFile.DefaultFileName) : context.FullPath(explicitPath);
        var v1 = arguments.Has(V1Option);
        if (v1 && arguments.Has(WritePrivateOption))
        {
            throw new UsageException("--write-private is for key pairs; with --v1 every master key goes into the key file.");
        }

        if (!v1)
        {
            var recipientsFile = FindRecipientsFile(context);
            if (recipientsFile is null && HoldsMasterKeys(keyFilePath))
            {
                // An existing version 1 repository: init keeps it consistent and points to the conversion.
                context.Info("This repository uses version 1 master keys (" + context.Display(keyFilePath) + "): init keeps it on version 1. " +
                    "To move it to public keys, run 'secretguard migrate --env all'.");
                v1 = true;
            }
            else
            {
                return RunPairs(arguments, context, environments, keyFilePath, recipientsFile ?? Path.Combine(context.WorkingDirectory, RecipientsFile.DefaultFileName), force);
            }
        }

        // Held from reading the key file to its rename; a link is followed to the file it names (a link to nothing is an
        // error), whose folder must exist for its lock, as init creates the key file's folder when needed.
        var keyFileTarget = FileLinks.ResolveForWriting(keyFilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFileTarget)!);
        using var keyFileLock = FileWriteLock.Acquire(keyFilePath, FileAccess.ReadWrite, Array.Empty<string>(), FileWriteLock.DefaultTimeout, context.Info);
        var existed = File.Exists(keyFilePath);
        using var keyFile = existed ? KeyFile.Load(keyFilePath) : KeyFile.Parse("# SecretGuard master keys. Never commit this file; share keys only through a password manager or vault.\n", keyFilePath);
        MasterKeys.RefuseDuplicates(keyFile, environments);
        var present = environments.Where(e => keyFile.Find(e) is not null).ToList();
        if (present.Count > 0 && !force)
        {
            // Even when it refuses, init completes the ignore rules of a repository set up by an older version.
            if (IsInside(Path.GetDirectoryName(keyFilePath)!, context.WorkingDirectory))
            {
                EnsureIgnored(context, keyFilePath);
            }

            throw RefuseExisting(context.Display(keyFilePath), present);
        }

        if (present.Count > 0)
        {
            context.Warn("replacing the keys for " + string.Join(", ", present) + " (--force): values encrypted with the old keys can no longer be decrypted.");
        }

        if (!existed)
        {
            MasterKeys.CreatePrivate(keyFilePath);
        }

        foreach (var environment in environments)
        {
            using var key = MasterKeys.NewKey();
            keyFile.Set(environment, previous: false, key.Bytes);
        }

        keyFile.Save(keyFilePath);
        MasterKeys.RestrictToOwner(keyFilePath);
        var output = context.Out;
        output.WriteLine((existed ? "Updated " : "Created ") + context.Display(keyFilePath) + " with a new key for " + string.Join(", ", environments) + " (readable only by you).");

        IgnoreKeyFile(context, keyFilePath);
        var created = CreateEnvFilesFromTemplate(context, environments);
        WarnAboutVariables(context, environments);

        output.WriteLine();
        output.WriteLine("Next steps:");
        output.WriteLine("  1. Save the keys in your team's password manager or vault: whoever loses them loses the secrets.");
        output.WriteLine("     Give teammates the dev key that way (never by chat or e-mail); each puts it in their own secretguard.keys.");
        output.WriteLine("  2. In CI and production, set SECRETGUARD_KEY_<ENV> (e.g. SECRETGUARD_KEY_PROD) from your secret store.");
        output.WriteLine("  3. Add secrets: secretguard set STRIPE_API_KEY_SECRET --env " + environments[0] + "   (type or pipe the value; it is encrypted)");
        output.WriteLine("  4. Check everything as CI will: secretguard validate");
        NoEnvFileYet(context, environments, created);
        return ExitCodes.Ok;
    }

    private int RunPairs(ParsedArguments arguments, CommandContext context, IReadOnlyList<string> environments, string keyFilePath, string recipientsPath, bool force)
    {
        var writeAll = arguments.Has(WritePrivateOption);
        var toKeyFile = environments.Where(e => writeAll || e == DeveloperEnvironment).ToList();
        var keyFileTarget = FileLinks.ResolveForWriting(keyFilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFileTarget)!);

        // The key file first, then the recipients file (the locks' order).
        using var locks = FileWriteLock.Acquire(keyFilePath, FileAccess.ReadWrite, new[] { recipientsPath }, FileWriteLock.DefaultTimeout, context.Info);
        var existed = File.Exists(keyFilePath);
        using var keyFile = existed ? KeyFile.Load(keyFilePath) : KeyFile.Parse("# SecretGuard private keys. Never commit this file; share keys only through a password manager or vault.\n", keyFilePath);
        MasterKeys.RefuseDuplicates(keyFile, environments);
        var recipients = RecipientsFileEditor.Open(recipientsPath);
        recipients.RefuseBroken(context);
        var listed = recipients.Parsed;
        var present = environments.Where(e => keyFile.Find(e) is not null || listed.Lists(e)).ToList();
        if (present.Count > 0 && !force)
        {
            if (IsInside(Path.GetDirectoryName(keyFilePath)!, context.WorkingDirectory))
            {
                EnsureIgnored(context, keyFilePath, pairs: true);
            }

            throw RefuseExisting(context.Display(keyFilePath) + " or " + context.Display(recipientsPath), present);
        }

        if (present.Count > 0)
        {
            context.Warn("replacing the keys for " + string.Join(", ", present) + " (--force): values encrypted to the old keys can no longer be decrypted with the new ones.");
        }

        var output = context.Out;
        var pairs = environments.Select(KeyPairs.New).ToList();
        try
        {
            // Printed before any file changes: a public key is never committed while its private key exists nowhere.
            var printed = environments.Where(e => !toKeyFile.Contains(e)).ToList();
            foreach (var environment in printed)
            {
                var pair = pairs[IndexOf(environments, environment)];
                var variable = new KeyLookupOptions().VariableFor(environment);
                output.WriteLine("New " + environment + " private key " + pair.RecipientId + ", shown ONCE and saved nowhere: put it in your secret store now, as " + variable + ":");
                PrivateKeyText.WriteLine(output, pair.Scalar);
            }

            if (printed.Count > 0)
            {
                output.WriteLine("  Whoever holds one of these can read that environment's values; nobody else needs it (adding a secret needs only the public key).");
                output.WriteLine("  To send a private key straight into a secret store instead (never on screen), make another pair for that environment:");
                output.WriteLine("    secretguard keygen --env " + printed[printed.Count - 1] + " --print --write --force | vault kv put secret/myapp " + new KeyLookupOptions().VariableFor(printed[printed.Count - 1]) + "=-");
                output.WriteLine();
                output.Flush();
            }

            // With --force, a printed environment's old key leaves the key file too: it would read none of the new values.
            var stale = printed.Where(e => keyFile.Remove(e, previous: false)).ToList();
            if (toKeyFile.Count > 0 || stale.Count > 0)
            {
                if (!existed)
                {
                    MasterKeys.CreatePrivate(keyFilePath);
                }

                foreach (var environment in toKeyFile)
                {
                    keyFile.SetPrivateKey(environment, previous: false, pairs[IndexOf(environments, environment)].Scalar);
                }

                keyFile.Save(keyFilePath);
                MasterKeys.RestrictToOwner(keyFilePath);
                if (toKeyFile.Count > 0)
                {
                    output.WriteLine((existed ? "Updated " : "Created ") + context.Display(keyFilePath) + " with the private key of " + string.Join(", ", toKeyFile) + " (readable only by you; git-ignored).");
                }

                if (stale.Count > 0)
                {
                    output.WriteLine("Removed the old key of " + string.Join(", ", stale) + " from " + context.Display(keyFilePath) + " (--force): its new private key is the one printed above.");
                }
            }

            foreach (var environment in environments)
            {
                recipients.RemoveEnvironment(environment);
                recipients.Add(environment, pairs[IndexOf(environments, environment)].PublicKey, null);
            }

            recipients.Save();
            output.WriteLine((recipients.Exists ? "Updated " : "Created ") + context.Display(recipientsPath) + " with the public keys of " + string.Join(", ", environments) + ": commit it.");
        }
        finally
        {
            foreach (var pair in pairs)
            {
                pair.Dispose();
            }
        }

        IgnoreKeyFile(context, keyFilePath, pairs: true);
        var shipping = ShipEveryEnvironment(context, environments);
        var created = CreateEnvFilesFromTemplate(context, environments);
        WarnAboutVariables(context, environments);

        output.WriteLine();
        output.WriteLine("Next steps:");
        output.WriteLine("  1. Commit " + RecipientsFile.DefaultFileName + (shipping ? " and Directory.Build.props" : string.Empty) + ". Keep " + KeyFile.DefaultFileName + " out of git (it is ignored).");
        output.WriteLine("  2. In CI and production, set SECRETGUARD_KEY_<ENV> (e.g. SECRETGUARD_KEY_PROD) from your secret store: only the app that runs there decrypts.");
        output.WriteLine("     Teammates get the dev private key through your password manager or vault (never by chat or e-mail).");
        output.WriteLine("  3. Add secrets, for any environment, with only its public key: secretguard set STRIPE_API_KEY_SECRET --env " + environments[environments.Count - 1]);
        output.WriteLine("  4. Check everything as CI will: secretguard validate");
        NoEnvFileYet(context, environments, created);
        return ExitCodes.Ok;
    }

    // Shipping every environment (docs/configuration.md#shipping-every-environment) is what version 2 makes possible: a
    // build encrypts each environment's new values with public keys only, so one output can carry all of them. init
    // turns it on where it owns the decision — a repository without a Directory.Build.props — and otherwise prints the
    // line to add, rather than editing a file the team maintains.
    private static bool ShipEveryEnvironment(CommandContext context, IReadOnlyList<string> environments)
    {
        var props = Path.Combine(context.WorkingDirectory, "Directory.Build.props");
        var line = "<SecretGuardShipEnvironments>" + string.Join(";", environments) + "</SecretGuardShipEnvironments>";
        if (File.Exists(props))
        {
            if (!File.ReadAllText(props).Contains("SecretGuardShipEnvironments", StringComparison.Ordinal))
            {
                context.Out.WriteLine("To build once and deploy to every environment, add to a <PropertyGroup> of " + context.Display(props) + ": " + line);
            }

            return false;
        }

        var text = "<Project>\n" +
            "  <PropertyGroup>\n" +
            "    <!-- SecretGuard: every environment's encrypted env file goes to the build output as .env.<env>; the app picks\n" +
            "         its own at run time (docs/configuration.md#shipping-every-environment). Publish leaves out dev. -->\n" +
            "    " + line + "\n" +
            "  </PropertyGroup>\n" +
            "</Project>\n";
        AtomicFile.WriteAllBytes(props, new System.Text.UTF8Encoding(false).GetBytes(text));
        context.Out.WriteLine("Created " + context.Display(props) + ": every build ships the encrypted files of " + string.Join(", ", environments) + " (publish leaves out dev).");
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
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

    private static bool HoldsMasterKeys(string keyFilePath)
    {
        if (!File.Exists(keyFilePath))
        {
            return false;
        }

        using var keyFile = KeyFile.Load(keyFilePath);
        return keyFile.Entries.Any(e => !e.IsPrivateKey);
    }

    private static CommandFailedException RefuseExisting(string where, IReadOnlyList<string> present) =>
        new(where + " already has keys for " + string.Join(", ", present) + "; init does not replace them, because every value encrypted with them would become unreadable. " +
            "To change a key run 'secretguard rotate --env " + present[0] + "'; to add an environment run 'secretguard init --env <name>'; to start over anyway add --force.");

    private static void IgnoreKeyFile(CommandContext context, string keyFilePath, bool pairs = false)
    {
        var keyFolder = Path.GetDirectoryName(keyFilePath)!;
        if (IsInside(keyFolder, context.WorkingDirectory))
        {
            EnsureIgnored(context, keyFilePath, pairs);
        }
        else
        {
            context.Warn("the key file is outside this folder: make sure it is never committed.");
        }
    }

    private static void WarnAboutVariables(CommandContext context, IReadOnlyList<string> environments)
    {
        foreach (var environment in environments)
        {
            var variable = new KeyLookupOptions().VariableFor(environment);
            if (CommandContext.Variable(variable) is not null)
            {
                context.Warn(variable + " is set in this shell and wins over the key file: unset it to use the new " + environment + " key.");
            }
        }
    }

    private static void NoEnvFileYet(CommandContext context, IReadOnlyList<string> environments, List<string> created)
    {
        if (created.Count == 0 && !environments.Any(e => File.Exists(EnvFileDiscovery.DefaultFileFor(context.WorkingDirectory, e))))
        {
            context.Out.WriteLine("  (No env file yet: 'secretguard set' creates .env.<env> files as you add secrets.)");
        }
    }

    private static List<string> CreateEnvFilesFromTemplate(CommandContext context, IReadOnlyList<string> environments)
    {
        var created = new List<string>();
        var template = EnvFileDiscovery.TemplateNames.Select(n => Path.Combine(context.WorkingDirectory, n)).FirstOrDefault(File.Exists);
        if (template is null)
        {
            return created;
        }

        var bytes = File.ReadAllBytes(template);
        foreach (var environment in environments)
        {
            var dotted = Path.Combine(context.WorkingDirectory, ".env." + environment);
            var underscored = Path.Combine(context.WorkingDirectory, "env_" + environment + ".env");
            if (File.Exists(dotted) || File.Exists(underscored))
            {
                continue;
            }

            using (var stream = new FileStream(dotted, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes, 0, bytes.Length);
            }

            created.Add(dotted);
            context.Out.WriteLine("Created " + context.Display(dotted) + " from " + Path.GetFileName(template) + ": replace its placeholders with 'secretguard set NAME --env " + environment + "'.");
        }

        return created;
    }

    // 'secretguard.keys.*' covers the temp copy a crash during a save may leave (secretguard.keys.<8 hex>.tmp, holding
    // every key; see AtomicFile.TempName) and the key file's write lock. '..env*.lock' and '*.env.lock' cover the write
    // locks that set and the build leave beside env files (.env.dev → ..env.dev.lock; docs/operations.md#the-write-lock-is-per-host):
    // empty, nothing secret, but noise in git status. Running init again in an older repository adds what it lacks, once.
    // A version 2 repository also has the recipients file's write lock and temp beside it ('secretguard.recipients.*'
    // does not cover the file itself, which is committed).
    private static void EnsureIgnored(CommandContext context, string keyFilePath, bool pairs = false)
    {
        var keyFolder = Path.GetDirectoryName(keyFilePath)!;
        var keyFileName = Path.GetFileName(keyFilePath);
        var patterns = new List<string> { keyFileName, keyFileName + ".*", "..env*.lock", "*.env.lock" };
        if (pairs)
        {
            patterns.Add(RecipientsFile.DefaultFileName + ".*");
        }

        var added = GitIgnore.Ensure(keyFolder, patterns);
        if (added.Count > 0)
        {
            var list = added.Count == 1 ? added[0] : string.Join(", ", added.Take(added.Count - 1)) + " and " + added[added.Count - 1];
            context.Out.WriteLine("Added " + list + " to " + context.Display(Path.Combine(keyFolder, ".gitignore")) + ".");
        }
    }

    private static bool IsInside(string folder, string root)
    {
        var relative = Path.GetRelativePath(root, folder);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
