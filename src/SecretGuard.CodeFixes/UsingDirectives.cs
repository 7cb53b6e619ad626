using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SecretGuard.CodeFixes;

/// <summary>Adds a <c>using</c> directive the fixed code needs, unless the file (or one of its namespaces) has it.</summary>
internal static class UsingDirectives
{
    public static SyntaxNode Add(SyntaxNode root, string namespaceName)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == namespaceName) ||
            unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == namespaceName)))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithAdditionalAnnotations(Formatter.Annotation);
        return unit.AddUsings(directive);
    }
}
