using SecretGuard.Diagnostics;
using SecretGuard.Environments;

namespace SecretGuard;

/// <summary>The environment an app runs in, and how SecretGuard decided it (for error messages).</summary>
public sealed class ActiveEnvironment
{
    /// <summary>The variable that names the environment for SecretGuard alone.</summary>
    public const string Variable = "SECRETGUARD_ENVIRONMENT";

    private ActiveEnvironment(string name, string source)
    {
        Name = name;
        Source = source;
    }

    /// <summary>The lower-case environment name.</summary>
    public string Name { get; }

    /// <summary>Where the name came from, e.g. "DOTNET_ENVIRONMENT=Development".</summary>
    public string Source { get; }

    /// <summary>
    /// Resolves the environment: the option, <c>SECRETGUARD_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c>,
    /// <c>ASPNETCORE_ENVIRONMENT</c>, the environment recorded by the build in <paramref name="baseDirectory"/>, then prod.
    /// </summary>
    public static ActiveEnvironment Resolve(string? option, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Validated(option.Trim(), "the Environment option");
        }

        var own = System.Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return Validated(own.Trim(), Variable);
        }

        foreach (var hostingVariable in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
        {
            var hosting = System.Environment.GetEnvironmentVariable(hostingVariable);
            if (string.IsNullOrWhiteSpace(hosting))
            {
                continue;
            }

            var mapped = EnvironmentName.FromHostingEnvironment(hosting);
            if (mapped is null)
            {
                throw Invalid(hostingVariable + "=" + hosting.Trim(), hostingVariable);
            }

            return new ActiveEnvironment(mapped, hostingVariable + "=" + hosting.Trim());
        }

        var recorded = RecordedEnvironment.Read(baseDirectory);
        if (recorded is not null)
        {
            return new ActiveEnvironment(recorded, "the build's record in " + System.IO.Path.Combine(baseDirectory, RecordedEnvironment.FileName));
        }

        return new ActiveEnvironment("prod", "the default (no environment was set; .NET hosting defaults to Production)");
    }

    /// <summary>"prod (from SECRETGUARD_ENVIRONMENT)".</summary>
    public override string ToString() => Name + " (from " + Source + ")";

    private static ActiveEnvironment Validated(string name, string source)
    {
        if (!EnvironmentName.IsValid(name))
        {
            throw Invalid(name, source);
        }

        return new ActiveEnvironment(name, source);
    }

    private static SecretGuardException Invalid(string name, string source) =>
        new(DiagnosticIds.WrongEnvironment, SecretGuardErrorReason.InvalidEnvironment,
            "'" + name + "' from " + source + " is not a SecretGuard environment: use a lower-case name such as dev, int or prod (or Development/Staging/Production).");
}
