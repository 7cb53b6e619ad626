using System;
using System.Collections.Generic;
using System.IO;

namespace SecretGuard.EndToEnd;

/// <summary>
/// Tests are not prod (issue 16, docs/operations.md#integration-tests-read-dev): <c>dotnet test -c Release</c> in CI of a
/// WebApplicationFactory test project reads the dev values of the web app it tests, with only the dev key present.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TestsAreNotProdTests
{
    private const string MvcTestingVersion = "10.0.15";
    private readonly PackageFeed _feed;

    public TestsAreNotProdTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void A_Release_test_run_with_WebApplicationFactory_reads_dev_with_only_the_dev_key()
    {
        using var project = new SampleProject(_feed);
        File.Delete(project.KeyFilePath); // CI: no key file, only the variables the pipeline gives
        var shop = Path.Combine(project.Root, "Shop");
        var tests = Path.Combine(project.Root, "Shop.Tests");
        Directory.CreateDirectory(shop);
        Directory.CreateDirectory(tests);

        File.WriteAllText(Path.Combine(shop, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <SecretGuardShipEnvironments>dev;prod</SecretGuardShipEnvironments>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecretGuard" Version="{project.PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(shop, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddSecretGuard();

            var app = builder.Build();
            app.MapGet("/storefront", (IConfiguration config) => config["Storefront:PublicUrl"]);
            app.MapGet("/payments/status", (IConfiguration config) => string.IsNullOrEmpty(config["Payments:ApiKey"]) ? "not configured" : "configured");
            app.Run();

            public partial class Program
            {
            }
            """);
        File.WriteAllText(Path.Combine(shop, ".env.dev"),
            "Storefront__PublicUrl=https://dev.shop.test\n" +
            "Payments__ApiKey_SECRET=" + TestCrypto.Encrypt("dev", project.DevKey, "Payments__ApiKey_SECRET", "dev-payments-7104") + "\n");
        File.WriteAllText(Path.Combine(shop, ".env.prod"),
            "Storefront__PublicUrl=https://shop.test\n" +
            "Payments__ApiKey_SECRET=" + TestCrypto.Encrypt("prod", project.ProdKey, "Payments__ApiKey_SECRET", "prod-payments-8215") + "\n");

        File.WriteAllText(Path.Combine(tests, "Shop.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.AspNetCore.Mvc.Testing" Version="{MvcTestingVersion}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <Using Include="Xunit" />
                <ProjectReference Include="../Shop/Shop.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tests, "StorefrontTests.cs"), """
            using Microsoft.AspNetCore.Mvc.Testing;

            public sealed class StorefrontTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
            {
                [Fact]
                public async Task The_app_under_test_reads_the_dev_values()
                {
                    using var client = factory.CreateClient();
                    Assert.Equal("https://dev.shop.test", await client.GetStringAsync("/storefront"));
                    Assert.Equal("configured", await client.GetStringAsync("/payments/status"));
                }
            }
            """);

        // CI: Verify mode, Release, and the dev key as the pipeline's variable; no prod key anywhere.
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _feed.PackagesDirectory,
            ["CI"] = "true",
            ["SECRETGUARD_KEY_DEV"] = project.DevKey,
        };
        var run = DotNet.Run(tests, TimeSpan.FromMinutes(6), environment,
            "test", Path.Combine(tests, "Shop.Tests.csproj"), "-c", "Release", "-nodeReuse:false");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+1\b", run.Output);
        Assert.DoesNotContain("-payments-", run.Output);

        // What made it work: the test output holds each shipped file, and the test host ran as Development.
        var output = Path.Combine(tests, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, ".env.dev")), run.Output);
        Assert.True(File.Exists(Path.Combine(output, ".env.prod")), run.Output);
        Assert.False(File.Exists(Path.Combine(output, ".env")));
    }
}
