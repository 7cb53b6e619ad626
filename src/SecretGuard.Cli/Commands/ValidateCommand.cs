using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretGuard.Checks;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Cli.Files;
using SecretGuard.Cli.Validation;
using SecretGuard.Diagnostics;
using SecretGuard.KeyFiles;

namespace SecretGuard.Cli.Commands;

/// <summary>
/// <c>secretguard validate</c>: the build's env-file checks (<see cref="EnvCheckRunner"/> in Verify mode), without a
/// build, reported for people, CI logs, JSON or SARIF. Never writes an env file.
/// </summary>
internal sealed class ValidateCommand : ICommand
{
    private const string ModeOption = "--mode";
    private const string FormatOption = "--format";
    private const string StagedOption = "--staged";
    private const string WarningsAsErrorsOption = "--warnings-as-errors";

    public string Name => "validate";

    public string Summary => "check env files as the build does (syntax, plaintext secrets, keys, rules, drift); exit 1 on errors";

    public string Usage => "secretguard validate [PATH...] [--env dev,int,prod] [--format human|json|sarif] [--staged] [--warnings-as-errors]";

    public string Description => """
        Runs the same checks as the build's SecretGuardCheckEnvFiles target, in Verify mode (nothing is
        written): syntax (SG1001), duplicates (SG1002), ambiguous constructs (SG1003), plaintext secrets
        (SG1004), values for another environment (SG1005), values that do not decrypt with the keys at hand
        (SG1006), secret-looking values under other names (SG1007), SecretGuardRule policies (SG1008, read
        from the project files next to the env files), drift between environments (SG1009), key-file
        hygiene (SG1010, SG1011), a broken recipients file (SG1012), and values of a version 2 environment
        not encrypted to exactly its public keys in secretguard.recipients (SG1016; no private key needed).

        Which files: with no PATH, the current folder and every folder below it (bin, obj, node_modules and
        hidden folders skipped), each folder like a project in the build: .env.<env> and env_<env>.env for
        each environment, and the templates .env.example and .env.template. A PATH may be a folder
        (searched the same way) or a file (its environment comes from its name, .env.prod or env_prod.env,
        else from --env when it names exactly one).

        --staged checks what git is about to commit: the staged version of every staged env file (drift
        is not checked, since the other files are not part of the commit); a staged secretguard.keys is an
        error. 'secretguard hook install' runs this before every commit.

        Exit code: 0 when there is no error, 1 when there is (warnings count with --warnings-as-errors),
        2 for a wrong command line.

        Examples:
          secretguard validate
          secretguard validate src/Api --env dev,prod --warnings-as-errors
          secretguard validate --format sarif > secretguard.sarif
        """;

    public IReadOnlyList<OptionSpec> Options { get; } = new[]
    {
        EnvironmentOptions.List("the environments whose files are checked (default: dev,int,prod)"),
        OptionSpec.Value(ModeOption, "verify", "the check mode; only verify (validate never writes; builds encrypt)"),
        OptionSpec.Value(FormatOption, "FORMAT", "human (default): file(line,col): error SG1004: ...; json: an array of findings; sarif: SARIF 2.1.0"),
        OptionSpec.Flag(StagedOption, "check the files staged in git instead of the working copy"),
        OptionSpec.Flag(WarningsAsErrorsOption, "report warnings as errors (as CI builds do)"),
        MasterKeys.KeyFileOptionSpec,
    };

    public int MaxPositionals => int.MaxValue;

