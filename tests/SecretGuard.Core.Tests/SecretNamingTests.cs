using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// Which entries are secrets (docs/formats.md#1-env-files, "Secrets") and the name without the suffix
/// (docs/runtime.md#configuration).
/// </summary>
public class SecretNamingTests
{
    [Theory]
    [InlineData("API_KEY_SECRET", true)]
    [InlineData("api_key_secret", true)]
    [InlineData("Db__Password_Secret", true)]
    [InlineData("ConnectionStrings__Db_SECRET", true)]
    [InlineData("X_sEcReT", true)]
    [InlineData("_SECRET", true)]
    [InlineData("API_KEY", false)]
    [InlineData("SECRET_KEY", false)]
    [InlineData("MY_SECRETS", false)]
    [InlineData("MYSECRET", false)]
    [InlineData("SECRET", false)]
    [InlineData("", false)]
    public void The_default_is_the_SECRET_suffix_ignoring_case(string key, bool secret)
    {
        Assert.Equal(secret, SecretNaming.Default.IsSecret(key));
        Assert.Equal(new[] { "_SECRET" }, SecretNaming.Default.Suffixes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(";")]
    [InlineData(" ; , ")]
    public void An_empty_suffix_list_means_the_default(string? list)
    {
        var naming = SecretNaming.FromList(list);
        Assert.Equal(new[] { SecretNaming.DefaultSuffix }, naming.Suffixes);
        Assert.True(naming.IsSecret("A_SECRET"));
    }

    [Fact]
    public void A_custom_suffix_list_is_semicolon_separated_and_replaces_the_default()
    {
        var naming = SecretNaming.FromList("_PASSWORD;_TOKEN");
        Assert.True(naming.IsSecret("DB_PASSWORD"));
        Assert.True(naming.IsSecret("github_token"));
        Assert.False(naming.IsSecret("API_KEY_SECRET"));
        Assert.False(naming.IsSecret("PASSWORD_HINT"));
    }

    [Fact]
    public void A_suffix_list_may_use_commas_and_spaces_and_repeat_itself()
    {
        var naming = SecretNaming.FromList(" _SECRET , _KEY_SECRET; _secret ;");
        Assert.Equal(new[] { "_KEY_SECRET", "_SECRET" }, naming.Suffixes);
        Assert.True(naming.IsSecret("X_SECRET"));
    }

    [Fact]
    public void New_entries_take_the_first_suffix_as_written_not_the_longest()
    {
        Assert.Equal("_vault", SecretNaming.FromList(" _vault ; _API_SECRET").PreferredSuffix);
        Assert.Equal("_SECRET", SecretNaming.FromList(";;").PreferredSuffix);
        Assert.Equal("_SECRET", SecretNaming.Default.PreferredSuffix);
    }

    [Fact]
    public void The_longest_suffix_is_stripped_first()
    {
        var naming = SecretNaming.FromList("_SECRET;_API_SECRET");
        Assert.Equal("STRIPE", naming.StripSuffix("STRIPE_API_SECRET"));
        Assert.Equal("STRIPE_KEY", naming.StripSuffix("STRIPE_KEY_SECRET"));
    }

    [Fact]
    public void Explicit_names_are_secrets_by_exact_name()
    {
        var naming = new SecretNaming(null, new[] { "SECRET_KEY", "ENCRYPTION_KEY" });
        Assert.True(naming.IsSecret("SECRET_KEY"));
        Assert.True(naming.IsSecret("ENCRYPTION_KEY"));
        Assert.True(naming.IsSecret("OTHER_SECRET"));
        Assert.False(naming.IsSecret("SECRET_KEY_ID"));
        Assert.False(naming.IsSecret("secret_key"));
        Assert.Null(naming.StripSuffix("SECRET_KEY"));

        var fromList = SecretNaming.FromList("_PASSWORD", new[] { "SECRET_KEY" });
        Assert.True(fromList.IsSecret("SECRET_KEY"));
        Assert.True(fromList.IsSecret("DB_PASSWORD"));
        Assert.False(fromList.IsSecret("DB_SECRET"));
    }

    [Theory]
    [InlineData("ConnectionStrings__Db_SECRET", "ConnectionStrings__Db")]
    [InlineData("API_KEY_SECRET", "API_KEY")]
    [InlineData("api_key_secret", "api_key")]
    [InlineData("X_Secret", "X")]
    [InlineData("_SECRET", null)]
    [InlineData("_secret", null)]
    [InlineData("API_KEY", null)]
    [InlineData("SECRET", null)]
    [InlineData("", null)]
    public void StripSuffix_removes_the_secret_suffix(string key, string? expected)
    {
        Assert.Equal(expected, SecretNaming.Default.StripSuffix(key));
    }

    [Fact]
    public void Null_and_blank_suffixes_in_the_constructor_are_ignored()
    {
        var naming = new SecretNaming(new[] { null!, " ", "_PWD" });
        Assert.Equal(new[] { "_PWD" }, naming.Suffixes);
    }
}
