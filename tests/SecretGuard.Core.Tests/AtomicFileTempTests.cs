using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using SecretGuard.IO;

namespace SecretGuard.Tests;

/// <summary>
/// Temp files of <see cref="AtomicFile"/> (issue 13, item 4): the temp of the key file is covered by the ignore rule
/// <c>secretguard.keys.*</c>.
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
}
