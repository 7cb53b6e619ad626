using System;
using System.Collections.Generic;

namespace SecretGuard.Cli.Tests;

/// <summary>set, encrypt and decrypt: values in and out, and every way they refuse.</summary>
public sealed class ValueCommandTests
{
    private const string Secret = "s3cr3t-Value-Never-Shown";

    [Fact]
    public void Set_adds_then_replaces_an_entry_changing_only_its_value()
    {
        using var ws = Initialized();
        ws.Write(".env.dev", "# comment\r\nexport A=1   # keep\r\nTOKEN_SECRET='old'\r\nB=2");

        var add = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("Added API_KEY_SECRET", add.Stdout);
        var replace = ws.Pipe(Secret + "2", "set", "TOKEN_SECRET", "--env", "dev");
        Assert.True(replace.ExitCode == 0, replace.ToString());
        Assert.Contains("Replaced TOKEN_SECRET", replace.Stdout);

        var text = ws.Read(".env.dev");
        var lines = text.Split("\r\n");
        Assert.Equal("# comment", lines[0]);
        Assert.Equal("export A=1   # keep", lines[1]);
        Assert.StartsWith("TOKEN_SECRET=DEV_ENC:v1:", lines[2]);
        Assert.Equal("B=2", lines[3]);
        Assert.StartsWith("API_KEY_SECRET=DEV_ENC:v1:", lines[4]);
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "API_KEY_SECRET", ws.ValueOf(".env.dev", "API_KEY_SECRET")));
        Assert.Equal(Secret + "2", ws.DecryptWithKeyFileOnDisk("dev", "TOKEN_SECRET", ws.ValueOf(".env.dev", "TOKEN_SECRET")));
        Workspace.AssertNoneIn(add.Output + replace.Output, new[] { Secret });
        Workspace.AssertNoneIn(add.Output + replace.Output, ws.Keys());
    }

    [Fact]
    public void Set_keeps_a_multi_line_value_and_drops_only_one_final_newline()
    {
        using var ws = Initialized();
        Assert.Equal(0, ws.Pipe("line one\nline two\n\n", "set", "CERT_SECRET", "--env", "dev").ExitCode);
        Assert.Equal("line one\nline two\n", ws.DecryptWithKeyFileOnDisk("dev", "CERT_SECRET", ws.ValueOf(".env.dev", "CERT_SECRET")));
    }

    [Fact]
    public void Set_with_value_option_works_but_warns_about_shell_history()
    {
        using var ws = Initialized();
        var result = ws.Run("set", "API_KEY_SECRET", "--env", "dev", "--value", Secret);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: --value puts the secret in your shell history", result.Stderr);
        Workspace.AssertNoneIn(result.Output, new[] { Secret });
    }

    [Fact]
    public void Set_refuses_an_empty_value()
    {
        using var ws = Initialized();
        var result = ws.Pipe(string.Empty, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is empty", result.Stderr);
        Assert.False(ws.Exists(".env.dev"));
    }

    [Fact]
    public void Set_refuses_a_name_that_is_not_secret_unless_forced()
    {
        using var ws = Initialized();
        var refused = ws.Pipe(Secret, "set", "SECRET_KEY", "--env", "dev");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the name (10 characters) is not a secret name", refused.Stderr);
        Assert.Contains("Add _SECRET to the name, or add --force", refused.Stderr);
        Assert.DoesNotContain("SECRET_KEY", refused.Stderr); // a name without the suffix may be a pasted value: not quoted
        Assert.False(ws.Exists(".env.dev"));

        var forced = ws.Pipe(Secret, "set", "SECRET_KEY", "--env", "dev", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "SECRET_KEY", ws.ValueOf(".env.dev", "SECRET_KEY")));
    }

    [Fact]
    public void Set_accepts_a_name_the_project_marks_secret()
    {
        using var ws = Initialized();
        ws.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><SecretGuardRule Include=\"SECRET_KEY\" Secret=\"true\" /></ItemGroup>" +
            "<PropertyGroup><SecretGuardSecretSuffixes>_SECRET;_PASSWORD</SecretGuardSecretSuffixes></PropertyGroup></Project>");
        Assert.Equal(0, ws.Pipe(Secret, "set", "SECRET_KEY", "--env", "dev").ExitCode);
        Assert.Equal(0, ws.Pipe(Secret, "set", "DB_PASSWORD", "--env", "dev").ExitCode);
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "DB_PASSWORD", ws.ValueOf(".env.dev", "DB_PASSWORD")));
        Assert.Equal(0, ws.Run("validate").ExitCode);
    }

    [Fact]
    public void Set_refuses_a_file_with_syntax_errors_and_leaves_it_alone()
    {
        using var ws = Initialized();
        const string broken = "A=1\nthis line is broken\nB=\"unclosed\n";
        ws.Write(".env.dev", broken);
        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.dev(2,", result.Stderr);
        Assert.Contains("error SG1001", result.Stderr);
        Assert.Contains("Fix them first", result.Stderr);
        Assert.Equal(broken, ws.Read(".env.dev"));
        Workspace.AssertNoneIn(result.Output, new[] { Secret });
    }

    [Fact]
    public void Set_without_a_key_says_where_to_put_one()
    {
        using var ws = new Workspace();
        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SG1012", result.Stderr);
        Assert.Contains("SECRETGUARD_KEY_DEV", result.Stderr);
        Assert.Contains("secretguard init", result.Stderr);
        Assert.False(ws.Exists(".env.dev"));
    }

    [Fact]
    public void Set_refuses_the_file_of_another_environment()
    {
        using var ws = Initialized();
        ws.Write(".env.prod", "A=1\n");
        var result = ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev", "--file", ".env.prod");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is the prod env file, but --env is dev", result.Stderr);
        Assert.Equal("A=1\n", ws.Read(".env.prod"));
    }

    [Fact]
    public void Set_uses_the_key_from_the_environment_variable()
    {
        using var ws = new Workspace();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var result = Cli.Run(ws.Path, Secret, new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = key }, "set", "API_KEY_SECRET", "--env", "prod");
        Assert.True(result.ExitCode == 0, result.ToString());
        Workspace.AssertNoneIn(result.Output, new[] { key, Secret });
        ws.Write("secretguard.keys", "prod = " + key + "\n");
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", ws.ValueOf(".env.prod", "API_KEY_SECRET")));
    }

    [Fact]
    public void Encrypt_prints_a_ciphertext_bound_to_the_name()
    {
        using var ws = Initialized();
        var positional = ws.Pipe(Secret + "\n", "encrypt", "API_KEY_SECRET", "--env", "dev");
        var named = ws.Pipe(Secret, "encrypt", "--name", "API_KEY_SECRET", "--env", "dev");
        Assert.True(positional.ExitCode == 0, positional.ToString());
        Assert.True(named.ExitCode == 0, named.ToString());
        var ciphertext = positional.Stdout.Trim();
        Assert.StartsWith("DEV_ENC:v1:", ciphertext);
        Assert.NotEqual(ciphertext, named.Stdout.Trim()); // a fresh nonce each time
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "API_KEY_SECRET", ciphertext));
        Assert.Equal(Secret, ws.DecryptWithKeyFileOnDisk("dev", "API_KEY_SECRET", named.Stdout.Trim()));
        Assert.ThrowsAny<SecretGuardException>(() => ws.DecryptWithKeyFileOnDisk("dev", "OTHER_SECRET", ciphertext));
        Workspace.AssertNoneIn(positional.Output + named.Output, new[] { Secret });
        Workspace.AssertNoneIn(positional.Output + named.Output, ws.Keys());
    }

    [Fact]
    public void Encrypt_without_a_key_fails_with_SG1012()
    {
        using var ws = new Workspace();
        var result = ws.Pipe(Secret, "encrypt", "API_KEY_SECRET", "--env", "int");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SG1012", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Decrypt_refuses_a_redirected_output_without_force()
    {
        using var ws = Initialized();
        Assert.Equal(0, ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev").ExitCode);

        var refused = ws.Run("decrypt", "API_KEY_SECRET", "--env", "dev");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not a terminal", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(string.Empty, refused.Stdout);
        Workspace.AssertNoneIn(refused.Output, new[] { Secret });

        var forced = ws.Run("decrypt", "API_KEY_SECRET", "--env", "dev", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(Secret, forced.Stdout);
        Workspace.AssertNoneIn(forced.Output, ws.Keys());
    }

    [Fact]
    public void Decrypt_of_a_value_for_another_environment_is_SG1005()
    {
        using var ws = Initialized();
        Assert.Equal(0, ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev").ExitCode);
        ws.Write("misplaced.env", ws.Read(".env.dev"));
        var result = ws.Run("decrypt", "API_KEY_SECRET", "--env", "prod", "--file", "misplaced.env", "--force");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SG1005", result.Stderr);
        Assert.Contains("encrypted for dev", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Decrypt_of_a_tampered_or_missing_entry_fails_without_output()
    {
        using var ws = Initialized();
        Assert.Equal(0, ws.Pipe(Secret, "set", "API_KEY_SECRET", "--env", "dev").ExitCode);
        var value = ws.ValueOf(".env.dev", "API_KEY_SECRET");
        var tampered = value[..^3] + (value[^3] == 'A' ? "B" : "A") + value[^2..];
        ws.Write(".env.dev", "API_KEY_SECRET=" + tampered + "\n");

        var result = ws.Run("decrypt", "API_KEY_SECRET", "--env", "dev", "--force");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SG1006", result.Stderr);
        Assert.Contains(".env.dev(1)", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);

        var missing = ws.Run("decrypt", "OTHER_SECRET", "--env", "dev", "--force");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("OTHER_SECRET is not in .env.dev", missing.Stderr);
    }

    private static Workspace Initialized()
    {
        var ws = new Workspace();
        var init = ws.Run("init", "--v1");
        Assert.True(init.ExitCode == 0, init.ToString());
        return ws;
    }
}
