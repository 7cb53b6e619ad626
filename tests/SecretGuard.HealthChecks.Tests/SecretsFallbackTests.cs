using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecretGuard.Keys;

namespace SecretGuard.HealthChecks.Tests;

/// <summary>An app that reads its secrets through <see cref="Secrets"/> only: the health check reports that.</summary>
[Collection(AppCollection.Name)]
public sealed class SecretsFallbackTests
{
    [Fact]
    public async Task Without_a_SecretGuard_configuration_provider_the_check_reports_Secrets()
    {
        using var deployment = new Deployment();
        var previous = deployment.CurrentKey();
        var rotated = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var currentKey = KeyDerivation.Derive(MasterKey.FromBase64(rotated, "rotated"), "prod");
        System.IO.File.WriteAllText(deployment.KeyFilePath, "prod = " + rotated + "\nprod.previous = " + deployment.InitialKey + "\n");
        Deployment.Replace(deployment.DeployedEnvFile,
            deployment.Encrypt(new[] { ("OLD_SECRET", "old-value-4d3c") }, previous) +
            deployment.Encrypt(new[] { ("NEW_SECRET", "new-value-2b1a") }, currentKey));
        Assert.NotEqual(previous.Kid, currentKey.Kid);

        Secrets.Configure(o =>
        {
            o.BaseDirectory = deployment.App;
            o.Environment = "prod";
            o.KeyFilePath = deployment.KeyFilePath;
            o.KeyVariable = deployment.KeyVariable;
            o.ValidateOnStart = true;
        });

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Unrelated"] = "1" }).Build();
        var check = new SecretGuardHealthCheck(configuration);
        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("secretguard", check, HealthStatus.Unhealthy, null),
        });

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(new[] { "OLD_SECRET" }, (string[])result.Data["valuesOnPreviousKey"]);
        Assert.Equal(2, ((string[])result.Data["keys"]).Length);
        Assert.Equal("prod", result.Data["environment"]);
        Assert.Contains("still need the previous key", result.Description, StringComparison.Ordinal);
        Assert.Equal("new-value-2b1a", Secrets.Get("NEW_SECRET"));
        var strings = result.Data.Values.SelectMany(v => v is string[] list ? list : new[] { v.ToString()! }).Append(result.Description!);
        Assert.DoesNotContain(strings, s => s.Contains("old-value-4d3c", StringComparison.Ordinal) || s.Contains(rotated, StringComparison.Ordinal) || s.Contains(deployment.InitialKey, StringComparison.Ordinal));
    }
}
