using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using SecretGuard.EnvFiles;

namespace SecretGuard.CodeFixes;

/// <summary>
/// Applies secret moves for any number of documents: per project, every literal of a document is replaced in one
/// pass and the project's dev env file gets each new entry once, in a stable order (document path, then
/// position) — the batching <c>WellKnownFixAllProviders.BatchFixer</c> cannot do for additional documents.
/// A project whose env file cannot be written is left unchanged: a secret is never removed from the code without
/// landing in the env file.
/// </summary>
internal static class SecretMover
{
    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        foreach (var project in work.GroupBy(w => w.Document.ProjectId).OrderBy(g => solution.GetProject(g.Key)?.FilePath, StringComparer.Ordinal))
        {
            solution = await ApplyToProjectAsync(solution, project.Key, project.ToList(), cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static async Task<Solution> ApplyToProjectAsync(Solution solution, ProjectId projectId, List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null)
        {
            return solution;
        }

        var envDocument = EnvFileDocument.Find(project);
        var envPath = envDocument?.FilePath ?? EnvFileDocument.NewPath(project);
        if (envDocument is null && !EnvFileDocument.CanCreate(project))
        {
            return solution;
        }

        var envText = envDocument is null ? null : await envDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var envFile = EnvFile.Parse(envText?.ToString() ?? string.Empty, envPath);
        if (envFile.HasSyntaxErrors)
        {
            return solution; // never rewrite a file SecretGuard cannot read losslessly
        }

        var changed = solution;
        var moved = 0;
        foreach (var item in work.OrderBy(w => solution.GetDocument(w.Document)?.FilePath, StringComparer.Ordinal))
        {
            var document = changed.GetDocument(item.Document);
            if (document is null)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var moves = item.Diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => SecretMove.Plan(root, model, d, cancellationToken))
                .Where(m => m is not null)
                .Cast<SecretMove>()
                .GroupBy(m => m.Target.Span)
                .Select(g => g.First())
                .ToList();

            // Nested targets (a concatenation and one of its literals) would conflict: keep the outermost.
            moves = moves.Where(m => !moves.Any(o => o != m && o.Target.Span.Contains(m.Target.Span) && o.Target.Span != m.Target.Span)).ToList();
            if (moves.Count == 0)
            {
                continue;
            }

            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            foreach (var move in moves)
            {
                var name = UniqueName(envFile, move.SuggestedName, move.Value);
                if (envFile.Find(name) is null)
                {
                    envFile.AddEntry(name, move.Value);
                }

                replacements[move.Target] = Replacement(name, move.Kind).WithTriviaFrom(move.Target);
            }

            // A fresh annotation each time: annotations stay in the tree, and a later fix must not see this one's marks.
            var deconst = new SyntaxAnnotation("SecretGuard.Deconst");
            var newRoot = root.ReplaceNodes(
                replacements.Keys.Concat(ConstDeclarations(replacements.Keys)),
                (original, rewritten) => replacements.TryGetValue(original, out var replacement) ? replacement : rewritten.WithAdditionalAnnotations(deconst));
            newRoot = RemoveConst(newRoot, deconst);
            newRoot = AddUsing(newRoot);

            // Solution-level changes get no automatic clean-up: format the annotated nodes here.
            var newDocument = document.WithSyntaxRoot(newRoot);
            newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = newDocument.Project.Solution;
            moved += moves.Count;
        }

        if (moved == 0)
        {
            return solution;
        }

        // A new or placeholder file is written as UTF-8 without a byte order mark; an existing one keeps its encoding.
        var encoding = envText is null || envText.Length == 0 || envText.Encoding is null
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            : envText.Encoding;
        var newText = SourceText.From(envFile.ToString(), encoding);
        if (envDocument is not null)
        {
            return changed.WithAdditionalDocumentText(envDocument.Id, newText);
        }

        return changed.AddAdditionalDocument(DocumentId.CreateNewId(projectId), EnvFileDocument.DefaultName, newText, folders: null, filePath: envPath);
    }

    // The name suggested, or NAME_2, NAME_3, ... when the file already holds another value under it.
    private static string UniqueName(EnvFile envFile, string suggested, string value)
    {
        var name = suggested;
        for (var n = 2; ; n++)
        {
            var existing = envFile.Find(name);
            if (existing is null || existing.Value == value)
            {
                return name;
            }

            name = suggested + "_" + n;
        }
    }

    private static ExpressionSyntax Replacement(string name, string kind)
    {
        // Secrets comes with the added `using SecretGuard;`; System types are written qualified so no other using is needed.
        var get = "Secrets.Get(" + SyntaxFactory.Literal(name).ToFullString() + ")";
        var code = kind switch
        {
            "bytes" => "System.Convert.FromBase64String(" + get + ")",
            "utf8" => "System.Text.Encoding.UTF8.GetBytes(" + get + ")",
            _ => get,
        };
        return SyntaxFactory.ParseExpression(code).WithAdditionalAnnotations(Formatter.Annotation);
    }

    // `const string ApiKey = "..."` cannot hold a call: the declaration loses `const` (a field becomes static readonly).
    private static IEnumerable<SyntaxNode> ConstDeclarations(IEnumerable<SyntaxNode> targets)
    {
        foreach (var target in targets)
        {
            if (target.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: { } declaration } } } &&
                (declaration is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword) ||
                 declaration is LocalDeclarationStatementSyntax local && local.Modifiers.Any(SyntaxKind.ConstKeyword)))
            {
                yield return declaration;
            }
        }
    }

    private static SyntaxNode RemoveConst(SyntaxNode root, SyntaxAnnotation deconst)
    {
        return root.ReplaceNodes(root.GetAnnotatedNodes(deconst), (_, annotated) =>
        {
            var node = annotated.WithoutAnnotations(deconst);
            switch (node)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    var modifiers = field.Modifiers.Remove(constToken);
                    var insertAt = field.Modifiers.IndexOf(constToken);
                    var added = SyntaxFactory.TokenList(
                        SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                    var newModifiers = modifiers.InsertRange(Math.Min(insertAt, modifiers.Count), added);
                    return field.WithModifiers(newModifiers).WithLeadingTrivia(field.GetLeadingTrivia());
                case LocalDeclarationStatementSyntax local when local.Modifiers.Any(SyntaxKind.ConstKeyword):
                    var localConst = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    return local.WithModifiers(local.Modifiers.Remove(localConst)).WithLeadingTrivia(local.GetLeadingTrivia());
                default:
                    return node;
            }
        });
    }

    private static SyntaxNode AddUsing(SyntaxNode root) => UsingDirectives.Add(root, "SecretGuard");
}
