using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace SecretGuard.Cli.Tests;

/// <summary>rotate and rotate --finish: the two-step lifecycle, its refusals, re-runs and the key-in-a-variable case.</summary>
public sealed class RotateTests
{
    [Fact]
    public void Rotating_twice_without_finishing_is_refused_and_changes_nothing()
    {
        using var ws = Initialized();
        Set(ws, "prod", "API_KEY_SECRET", "v1");
        Assert.Equal(0, ws.Run("rotate", "--env", "prod").ExitCode);
        var keys = File.ReadAllText(ws.KeyFilePath);
        var env = ws.Read(".env.prod");

        var again = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("finish the last rotation first", again.Stderr);
        Assert.Contains("secretguard rotate --env prod --finish", again.Stderr);
        Assert.Equal(keys, File.ReadAllText(ws.KeyFilePath));
        Assert.Equal(env, ws.Read(".env.prod"));
        Workspace.AssertNoneIn(again.Output, ws.Keys());
    }

    [Fact]
    public void Finish_is_refused_while_a_file_holds_old_values_and_a_rerun_completes_the_rotation()
    {
        using var ws = Initialized();
        Set(ws, "prod", "API_KEY_SECRET", "root value");
        Set(ws, "prod", "OTHER_SECRET", "worker value", "src/Worker/.env.prod");
        var workerBefore = File.ReadAllBytes(ws.File("src/Worker/.env.prod"));

        var rotate = ws.Run("rotate", "--env", "prod");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        Assert.Contains("Re-encrypted 2 values in 2 files", rotate.Stdout);

        // As after a crash between renames, or a branch merged with the old file: one file is old again.
        File.WriteAllBytes(ws.File("src/Worker/.env.prod"), workerBefore);
        var rootAfterRotate = ws.Read(".env.prod");

        var finish = ws.Run("rotate", "--env", "prod", "--finish");
        Assert.Equal(1, finish.ExitCode);
        Assert.Contains(Path.Combine("src", "Worker", ".env.prod") + "(1,", finish.Stderr);
        Assert.Contains("OTHER_SECRET still uses the previous prod key", finish.Stderr);
        Assert.Contains("prod.previous", string.Join(",", ws.KeyNames()));

        var rerun = ws.Run("rotate", "--env", "prod");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("rotation of prod is under way", rerun.Stderr);
        Assert.Equal(rootAfterRotate, ws.Read(".env.prod")); // values already under the new key are left alone
        Assert.Equal(ws.KidOf(".env.prod", "API_KEY_SECRET"), ws.KidOf("src/Worker/.env.prod", "OTHER_SECRET"));
        Assert.Equal("worker value", ws.DecryptWithKeyFileOnDisk("prod", "OTHER_SECRET", ws.ValueOf("src/Worker/.env.prod", "OTHER_SECRET")));

        var done = ws.Run("rotate", "--env", "prod", "--finish");
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.DoesNotContain("prod.previous", ws.KeyNames());
        Assert.Equal("root value", ws.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", ws.ValueOf(".env.prod", "API_KEY_SECRET")));
        Workspace.AssertNoneIn(rotate.Output + finish.Output + rerun.Output + done.Output, new[] { "root value", "worker value" });
    }

    [Fact]
    public void A_value_under_neither_key_stops_the_rotation_before_anything_is_written()
    {
        using var ws = Initialized();
        Set(ws, "prod", "API_KEY_SECRET", "ok");
        var foreign = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        ws.Write("other.keys", "prod = " + foreign + "\n");
        var stray = ws.Pipe("stray", "encrypt", "STRAY_SECRET", "--env", "prod", "--key-file", "other.keys").Stdout.Trim();
        File.AppendAllText(ws.File(".env.prod"), "STRAY_SECRET=" + stray + "\n");
        var keys = File.ReadAllText(ws.KeyFilePath);
        var env = ws.Read(".env.prod");

        var result = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".env.prod(2,14): error SG1006: STRAY_SECRET is encrypted with key", result.Stderr);
        Assert.Contains("nothing was changed", result.Stderr);
        Assert.Equal(keys, File.ReadAllText(ws.KeyFilePath));
        Assert.Equal(env, ws.Read(".env.prod"));
    }

    [Fact]
    public void A_file_with_syntax_errors_that_holds_values_stops_the_rotation()
    {
        using var ws = Initialized();
        Set(ws, "prod", "API_KEY_SECRET", "ok");
        File.AppendAllText(ws.File(".env.prod"), "BROKEN=\"unclosed PROD_ENC:\n");
        var env = ws.Read(".env.prod");
        var result = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error SG1001", result.Stderr);
        Assert.Equal(env, ws.Read(".env.prod"));
        Assert.Equal(new[] { "dev", "int", "prod" }, ws.KeyNames());
    }

