using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace SecretGuard.Configuration;

/// <summary>The configuration source behind <c>AddSecretGuard</c>.</summary>
public sealed class SecretGuardConfigurationSource : IConfigurationSource
{
    /// <summary>The section of earlier configuration that adds to <see cref="SecretGuardOptions.EnvironmentMap"/>.</summary>
    internal const string EnvironmentMapSection = "SecretGuard:EnvironmentMap";

    /// <summary>The options.</summary>
    public SecretGuardOptions Options { get; set; } = new();

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The sources added before this one: their values are what this provider overrides (DecryptEarlierProviders),
        // and they say which environment the host runs in and how to map it.
        var earlier = builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)).ToList();
        var options = Options.Clone();
        ReadHostSettings(builder, earlier, options);
        return new SecretGuardConfigurationProvider(options, options.DecryptEarlierProviders ? earlier : Array.Empty<IConfigurationSource>());
    }

    /// <summary>
    /// The host's environment name (the <c>environment</c> key that WebApplication, the generic host and
    /// WebApplicationFactory set, from <c>--environment</c>, <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c>) and the
    /// <c>SecretGuard:EnvironmentMap</c> entries, read once from the configuration built so far.
    /// </summary>
    private static void ReadHostSettings(IConfigurationBuilder builder, IReadOnlyList<IConfigurationSource> earlier, SecretGuardOptions options)
    {
        // A ConfigurationManager (WebApplication.CreateBuilder, Host.CreateApplicationBuilder) is its own configuration:
        // read it as it is. A plain builder's earlier sources are built once, here.
        var view = builder as IConfiguration;
        IConfigurationRoot? built = null;
        if (view is null)
        {
            if (earlier.Count == 0)
            {
                return;
            }

            var temporary = new ConfigurationBuilder();
            foreach (var source in earlier)
            {
                temporary.Add(source);
            }

            view = built = temporary.Build();
        }

        try
        {
            options.HostEnvironmentSetting = view[ActiveEnvironment.HostEnvironmentKey];
            foreach (var entry in view.GetSection(EnvironmentMapSection).GetChildren())
            {
                if (entry.Value is not null)
                {
                    options.EnvironmentMap[entry.Key] = entry.Value;
                }
            }
        }
        finally
        {
            (built as IDisposable)?.Dispose();
        }
    }
}
