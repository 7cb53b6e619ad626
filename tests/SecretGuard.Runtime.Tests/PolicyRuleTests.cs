using System;
using System.Linq;
using SecretGuard.Policy;

namespace SecretGuard.Tests;

/// <summary>SecretGuardRule items: construction errors, which environments, and what Check says (never the value).</summary>
public class PolicyRuleTests
{
    [Theory]
    [InlineData("[a-")]
    [InlineData("(abc")]
    [InlineData("a{2,1}")]
    [InlineData("*abc")]
    public void An_invalid_pattern_is_rejected_with_a_clear_message(string pattern)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicyRule("API_TOKEN", pattern: pattern));
        Assert.Equal("pattern", ex.ParamName);
        Assert.StartsWith("The Pattern of the rule for API_TOKEN is not a valid .NET regular expression: ", ex.Message);
    }

    [Fact]
    public void Negative_lengths_are_rejected()
    {
        var min = Assert.Throws<ArgumentException>(() => new PolicyRule("SECRET_KEY", minLength: -1));
        Assert.Equal("minLength", min.ParamName);
        Assert.StartsWith("Lengths cannot be negative.", min.Message);

        var exact = Assert.Throws<ArgumentException>(() => new PolicyRule("SECRET_KEY", length: -32));
        Assert.Equal("length", exact.ParamName);

        var zero = new PolicyRule("SECRET_KEY", minLength: 0, length: 0);
        Assert.Empty(zero.Check(string.Empty));
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("dev-1")]
    [InlineData("1dev")]
    [InlineData("d\u00e9v")]
    [InlineData("dev prod")]
    public void Invalid_environment_names_are_rejected(string environment)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicyRule("SECRET_KEY", environments: new[] { "dev", environment }));
        Assert.Equal("environments", ex.ParamName);
        Assert.Contains("'" + environment + "' is not a valid SecretGuard environment name", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rule_needs_a_name(string? name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicyRule(name!));
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Names_and_environments_are_trimmed_and_blank_environments_mean_all()
    {
        var rule = new PolicyRule("  SECRET_KEY ", environments: new[] { " dev ", "", "prod" });
        Assert.Equal("SECRET_KEY", rule.Name);
        Assert.Equal(new[] { "dev", "prod" }, rule.Environments);
        Assert.True(rule.AppliesTo("dev"));
        Assert.True(rule.AppliesTo("prod"));
        Assert.False(rule.AppliesTo("int"));
        Assert.Equal("rule for SECRET_KEY", rule.ToString());

        var all = new PolicyRule("SECRET_KEY", environments: new[] { " ", "" });
        Assert.Null(all.Environments);
        Assert.True(all.AppliesTo("int"));
        Assert.Null(new PolicyRule("SECRET_KEY", pattern: string.Empty).Pattern);
    }

    [Theory]
    [InlineData("abcd", 4, true)]
    [InlineData("ab\U0001F511c", 4, true)] // an emoji is one character
    [InlineData("\U0001F511\U0001F511", 2, true)]
    [InlineData("ab\U0001F511c", 5, false)]
    [InlineData("", 0, true)]
    [InlineData("\u00e9t\u00e9", 3, true)]
    public void Length_counts_unicode_code_points(string value, int length, bool ok)
    {
        var rule = new PolicyRule("PIN", length: length);
        var violations = rule.Check(value).ToList();
        Assert.Equal(ok, violations.Count == 0);
        if (!ok)
        {
            Assert.Equal("PIN must be exactly " + length + " characters long (rule Length=" + length + ")", Assert.Single(violations));
        }
    }

    [Fact]
    public void MinLength_counts_code_points_too()
    {
        var rule = new PolicyRule("SECRET_KEY", minLength: 3);
        Assert.Empty(rule.Check("a\U0001F511b"));
        Assert.Equal("SECRET_KEY must be at least 3 characters long (rule MinLength=3)", Assert.Single(rule.Check("a\U0001F511")));
    }

    [Theory]
    [InlineData("[0-9a-f]{32}", "0123456789abcdef0123456789abcdef", true)]
    [InlineData("[0-9a-f]{32}", "x0123456789abcdef0123456789abcdef", false)]
    [InlineData("[0-9a-f]{32}", "0123456789abcdef0123456789abcdefx", false)]
    [InlineData("[0-9a-f]{32}", "0123456789abcdef0123456789abcdef\n", false)] // '$' would accept a final newline
    [InlineData("abc|def", "abcdef", false)] // the alternation is grouped before anchoring
    [InlineData("abc|def", "def", true)]
    [InlineData("^sk_(live|test)_[A-Za-z0-9]+$", "sk_live_abc123", true)] // the author's own anchors do no harm
    [InlineData("[a-z]+", "abc\ndef", false)]
    public void Pattern_must_match_the_whole_value(string pattern, string value, bool ok)
    {
        var violations = new PolicyRule("API_TOKEN", pattern: pattern).Check(value).ToList();
        Assert.Equal(ok, violations.Count == 0);
        if (!ok)
        {
            Assert.Equal("API_TOKEN does not match the rule's Pattern " + pattern, Assert.Single(violations));
        }
    }

    [Fact]
    public void Every_violation_is_reported_and_none_shows_the_value()
    {
        const string Value = "Canary-Q7";
        var rule = new PolicyRule("SECRET_KEY", secret: true, minLength: 32, length: 40, pattern: "[0-9a-f]{40}");

        var violations = rule.Check(Value).ToList();

        Assert.Equal(
            new[]
            {
                "SECRET_KEY must be exactly 40 characters long (rule Length=40)",
                "SECRET_KEY must be at least 32 characters long (rule MinLength=32)",
                "SECRET_KEY does not match the rule's Pattern [0-9a-f]{40}",
            },
            violations);
        Assert.All(violations, v => Assert.DoesNotContain(Value, v, StringComparison.Ordinal));
        Assert.True(rule.Secret);
    }

    [Fact]
    public void A_pattern_that_times_out_is_a_violation_not_a_crash()
    {
        var rule = new PolicyRule("API_TOKEN", pattern: "(a+)+b");
        var violations = rule.Check(new string('a', 40) + "c").ToList();
        Assert.Equal("API_TOKEN does not match the rule's Pattern (a+)+b", Assert.Single(violations));
    }

    [Theory]
    [InlineData("(abc")]
    [InlineData("a{2,1}")]
    public void TryCreate_reports_the_whole_reason_as_data_for_a_finding(string pattern)
    {
        // The build and the CLI used to cut the exception's message at the first '(', which a regex error holds.
        var thrown = Assert.Throws<ArgumentException>(() => new PolicyRule("API_TOKEN", pattern: pattern));

        Assert.False(PolicyRule.TryCreate("API_TOKEN", false, null, null, pattern, false, null, out var rule, out var problem));

        Assert.Null(rule);
        Assert.Equal(thrown.Message, problem + " (Parameter 'pattern')");
    }

    [Fact]
    public void TryCreate_makes_the_same_rule_as_the_constructor()
    {
        Assert.True(PolicyRule.TryCreate(" API_TOKEN ", true, 8, null, "[a-z]+", true, new[] { "prod", " " }, out var rule, out var problem));

        Assert.Null(problem);
        Assert.Equal("API_TOKEN", rule.Name);
        Assert.Equal(new[] { "prod" }, rule.Environments);
        Assert.Equal(new[] { "API_TOKEN must be at least 8 characters long (rule MinLength=8)" }, rule.Check("abc"));
    }

    [Theory]
    [InlineData("PROD")]
    [InlineData("pr od")]
    public void TryCreate_reports_an_invalid_environment(string environment)
    {
        Assert.False(PolicyRule.TryCreate("API_TOKEN", false, null, null, null, false, new[] { environment }, out _, out var problem));

        Assert.StartsWith("'" + environment + "' is not a valid SecretGuard environment name", problem);
    }
}
