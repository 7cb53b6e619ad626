using System;
using System.Collections.Generic;
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
    /// Hosting names map as <see cref="SecretGuardOptions.EnvironmentMap"/>'s default does.
    /// </summary>
    public static ActiveEnvironment Resolve(string? option, string baseDirectory) =>
        Resolve(option, baseDirectory, SecretGuardOptions.DefaultEnvironmentMap(), hostSetting: null);

    /// <summary>
    /// Resolves the environment (docs/runtime.md#choosing-the-environment): the option, <c>SECRETGUARD_ENVIRONMENT</c>,
    /// the host's own environment setting when configuration supplies one (<paramref name="hostSetting"/>: the
    /// <c>environment</c> key that <c>WebApplication</c>, the generic host and <c>WebApplicationFactory</c> set),
    /// <c>DOTNET_ENVIRONMENT</c>, <c>ASPNETCORE_ENVIRONMENT</c>, the build's record, then prod. A hosting name goes
    /// through <paramref name="map"/> (case-insensitive), else is lower-cased.
    /// </summary>
    internal static ActiveEnvironment Resolve(string? option, string baseDirectory, IEnumerable<KeyValuePair<string, string>> map, string? hostSetting)
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

        if (!string.IsNullOrWhiteSpace(hostSetting))
        {
            return FromHosting(hostSetting, "the host's environment setting (configuration key '" + HostEnvironmentKey + "')", map);
        }

        foreach (var hostingVariable in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
        {
            var hosting = System.Environment.GetEnvironmentVariable(hostingVariable);
            if (!string.IsNullOrWhiteSpace(hosting))
            {
                return FromHosting(hosting, hostingVariable, map);
            }
        }

        var recorded = RecordedEnvironment.Read(baseDirectory);
        if (recorded is not null)
        {
            return new ActiveEnvironment(recorded, "the build's record in " + System.IO.Path.Combine(baseDirectory, RecordedEnvironment.FileName));
        }

        return new ActiveEnvironment("prod", "the default (no environment was set; .NET hosting defaults to Production)");
    }

    /// <summary>The configuration key .NET hosting keeps its environment name under (<c>HostDefaults.EnvironmentKey</c>).</summary>
    internal const string HostEnvironmentKey = "environment";

    /// <summary>
    /// A .NET hosting environment name as a SecretGuard environment: the map's entry (names compared ignoring case),
    /// else the name lower-cased; null when neither is a valid name.
    /// </summary>
    internal static string? MapHostingName(string hostingName, IEnumerable<KeyValuePair<string, string>> map, out string? mapEntry)
    {
        var trimmed = hostingName.Trim();
        foreach (var pair in map)
        {
            if (string.Equals(pair.Key.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                mapEntry = pair.Key.Trim() + "=" + pair.Value;
                var mapped = pair.Value?.Trim();
                return EnvironmentName.IsValid(mapped) ? mapped : null;
            }
        }

        mapEntry = null;
        var lower = EnvironmentName.ToLowerAscii(trimmed);
        return EnvironmentName.IsValid(lower) ? lower : null;
    }

    private static ActiveEnvironment FromHosting(string hosting, string where, IEnumerable<KeyValuePair<string, string>> map)
    {
        var source = (where.StartsWith("the host", StringComparison.Ordinal) ? where + " = " : where + "=") + hosting.Trim();
        var mapped = MapHostingName(hosting, map, out var mapEntry);
        if (mapped is null)
        {
            throw new SecretGuardException(DiagnosticIds.WrongEnvironment, SecretGuardErrorReason.InvalidEnvironment,
                "'" + hosting.Trim() + "' from " + source + (mapEntry is null ? string.Empty : " (EnvironmentMap entry " + mapEntry + ")") +
                " is not a SecretGuard environment: map it with EnvironmentMap (SecretGuard:EnvironmentMap:" + hosting.Trim() +
                " = int in configuration, or options.EnvironmentMap[\"" + hosting.Trim() + "\"] = \"int\"), or set " + Variable +
                " to a lower-case name such as dev, int or prod.");
        }

        return new ActiveEnvironment(mapped, source);
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
