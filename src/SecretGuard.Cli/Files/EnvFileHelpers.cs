using System.IO;
using System.Linq;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Cli.Files;

/// <summary>Env-file helpers shared by <c>set</c>, <c>encrypt</c> and <c>decrypt</c>.</summary>
internal static class EnvFileHelpers
{
    public const string FileOption = "--file";

    /// <summary>
    /// Refuses a name that is not an env-file key, using the env-file grammar itself. The message does not quote it:
    /// what stands where the name belongs may be the value (<c>set NAME=VALUE</c>, or a secret pasted there).
    /// </summary>
    public static string ValidateKeyName(string name)
    {
        var probe = EnvFile.Parse(name + "=x\n");
        var entries = probe.Entries.ToList();
        if (probe.Findings.Count > 0 || entries.Count != 1 || entries[0].Key != name)
        {
            throw new UsageException(name.Contains('=')
                ? "the name (" + ArgumentText.Length(name) + ") holds '=': give the name alone. A value is never an argument: pipe it in, or type it at the hidden prompt."
                : "the name (" + ArgumentText.Length(name) + ") is not an env-file key: a key starts with a letter or '_' and continues with letters, digits, '_', '.' or '-' (e.g. STRIPE_API_KEY_SECRET).");
        }

        return name;
    }

    /// <summary>The file named by <c>--file</c>, or the environment's default file in the working folder.</summary>
    public static string Resolve(ParsedArguments arguments, CommandContext context, string environment) =>
        arguments.Value(FileOption) is { } file ? context.FullPath(file) : EnvFileDiscovery.DefaultFileFor(context.WorkingDirectory, environment);

    /// <summary>
    /// Refuses an env file whose folder does not exist: a mistyped <c>--file</c> must not create a folder chain
    /// anywhere on disk and put a secret there. The path is not quoted: it was typed, and is no file.
    /// </summary>
    public static void RequireFolder(CommandContext context, string path)
    {
        var folder = Path.GetDirectoryName(context.FullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new CommandFailedException(
                "the folder of the " + FileOption + " path does not exist, and SecretGuard does not create folders for an env file: check the " + FileOption +
                " path, or create the folder first. Nothing was written.");
        }
    }

    /// <summary>
    /// Refuses a file whose name says it belongs to another environment (<c>.env.prod</c> with <c>--env dev</c>):
    /// a value encrypted for dev in the prod file is an SG1005 error at the next build.
    /// </summary>
    public static void CheckEnvironmentOfFile(CommandContext context, string path, string environment)
    {
        var ofName = EnvFileDiscovery.EnvironmentOfName(Path.GetFileName(path));
        if (ofName is not null && ofName != environment)
        {
            throw new CommandFailedException(
                context.Display(path) + " is the " + ofName + " env file, but --env is " + environment + ": use --env " + ofName + ", or pick the " + environment + " file with --file.");
        }
    }

    /// <summary>Loads a file and refuses it when it has syntax errors (printing them, with file, line and column).</summary>
    public static EnvFile LoadWithoutSyntaxErrors(CommandContext context, string path, string whatWouldHappen)
    {
        var file = EnvFile.Load(path);
        if (!file.HasSyntaxErrors && file.IsWritable)
        {
            return file;
        }

        foreach (var finding in file.Findings.Where(f => f.Id == DiagnosticIds.SyntaxError))
        {
            context.Error.WriteLine(context.Display(path) + "(" + finding.Line + "," + finding.Column + "): error " + finding.Id + ": " + finding.Message);
        }

        throw new CommandFailedException(context.Display(path) + " has syntax errors (above); " + whatWouldHappen + ". Fix them first, then run the command again.");
    }
}