    [Fact]
    public void Rotation_covers_the_whole_git_repository_and_explicit_paths_elsewhere()
    {
        using var ws = Initialized();
        using var elsewhere = new Workspace();
        Assert.Equal(0, Workspace.Shell(ws.Path, "git", "init", "-q"));
        Set(ws, "prod", "A_SECRET", "a");
        Set(ws, "prod", "B_SECRET", "b", "src/Api/.env.prod");
        Set(ws, "prod", "C_SECRET", "c", "src/Worker/env_prod.env");
        Set(ws, "prod", "D_SECRET", "d", Path.Combine(elsewhere.Path, "shared.env"));
        Set(ws, "dev", "E_SECRET", "e", "src/Api/.env.dev");
        Directory.CreateDirectory(ws.File("src/Api/bin"));
        File.Copy(ws.File("src/Api/.env.prod"), ws.File("src/Api/bin/.env.prod")); // build output: skipped
        var devBefore = ws.Read("src/Api/.env.dev");

        var result = ws.RunIn("src/Api", "rotate", "--env", "prod", Path.Combine(elsewhere.Path, "shared.env"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Re-encrypted 4 values in 4 files", result.Stdout);
        var kid = ws.KidOf(".env.prod", "A_SECRET");
        Assert.Equal(kid, ws.KidOf("src/Api/.env.prod", "B_SECRET"));
        Assert.Equal(kid, ws.KidOf("src/Worker/env_prod.env", "C_SECRET"));
        Assert.Equal(kid, elsewhere.KidOf("shared.env", "D_SECRET"));
        Assert.NotEqual(kid, ws.KidOf("src/Api/bin/.env.prod", "B_SECRET"));
        Assert.Equal(devBefore, ws.Read("src/Api/.env.dev"));
    }

    [Fact]
    public void With_the_key_in_an_environment_variable_rotate_refuses_unless_it_may_print_the_new_key()
    {
        using var ws = new Workspace();
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var withOld = new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = oldKey };
        Assert.Equal(0, Cli.Run(ws.Path, "vault value", withOld, "set", "API_KEY_SECRET", "--env", "prod").ExitCode);
        var before = ws.Read(".env.prod");

        var refused = Cli.Run(ws.Path, null, withOld, "rotate", "--env", "prod");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cannot change", refused.Stderr);
        Assert.Contains("--print-new-key", refused.Stderr);
        Assert.Equal(before, ws.Read(".env.prod"));
        Assert.False(ws.Exists("secretguard.keys"));

        var rotated = Cli.Run(ws.Path, null, withOld, "rotate", "--env", "prod", "--print-new-key");
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        var newKey = rotated.Stdout.TrimEnd('\n');
        Assert.Equal(32, Convert.FromBase64String(newKey).Length); // standard output is the key alone
        Assert.Contains("Re-encrypted 1 value in 1 file", rotated.Stderr);
        Assert.Contains("SECRETGUARD_KEY_PROD_PREVIOUS", rotated.Stderr);
        Workspace.AssertNoneIn(rotated.Output, new[] { oldKey, "vault value" });
        Workspace.AssertNoneIn(rotated.Stderr, new[] { newKey });
        Assert.False(ws.Exists("secretguard.keys"));

        // The value decrypts with the printed key, and an old copy with the old key as previous.
        ws.Write("secretguard.keys", "prod = " + newKey + "\nprod.previous = " + oldKey + "\n");
        Assert.Equal("vault value", ws.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", ws.ValueOf(".env.prod", "API_KEY_SECRET")));
        Assert.Equal("vault value", ws.DecryptWithKeyFileOnDisk("prod", "API_KEY_SECRET", before.Split('=', 2)[1].Trim()));
        File.Delete(ws.KeyFilePath);

        var store = new Dictionary<string, string?> { ["SECRETGUARD_KEY_PROD"] = newKey, ["SECRETGUARD_KEY_PROD_PREVIOUS"] = oldKey };
        var finish = Cli.Run(ws.Path, null, store, "rotate", "--env", "prod", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        Assert.Contains("delete SECRETGUARD_KEY_PROD_PREVIOUS", finish.Stdout);
        Workspace.AssertNoneIn(finish.Output, new[] { oldKey, newKey });
    }

    [Fact]
    public void Rotate_without_any_key_says_how_to_get_one_and_finish_without_a_rotation_is_a_no_op()
    {
        using var ws = new Workspace();
        var none = ws.Run("rotate", "--env", "prod");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("SG1012", none.Stderr);
        Assert.Contains("secretguard init --env prod", none.Stderr);

        Assert.Equal(0, ws.Run("init", "--v1", "--env", "prod").ExitCode);
        var finish = ws.Run("rotate", "--env", "prod", "--finish");
        Assert.Equal(0, finish.ExitCode);
        Assert.Contains("nothing to finish", finish.Stdout);
    }

    internal static Workspace Initialized()
    {
        var ws = new Workspace();
        var init = ws.Run("init", "--v1");
        Assert.True(init.ExitCode == 0, init.ToString());
        return ws;
    }

    internal static void Set(Workspace ws, string environment, string name, string value, string? file = null)
    {
        var arguments = new List<string> { "set", name, "--env", environment };
        if (file is not null)
        {
            arguments.Add("--file");
            arguments.Add(file);
            Directory.CreateDirectory(Path.GetDirectoryName(ws.File(file))!); // set creates no folders
        }

        var result = ws.Pipe(value, arguments.ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
