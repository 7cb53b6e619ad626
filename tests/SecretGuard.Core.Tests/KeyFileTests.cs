using System;
using System.IO;
using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.KeyFiles;

namespace SecretGuard.Tests;

/// <summary>
/// The master-key file (docs/formats.md#3-key-files): its grammar, its errors (never showing a key), edits and lookup.
/// </summary>
public class KeyFileTests
{
    private static readonly byte[] Key0 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key1 = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Key2 = Enumerable.Repeat((byte)0xAB, 32).ToArray();
    private static readonly string B0 = Convert.ToBase64String(Key0);
    private static readonly string B1 = Convert.ToBase64String(Key1);
    private static readonly string B2 = Convert.ToBase64String(Key2);

    [Fact]
    public void The_vector_key_is_what_the_tests_think_it_is()
    {
        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", B0);
    }

    private static void AssertNoKeyIn(KeyFile file, params string[] keys)
    {
        foreach (var key in keys)
        {
            var fragment = key.TrimEnd('=');
            foreach (var finding in file.Findings)
            {
                Assert.DoesNotContain(fragment.Substring(0, 12), finding.Message);
                Assert.DoesNotContain(fragment.Substring(fragment.Length - 12), finding.ToString());
            }

            Assert.DoesNotContain(fragment.Substring(0, 12), file.ToString());
            foreach (var entry in file.Entries)
            {
                Assert.DoesNotContain(fragment.Substring(0, 12), entry.ToString());
            }
        }
    }

    [Fact]
    public void Parses_names_previous_keys_comments_and_trailing_comments()
    {
        var text = "# SecretGuard master keys: never commit\n" +
                   "dev = " + B0 + "\n" +
                   "prod.previous=" + B1 + "\n" +
                   "\n" +
                   "   # indented comment\n" +
                   "prod\t=\t" + B2 + "   # rotated 2025-01-01\n";
        var file = KeyFile.Parse(text, "secretguard.keys");

        Assert.Empty(file.Findings);
        Assert.Equal(3, file.Entries.Count);

        var dev = file.Find("dev")!;
        Assert.Equal("dev", dev.Environment);
        Assert.False(dev.IsPrevious);
        Assert.Equal("dev", dev.Name);
        Assert.Equal(2, dev.Line);
        Assert.Equal(Key0, dev.GetKeyBytes());

        var previous = file.Find("prod", previous: true)!;
        Assert.True(previous.IsPrevious);
        Assert.Equal("prod.previous", previous.Name);
        Assert.Equal(3, previous.Line);
        Assert.Equal(Key1, previous.GetKeyBytes());

        var prod = file.Find("prod")!;
        Assert.Equal(6, prod.Line);
        Assert.Equal(Key2, prod.GetKeyBytes());

        Assert.Null(file.Find("int"));
        Assert.Null(file.Find("dev", previous: true));
        Assert.Equal(text, file.ToText());
        Assert.Equal("secretguard.keys", file.FilePath);
        AssertNoKeyIn(file, B0, B1, B2);
    }

    [Fact]
    public void GetKeyBytes_returns_a_copy()
    {
        var entry = KeyFile.Parse("dev=" + B0).Find("dev")!;
        entry.GetKeyBytes()[0] = 0xFF;
        Assert.Equal(Key0, entry.GetKeyBytes());
    }

    [Fact]
    public void Reads_a_byte_order_mark_and_crlf()
    {
        var text = "\uFEFFdev = " + B0 + "\r\nint=" + B1 + "\r\n";
        var file = KeyFile.Parse(text);
        Assert.Empty(file.Findings);
        Assert.Equal(Key0, file.Find("dev")!.GetKeyBytes());
        Assert.Equal(Key1, file.Find("int")!.GetKeyBytes());
        Assert.Equal(text, file.ToText());
    }

