using System;
using System.Collections.Generic;
using System.IO;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;

namespace SecretGuard.Cli.Commands;

/// <summary><c>secretguard hook install</c>: a git pre-commit hook that runs <c>secretguard validate --staged</c>.</summary>
internal sealed class HookInstallCommand : ICommand
{
    /// <summary>The line that marks a hook as SecretGuard's own (it may be replaced without --force).</summary>
    public const string Marker = "# secretguard pre-commit hook";

    private const string ForceOption = "--force";

    private const string Script = "#!/bin/sh\n" + Marker + " (written by 'secretguard hook install'; remove this file to turn it off)\n" +
        "# Checks the staged env files as the build does and stops the commit on an error\n" +
        "# (a plaintext secret, a broken value, a staged secretguard.keys). Skip once with 'git commit --no-verify'.\n" +
        "if command -v secretguard >/dev/null 2>&1; then\n" +
        "  exec secretguard validate --staged\n" +
        "fi\n" +
        "exec dotnet tool run secretguard validate --staged\n";

    public string Name => "hook install";

    public string Summary => "install a git pre-commit hook that runs 'secretguard validate --staged'";

    public string Usage => "secretguard hook install [--force]";

    public string Description => """
        Writes the git pre-commit hook of the repository around the current folder (.git/hooks/pre-commit,
        or where core.hooksPath points). Before every commit it runs 'secretguard validate --staged' (the
        global tool, else the repository's local tool) and stops the commit when a staged env file has an
        error. An existing hook that SecretGuard did not write is kept unless you add --force (it is then
        saved as pre-commit.secretguard-backup).

        Example:
          secretguard hook install
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        OptionSpec.Flag(ForceOption, "replace an existing pre-commit hook that SecretGuard did not write (a backup is kept)"),
    };

    public int MaxPositionals => 0;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var result = Git.Run(context.WorkingDirectory, "rev-parse", "--git-path", "hooks/pre-commit");
        if (result is null || result.ExitCode != 0)
        {
            throw new CommandFailedException(context.WorkingDirectory + " is not in a git repository (or git is not installed): run 'git init' first, or run this in your repository.");
        }

        var hook = Path.GetFullPath(result.Text.Trim(), context.WorkingDirectory);
        if (File.Exists(hook))
        {
            var existing = File.ReadAllText(hook);
            if (existing.Contains(Marker, StringComparison.Ordinal))
            {
                if (existing == Script)
                {
                    context.Out.WriteLine("The SecretGuard pre-commit hook is already installed in " + context.Display(hook) + ".");
                    return ExitCodes.Ok;
                }
            }
            else if (!arguments.Has(ForceOption))
            {
                throw new CommandFailedException(
                    context.Display(hook) + " already exists and was not written by SecretGuard; it was left alone. Add this line to it yourself: 'secretguard validate --staged || exit 1', " +
                    "or replace it with --force (the old hook is kept as pre-commit.secretguard-backup).");
            }
            else
            {
                var backup = hook + ".secretguard-backup";
                File.Copy(hook, backup, overwrite: true);
                context.Warn("replaced the existing pre-commit hook; the old one is in " + context.Display(backup) + ".");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        if (IO.FileLinks.IsLink(hook))
        {
            // Writes follow links, but the hook is this repository's own: replace a linked hook (its content is in the
            // backup), never the file it points at, which may be another repository's.
            File.Delete(hook);
        }

        IO.AtomicFile.WriteAllBytes(hook, System.Text.Encoding.UTF8.GetBytes(Script));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        context.Out.WriteLine("Installed the pre-commit hook " + context.Display(hook) + ": every commit now runs 'secretguard validate --staged'.");
        return ExitCodes.Ok;
    }
}
