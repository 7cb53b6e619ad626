using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretGuard.Configuration;

namespace SecretGuard.HealthChecks;

/// <summary>
/// Reports SecretGuard's status: Healthy when the key is found and every secret decrypts with it; Degraded while
/// values still need the <c>.previous</c> key (a rotation not yet deployed); Unhealthy (or the registration's failure
/// status) when a key is missing or unusable, a secret does not decrypt or breaks a rule, or the last reload failed.
/// The data name entries, files, kids and reasons — never a value or a key.
/// </summary>
public sealed class SecretGuardHealthCheck : IHealthCheck
{
    private readonly IConfiguration? _configuration;

    /// <summary>
    /// Creates the check. It reports every SecretGuard configuration provider in <paramref name="configuration"/>;
    /// without one, it reports <see cref="Secrets"/>.
    /// </summary>
    public SecretGuardHealthCheck(IConfiguration? configuration)
    {
        _configuration = configuration;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var statuses = Statuses();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < statuses.Count; i++)
        {
            Describe(statuses[i], statuses.Count == 1 ? string.Empty : i + ".", data);
        }

        var worst = statuses.Select(s => s.State).DefaultIfEmpty(SecretGuardHealthState.Healthy).Max();
        var description = string.Join("; ", statuses.Select(s => s.Describe()));
        var result = worst switch
        {
            SecretGuardHealthState.Healthy => HealthCheckResult.Healthy(description, data),
            SecretGuardHealthState.Degraded => HealthCheckResult.Degraded(description, null, data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, description, null, data),
        };
        return Task.FromResult(result);
    }

    private List<SecretGuardStatus> Statuses()
    {
        var statuses = new List<SecretGuardStatus>();
        if (_configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.OfType<SecretGuardConfigurationProvider>())
            {
                if (provider.Status is { } status)
                {
                    statuses.Add(status);
                }
            }
        }

        if (statuses.Count == 0)
        {
            statuses.Add(Secrets.GetStatus());
        }

        return statuses;
    }

    private static void Describe(SecretGuardStatus status, string prefix, Dictionary<string, object> data)
    {
        data[prefix + "environment"] = status.Environment;
        data[prefix + "state"] = status.State.ToString();
        if (status.EnvFilePath is not null)
        {
            data[prefix + "envFile"] = status.EnvFilePath;
        }

        data[prefix + "keys"] = status.Keys.ToArray();
        data[prefix + "values"] = status.ValueCount;
        if (status.ValuesOnPreviousKey.Count > 0)
        {
            data[prefix + "valuesOnPreviousKey"] = status.ValuesOnPreviousKey.ToArray();
        }

        if (status.FailedReload is not null)
        {
            data[prefix + "failedReload"] = status.FailedReload;
        }

        var unnamed = 0;
        foreach (var problem in status.Problems)
        {
            var name = problem.KeyName ?? ("#" + ++unnamed);
            data[prefix + "problem:" + name] = problem.ErrorCode + " " + problem.Reason +
                (problem.FilePath is null ? string.Empty : " at " + problem.FilePath + (problem.Line is int line ? ":" + line : string.Empty)) +
                (problem.Kid is null ? string.Empty : ", kid " + problem.Kid) + ": " + problem.Message;
        }
    }
}
