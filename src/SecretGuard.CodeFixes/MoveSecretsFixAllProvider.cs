using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SecretGuard.Analyzers.Infrastructure;

namespace SecretGuard.CodeFixes;

/// <summary>
/// Fix All for the secret moves, in a document, a project or the solution. The built-in batch fixer drops edits to
/// additional documents (docs/architecture.md#fix-all-and-the-dev-env-file), so this one collects the diagnostics per
/// scope and hands them to <see cref="SecretMover"/>, which edits each document once and each project's env file once.
/// </summary>
internal sealed class MoveSecretsFixAllProvider : FixAllProvider
{
    public static readonly MoveSecretsFixAllProvider Instance = new MoveSecretsFixAllProvider();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var title = fixAllContext.Scope switch
        {
            FixAllScope.Document => "Move every secret in this document to the env file",
            FixAllScope.Project => "Move every secret in this project to the env file",
            _ => "Move every secret in the solution to the env files",
        };
        return Task.FromResult<CodeAction?>(CodeAction.Create(title, async cancellationToken =>
        {
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => System.Array.Empty<Document>(),
            };

            var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
            foreach (var document in documents)
            {
                var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                var fixable = diagnostics.Where(d => d.Properties.ContainsKey(SecretReporter.SecretNameProperty)).ToImmutableArray();
                if (!fixable.IsEmpty)
                {
                    work.Add((document.Id, fixable));
                }
            }

            return await SecretMover.ApplyAsync(fixAllContext.Solution, work, cancellationToken).ConfigureAwait(false);
        }, MoveSecretToEnvFileCodeFixProvider.EquivalenceKey));
    }
}
