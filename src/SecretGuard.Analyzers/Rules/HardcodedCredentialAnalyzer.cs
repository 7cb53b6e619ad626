using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretGuard.Analyzers.Infrastructure;
using SecretGuard.Analyzers.Options;
using SecretGuard.Naming;
using SecretGuard.Patterns;

namespace SecretGuard.Analyzers.Rules
{
    /// <summary>
    /// SG0002: a literal given to a symbol or parameter whose name says it holds a credential, unless the literal is a
    /// placeholder, a configuration key or variable name, or text for people. Cheap value checks come first; the
    /// semantic model is asked only for positional arguments.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        private const int DefaultMinLength = 4;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HardcodedCredential);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
        }

        private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            var value = literal.Token.ValueText;
            if (value.Length < 3 || value.Length > 512)
            {
                return;
            }

            // The name first, from syntax alone: most literals go to names that are not credentials and stop here, before
            // any value check. Only a positional argument needs the semantic model, and only after the value checks.
            var name = TargetNames.Find(literal, null, context.CancellationToken, out var needsModel);
            if (name is null && !needsModel)
            {
                return;
            }

            var settings = AnalyzerSettings.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(literal.SyntaxTree));
            if (name is not null && !settings.Names.IsCredentialName(name))
            {
                return;
            }

            if (value.Length < settings.MinLengthFor(RuleIdentifiers.HardcodedCredential, DefaultMinLength) ||
                EncryptedPrefix(value) || ValueShapes.IsNotASecretValue(value) || settings.IsExcludedValue(value))
            {
                return;
            }

            // A known format is SG0001's to report; one squiggle per literal.
            if (StringLiterals.IsPartOfConcatenation(literal) ? false : settings.Catalogue.Find(value) is not null)
            {
                return;
            }

            name ??= TargetNames.Find(literal, context.SemanticModel, context.CancellationToken);
            if (name is null || !settings.Names.IsCredentialName(name) || ValueShapes.IsNotASecretValue(value, name))
            {
                return;
            }

            // A connection string is a secret when it carries a password or key — a format the catalogue knows (SG0001).
            // Without one (integrated security, managed identity, a SQLite path) it is configuration.
            if (CredentialNames.IsConnectionStringName(name))
            {
                return;
            }

            if (settings.EntropyFloor > 0 && CredentialCatalogue.ShannonEntropy(value) < settings.EntropyFloor)
            {
                return;
            }

            var properties = SecretReporter.Properties(SecretNameSuggestion.From(name, "secret"), literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? "utf8" : "string");
            var diagnostic = SecretReporter.Create(DiagnosticDescriptors.HardcodedCredential, literal.GetLocation(), settings, properties, name);
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static bool EncryptedPrefix(string value) => Encryption.EncryptedValue.HasEncryptedPrefix(value);
    }
}
