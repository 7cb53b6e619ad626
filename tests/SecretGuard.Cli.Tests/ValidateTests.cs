using System.IO;
using System.Linq;
using System.Text.Json;
using SecretGuard.Diagnostics;

namespace SecretGuard.Cli.Tests;

/// <summary>validate: the build's checks without a build, in the three output formats, on the working copy or the git index.</summary>
public sealed class ValidateTests
{
    private const string Plain = "sk_live_51HnotReallyAKeyButLongEnough0000";

    [Fact]
    public void A_syntax_error_is_reported_at_file_line_and_column_with_exit_1()
    {
        using var ws = new Workspace();
        ws.Write(".env.dev", "A=1\nnot an entry\n");
        var result = ws.Run("validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.dev(2,5): error SG1001: expected '='", result.Stdout);
        Assert.Contains("1 error", result.Stdout);
    }

    [Fact]
    public void A_plaintext_secret_is_an_error_and_validate_never_writes()
    {
        using var ws = RotateTests.Initialized();
        var text = "STRIPE_API_KEY_SECRET=" + Plain + "\n";
        ws.Write(".env.dev", text);
        var result = ws.Run("validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.dev(1,23): error SG1004: STRIPE_API_KEY_SECRET holds a plaintext secret", result.Stdout);
        Assert.Equal(text, ws.Read(".env.dev"));
        Workspace.AssertNoneIn(result.Output, new[] { Plain });
    }

    [Fact]
    public void A_tampered_value_is_SG1006_with_its_kid()
    {
        using var ws = RotateTests.Initialized();
        RotateTests.Set(ws, "dev", "A_SECRET", "value");
        var value = ws.ValueOf(".env.dev", "A_SECRET");
        ws.Write(".env.dev", "# header\nA_SECRET=" + value[..^2] + (value[^2] == 'x' ? "y" : "x") + value[^1] + "\n");
        var result = ws.Run("validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.dev(2,10): error SG1006: A_SECRET", result.Stdout);
    }

