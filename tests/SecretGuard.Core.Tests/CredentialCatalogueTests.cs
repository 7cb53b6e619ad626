using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>The built-in credential formats (shared by the analyzers and the env-file checks).</summary>
public class CredentialCatalogueTests
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Letters = Upper + "abcdefghijklmnopqrstuvwxyz";
    private const string Alnum = Letters + "0123456789";
    private const string UpperDigits = Upper + "0123456789";

    /// <summary>Family id → a realistic sample and a near miss. Samples are made at run time from a fixed seed.</summary>
    public static IEnumerable<object[]> Families()
    {
        var r = new Random(20240131);
        string R(string alphabet, int length) => Make(r, alphabet, length);
        var jwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
        var jwtPayload = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0";
        var body = R(Alnum, 64);
        yield return Row("private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body, "-----BEGIN PUBLIC KEY-----\n" + body);
        yield return Row("private-key", "-----BEGIN PRIVATE KEY-----\n" + R(Alnum, 64) + "\n", "-----BEGIN PRIVATE KEY-----");
        yield return Row("aws-access-key-id", "AKIA" + R(UpperDigits, 16), "AKIA" + R(UpperDigits, 15));
        yield return Row("aws-access-key-id", "id=ASIA" + R(UpperDigits, 16) + ";", "AKIA" + R(Upper, 8).ToLowerInvariant() + R(Upper, 8).ToLowerInvariant());
        yield return Row("github-token", SyntheticTokens.WithChecksum("ghp_", r), "ghp_" + R(Alnum, 35));
        yield return Row("github-token", SyntheticTokens.WithChecksum("gho_", r), SyntheticTokens.WithWrongChecksum("gho_", r));
        yield return Row("github-token", "github_pat_" + R(Alnum, 22) + "_" + R(Alnum, 59), "github_pat_" + R(Alnum, 30));
        yield return Row("gitlab-token", "glpat-" + R(Alnum, 20), "glpat-" + R(Alnum, 12));
        yield return Row("slack-token", "xoxb-" + R("0123456789", 12) + "-" + R(Alnum, 24), "xoxz-" + R("0123456789", 12) + "-" + R(Alnum, 24));
        yield return Row("slack-webhook", "https://hooks.slack.com/services/T" + R(UpperDigits, 8) + "/B" + R(UpperDigits, 8) + "/" + R(Alnum, 24), "https://hooks.slack.com/help/articles/115005265063");
        yield return Row("stripe-key", "sk_live_" + R(Alnum, 24), "pk_live_" + R(Alnum, 24));
        yield return Row("stripe-key", "rk_test_" + R(Alnum, 30), "sk_live_" + R(Alnum, 12));
        yield return Row("openai-key", "sk-proj-" + R(Alnum, 48), "sk-" + R(Alnum, 20));
        yield return Row("anthropic-key", "sk-ant-api03-" + R(Alnum, 93) + "AA", "sk-ant-api03-" + R(Alnum, 10));
        yield return Row("google-api-key", "AIza" + R(Alnum, 35), "AIza" + R(Alnum, 20));
        yield return Row("sendgrid-key", "SG." + R(Alnum, 22) + "." + R(Alnum, 43), "SG." + R(Alnum, 22) + "." + R(Alnum, 20));
        yield return Row("jwt", jwtHeader + "." + jwtPayload + "." + R(Alnum, 43), jwtHeader);
        yield return Row("connection-string-password", "Server=tcp:sql.contoso.net,1433;Database=app;User ID=app;Password=" + R(Alnum, 12) + ";", "Server=sql.contoso.net;Database=app;Integrated Security=SSPI;");
        yield return Row("connection-string-password", "DefaultEndpointsProtocol=https;AccountName=app;AccountKey=" + R(Alnum, 40) + ";", "DefaultEndpointsProtocol=https;AccountName=app;");
        yield return Row("url-credentials", "redis://default:" + R(Alnum, 16) + "@cache.internal:6379", "https://cache.internal:6379/status");
        yield return Row("url-credentials", "postgres://app:" + R(Alnum, 16) + "@db.internal:5432/app", "postgres://app@db.internal:5432/app");
        yield return Row("npm-token", SyntheticTokens.WithChecksum("npm_", r), "npm_" + R(Alnum, 30));
        yield return Row("npm-token", SyntheticTokens.WithChecksum("npm_", r), SyntheticTokens.WithWrongChecksum("npm_", r));
        yield return Row("huggingface-token", "hf_" + R(Letters, 34), "hf_" + R(Letters, 20));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_built_in_family_matches_a_realistic_sample_and_rejects_a_near_miss(string familyId, string sample, string nearMiss)
    {
        var match = CredentialCatalogue.Default.Find(sample);
        Assert.NotNull(match);
        Assert.Equal(familyId, match!.Family.Id);
        Assert.DoesNotContain(sample, match.ToString(), StringComparison.Ordinal);

        Assert.Null(CredentialCatalogue.Default.Find(nearMiss));
    }

    [Fact]
    public void Every_built_in_family_is_covered_by_the_samples()
    {
        // Every family has samples in CredentialFamiliesTests; these rows cover the first sixteen, and each must still exist.
        var covered = Families().Select(row => (string)row[0]).Distinct();
        var all = CredentialCatalogue.Default.Families.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(covered, id => Assert.Contains(id, all));
        Assert.Equal(CredentialCatalogue.Default.Families.Count, CredentialCatalogue.Default.Families.Select(f => f.Id).Distinct().Count());
        Assert.All(CredentialCatalogue.Default.Families, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public void An_anthropic_key_is_named_as_such_not_as_an_openai_key()
    {
        var key = "sk-ant-api03-" + Make(new Random(7), Alnum, 93) + "AA";
        Assert.Equal("an Anthropic API key", CredentialCatalogue.Default.Find(key)!.Family.Description);
    }

    [Fact]
    public void The_entropy_floor_rejects_a_well_formed_but_repetitive_token()
    {
        var repetitive = "ghp_" + new string('a', 36);
        var github = CredentialCatalogue.Default.Families.Single(f => f.Id == "github-token");
        Assert.Matches(github.Regex, repetitive); // the format alone would accept it
        Assert.Equal(3.0, github.MinEntropyBitsPerChar);
        Assert.True(CredentialCatalogue.ShannonEntropy(repetitive) < 1.0);

        Assert.Null(CredentialCatalogue.Default.Find(repetitive));
        Assert.Null(CredentialCatalogue.Default.Find("ghp_" + string.Concat(Enumerable.Repeat("ab", 18))));
        Assert.Null(CredentialCatalogue.Default.Find("sk_live_" + string.Concat(Enumerable.Repeat("ab", 12))));
        Assert.Null(CredentialCatalogue.Default.Find("npm_" + string.Concat(Enumerable.Repeat("abc", 12))));
    }

    [Theory]
    [InlineData("", 0.0)]
    [InlineData("a", 0.0)]
    [InlineData("aaaa", 0.0)]
    [InlineData("ab", 1.0)]
    [InlineData("aabb", 1.0)]
    [InlineData("abcd", 2.0)]
    [InlineData("abcdefgh", 3.0)]
    [InlineData("0123456789abcdef", 4.0)]
    [InlineData("aab", 0.918295834)]
    [InlineData("aaab", 0.811278124)]
    public void ShannonEntropy_is_bits_per_character(string text, double expected)
    {
        Assert.Equal(expected, CredentialCatalogue.ShannonEntropy(text), 6);
    }

    [Fact]
    public void ShannonEntropy_of_a_random_token_is_high()
    {
        var token = Make(new Random(1), Alnum, 40);
        Assert.InRange(CredentialCatalogue.ShannonEntropy(token), 4.0, Math.Log(40, 2));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("changeme")]
    [InlineData("<your-key>")]
    [InlineData("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("${GITHUB_TOKEN}")]
    [InlineData("Password=changeme;")]
    [InlineData("postgres://user:<password>@localhost/app")]
    [InlineData("https://api.stripe.com/v1/charges")]
    [InlineData("Information")]
    [InlineData("Server=db;Database=app;Trusted_Connection=True;")]
    public void Placeholders_and_ordinary_values_never_match(string? value)
    {
        Assert.Null(CredentialCatalogue.Default.Find(value));
    }

    [Fact]
    public void A_match_says_where_the_credential_is_without_showing_it()
    {
        var token = SyntheticTokens.WithChecksum("ghp_", new Random(3));
        var match = CredentialCatalogue.Default.Find("token: " + token + " (ci)");

        Assert.NotNull(match);
        Assert.Equal(7, match!.Index);
        Assert.Equal(40, match.Length);
        Assert.Equal("a GitHub token at 7", match.ToString());
    }

    [Fact]
    public void A_custom_catalogue_uses_its_own_families_with_the_keyword_prefilter()
    {
        var acme = new CredentialFamily("acme", "an Acme key", new[] { "acme_" }, @"\bacme_[a-z0-9]{16}\b", 3.0);
        var catalogue = new CredentialCatalogue(new[] { acme });
        var sample = "acme_" + Make(new Random(5), "abcdefghijklmnopqrstuvwxyz0123456789", 16);

        Assert.Same(acme, catalogue.Find(sample)!.Family);
        Assert.Null(catalogue.Find("ACME-" + sample.Substring(5)));
        Assert.Null(catalogue.Find("ghp_" + Make(new Random(6), Alnum, 36)));
        Assert.Single(catalogue.Families);
    }

    private static object[] Row(string familyId, string sample, string nearMiss) => new object[] { familyId, sample, nearMiss };

    private static string Make(Random random, string alphabet, int length)
    {
        while (true)
        {
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = sb.ToString();
            if (!SensitivityLexicon.IsPlaceholder(text))
            {
                return text;
            }
        }
    }
}
