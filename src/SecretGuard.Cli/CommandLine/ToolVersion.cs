using System.Reflection;

namespace SecretGuard.Cli.CommandLine;

/// <summary>The version of the tool, as the build stamped it.</summary>
internal static class ToolVersion
{
    /// <summary>
    /// The informational version: the version the package was built as, plus <c>+&lt;commit&gt;</c> when the build
    /// knew the commit. <c>--version</c> prints it, and SARIF names it as the driver's version, so a report or a bug
    /// names the exact build.
    /// </summary>
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without the commit, for the first line of the help.</summary>
    public static string Semantic => Informational.Split('+')[0];
}
