using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretGuard.CodeFixes;

/// <summary>
/// Adds a <c>using</c> directive the fixed code needs, where the file's own ordering puts it — unless the name already
/// binds there: a <c>using</c> in the file or its namespace, a <c>global using</c> (also from <c>ImplicitUsings</c> or a
/// <c>&lt;Using Include&gt;</c> item), or code inside that namespace.
/// </summary>
/// <remarks>
/// Placement: in the namespace around the fixed code when the file keeps its usings there (or, in a file without usings,
/// when <c>csharp_using_directive_placement = inside_namespace</c>), otherwise at the top of the file, after any global
/// usings and a file header comment. Order: System first or plain alphabetical, as the file's usings already are
/// (<c>dotnet_sort_system_directives_first</c> decides when both fit; its default is System first); after the last one
/// when they are in no order. A file that separates groups with blank lines gets the new group separated too.
/// </remarks>
internal static class UsingDirectives
{
    /// <summary>
    /// Whether <paramref name="typeName"/> of <paramref name="namespaceName"/> already binds at <paramref name="position"/>
    /// of the tree <paramref name="model"/> was made for, without a new directive.
    /// </summary>
    public static bool IsImported(SemanticModel model, int position, string namespaceName, string typeName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return model.LookupNamespacesAndTypes(position, name: typeName)
            .Any(s => s is INamedTypeSymbol && s.ContainingNamespace?.ToDisplayString() == namespaceName);
    }

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> to <paramref name="root"/> unless the file (or a namespace in it)
    /// already has it. <paramref name="near"/>: a node of <paramref name="root"/> the directive is for (it picks the
    /// namespace); <paramref name="options"/>: the document's <c>.editorconfig</c> options, if any.
    /// </summary>
    public static SyntaxNode Add(SyntaxNode root, string namespaceName, SyntaxNode? near = null, AnalyzerConfigOptions? options = null)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => IsPlainUsingOf(u, namespaceName)) ||
            unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => IsPlainUsingOf(u, namespaceName))))
        {
            return root;
        }

        var enclosing = near?.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().ToList() ?? new List<BaseNamespaceDeclarationSyntax>();
        var inNamespace = enclosing.FirstOrDefault(n => n.Usings.Count > 0);
        if (inNamespace is null && !unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.None)) && enclosing.Count > 0 &&
            OptionValue(options, "csharp_using_directive_placement") == "inside_namespace")
        {
            inNamespace = enclosing[enclosing.Count - 1];
        }

        var endOfLine = EndOfLine(unit);
        if (inNamespace is not null)
        {
            var usings = Insert(inNamespace.Usings, namespaceName, endOfLine, SortSystemFirst(options), out var index);
            if (inNamespace.Usings.Count == 0 && inNamespace.Members.FirstOrDefault() is { } member)
            {
                // The first using of a namespace: indented like its first member, a blank line between them.
                var memberLeading = member.GetLeadingTrivia();
                var indentation = memberLeading.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Take(1).ToList();
                var blankLineFirst = memberLeading.Count > 0 && memberLeading[0].IsKind(SyntaxKind.EndOfLineTrivia);
                var directive = usings[index].WithLeadingTrivia(blankLineFirst ? new[] { endOfLine }.Concat(indentation) : indentation);
                var withUsing = inNamespace.WithUsings(usings.Replace(usings[index], directive));
                if (!blankLineFirst)
                {
                    withUsing = withUsing.ReplaceNode(withUsing.Members[0], withUsing.Members[0].WithLeadingTrivia(memberLeading.Insert(0, endOfLine)));
                }

                return unit.ReplaceNode(inNamespace, withUsing);
            }

            return unit.ReplaceNode(inNamespace, inNamespace.WithUsings(usings));
        }

        if (unit.Usings.Count > 0)
        {
            return unit.WithUsings(Insert(unit.Usings, namespaceName, endOfLine, SortSystemFirst(options), out _));
        }

        return AddFirstUsing(unit, NewDirective(namespaceName, endOfLine), endOfLine);
    }

    // Into a list of usings: at its sorted place among the plain ones (not global, static or alias), or after the last.
    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, string namespaceName, SyntaxTrivia endOfLine, bool? systemFirstOption, out int index)
    {
        var directive = NewDirective(namespaceName, endOfLine);
        var plain = usings.Where(IsPlain).ToList();
        if (plain.Count == 0)
        {
            // Only global usings (they must come first), static or alias ones: after the global ones.
            index = usings.Count(u => !u.GlobalKeyword.IsKind(SyntaxKind.None));
            return index == 0 && usings.Count > 0 ? InsertFirst(usings, directive, separate: false, endOfLine) : usings.Insert(index, directive);
        }

        var names = plain.Select(u => u.Name!.ToString()).ToList();
        var systemFirstSorted = IsSorted(names, CompareSystemFirst);
        var alphabeticalSorted = IsSorted(names, CompareAlphabetically);
        Comparison<string>? comparison = (systemFirstSorted, alphabeticalSorted) switch
        {
            (true, true) => systemFirstOption ?? true ? CompareSystemFirst : CompareAlphabetically,
            (true, false) => CompareSystemFirst,
            (false, true) => CompareAlphabetically,
            _ => null,
        };

        var before = comparison is null ? null : plain.FirstOrDefault(u => comparison(u.Name!.ToString(), namespaceName) > 0);
        var after = before is null ? plain[plain.Count - 1] : plain.TakeWhile(u => u != before).LastOrDefault();
        var separated = plain.Skip(1).Any(u => u.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        var group = Group(namespaceName);

        if (after is null)
        {
            index = usings.IndexOf(before!);
            return InsertFirst(usings, directive, separated && Group(before!.Name!.ToString()) != group, endOfLine, index);
        }

        index = usings.IndexOf(after) + 1;
        if (separated && Group(after.Name!.ToString()) != group)
        {
            if (before is not null && Group(before.Name!.ToString()) == group)
            {
                // Joins the next using's group: it takes that group's blank line.
                var blank = before.GetLeadingTrivia();
                usings = usings.Replace(before, before.WithLeadingTrivia(blank.Where(t => !t.IsKind(SyntaxKind.EndOfLineTrivia))));
                directive = directive.WithLeadingTrivia(blank);
            }
            else
            {
                directive = directive.WithLeadingTrivia(endOfLine);
            }
        }

        return usings.Insert(index, directive);
    }

    // Before the using at index: the new one takes what stood before it (a file header, a #region); the old one keeps
    // its indentation, and a blank line when the groups are separated.
    private static SyntaxList<UsingDirectiveSyntax> InsertFirst(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive, bool separate, SyntaxTrivia endOfLine, int index = 0)
    {
        var next = usings[index];
        var leading = next.GetLeadingTrivia();
        var rest = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        if (separate)
        {
            rest = rest.Insert(0, endOfLine);
        }

        return usings.Replace(next, next.WithLeadingTrivia(rest)).Insert(index, directive.WithLeadingTrivia(leading));
    }

    // The first using of a file: after its header comment, with a blank line before the first member.
    private static CompilationUnitSyntax AddFirstUsing(CompilationUnitSyntax unit, UsingDirectiveSyntax directive, SyntaxTrivia endOfLine)
    {
        var firstToken = unit.GetFirstToken(includeZeroWidth: true);
        var leading = firstToken.LeadingTrivia;

        // A header is comments at the very top followed by a blank line; it stays above the usings.
        var headerEnd = 0;
        for (var i = 0; i + 1 < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) && leading[i + 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                headerEnd = i + 2;
                break;
            }

            if (!leading[i].IsKind(SyntaxKind.SingleLineCommentTrivia) && !leading[i].IsKind(SyntaxKind.MultiLineCommentTrivia) &&
                !leading[i].IsKind(SyntaxKind.EndOfLineTrivia) && !leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        var header = SyntaxFactory.TriviaList(leading.Take(headerEnd));
        var rest = SyntaxFactory.TriviaList(leading.Skip(headerEnd)).Insert(0, endOfLine);
        var withUsing = unit.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(rest));
        return withUsing.WithUsings(withUsing.Usings.Insert(0, directive.WithLeadingTrivia(header)));
    }

    private static UsingDirectiveSyntax NewDirective(string namespaceName, SyntaxTrivia endOfLine) =>
        SyntaxFactory.UsingDirective(
            SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            default,
            null,
            SyntaxFactory.ParseName(namespaceName),
            SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(endOfLine));

    private static bool IsPlain(UsingDirectiveSyntax u) =>
        u.GlobalKeyword.IsKind(SyntaxKind.None) && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null && u.Name is not null;

    private static bool IsPlainUsingOf(UsingDirectiveSyntax u, string namespaceName) =>
        u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null && u.Name?.ToString() == namespaceName;

    private static bool IsSorted(List<string> names, Comparison<string> comparison)
    {
        for (var i = 1; i < names.Count; i++)
        {
            if (comparison(names[i - 1], names[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareSystemFirst(string a, string b)
    {
        var systemA = Group(a) == "System";
        var systemB = Group(b) == "System";
        return systemA != systemB ? (systemA ? -1 : 1) : CompareAlphabetically(a, b);
    }

    // Part by part, ignoring case first: System < System.Linq < SystemX, Microsoft < SecretGuard.
    private static int CompareAlphabetically(string a, string b)
    {
        var partsA = a.Split('.');
        var partsB = b.Split('.');
        for (var i = 0; i < Math.Min(partsA.Length, partsB.Length); i++)
        {
            var result = string.Compare(partsA[i].Trim(), partsB[i].Trim(), StringComparison.OrdinalIgnoreCase);
            if (result == 0)
            {
                result = string.CompareOrdinal(partsA[i].Trim(), partsB[i].Trim());
            }

            if (result != 0)
            {
                return result;
            }
        }

        return partsA.Length.CompareTo(partsB.Length);
    }

    private static string Group(string name)
    {
        var dot = name.IndexOf('.');
        return (dot < 0 ? name : name.Substring(0, dot)).Trim();
    }

    private static bool? SortSystemFirst(AnalyzerConfigOptions? options) =>
        OptionValue(options, "dotnet_sort_system_directives_first") switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };

    // An .editorconfig value without its ":severity" suffix, in lower case.
    private static string? OptionValue(AnalyzerConfigOptions? options, string key)
    {
        if (options is null || !options.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        var colon = value.IndexOf(':');
        return (colon < 0 ? value : value.Substring(0, colon)).Trim().ToLowerInvariant();
    }

    // The file's line break (CRLF or LF), from its first one.
    private static SyntaxTrivia EndOfLine(CompilationUnitSyntax unit)
    {
        var first = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return first.IsKind(SyntaxKind.EndOfLineTrivia) ? first : SyntaxFactory.EndOfLine("\n");
    }
}
