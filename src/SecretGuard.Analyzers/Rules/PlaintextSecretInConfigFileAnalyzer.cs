using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Rules;

/// <summary>
/// SG0007: a plaintext secret in <c>appsettings*.json</c>, <c>launchSettings.json</c>, or in a non-secret entry of an
/// env file — files the package adds to <c>AdditionalFiles</c>. Read through <see cref="AdditionalText.GetText"/>
/// only (no file I/O). Encrypted values are never reported; nor is plaintext under a secret name in an env file
/// (the build encrypts it: SG1004). Placeholder documents for env files that do not exist yet are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlaintextSecretInConfigFileAnalyzer : DiagnosticAnalyzer
{
    private const string PlaceholderMetadata = "build_metadata.AdditionalFiles.SecretGuardPlaceholder";
    private const int MinLength = 6;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PlaintextSecretInConfigFile, DiagnosticDescriptors.PossibleHardcodedCredential);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(AnalyzeFile));
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        var name = Path.GetFileName(file.Path);
        var kind = Classify(name);
        if (kind == FileKind.Other)
        {
            return;
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
        if (options.TryGetValue(PlaceholderMetadata, out var placeholder) && string.Equals(placeholder, "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        var settings = AnalyzerSettings.For(options);
        if (kind == FileKind.Json)
        {
            AnalyzeJson(context, file, text, settings, name);
        }
        else
        {
            AnalyzeEnvFile(context, file, text, settings, SecretNaming.FromList(AnalyzerSettings.ReadSecretSuffixes(options)));
        }
    }

    private static void AnalyzeJson(AdditionalFileAnalysisContext context, AdditionalText file, SourceText text, AnalyzerSettings settings, string fileName)
    {
        var content = text.ToString();
        foreach (var value in JsonStringValues.Read(content))
        {
            if (value.Value.Length < MinLength || EncryptedValue.HasEncryptedPrefix(value.Value) || settings.IsExcludedValue(value.Value))
            {
                continue;
            }

            string? what = null;
            var match = settings.Catalogue.Find(value.Value);
            var evidence = SecretEvidence.None;
            string? weakBecause = null;
            if (match is not null)
            {
                what = "what looks like " + match.Family.Description;
                evidence = match.Evidence;
                weakBecause = match.WeakBecause;
            }
            else if (settings.Names.IsCredentialName(value.Key) && !CredentialNames.IsConnectionStringName(value.Key) && !CredentialNames.IsConnectionStringName(value.Path))
            {
                // A connection string is a secret when it carries a password or key, which the catalogue finds above;
                // without one (integrated security, managed identity) it is configuration, as SG0002 judges it.
                what = "a plaintext secret";
                evidence = CredentialLiterals.Judge(value.Value, value.Key, CredentialLiterals.NamesTestData(fileName), isFragment: false, out weakBecause);
            }

            if (what is null || evidence == SecretEvidence.None)
            {
                continue;
            }

            if (evidence == SecretEvidence.Weak)
            {
                Report(context, file, text, value.Start, value.Length, settings, DiagnosticDescriptors.PossibleHardcodedCredential, "'" + value.Path + "' in " + fileName, weakBecause ?? "a weak value");
                continue;
            }

            // The entry name the project's first suffix makes secret (SecretGuardSecretSuffixes), unless the key already ends with one.
            var envName = value.Path.Replace(":", "__") + (settings.SecretNaming.IsSecret(value.Path) ? string.Empty : settings.SecretNaming.PreferredSuffix);
            var message = "'" + value.Path + "' in " + fileName + " holds " + what + ": move it to an env-file entry " + envName +
                          " (the build encrypts it; AddSecretGuard serves it back as '" + value.Path + "') and remove it here";
            Report(context, file, text, value.Start, value.Length, settings, DiagnosticDescriptors.PlaintextSecretInConfigFile, message);
        }
    }

    private static void AnalyzeEnvFile(AdditionalFileAnalysisContext context, AdditionalText file, SourceText text, AnalyzerSettings settings, SecretNaming naming)
    {
        var env = EnvFile.Parse(text.ToString(), file.Path);
        foreach (var entry in env.Entries)
        {
            if (naming.IsSecret(entry.Key) || entry.Value.Length < MinLength || EncryptedValue.HasEncryptedPrefix(entry.Value) ||
                entry.IsSuppressed(RuleIdentifiers.PlaintextSecretInConfigFile) || entry.IsSuppressed(Diagnostics.DiagnosticIds.SecretInNonSecretEntry))
            {
                continue;
            }

            var match = settings.Catalogue.Find(entry.Value);
            if (match is null || settings.IsExcludedValue(entry.Value))
            {
                continue;
            }

            var line = text.Lines[Math.Min(entry.Line - 1, text.Lines.Count - 1)];
            var start = line.Start + entry.ValueColumn - 1;
            var length = Math.Min(entry.ValueText.Length, Math.Max(0, text.Length - start));
            if (match.Evidence == SecretEvidence.Weak)
            {
                Report(context, file, text, start, length, settings, DiagnosticDescriptors.PossibleHardcodedCredential, entry.Key, match.WeakBecause ?? "a weak password");
                continue;
            }

            var message = entry.Key + " holds what looks like " + match.Family.Description + " under a name that is not secret, so the build does not encrypt it: name it " +
                          entry.Key + naming.PreferredSuffix;
            Report(context, file, text, start, length, settings, DiagnosticDescriptors.PlaintextSecretInConfigFile, message);
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, AdditionalText file, SourceText text, int start, int length, AnalyzerSettings settings,
        DiagnosticDescriptor descriptor, params object[] messageArgs)
    {
        var span = new TextSpan(start, length);
        var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        var diagnostic = SecretReporter.Create(descriptor, location, settings, null, messageArgs);
        if (diagnostic is not null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    private static FileKind Classify(string name)
    {
        if (name.Equals("launchSettings.json", StringComparison.OrdinalIgnoreCase) ||
            (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            return FileKind.Json;
        }

        if (name.Equals(".env", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Env;
        }

        return FileKind.Other;
    }

    private enum FileKind
    {
        Other,
        Json,
        Env,
    }
}
