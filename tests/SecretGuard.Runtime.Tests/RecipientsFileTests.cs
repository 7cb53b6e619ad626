using System.IO;
using System.Linq;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>
/// The recipients file (docs/formats.md#the-recipients-file): the key file's grammar with public keys, up to 8 per
/// environment in file order, the same key twice an error, and found like the key file.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RecipientsFileTests
{
    private const string App = PublicKeyVectorTests.AppPublic;
    private const string Ops = PublicKeyVectorTests.OpsPublic;

    [Fact]
    public void The_example_of_the_spec_lists_prod_with_two_keys_in_file_order()
    {
        var file = RecipientsFile.Parse(
            "# SecretGuard public keys: commit this file.\n" +
            "dev  = " + App + "\n" +
            "prod = " + Ops + "   # the app\r\n" +
            "prod = " + App + "   # break-glass\n", "/repo/secretguard.recipients");

        Assert.Empty(file.Findings);
        Assert.Equal(new[] { "dev", "prod" }, file.Environments);
        Assert.Equal(new[] { "56380e02", "42698894" }, file.RecipientsOf("prod").Select(k => k.RecipientId));
        Assert.Equal(new[] { "42698894" }, file.RecipientsOf("dev").Select(k => k.RecipientId));
        Assert.True(file.Lists("prod"));
        Assert.False(file.Lists("int"));
        Assert.Empty(file.RecipientsOf("int"));
        Assert.Equal(4, file.FindRecipient("prod", "42698894")!.Line);
    }

    [Theory]
    [InlineData("prod = " + Ops + "\nprod = " + Ops + "\n", "listed twice")]
    [InlineData("prod = sgpub2_BCYe-9NVDPBo7wE-1zZroy9db-VXtLKrzoreWMuhaKVeF4igsppWpqvsQITAyWvT3LymtQfzXb6p6YVwhHnYvc\n", "not a version 2 public key")] // cut
    [InlineData("prod = sgpub2_BCYe-9NVDPBo7wE-1zZroy9db-VXtLKrzoreWMuhaKVeF4igsppWpqvsQITAyWvT3LymtQfzXb6p6YVwhHnYvcA\n", "not a version 2 public key")] // off the curve (Y changed)
    [InlineData("prod = " + PublicKeyVectorTests.AppPrivate + "\n", "private key")]
    [InlineData("Prod = " + Ops + "\n", "expected")]
    [InlineData("prod " + Ops + "\n", "expected")]
    public void A_broken_line_is_SG1012_naming_the_line_and_no_value_of_its_environment_can_be_encrypted(string text, string words)
    {
        var file = RecipientsFile.Parse(text, "/repo/secretguard.recipients");

        var finding = file.Findings.Last();
        Assert.Equal("SG1012", finding.Id);
        Assert.Contains(words, finding.Message);
        Assert.DoesNotContain("AQIDBAUG", finding.Message);
        var ex = Assert.Throws<SecretGuardException>(() => file.RecipientsOf("prod"));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains("/repo/secretguard.recipients(", ex.Message);
    }

    [Fact]
    public void Nine_keys_for_one_environment_are_one_too_many()
    {
        var keys = Enumerable.Range(1, 9).Select(i =>
        {
            using var key = PrivateKey.FromScalar("prod", Enumerable.Repeat((byte)i, 32).ToArray(), "test");
            return key.ToRecipient().ToText();
        });
        var file = RecipientsFile.Parse(string.Concat(keys.Select(k => "prod = " + k + "\n")));

        Assert.Equal(9, Assert.Single(file.Findings).Line);
        Assert.Contains("more than 8", file.Findings[0].Message);
        Assert.Throws<SecretGuardException>(() => file.RecipientsOf("prod"));
    }

    [Fact]
    public void It_is_found_upward_or_where_the_variable_says_and_a_named_file_that_is_missing_is_an_error()
    {
        using var dir = new TempDirectory();
        var upward = dir.Write("secretguard.recipients", "prod = " + Ops + "\n");
        var nested = Path.Combine(dir.Path, "src", "Api");
        Directory.CreateDirectory(nested);
        using var vars = new EnvironmentVariables().Set(RecipientsFile.FileVariable, null);

        Assert.Equal(upward, RecipientsFile.Find(null, new[] { nested }));

        var elsewhere = dir.Write("keys/team.recipients", "prod = " + App + "\n");
        vars.Set(RecipientsFile.FileVariable, elsewhere);
        Assert.Equal(elsewhere, RecipientsFile.Find(null, new[] { nested }));
        Assert.Equal(upward, RecipientsFile.Find(upward, new[] { nested }));

        vars.Set(RecipientsFile.FileVariable, Path.Combine(dir.Path, "missing.recipients"));
        var ex = Assert.Throws<SecretGuardException>(() => RecipientsFile.Find(null, new[] { nested }));
        Assert.Equal("SG1012", ex.ErrorCode);
        Assert.Contains(RecipientsFile.FileVariable, ex.Message);
    }
}
