using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretGuard.HealthChecks;

// Health-check registrations live in the namespace of IHealthChecksBuilder, as ASP.NET Core's own do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>AddSecretGuard</c> for <see cref="IHealthChecksBuilder"/>.</summary>
public static class SecretGuardHealthChecksBuilderExtensions
{
    /// <summary>The registration's default name.</summary>
    public const string DefaultName = "secretguard";

    /// <summary>
    /// Adds <see cref="SecretGuardHealthCheck"/>: Healthy when the key is found and every secret decrypts, Degraded
    /// while values need the <c>.previous</c> key, <paramref name="failureStatus"/> (default Unhealthy) otherwise.
    /// </summary>
    public static IHealthChecksBuilder AddSecretGuard(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new SecretGuardHealthCheck(services.GetService<IConfiguration>()),
            failureStatus,
            tags));
    }
}