    [Fact]
    public void Reads_a_file_with_a_byte_order_mark_from_disk()
    {
        using var dir = new TempDirectory();
        var path = dir.File(KeyFile.DefaultFileName);
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.ASCII.GetBytes("dev = " + B0 + "\r\n")).ToArray());
        var file = KeyFile.Load(path);
        Assert.Empty(file.Findings);
        Assert.Equal(Key0, file.Find("dev")!.GetKeyBytes());
        Assert.Equal(path, file.FilePath);
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "dev " + B0, "key name" },
        { "dev " + B0.TrimEnd('='), "expected" },
        { "dev: " + B0, "key name" },
        { "Dev = " + B0, "key name" },
        { "DEV = " + B0, "key name" },
        { "dev-1 = " + B0, "key name" },
        { "2dev = " + B0, "key name" },
        { "dev.old = " + B0, "key name" },
        { ".previous = " + B0, "key name" },
        { "= " + B0, "key name" },
        { "dev = " + Convert.ToBase64String(Key0.Take(16).ToArray()), "32 bytes" },
        { "dev = " + Convert.ToBase64String(Key0.Concat(Key1).ToArray()), "32 bytes" },
        { "dev = " + B0.TrimEnd('='), "32 bytes" },
        { "dev = " + B0.Replace('A', '!'), "32 bytes" },
        { "dev = " + B0.Substring(0, 20) + "-_" + B0.Substring(22), "32 bytes" },
        { "dev = " + B0.Substring(0, 22) + " " + B0.Substring(22), "32 bytes" },
        { "dev = " + B0.Substring(0, 22) + "\t" + B0.Substring(22), "32 bytes" },
        { "dev = " + B0.Substring(0, 22) + "\r" + B0.Substring(22), "32 bytes" },
        { "dev = " + B0.Substring(0, 43) + " =", "32 bytes" },
        { "dev =", "32 bytes" },
        { B0, "key name" },
        { B0.TrimEnd('='), "expected" },
        { Convert.ToBase64String(Key0.Take(16).ToArray()), "key name" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Errors_are_SG1012_with_a_line_and_never_show_the_key(string line, string fragment)
    {
        var file = KeyFile.Parse("# keys\nint = " + B1 + "\n" + line + "\nprod = " + B2 + "\n", "/repo/secretguard.keys");

        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.MissingMasterKey, finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.Equal("/repo/secretguard.keys", finding.FilePath);
        Assert.Contains(fragment, finding.Message);
        Assert.Null(file.Find("dev"));
        Assert.NotNull(file.Find("int"));
        Assert.NotNull(file.Find("prod"));
        Assert.Equal(2, file.Entries.Count);
        AssertNoKeyIn(file, B0, B1, B2);
        Assert.DoesNotContain(B0.Substring(0, 12), finding.Message);
        Assert.DoesNotContain(Convert.ToBase64String(Key0.Take(16).ToArray()).Substring(0, 12), finding.Message);
    }

    [Fact]
    public void A_duplicate_is_an_error_naming_both_lines_and_what_to_do()
    {
        var file = KeyFile.Parse("dev = " + B0 + "\nprod = " + B2 + "\ndev = " + B1 + "\n", "/repo/secretguard.keys");
        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.MissingMasterKey, finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.Equal("/repo/secretguard.keys", finding.FilePath);
        Assert.Contains("'dev'", finding.Message);
        Assert.Contains("/repo/secretguard.keys(1)", finding.Message);
        Assert.Contains("/repo/secretguard.keys(3)", finding.Message);
        Assert.Contains("delete the other", finding.Message);
        Assert.Contains("DEV_ENC:", finding.Message);
        Assert.Equal(new[] { 1, 3 }, file.Definitions("dev", previous: false).Select(d => d.Line).ToArray());
        Assert.Single(file.Definitions("prod", previous: false));
        Assert.Empty(file.Definitions("dev", previous: true));
        AssertNoKeyIn(file, B0, B1, B2);
    }

    [Fact]
    public void A_line_for_the_same_name_counts_as_a_duplicate_even_when_one_of_them_is_unreadable()
    {
        var file = KeyFile.Parse("prod.previous = c2hvcnQ=\nprod.previous = " + B1 + "\n", "k");
        Assert.Equal(new[] { 1, 2 }, file.Findings.Select(f => f.Line).ToArray());
        Assert.Contains("k(1)", file.Findings[1].Message);
        Assert.Contains("k(2)", file.Findings[1].Message);
        Assert.Contains("delete the other", file.Findings[1].Message);
        var definitions = file.Definitions("prod", previous: true);
        Assert.Equal(2, definitions.Count);
        Assert.Null(definitions[0].Entry);
        Assert.Equal(Key1, definitions[1].Entry!.GetKeyBytes());
        AssertNoKeyIn(file, B1);
    }

    [Fact]
    public void A_current_and_a_previous_key_are_not_duplicates()
    {
        var file = KeyFile.Parse("dev = " + B0 + "\ndev.previous = " + B1 + "\n");
        Assert.Empty(file.Findings);
        Assert.Equal(2, file.Entries.Count);
    }

    [Fact]
    public void Set_replaces_in_place_and_keeps_every_other_line_byte_for_byte()
    {
        var before = "# keys\r\n  dev = " + B0 + "  # old\r\n\r\nprod = " + B2 + "\r\n";
        var file = KeyFile.Parse(before);
        file.Set("dev", previous: false, Key1);
        Assert.Equal("# keys\r\ndev = " + B1 + "\r\n\r\nprod = " + B2 + "\r\n", file.ToText());
        Assert.Equal(Key1, file.Find("dev")!.GetKeyBytes());
        Assert.Equal(2, file.Find("dev")!.Line);
        Assert.Empty(file.Findings);
    }

    [Fact]
    public void Set_appends_with_the_file_line_ending_and_ends_an_unterminated_last_line()
    {
        var file = KeyFile.Parse("# keys\r\ndev = " + B0);
        file.Set("prod", previous: true, Key1);
        Assert.Equal("# keys\r\ndev = " + B0 + "\r\nprod.previous = " + B1 + "\r\n", file.ToText());
        Assert.Equal(3, file.Find("prod", previous: true)!.Line);
        Assert.Null(file.Find("prod"));
    }

    [Fact]
    public void Set_on_an_empty_file_writes_one_line()
    {
        var file = KeyFile.Empty();
        file.Set("dev", previous: false, Key0);
        Assert.Equal("dev = " + B0 + "\n", file.ToText());
        Assert.Equal(Key0, KeyFile.Parse(file.ToText()).Find("dev")!.GetKeyBytes());
    }

    [Fact]
    public void Set_rejects_bad_names_and_bad_keys()
    {
        var file = KeyFile.Parse("dev = " + B0 + "\n");
        Assert.Throws<ArgumentException>(() => file.Set("Dev", false, Key1));
        Assert.Throws<ArgumentException>(() => file.Set("dev.previous", false, Key1));
        Assert.Throws<ArgumentException>(() => file.Set("dev", false, new byte[16]));
        Assert.Throws<ArgumentException>(() => file.Set("dev", false, null!));
        Assert.Equal("dev = " + B0 + "\n", file.ToText());
    }

    [Fact]
    public void Remove_drops_only_that_line()
    {
        var before = "# keys\ndev = " + B0 + "\nprod.previous = " + B1 + " # rotating\nprod = " + B2;
        var file = KeyFile.Parse(before);

        Assert.True(file.Remove("prod", previous: true));
        Assert.Equal("# keys\ndev = " + B0 + "\nprod = " + B2, file.ToText());
        Assert.Null(file.Find("prod", previous: true));
        Assert.Equal(3, file.Find("prod")!.Line);

        Assert.False(file.Remove("prod", previous: true));
        Assert.False(file.Remove("int", previous: false));
        Assert.Equal("# keys\ndev = " + B0 + "\nprod = " + B2, file.ToText());
    }

    [Fact]
    public void Text_forms_never_show_a_key()
    {
        var file = KeyFile.Parse("dev = " + B0 + "\nprod.previous = " + B1 + "\n", "secretguard.keys");
        Assert.Equal("secretguard.keys: dev, prod.previous", file.ToString());
        Assert.Equal("dev (line 1)", file.Find("dev")!.ToString());
        AssertNoKeyIn(file, B0, B1);
    }

    [Fact]
    public void TryDecodeKey_accepts_exactly_32_bytes_of_standard_base64()
    {
        Assert.True(KeyFile.TryDecodeKey(B0, out var key));
        Assert.Equal(Key0, key);
        Assert.True(KeyFile.TryDecodeKey("  " + B0 + " ", out _));
        Assert.False(KeyFile.TryDecodeKey(null, out key));
        Assert.Empty(key);
        Assert.False(KeyFile.TryDecodeKey("", out _));
        Assert.False(KeyFile.TryDecodeKey("   ", out _));
        Assert.False(KeyFile.TryDecodeKey(B0.TrimEnd('='), out _));
        Assert.False(KeyFile.TryDecodeKey(Convert.ToBase64String(new byte[31]), out _));
        Assert.False(KeyFile.TryDecodeKey(Convert.ToBase64String(new byte[33]), out _));
        Assert.False(KeyFile.TryDecodeKey(B0.Replace('A', '-'), out _));
    }

    [Fact]
    public void TryDecodeKey_accepts_surrounding_blanks_and_a_trailing_line_break_only()
    {
        foreach (var text in new[] { B0, "  " + B0, "\t" + B0 + "\t", B0 + "\n", B0 + "\r\n", " " + B0 + "  \n", B0 + " \r\n" })
        {
            Assert.True(KeyFile.TryDecodeKey(text, out var key), Escape(text));
            Assert.Equal(Key0, key);
        }

        // Convert.FromBase64String skips whitespace anywhere: a key broken across lines or with a space inside is no key.
        foreach (var text in new[]
        {
            B0.Substring(0, 22) + " " + B0.Substring(22),
            B0.Substring(0, 22) + "\t" + B0.Substring(22),
            B0.Substring(0, 22) + "\n" + B0.Substring(22),
            B0.Substring(0, 22) + "\r\n" + B0.Substring(22),
            B0.Substring(0, 43) + "\n=",
            string.Join(" ", Enumerable.Range(0, 11).Select(i => B0.Substring(i * 4, 4))),
            string.Join("\n", Enumerable.Range(0, 11).Select(i => B0.Substring(i * 4, 4))),
            "\n" + B0,
            "\r\n" + B0,
        })
        {
            Assert.False(KeyFile.TryDecodeKey(text, out var key), Escape(text));
            Assert.Empty(key);
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    [Fact]
    public void Save_and_Load_round_trip_without_leaving_temporary_files()
    {
        using var dir = new TempDirectory();
        var path = dir.File(KeyFile.DefaultFileName);
        var file = KeyFile.Empty(path);
        file.Set("dev", false, Key0);
        file.Set("prod", false, Key2);
        file.Save();

        var loaded = KeyFile.Load(path);
        Assert.Equal(file.ToText(), loaded.ToText());
        Assert.Equal(Key2, loaded.Find("prod")!.GetKeyBytes());
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));

        loaded.Set("prod", true, Key1);
        loaded.Save();
        Assert.Equal(Key1, KeyFile.Load(path).Find("prod", true)!.GetKeyBytes());
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_keeps_an_owner_only_key_file_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var path = dir.File(KeyFile.DefaultFileName);
        File.WriteAllText(path, "dev = " + B0 + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var file = KeyFile.Load(path);
        file.Set("prod", false, Key2);
        file.Save();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(Key2, KeyFile.Load(path).Find("prod")!.GetKeyBytes());
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void FindUpward_finds_the_nearest_key_file_in_a_parent_folder()
    {
        using var dir = new TempDirectory();
        var start = dir.CreateSubdirectory("repo", "src", "App", "bin");
        var repo = Path.Combine(dir.Path, "repo");
        var expected = Path.Combine(repo, KeyFile.DefaultFileName);
        File.WriteAllText(expected, "dev = " + B0 + "\n");

        Assert.Equal(expected, KeyFile.FindUpward(start));
        Assert.Equal(expected, KeyFile.FindUpward(repo));

        // The nearest one wins.
        var nearer = Path.Combine(dir.Path, "repo", "src", KeyFile.DefaultFileName);
        File.WriteAllText(nearer, "dev = " + B1 + "\n");
        Assert.Equal(nearer, KeyFile.FindUpward(start));
    }

    [Fact]
    public void FindUpward_returns_null_when_there_is_none()
    {
        using var dir = new TempDirectory();
        var start = dir.CreateSubdirectory("a", "b");
        var name = "sg-" + Guid.NewGuid().ToString("N") + ".keys";
        Assert.Null(KeyFile.FindUpward(start, name));

        // A folder with that name is not a key file.
        Directory.CreateDirectory(Path.Combine(dir.Path, "a", name));
        Assert.Null(KeyFile.FindUpward(start, name));
    }

    [Fact]
    public void FindUpward_with_the_default_name_finds_nothing_in_a_fresh_tree_without_one()
    {
        using var dir = new TempDirectory();
        var start = dir.CreateSubdirectory("x", "y");
        var found = KeyFile.FindUpward(start);

        // Whatever lies above the temp folder is not ours to control; nothing inside the tree may be found.
        Assert.True(found is null || !found.StartsWith(dir.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void FindUpward_of_a_folder_that_does_not_exist_searches_its_parents()
    {
        using var dir = new TempDirectory();
        var name = "sg-" + Guid.NewGuid().ToString("N") + ".keys";
        var expected = dir.File(name);
        File.WriteAllText(expected, string.Empty);
        Assert.Equal(expected, KeyFile.FindUpward(Path.Combine(dir.Path, "missing", "deeper"), name));
    }
}
