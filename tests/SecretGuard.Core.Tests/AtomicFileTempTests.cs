using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SecretGuard.IO;
using SecretGuard.KeyFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Temp files of <see cref="AtomicFile"/> (issue 13, item 4): the temp of the key file is covered by the ignore rule
/// <c>secretguard.keys.*</c>; a temp left by a writer that died is deleted by the next write of its target; any text with
/// a valid key line holds keys (<see cref="KeyFile.HoldsKeys"/>).
/// </summary>
public class AtomicFileTempTests
{
    private static readonly byte[] Text = new UTF8Encoding(false).GetBytes("dev = " + Convert.ToBase64String(new byte[32]) + "\n");

    [Fact]
    public void The_temp_of_the_key_file_starts_with_its_name_and_stays_in_its_folder()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.File("secretguard.keys");
        using (var prepared = AtomicFile.Prepare(keyFile, Text))
        {
            Assert.Equal(dir.Path, Path.GetDirectoryName(prepared.TempPath));
            Assert.Matches(new Regex("^secretguard\\.keys\\.[0-9a-f]{8}\\.tmp$"), Path.GetFileName(prepared.TempPath));
            Assert.True(File.Exists(prepared.TempPath));
        }

        // A dot-file's temp stays hidden and out of every '.env.*' pattern.
        using var env = AtomicFile.Prepare(dir.File(".env.dev"), Text);
        Assert.Matches(new Regex("^\\.\\.env\\.dev\\.[0-9a-f]{8}\\.tmp$"), Path.GetFileName(env.TempPath));
    }

    [Fact]
    public void A_stale_temp_of_the_target_is_deleted_by_the_next_write_and_a_fresh_one_is_kept()
    {
        using var dir = new TempDirectory();
        var keyFile = dir.File("secretguard.keys");
        File.WriteAllBytes(keyFile, Text);
        var stale = dir.File("secretguard.keys.0123abcd.tmp");
        var staleOldStyle = dir.File(".secretguard.keys.4567cdef.tmp");
        var staleEnv = dir.File("..env.dev.89abcdef.tmp");
        var fresh = dir.File("secretguard.keys.fedcba98.tmp"); // a living writer's temp
        var other = dir.File("secretguard.keys.backup.tmp");   // not one of ours
        foreach (var path in new[] { stale, staleOldStyle, staleEnv, fresh, other })
        {
            File.WriteAllBytes(path, Text);
        }

        var old = DateTime.UtcNow - AtomicFile.StaleAfter - TimeSpan.FromMinutes(1);
        foreach (var path in new[] { stale, staleOldStyle, staleEnv, other })
        {
            File.SetLastWriteTimeUtc(path, old);
        }

        AtomicFile.WriteAllBytes(keyFile, Text);

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleOldStyle));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(staleEnv)); // another target's temp: cleaned when .env.dev is written

        AtomicFile.WriteAllBytes(dir.File(".env.dev"), Text);
        Assert.False(File.Exists(staleEnv));
        Assert.Equal(new[] { ".env.dev", "secretguard.keys", "secretguard.keys.backup.tmp", "secretguard.keys.fedcba98.tmp" },
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Any_text_with_a_valid_key_line_holds_keys_and_nothing_else_does()
    {
        Assert.True(KeyFile.HoldsKeys(Text));
        Assert.True(KeyFile.HoldsKeys(new UTF8Encoding(false).GetBytes("# copy\r\nprod.previous = " + Convert.ToBase64String(new byte[32]) + "\r\n")));
        Assert.False(KeyFile.HoldsKeys(new UTF8Encoding(false).GetBytes("dev = not-a-key\n")));
        Assert.False(KeyFile.HoldsKeys(new UTF8Encoding(false).GetBytes("API_KEY_SECRET=DEV_ENC:v1:abc\n")));
        Assert.False(KeyFile.HoldsKeys(Array.Empty<byte>()));
        Assert.False(KeyFile.HoldsKeys(Text.Concat(new byte[] { 0 }).ToArray()));
    }
}
