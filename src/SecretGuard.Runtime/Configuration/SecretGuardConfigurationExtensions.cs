using System;
using SecretGuard;
using SecretGuard.Configuration;

// Extension methods live in the namespace of the type they extend, as Microsoft.Extensions.Configuration's own do.
namespace Microsoft.Extensions.Configuration;

/// <summary><c>AddSecretGuard</c> for <see cref="IConfigurationBuilder"/>.</summary>
public static class SecretGuardConfigurationExtensions
{
    /// <summary>
    /// Adds the active environment's env file, with <c>&lt;ENV&gt;_ENC:</c> values decrypted, as configuration.
    /// </summary>
    public static IConfigurationBuilder AddSecretGuard(this IConfigurationBuilder builder, Action<SecretGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = new SecretGuardConfigurationSource();
        configure?.Invoke(source.Options);
        return builder.Add(source);
    }
}