    [Fact]
    public void Warnings_become_errors_with_the_flag()
    {
        using var ws = new Workspace();
        ws.Write(".env.dev", "A=1\nB=2\n");
        ws.Write(".env.prod", "A=1\n");
        var lenient = ws.Run("validate");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(".env.prod: warning SG1009: B is defined for dev but not for prod", lenient.Stdout);

        var strict = ws.Run("validate", "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(".env.prod: error SG1009", strict.Stdout);
    }

    [Fact]
    public void Each_folder_is_checked_like_a_project_and_build_output_is_skipped()
    {
        using var ws = new Workspace();
        ws.Write("src/Api/.env.dev", "A=1\n");
        ws.Write("src/Api/.env.prod", "A=2\n");
        ws.Write("src/Worker/.env.dev", "B=1\n");
        ws.Write("src/Worker/bin/Debug/.env.dev", "broken line\n");
        ws.Write("src/Worker/.hidden/.env.dev", "broken line\n");
        var result = ws.Run("validate");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("SG1009", result.Stdout); // no drift between different projects
        Assert.Contains("3 env files", result.Stdout);

        var one = ws.Run("validate", "src/Worker");
        Assert.Contains("1 env file,", one.Stdout);
    }

    [Fact]
    public void An_explicit_file_takes_its_environment_from_its_name_or_from_a_single_env()
    {
        using var ws = RotateTests.Initialized();
        ws.Write("config/payments.env", "PAY_SECRET=" + Plain + "\n");
        var unknown = ws.Run("validate", "config/payments.env");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("cannot tell the environment of config/payments.env", unknown.Stderr);

        var prod = ws.Run("validate", "config/payments.env", "--env", "prod");
        Assert.Equal(1, prod.ExitCode);
        Assert.Contains("error SG1004", prod.Stdout);
    }

    [Fact]
    public void Rules_in_the_project_file_apply_as_in_the_build()
    {
        using var ws = RotateTests.Initialized();
        ws.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <SecretGuardRule Include="SECRET_KEY" Secret="true" />
                <SecretGuardRule Include="API_TOKEN_SECRET">
                  <MinLength>32</MinLength>
                </SecretGuardRule>
                <SecretGuardRule Include="IGNORED_SECRET" Required="true" Condition="'$(Configuration)' == 'Release'" />
              </ItemGroup>
            </Project>
            """);
        ws.Write(".env.dev", "SECRET_KEY=plain-but-secret-by-rule\n");
        RotateTests.Set(ws, "dev", "API_TOKEN_SECRET", "too-short");
        var result = ws.Run("validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.dev(1,12): error SG1004: SECRET_KEY holds a plaintext secret", result.Stdout);
        Assert.Contains(".env.dev(2,18): error SG1008: ", result.Stdout);
        Assert.DoesNotContain("IGNORED_SECRET is required", result.Stdout);
        Assert.Contains("note: App.csproj: the SecretGuardRule 'IGNORED_SECRET' has a Condition", result.Stderr);
        Workspace.AssertNoneIn(result.Output, new[] { "plain-but-secret-by-rule", "too-short" });
    }

    [Fact]
    public void Sarif_output_has_the_properties_the_schema_requires()
    {
        using var ws = new Workspace();
        ws.Write(".env.dev", "STRIPE_API_KEY_SECRET=" + Plain + "\nONLY_DEV=1\nbroken line\n");
        ws.Write(".env.prod", "STRIPE_API_KEY_SECRET=\n");
        var result = ws.Run("validate", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("validate: 2 env files", result.Stderr);
        Workspace.AssertNoneIn(result.Output, new[] { Plain });

        using var sarif = JsonDocument.Parse(result.Stdout);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("SecretGuard", driver.GetProperty("name").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "SG1001", "SG1004", "SG1009" }, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            // The rule metadata comes from the one rule table, which RuleTableConsistencyTests holds the docs to.
            var row = DiagnosticRules.Find(rule.GetProperty("id").GetString()!);
            Assert.NotNull(row);
            Assert.Equal(row.HelpLink, rule.GetProperty("helpUri").GetString());
            Assert.EndsWith("/docs/rules/" + row.Id + ".md", row.HelpLink);
            Assert.Equal(row.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(row.DefaultSeverity == FindingSeverity.Error ? "error" : "warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var item in results)
        {
            var ruleId = item.GetProperty("ruleId").GetString()!;
            Assert.Equal(ruleId, rules[item.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(item.GetProperty("level").GetString(), new[] { "error", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(item.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString();
            Assert.True(uri is ".env.dev" or ".env.prod", uri);
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            if (ruleId == "SG1009")
            {
                Assert.False(location.TryGetProperty("region", out _)); // a file-level finding has no line
            }
            else
            {
                Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
                Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() > 0);
            }
        }

        var plaintext = results.Single(r => r.GetProperty("ruleId").GetString() == "SG1004");
        Assert.Equal("error", plaintext.GetProperty("level").GetString());
        var region = plaintext.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(23, region.GetProperty("startColumn").GetInt32());
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Json_output_is_an_array_of_findings()
    {
        using var ws = new Workspace();
        ws.Write(".env.dev", "A=1\nnot an entry\n");
        var result = ws.Run("validate", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("SG1001", finding.GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        Assert.Equal(".env.dev", finding.GetProperty("file").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(5, finding.GetProperty("column").GetInt32());
        Assert.EndsWith("SG1001.md", finding.GetProperty("helpUri").GetString());

        using var clean = new Workspace();
        clean.Write(".env.dev", "A=1\n");
        var none = clean.Run("validate", "--format", "json");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(none.Stdout).RootElement.ValueKind);
    }

    [Fact]
    public void Key_file_hygiene_is_checked_in_a_git_repository()
    {
        using var ws = new Workspace();
        ws.Git("init", "-q");
        Assert.Equal(0, ws.Run("init", "--v1", "--env", "dev").ExitCode);
        ws.Write(".env.dev", "A=1\n");
        Assert.Equal(0, ws.Run("validate").ExitCode);

        File.WriteAllText(ws.File(".gitignore"), string.Empty);
        var exposed = ws.Run("validate");
        Assert.Equal(0, exposed.ExitCode);
        Assert.Contains("warning SG1011", exposed.Stdout);

        ws.Git("add", "secretguard.keys");
        var tracked = ws.Run("validate");
        Assert.Equal(1, tracked.ExitCode);
        Assert.Contains("error SG1010", tracked.Stdout);
        Workspace.AssertNoneIn(tracked.Output, ws.Keys());
    }

    [Fact]
    public void Staged_checks_what_git_will_commit_not_the_working_copy()
    {
        using var ws = RotateTests.Initialized();
        ws.Git("init", "-q");
        ws.Write("src/App/.env.dev", "STRIPE_API_KEY_SECRET=" + Plain + "\n");
        ws.Git("add", "src/App/.env.dev");
        File.WriteAllText(ws.File("src/App/.env.dev"), "STRIPE_API_KEY_SECRET=\n"); // fixed, but not staged

        var staged = ws.Run("validate", "--staged");
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(Path.Combine("src", "App", ".env.dev") + "(1,23): error SG1004", staged.Stdout);
        Assert.DoesNotContain("secretguard-staged-", staged.Output);
        Workspace.AssertNoneIn(staged.Output, new[] { Plain });
        Assert.Equal(0, ws.Run("validate").ExitCode);

        ws.Git("add", "src/App/.env.dev");
        File.WriteAllText(ws.File("src/App/.env.dev"), "STRIPE_API_KEY_SECRET=" + Plain + "\n"); // broken again, not staged
        Assert.Equal(0, ws.Run("validate", "--staged").ExitCode);
        Assert.Equal(1, ws.Run("validate").ExitCode);

        ws.Git("add", "-f", "secretguard.keys");
        var keyFile = ws.Run("validate", "--staged");
        Assert.Equal(1, keyFile.ExitCode);
        Assert.Contains("error SG1010", keyFile.Stdout);
    }

    [Fact]
    public void Staged_outside_a_repository_says_so()
    {
        using var ws = new Workspace();
        var result = ws.Run("validate", "--staged");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not in a git repository", result.Stderr);
    }
}
