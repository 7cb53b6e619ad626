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

/// <summary><c>secretguard init</c>: a key file with a fresh key per environment, git-ignored, and env files from the template.</summary>
internal sealed class InitCommand : ICommand
{
    private const string ForceOption = "--force";

    public string Name => "init";

    public string Summary => "create secretguard.keys with a new key per environment, git-ignore it, create env files from .env.example";

    public string Usage => "secretguard init [--env dev,int,prod] [--key-file PATH] [--force]";

    public string Description => """
        Sets up SecretGuard in the current folder (run it at the repository root):
          - creates secretguard.keys with a fresh random master key for each environment (only its owner can read it),
          - adds secretguard.keys and secretguard.keys.* to .gitignore (created if needed),
          - creates .env.<env> from .env.example (or .env.template) for each environment that has no env file yet,
          - prints what to do next.
        It refuses to replace keys that already exist: values encrypted with them would become unreadable.
        Use 'secretguard rotate' to change a key, or --force to start over.

        Examples:
          secretguard init
          secretguard init --env dev,staging,prod
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.List("the environments to create keys for (default: dev,int,prod)"),
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

            throw new CommandFailedException(
                context.Display(keyFilePath) + " already has keys for " + string.Join(", ", present) + "; init does not replace them, because every value encrypted with them would become unreadable. " +
                "To change a key run 'secretguard rotate --env " + present[0] + "'; to add an environment run 'secretguard init --env <name>'; to start over anyway add --force.");
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

        var keyFolder = Path.GetDirectoryName(keyFilePath)!;
        if (IsInside(keyFolder, context.WorkingDirectory))
        {
            EnsureIgnored(context, keyFilePath);
        }
        else
        {
            context.Warn("the key file is outside this folder: make sure it is never committed.");
        }

        var created = CreateEnvFilesFromTemplate(context, environments);
        foreach (var environment in environments)
        {
            var variable = new KeyLookupOptions().VariableFor(environment);
            if (CommandContext.Variable(variable) is not null)
            {
                context.Warn(variable + " is set in this shell and wins over the key file: unset it to use the new " + environment + " key.");
            }
        }

        output.WriteLine();
        output.WriteLine("Next steps:");
        output.WriteLine("  1. Save the keys in your team's password manager or vault: whoever loses them loses the secrets.");
        output.WriteLine("     Give teammates the dev key that way (never by chat or e-mail); each puts it in their own secretguard.keys.");
        output.WriteLine("  2. In CI and production, set SECRETGUARD_KEY_<ENV> (e.g. SECRETGUARD_KEY_PROD) from your secret store.");
        output.WriteLine("  3. Add secrets: secretguard set STRIPE_API_KEY_SECRET --env " + environments[0] + "   (type or pipe the value; it is encrypted)");
        output.WriteLine("  4. Check everything as CI will: secretguard validate");
        if (created.Count == 0 && !environments.Any(e => File.Exists(EnvFileDiscovery.DefaultFileFor(context.WorkingDirectory, e))))
        {
            output.WriteLine("  (No env file yet: 'secretguard set' creates .env.<env> files as you add secrets.)");
        }

        return ExitCodes.Ok;
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
    private static void EnsureIgnored(CommandContext context, string keyFilePath)
    {
        var keyFolder = Path.GetDirectoryName(keyFilePath)!;
        var keyFileName = Path.GetFileName(keyFilePath);
        var added = GitIgnore.Ensure(keyFolder, new[] { keyFileName, keyFileName + ".*", "..env*.lock", "*.env.lock" });
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
