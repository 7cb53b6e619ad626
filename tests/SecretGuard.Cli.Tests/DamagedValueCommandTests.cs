using System.IO;

namespace SecretGuard.Cli.Tests;

/// <summary>
/// A ciphertext whose prefix was altered (docs/formats.md#recognising-an-encrypted-value) is an SG1006 error for every
/// command that reads values: validate reports it, decrypt does not print it as plaintext, set does not encrypt it,
/// and rotate does not leave it behind under a key that --finish would delete.
/// </summary>
public sealed class DamagedValueCommandTests
{
    [Fact]
    public void Validate_reports_a_damaged_prefix_as_SG1006_and_decrypt_refuses_to_print_it()
    {
        using var ws = RotateTests.Initialized();
        RotateTests.Set(ws, "dev", "A_SECRET", "canary-a-51c2");
        var damaged = "Dev" + ws.ValueOf(".env.dev", "A_SECRET")["DEV".Length..];
        var text = "# header\nA_SECRET=" + damaged + "\n";
        ws.Write(".env.dev", text);

        var validate = ws.Run("validate");
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(".env.dev(2,10): error SG1006: A_SECRET: the value looks encrypted but is not in the exact form", validate.Stdout);
        Assert.DoesNotContain("SG1004", validate.Stdout);

        var decrypt = ws.Run("decrypt", "A_SECRET", "--env", "dev", "--force");
        Assert.Equal(1, decrypt.ExitCode);
        Assert.Contains("SG1006", decrypt.Stderr);
        Assert.Equal(string.Empty, decrypt.Stdout);
        Assert.Equal(text, ws.Read(".env.dev"));
        Workspace.AssertNoneIn(validate.Output + decrypt.Output, new[] { "canary-a-51c2", damaged[12..40] });
    }

    [Fact]
    public void Set_and_encrypt_refuse_a_damaged_value_instead_of_encrypting_it()
    {
        using var ws = RotateTests.Initialized();
        RotateTests.Set(ws, "dev", "A_SECRET", "canary-a-77d0");
        var damaged = "DEV_ENS" + ws.ValueOf(".env.dev", "A_SECRET")["DEV_ENC".Length..];
        var before = ws.Read(".env.dev");

        var set = ws.Pipe(damaged, "set", "A_SECRET", "--env", "dev");
        Assert.Equal(1, set.ExitCode);
        Assert.Contains("looks encrypted", set.Stderr);
        Assert.Equal(before, ws.Read(".env.dev"));

        var encrypt = ws.Pipe(damaged, "encrypt", "A_SECRET", "--env", "dev");
        Assert.Equal(1, encrypt.ExitCode);
        Assert.Contains("already looks encrypted", encrypt.Stderr);
        Assert.Equal(string.Empty, encrypt.Stdout);
    }

    [Fact]
    public void Rotate_refuses_while_a_damaged_value_of_the_environment_would_be_left_under_the_old_key()
    {
        using var ws = RotateTests.Initialized();
        RotateTests.Set(ws, "prod", "A_SECRET", "canary-a");
        RotateTests.Set(ws, "prod", "B_SECRET", "canary-b");
        var damaged = "prod_enc" + ws.ValueOf(".env.prod", "B_SECRET")["PROD_ENC".Length..];
        ws.Write(".env.prod", "A_SECRET=" + ws.ValueOf(".env.prod", "A_SECRET") + "\nB_SECRET=" + damaged + "\n");
        RotateTests.Set(ws, "dev", "C_SECRET", "canary-c");
        ws.Write(".env.dev", "C_SECRET=dev_enc" + ws.ValueOf(".env.dev", "C_SECRET")["DEV_ENC".Length..] + "\n"); // another environment's
        var keys = File.ReadAllText(ws.KeyFilePath);
        var env = ws.Read(".env.prod");

        var rotate = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, rotate.ExitCode);
        Assert.Contains(".env.prod(2,10): error SG1006: B_SECRET: the value looks encrypted", rotate.Stderr);
        Assert.DoesNotContain("C_SECRET", rotate.Stderr);
        Assert.Contains("nothing was changed", rotate.Stderr);
        Assert.Equal(keys, File.ReadAllText(ws.KeyFilePath));
        Assert.Equal(env, ws.Read(".env.prod"));
    }
}
