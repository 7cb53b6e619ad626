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
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.EnvFiles;
using SecretGuard.Naming;

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
        var movedCount = 0;
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

            var moves = new List<SecretMove>();
            foreach (var diagnostic in item.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (await SecretMove.PlanAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false) is { } planned &&
                    !moves.Any(m => m.Target.Span == planned.Target.Span))
                {
                    moves.Add(planned);
                }
            }

            // Nested targets (a concatenation and one of its literals) would conflict: keep the outermost.
            moves = moves.Where(m => !moves.Any(o => o != m && o.Target.Span.Contains(m.Target.Span) && o.Target.Span != m.Target.Span)).ToList();
            if (moves.Count == 0)
            {
                continue;
            }

            // The project's own secret suffix (SecretGuardSecretSuffixes), read as the analyzers read it.
            var naming = AnalyzerSettings.For(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree)).SecretNaming;
            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            var declarations = new Dictionary<SyntaxNode, DeclarationChange>();
            foreach (var move in moves)
            {
                var name = UniqueName(envFile, move.NameStem, naming, move.Value);
                if (envFile.Find(name) is null)
                {
                    envFile.AddEntry(name, move.Value);
                }

                replacements[move.Target] = Replacement(name, move.Kind).WithTriviaFrom(move.Target);
                if (move.Declaration is not null)
                {
                    declarations[move.Declaration] = move.Change;
                }
            }

            // A fresh annotation each time: annotations stay in the tree, and a later fix must not see this one's marks.
            var toProperty = new SyntaxAnnotation("SecretGuard.ToProperty");
            var removeConst = new SyntaxAnnotation("SecretGuard.RemoveConst");
            var moved = new SyntaxAnnotation("SecretGuard.Moved");
            var newRoot = root.ReplaceNodes(
                replacements.Keys.Concat(declarations.Keys),
                (original, rewritten) => replacements.TryGetValue(original, out var replacement)
                    ? replacement.WithAdditionalAnnotations(moved)
                    : rewritten.WithAdditionalAnnotations(declarations[original] == DeclarationChange.ToProperty ? toProperty : removeConst));
            newRoot = newRoot.ReplaceNodes(newRoot.GetAnnotatedNodes(toProperty), (_, annotated) => ToProperty(annotated.WithoutAnnotations(toProperty)));
            newRoot = newRoot.ReplaceNodes(newRoot.GetAnnotatedNodes(removeConst), (_, annotated) => RemoveConst((LocalDeclarationStatementSyntax)annotated.WithoutAnnotations(removeConst)));
            if (!UsingDirectives.IsImported(model, moves[0].Target.SpanStart, "SecretGuard", "Secrets", cancellationToken))
            {
                newRoot = UsingDirectives.Add(newRoot, "SecretGuard", newRoot.GetAnnotatedNodes(moved).FirstOrDefault(), document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
            }

            // Solution-level changes get no automatic clean-up: format the annotated nodes here.
            var newDocument = document.WithSyntaxRoot(newRoot);
            newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = newDocument.Project.Solution;
            movedCount += moves.Count;
        }

        if (movedCount == 0)
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

    // The name for the stem under the project's naming, or NAME_2_SECRET, NAME_3_SECRET, ... when the file already holds
    // another value under it: the number goes before the suffix, so the entry stays a secret the build encrypts.
    private static string UniqueName(EnvFile envFile, string stem, SecretNaming naming, string value)
    {
        var name = SecretNameSuggestion.ForProject(stem, naming);
        var start = naming.StripSuffix(name) ?? name;
        var suffix = name.Substring(start.Length);
        for (var n = 2; ; n++)
        {
            var existing = envFile.Find(name);
            if (existing is null || existing.Value == value)
            {
                return name;
            }

            name = start + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
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

    // static string ApiKey => Secrets.Get("API_KEY_SECRET"); from a const, static or static readonly field, or a static
    // get-only property with an initializer: the secret is read when the member is, never in the type's initialization.
    private static SyntaxNode ToProperty(SyntaxNode declaration)
    {
        SyntaxList<AttributeListSyntax> attributes;
        SyntaxTokenList modifiers;
        TypeSyntax type;
        SyntaxToken identifier;
        ExpressionSyntax value;
        switch (declaration)
        {
            case FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } field when variables[0].Initializer is { } fieldInitializer:
                (attributes, modifiers, type, identifier, value) = (field.AttributeLists, field.Modifiers, field.Declaration.Type, variables[0].Identifier, fieldInitializer.Value);
                break;
            case PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property:
                (attributes, modifiers, type, identifier, value) = (property.AttributeLists, property.Modifiers, property.Type, property.Identifier, propertyInitializer.Value);
                break;
            default:
                return declaration; // SecretMove plans this change for nothing else
        }

        // const and readonly go (a const's place takes static); volatile cannot stay on a property.
        var newModifiers = new List<SyntaxToken>();
        var hasStatic = modifiers.Any(SyntaxKind.StaticKeyword);
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.ConstKeyword) && !hasStatic)
            {
                newModifiers.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, modifier.TrailingTrivia));
            }
            else if (!modifier.IsKind(SyntaxKind.ConstKeyword) && !modifier.IsKind(SyntaxKind.ReadOnlyKeyword) && !modifier.IsKind(SyntaxKind.VolatileKeyword))
            {
                newModifiers.Add(modifier);
            }
        }

        return SyntaxFactory.PropertyDeclaration(
                attributes,
                SyntaxFactory.TokenList(newModifiers),
                type.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space),
                explicitInterfaceSpecifier: null,
                identifier.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space),
                accessorList: null,
                SyntaxFactory.ArrowExpressionClause(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithTrailingTrivia(SyntaxFactory.Space), value.WithoutTrivia()),
                initializer: null,
                SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithLeadingTrivia(declaration.GetLeadingTrivia())
            .WithTrailingTrivia(declaration.GetTrailingTrivia());
    }

    private static LocalDeclarationStatementSyntax RemoveConst(LocalDeclarationStatementSyntax local)
    {
        var localConst = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
        return local.WithModifiers(local.Modifiers.Remove(localConst)).WithLeadingTrivia(local.GetLeadingTrivia());
    }
}
