using System.IO;
using SecretGuard.Environments;

namespace SecretGuard.Tests;

/// <summary>
/// The environment a build records next to its output (docs/configuration.md#outputs, docs/runtime.md#secrets).
/// </summary>
public class RecordedEnvironmentTests
{
    [Theory]
    [InlineData("prod", "prod")]
    [InlineData("int\n", "int")]
    [InlineData("  dev \r\n", "dev")]
    [InlineData("Prod", null)]
    [InlineData("", null)]
    [InlineData("my env", null)]
    public void Read_returns_a_valid_recorded_name_or_null(string content, string? expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(RecordedEnvironment.FileName), content);
        Assert.Equal(expected, RecordedEnvironment.Read(dir.Path));
    }

    [Fact]
    public void Read_returns_null_without_a_file()
    {
        using var dir = new TempDirectory();
        Assert.Null(RecordedEnvironment.Read(dir.Path));
    }
}