    public int Run(ParsedArguments arguments, CommandContext context)
    {
        var environments = EnvironmentOptions.ListOrDefault(arguments);
        var mode = arguments.Value(ModeOption);
        if (mode is not null && !string.Equals(mode, "verify", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("validate only verifies (--mode verify); it never writes env files. To encrypt plaintext secrets, build on a developer machine or run 'secretguard set'.");
        }

        var format = (arguments.Value(FormatOption) ?? "human").ToLowerInvariant();
        if (format is not ("human" or "json" or "sarif"))
        {
            throw new UsageException("--format is human, json or sarif; the value given (" + ArgumentText.Length(format) + ") is none of them.");
        }

        var staged = arguments.Has(StagedOption);
        if (staged && arguments.Positionals.Count > 0)
        {
            throw new UsageException("--staged checks every staged env file; give no PATH with it.");
        }

        var warningsAsErrors = arguments.Has(WarningsAsErrorsOption);
        var findings = new List<Finding>();
        var displayPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        int fileCount;
        if (staged)
        {
            using var files = StagedFiles.Collect(context.WorkingDirectory, environments);
            foreach (var (copy, realPath) in files.Files)
            {
                displayPaths[copy.Path] = context.Display(realPath);
            }

            findings.AddRange(Check(context, arguments, files.Files.Select(f => (f.Copy, Path.GetDirectoryName(f.RealPath)!)), checkDrift: false));
            foreach (var keyFile in files.KeyFiles)
            {
                findings.AddRange(KeyFileHygiene.Check(keyFile).Where(f => f.Id == DiagnosticIds.KeyFileTracked));
            }

            foreach (var copy in files.KeyCopies)
            {
                findings.Add(new Finding(DiagnosticIds.KeyFileTracked, FindingSeverity.Error, copy, 0, 0,
                    "this staged file holds master keys (it reads as a key file with a valid key line): committing it puts them in the repository's history. " +
                    "Run 'git rm --cached " + Path.GetFileName(copy) + "', delete it if it is a leftover copy of " + KeyFile.DefaultFileName + ", and keep key files git-ignored"));
            }

            fileCount = files.Files.Count;
        }
        else
        {
            var targets = Targets(arguments, context, environments);
            findings.AddRange(Check(context, arguments, targets.Select(t => (t, Path.GetDirectoryName(Path.GetFullPath(t.Path))!)), checkDrift: true));
            fileCount = targets.Count;
        }

        var reported = findings
            .Select(f => Report(f, context, displayPaths, warningsAsErrors))
            .Distinct()
            .ToList();
        Write(context, format, reported);

        var errors = reported.Count(f => f.IsError);
        var warnings = reported.Count - errors;
        var summary = fileCount == 0
            ? (staged ? "validate: no staged env files." : "validate: no env files found (looked for .env.<env>, env_<env>.env, .env.example and .env.template for " + string.Join(", ", environments) + ").")
            : "validate: " + fileCount + (fileCount == 1 ? " env file, " : " env files, ") + Count(errors, "error") + ", " + Count(warnings, "warning") + ".";
        (format == "human" ? context.Out : context.Error).WriteLine(summary);
        return errors > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static List<EnvFileTarget> Targets(ParsedArguments arguments, CommandContext context, IReadOnlyList<string> environments)
    {
        if (arguments.Positionals.Count == 0)
        {
            return EnvFileDiscovery.Under(context.WorkingDirectory, environments);
        }

        var single = arguments.Has(EnvironmentOptions.EnvOption) && environments.Count == 1 ? environments[0] : null;
        var targets = new List<EnvFileTarget>();
        foreach (var argument in arguments.Positionals)
        {
            var path = context.FullPath(argument);
            if (Directory.Exists(path))
            {
                targets.AddRange(EnvFileDiscovery.Under(path, environments));
            }
            else if (File.Exists(path))
            {
                targets.Add(EnvFileDiscovery.ForFile(path, single) ?? throw new UsageException(
                    "cannot tell the environment of " + argument + ": name it .env.<env> or env_<env>.env, or give exactly one --env."));
            }
            else
            {
                throw new UsageException(ArgumentText.Positional(arguments, argument, "PATH") + " does not exist.");
            }
        }

        return targets.GroupBy(t => Path.GetFullPath(t.Path), StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    // One run of the checks per folder, as the build runs once per project: drift compares a project's own files.
    private static IEnumerable<Finding> Check(CommandContext context, ParsedArguments arguments, IEnumerable<(EnvFileTarget Target, string Folder)> targets, bool checkDrift)
    {
        var findings = new List<Finding>();
        foreach (var group in targets.GroupBy(t => t.Folder, StringComparer.Ordinal))
        {
            var settings = ProjectSettings.Read(group.Key);
            foreach (var note in settings.Notes)
            {
                context.Error.WriteLine("note: " + note);
            }

            findings.AddRange(settings.Findings);
            var options = new EnvCheckOptions
            {
                Mode = CheckMode.Verify,
                CheckDrift = checkDrift,
                CheckKeyFileHygiene = true,
                KeyLookup = MasterKeys.Lookup(arguments, context),
            };
            options.KeyLookup.SearchDirectories.Clear();
            options.KeyLookup.SearchDirectories.Add(group.Key);
            foreach (var rule in settings.Rules)
            {
                options.Rules.Add(rule);
            }

            foreach (var suffix in settings.SecretSuffixes)
            {
                options.SecretSuffixes.Add(suffix);
            }

            foreach (var (target, _) in group)
            {
                options.Files.Add(target);
            }

            findings.AddRange(EnvCheckRunner.Run(options).Findings);
        }

        return findings;
    }

    private static ReportedFinding Report(Finding finding, CommandContext context, Dictionary<string, string> displayPaths, bool warningsAsErrors)
    {
        string? path = null;
        var message = finding.Message;
        if (finding.FilePath is not null)
        {
            path = displayPaths.TryGetValue(finding.FilePath, out var shown) ? shown : context.Display(finding.FilePath);
            foreach (var (copy, real) in displayPaths)
            {
                message = message.Replace(copy, real, StringComparison.Ordinal);
            }
        }

        return new ReportedFinding(finding.Id, finding.Severity == FindingSeverity.Error || warningsAsErrors, path, finding.Line, finding.Column, message, finding.KeyName);
    }

    private static void Write(CommandContext context, string format, List<ReportedFinding> findings)
    {
        if (format == "human")
        {
            ReportWriters.WriteHuman(context.Out, findings);
            return;
        }

        context.Out.Flush();
        using var stdout = Console.OpenStandardOutput();
        if (format == "json")
        {
            ReportWriters.WriteJson(stdout, findings);
        }
        else
        {
            ReportWriters.WriteSarif(stdout, findings, context.WorkingDirectory);
        }
    }

    private static string Count(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");
}
