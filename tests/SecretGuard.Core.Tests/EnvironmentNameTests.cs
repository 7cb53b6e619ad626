using System;
using System.Globalization;
using SecretGuard.Environments;

namespace SecretGuard.Tests;

/// <summary>
/// Environment names (docs/formats.md#2-encrypted-values, docs/runtime.md#secrets): validation, culture-free prefixes,
/// hosting names.
/// </summary>
public class EnvironmentNameTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("int")]
    [InlineData("prod")]
    [InlineData("staging2")]
    [InlineData("qa")]
    [InlineData("a")]
    [InlineData("z9")]
    public void Valid_names(string name)
    {
        Assert.True(EnvironmentName.IsValid(name));
        EnvironmentName.Validate(name, "name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Dev")]
    [InlineData("DEV")]
    [InlineData("2dev")]
    [InlineData("de v")]
    [InlineData(" dev")]
    [InlineData("dev-1")]
    [InlineData("dev_1")]
    [InlineData("dev.previous")]
    [InlineData("dév")]
    [InlineData("ınt")]
    public void Invalid_names(string? name)
    {
        Assert.False(EnvironmentName.IsValid(name));
        var ex = Assert.Throws<ArgumentException>(() => EnvironmentName.Validate(name, "environment"));
        Assert.Equal("environment", ex.ParamName);
        Assert.Contains("lower-case", ex.Message);
    }

    [Fact]
    public void The_defaults_are_dev_int_prod()
    {
        Assert.Equal(new[] { "dev", "int", "prod" }, EnvironmentName.Defaults);
    }

    [Theory]
    [InlineData("dev", "DEV_ENC:")]
    [InlineData("int", "INT_ENC:")]
    [InlineData("prod", "PROD_ENC:")]
    [InlineData("staging2", "STAGING2_ENC:")]
    public void ToPrefix_upper_cases_the_name(string name, string prefix)
    {
        Assert.Equal(prefix, EnvironmentName.ToPrefix(name));
    }

    [Fact]
    public void ToPrefix_is_ascii_only_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            var turkish = CultureInfo.GetCultureInfo("tr-TR");
            CultureInfo.CurrentCulture = turkish;
            CultureInfo.CurrentUICulture = turkish;

            // The trap is real in this culture: culture-aware upper-casing gives a dotted capital I.
            Assert.Equal("İNT", "int".ToUpper());

            Assert.Equal("INT_ENC:", EnvironmentName.ToPrefix("int"));
            Assert.Equal("PRIVILEGED_ENC:", EnvironmentName.ToPrefix("privileged"));
            Assert.Equal("int", EnvironmentName.FromHostingEnvironment("INT"));
            Assert.Equal("qa", EnvironmentName.FromHostingEnvironment("QA"));
            Assert.Equal("integration", EnvironmentName.FromHostingEnvironment("INTEGRATION"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [Theory]
    [InlineData("Dev")]
    [InlineData("my env")]
    [InlineData("")]
    public void ToPrefix_rejects_invalid_names(string name)
    {
        Assert.Throws<ArgumentException>(() => EnvironmentName.ToPrefix(name));
    }

    [Theory]
    [InlineData("Development", "dev")]
    [InlineData("development", "dev")]
    [InlineData("DEVELOPMENT", "dev")]
    [InlineData(" Development ", "dev")]
    [InlineData("Staging", "int")]
    [InlineData("Production", "prod")]
    [InlineData("production", "prod")]
    [InlineData("QA", "qa")]
    [InlineData("Test2", "test2")]
    [InlineData("dev", "dev")]
    [InlineData("int", "int")]
    [InlineData("my env", null)]
    [InlineData("my-env", null)]
    [InlineData("2nd", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("Prödüction", null)]
    [InlineData(null, null)]
    public void FromHostingEnvironment_maps_dotnet_names(string? hosting, string? expected)
    {
        Assert.Equal(expected, EnvironmentName.FromHostingEnvironment(hosting));
    }
}
