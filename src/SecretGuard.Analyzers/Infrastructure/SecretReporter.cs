using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecretGuard.Analyzers.Options;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>Creates diagnostics the way every SecretGuard rule does: test projects get suggestions (or nothing) by option.</summary>
internal static class SecretReporter
{
    /// <summary>
    /// Property: the stem of the env-file name the code fix gives the secret (e.g. STRIPE_API_KEY); the fix adds the
    /// project's secret suffix (<see cref="SecretNameSuggestion.ForProject"/>).
    /// </summary>
    public const string SecretNameProperty = "SecretName";

    /// <summary>Property: how the fix reads the value back: <c>string</c>, <c>bytes</c> (base64) or <c>utf8</c>.</summary>
    public const string ValueKindProperty = "ValueKind";

    public static Diagnostic? Create(DiagnosticDescriptor descriptor, Location location, AnalyzerSettings settings, ImmutableDictionary<string, string?>? properties, params object[] messageArgs)
    {
        var severity = descriptor.DefaultSeverity;
        if (settings.IsTestProject)
        {
            switch (settings.TestProjectMode)
            {
                case TestProjectMode.Off:
                    return null;
                case TestProjectMode.Suggestion:
                    severity = DiagnosticSeverity.Info;
                    break;
            }
        }

        return Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: properties, messageArgs: messageArgs);
    }

    public static ImmutableDictionary<string, string?> Properties(string secretName, string valueKind) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(SecretNameProperty, secretName)
            .Add(ValueKindProperty, valueKind);
}
