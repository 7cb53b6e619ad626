using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SecretGuard.Analyzers;
using SecretGuard.Analyzers.Infrastructure;

namespace SecretGuard.CodeFixes;

/// <summary>
/// SG0001/SG0002/SG0003: replaces the hardcoded value with <c>Secrets.Get("NAME_SECRET")</c> and adds
/// <c>NAME_SECRET=value</c> to the dev env file (an additional document), where the next build encrypts it. The name
/// ends with the project's first secret suffix (<c>SecretGuardSecretSuffixes</c>); a static or const field becomes a
/// property that reads the secret. No fix where the move would change behaviour (<see cref="SecretMove"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveSecretToEnvFileCodeFixProvider)), Shared]
public sealed class MoveSecretToEnvFileCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "SecretGuard.MoveSecretToEnvFile";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.HardcodedCredentialFormat, RuleIdentifiers.HardcodedCredential, RuleIdentifiers.HardcodedKeyMaterial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => MoveSecretsFixAllProvider.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SecretReporter.SecretNameProperty, out var name) || name is null)
            {
                continue;
            }

            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null || await SecretMove.PlanAsync(context.Document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false) is null ||
                EnvFileDocument.Find(context.Document.Project) is null && !EnvFileDocument.CanCreate(context.Document.Project))
            {
                continue;
            }

            var fileName = EnvFileDocument.Find(context.Document.Project)?.Name ?? EnvFileDocument.DefaultName;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Move the secret to " + fileName + " and read it with Secrets.Get",
                    cancellationToken => SecretMover.ApplyAsync(context.Document.Project.Solution, new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
