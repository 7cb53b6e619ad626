using System;
using System.Diagnostics;
using System.Text.Json;

namespace SecretGuard.Cli.Tests;

/// <summary>validate --format sarif names the tool's version the way code-scanning services read it.</summary>
public sealed class SarifVersionTests
{
    [Fact]
    public void Sarif_driver_reports_the_tools_informational_version()
    {
        using var ws = new Workspace();
        var result = ws.Run("validate", "--format", "sarif");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var sarif = JsonDocument.Parse(result.Stdout);
        var driver = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        // The informational version of the dll the test runs, read from its metadata, not through the tool: the
        // version it was built as, plus "+<commit>" when the build knew the commit.
        var informational = FileVersionInfo.GetVersionInfo(Cli.DllPath).ProductVersion;
        Assert.False(string.IsNullOrEmpty(informational));
        Assert.True(informational == Repository.Version || informational.StartsWith(Repository.Version + "+", StringComparison.Ordinal), informational);
        Assert.Equal(informational, driver.GetProperty("version").GetString());
        Assert.Equal(Repository.Version, driver.GetProperty("semanticVersion").GetString());
    }
}
