using System;
using System.IO;
using System.Linq;

namespace SecretGuard.Cli.Tests;

/// <summary>The whole key lifecycle through the real tool: init → set → validate → rotate → finish.</summary>
public sealed class LifecycleTests
{
    private const string DevStripe = "sk_test_dev-Value-1234567890";
    private const string ProdStripe = "sk_live_prod-Value-0987654321";
    private const string ProdDb = "pässwörd ✓ with spaces # and hash";

    [Fact]
    public void Init_set_validate_rotate_finish()
    {
        using var ws = new Workspace();
        ws.Write(".env.example", "API_URL=https://example.com\nSTRIPE_API_KEY_SECRET=\nDb__Password_SECRET=\n");
        var secrets = new[] { DevStripe, ProdStripe, ProdDb };

        // init: a key per environment, private, git-ignored; env files from the template; next steps.
        var init = ws.Run("init", "--v1");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal(new[] { "dev", "int", "prod" }, ws.KeyNames());
        Assert.Contains("Next steps", init.Stdout);
        Assert.Contains("secretguard.keys", ws.Read(".gitignore").Split('\n'));
        Assert.True(ws.Exists(".env.dev") && ws.Exists(".env.int") && ws.Exists(".env.prod"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.KeyFilePath));
        }

        var keysAfterInit = ws.Keys();
        Workspace.AssertNoneIn(init.Output, keysAfterInit);

        // set: values from standard input, encrypted in place.
        var outputs = new System.Collections.Generic.List<CliResult>
        {
            ws.Pipe(DevStripe + "\n", "set", "STRIPE_API_KEY_SECRET", "--env", "dev"),
            ws.Pipe(ProdStripe, "set", "STRIPE_API_KEY_SECRET", "--env", "prod"),
            ws.Pipe(ProdDb, "set", "Db__Password_SECRET", "--env", "prod"),
            ws.Pipe("int-stripe", "set", "STRIPE_API_KEY_SECRET", "--env", "int"),
            ws.Pipe("int-db", "set", "Db__Password_SECRET", "--env", "int"),
            ws.Pipe("dev-db", "set", "Db__Password_SECRET", "--env", "dev"),
        };
        Assert.All(outputs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.StartsWith("DEV_ENC:v1:", ws.ValueOf(".env.dev", "STRIPE_API_KEY_SECRET"));
        Assert.StartsWith("PROD_ENC:v1:", ws.ValueOf(".env.prod", "Db__Password_SECRET"));
        Assert.Equal("API_URL=https://example.com", ws.Read(".env.prod").Split('\n')[0]);
        Assert.Equal(DevStripe, ws.DecryptWithKeyFileOnDisk("dev", "STRIPE_API_KEY_SECRET", ws.ValueOf(".env.dev", "STRIPE_API_KEY_SECRET")));
        Assert.Equal(ProdDb, ws.DecryptWithKeyFileOnDisk("prod", "Db__Password_SECRET", ws.ValueOf(".env.prod", "Db__Password_SECRET")));

        // validate: the build's checks in Verify mode pass.
        var validate = ws.Run("validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("0 errors", validate.Stdout);
        outputs.Add(validate);

        // Keep a prod ciphertext aside, as a deployed copy of the file would be.
        var oldDb = ws.ValueOf(".env.prod", "Db__Password_SECRET");
        var oldProdFile = ws.Read(".env.prod");
        ws.Write("deployed/prod.env.copy", oldProdFile);
        var oldKid = ws.KidOf(".env.prod", "Db__Password_SECRET");

        // rotate: new current key, old one kept as prod.previous, prod values re-encrypted, other files untouched.
        var devBefore = ws.Read(".env.dev");
        var rotate = ws.Run("rotate", "--env", "prod");
        Assert.True(rotate.ExitCode == 0, rotate.ToString());
        outputs.Add(rotate);
        Assert.Equal(new[] { "dev", "int", "prod", "prod.previous" }, ws.KeyNames());
        var newKid = ws.KidOf(".env.prod", "Db__Password_SECRET");
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal(newKid, ws.KidOf(".env.prod", "STRIPE_API_KEY_SECRET"));
        Assert.Equal(devBefore, ws.Read(".env.dev"));
        Assert.Equal("API_URL=https://example.com", ws.Read(".env.prod").Split('\n')[0]);

        // Values decrypt with the new key (through the tool and independently)...
        var decrypt = ws.Run("decrypt", "Db__Password_SECRET", "--env", "prod", "--force");
        Assert.True(decrypt.ExitCode == 0, decrypt.ToString());
        Assert.Equal(ProdDb, decrypt.Stdout);
        Assert.Equal(ProdStripe, ws.DecryptWithKeyFileOnDisk("prod", "STRIPE_API_KEY_SECRET", ws.ValueOf(".env.prod", "STRIPE_API_KEY_SECRET")));

        // ...and before --finish, the old ciphertext kept aside still decrypts with the ring that has prod.previous.
        Assert.Equal(ProdDb, ws.DecryptWithKeyFileOnDisk("prod", "Db__Password_SECRET", oldDb));
        var oldDecrypt = ws.Run("decrypt", "Db__Password_SECRET", "--env", "prod", "--file", "deployed/prod.env.copy", "--force");
        Assert.True(oldDecrypt.ExitCode == 0, oldDecrypt.ToString());
        Assert.Equal(ProdDb, oldDecrypt.Stdout);

        // finish: the previous key goes; the old ciphertext no longer decrypts; validate still passes.
        var finish = ws.Run("rotate", "--env", "prod", "--finish");
        Assert.True(finish.ExitCode == 0, finish.ToString());
        outputs.Add(finish);
        Assert.Equal(new[] { "dev", "int", "prod" }, ws.KeyNames());
        var stale = ws.Run("decrypt", "Db__Password_SECRET", "--env", "prod", "--file", "deployed/prod.env.copy", "--force");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("SG1006", stale.Stderr);
        Assert.Contains(oldKid, stale.Stderr);
        outputs.Add(stale);

        var validateAfter = ws.Run("validate", "--warnings-as-errors");
        Assert.True(validateAfter.ExitCode == 0, validateAfter.ToString());
        outputs.Add(validateAfter);

        // No command but decrypt printed a value, and none printed a key (old or new).
        var allKeys = keysAfterInit.Concat(ws.Keys()).ToList();
        foreach (var output in outputs)
        {
            Workspace.AssertNoneIn(output.Output, secrets.Concat(new[] { "int-stripe", "int-db", "dev-db" }));
            Workspace.AssertNoneIn(output.Output, allKeys);
        }

        Workspace.AssertNoneIn(decrypt.Stderr + oldDecrypt.Stderr, secrets);
        Workspace.AssertNoneIn(decrypt.Output + oldDecrypt.Output + stale.Output, allKeys);
    }
}
