using System.IO;
using SecretGuard.Environments;

namespace SecretGuard.Tests;

[Collection(ProcessStateCollection.Name)]
public class ActiveEnvironmentTests
{
    [Fact]
    public void The_option_wins()
    {
        using var vars = new EnvironmentVariables().ClearSecretGuardState().Set("SECRETGUARD_ENVIRONMENT", "prod");
        Assert.Equal("int", ActiveEnvironment.Resolve("int", Path.GetTempPath()).Name);
    }

    [Fact]
    public void SECRETGUARD_ENVIRONMENT_comes_before_the_hosting_variables()
    {
        using var vars = new EnvironmentVariables().ClearSecretGuardState()
            .Set("SECRETGUARD_ENVIRONMENT", "int").Set("DOTNET_ENVIRONMENT", "Development");
        var env = ActiveEnvironment.Resolve(null, Path.GetTempPath());
        Assert.Equal("int", env.Name);
        Assert.Equal("SECRETGUARD_ENVIRONMENT", env.Source);
    }

    [Theory]
    [InlineData("DOTNET_ENVIRONMENT", "Development", "dev")]
    [InlineData("DOTNET_ENVIRONMENT", "Staging", "int")]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production", "prod")]
    [InlineData("ASPNETCORE_ENVIRONMENT", "QA", "qa")]
    public void Hosting_names_map_to_environments(string variable, string value, string expected)
    {
        using var vars = new EnvironmentVariables().ClearSecretGuardState().Set(variable, value);
        var env = ActiveEnvironment.Resolve(null, Path.GetTempPath());
        Assert.Equal(expected, env.Name);
        Assert.Equal(variable + "=" + value, env.Source);
    }

    [Fact]
    public void The_build_record_is_the_fallback_then_prod()
    {
        using var dir = new TempDirectory();
        using var vars = new EnvironmentVariables().ClearSecretGuardState();
        Assert.Equal("prod", ActiveEnvironment.Resolve(null, dir.Path).Name);
        dir.Write(RecordedEnvironment.FileName, "dev\n");
        var env = ActiveEnvironment.Resolve(null, dir.Path);
        Assert.Equal("dev", env.Name);
        Assert.Contains(RecordedEnvironment.FileName, env.Source);
    }

    [Fact]
    public void An_invalid_name_is_a_clear_error()
    {
        using var vars = new EnvironmentVariables().ClearSecretGuardState().Set("SECRETGUARD_ENVIRONMENT", "Prod Env");
        var ex = Assert.Throws<SecretGuardException>(() => ActiveEnvironment.Resolve(null, Path.GetTempPath()));
        Assert.Equal(SecretGuardErrorReason.InvalidEnvironment, ex.Reason);
        Assert.Contains("SECRETGUARD_ENVIRONMENT", ex.Message);
    }
}
