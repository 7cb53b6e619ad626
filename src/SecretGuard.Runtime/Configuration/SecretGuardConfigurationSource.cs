using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace SecretGuard.Configuration;

/// <summary>The configuration source behind <c>AddSecretGuard</c>.</summary>
public sealed class SecretGuardConfigurationSource : IConfigurationSource
{
    /// <summary>The options.</summary>
    public SecretGuardOptions Options { get; set; } = new();

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The sources added before this one, for DecryptEarlierProviders: their values are what this provider overrides.
        IReadOnlyList<IConfigurationSource> earlier = Array.Empty<IConfigurationSource>();
        if (Options.DecryptEarlierProviders)
        {
            earlier = builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)).ToList();
        }

        return new SecretGuardConfigurationProvider(Options, earlier);
    }
}
