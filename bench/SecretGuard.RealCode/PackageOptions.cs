using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretGuard.RealCode;

/// <summary>
/// The analyzer options of a project that has the SecretGuard package: the build properties the package makes
/// compiler-visible, as a build would pass them. With them, a codebase is analysed as a SecretGuard user's would be, so
/// rules that report only in such projects (SG0006) are still measured on code that does not use SecretGuard.
/// </summary>
internal sealed class PackageOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Global = new Options(new Dictionary<string, string>
    {
        ["build_property.SecretGuardEnabled"] = "true",
        ["build_property.SecretGuardSecretSuffixes"] = "_SECRET",
        ["build_property._SecretGuardAnalyzerSecretSuffixes"] = "_SECRET",
    });

    private static readonly AnalyzerConfigOptions None = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => Global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
