using System;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Edits change only the bytes of the values they replace (docs/formats.md#1-env-files), and writes are atomic.
/// </summary>
public class EnvFileEditingTests
{
    private const string Ciphertext = "DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw";

    // Asserts that "after" is "before" with exactly the value text of the entry replaced.
    private static void AssertOnlyValueChanged(string before, EnvFile file, EnvEntry entry, string oldValueText, int valueOffset)
    {
        var after = file.ToString();
        var expected = before.Substring(0, valueOffset) + entry.ValueText + before.Substring(valueOffset + oldValueText.Length);
        Assert.Equal(expected, after);
    }

    private static (EnvFile File, EnvEntry Entry, string OldValueText, int Offset) Open(string text, string key)
    {
        var file = EnvFile.Parse(text);
        var entry = file.Find(key)!;
        var index = file.Nodes.ToList().IndexOf(entry);
        var offset = (file.HasByteOrderMark ? 1 : 0) + file.Nodes.Take(index).Sum(n => n.Text.Length) + entry.ValueColumn - 1;
        Assert.Equal(entry.ValueText, text.Substring(offset, entry.ValueText.Length));
        return (file, entry, entry.ValueText, offset);
    }

    [Theory]
    [InlineData("A=1\nK=\"old\" # c\nB=2\n", "new value", "\"new value\"", EnvQuoteStyle.Double)]
    [InlineData("A=1\nK='old' # c\nB=2\n", "new $HOME value", "'new $HOME value'", EnvQuoteStyle.Single)]
    [InlineData("A=1\nK=old # c\nB=2\n", "new", "new", EnvQuoteStyle.None)]
    [InlineData("A=1\nK=old # c\nB=2\n", "two words", "two words", EnvQuoteStyle.None)]
    [InlineData("A=1\r\n  export K = old\r\nB=2", "x", "x", EnvQuoteStyle.None)]
    [InlineData("\uFEFFK=\"old\"\n", "new", "\"new\"", EnvQuoteStyle.Double)]
    [InlineData("K=\"multi\nline\" # c\nB=2", "single line", "\"single line\"", EnvQuoteStyle.Double)]
    public void SetValue_keeps_the_quoting_and_changes_only_the_value_text(string before, string value, string valueText, object quoteStyle)
    {
        var style = (EnvQuoteStyle)quoteStyle; // object: xunit theories are public, and the enum is internal
        var (file, entry, old, offset) = Open(before, "K");
        entry.SetValue(value);
        Assert.Equal(value, entry.Value);
        Assert.Equal(valueText, entry.ValueText);
        Assert.Equal(style, entry.QuoteStyle);
        AssertOnlyValueChanged(before, file, entry, old, offset);
        Assert.Equal(value, EnvFile.Parse(file.ToString()).Find("K")!.Value);
    }

    [Theory]
    [InlineData("K=old", "a #b", "'a #b'", EnvQuoteStyle.Single)]
    [InlineData("K=old", "a#b", "'a#b'", EnvQuoteStyle.Single)]
    [InlineData("K=old", " padded ", "' padded '", EnvQuoteStyle.Single)]
    [InlineData("K=old", "$HOME", "'$HOME'", EnvQuoteStyle.Single)]
    [InlineData("K=old", "it's", "\"it's\"", EnvQuoteStyle.Double)]
    [InlineData("K=old", "line1\nline2", "\"line1\\nline2\"", EnvQuoteStyle.Double)]
    [InlineData("K=old", "back\\slash", "'back\\slash'", EnvQuoteStyle.Single)]
    [InlineData("K='old'", "it's", "\"it's\"", EnvQuoteStyle.Double)]
    [InlineData("K=\"old\"", "$HOME", "'$HOME'", EnvQuoteStyle.Single)]
    [InlineData("K=\"old\"", "it's $HOME", "\"it's $HOME\"", EnvQuoteStyle.Double)]
    [InlineData("K=\"old\"", "q\"uote\\", "\"q\\\"uote\\\\\"", EnvQuoteStyle.Double)]
    [InlineData("K='old'", "", "''", EnvQuoteStyle.Single)]
    [InlineData("K=old", "", "", EnvQuoteStyle.None)]
    public void SetValue_picks_the_simplest_quoting_that_writes_the_value_exactly(string before, string value, string valueText, object quoteStyle)
    {
        var style = (EnvQuoteStyle)quoteStyle; // object: xunit theories are public, and the enum is internal
        var (file, entry, old, offset) = Open(before, "K");
        entry.SetValue(value);
        Assert.Equal(valueText, entry.ValueText);
        Assert.Equal(style, entry.QuoteStyle);
        AssertOnlyValueChanged(before, file, entry, old, offset);
        var reparsed = EnvFile.Parse(file.ToString());
        Assert.Equal(value, reparsed.Find("K")!.Value);
        Assert.DoesNotContain(reparsed.Findings, f => f.Id == DiagnosticIds.SyntaxError);
    }

    [Fact]
    public void SetValue_with_style_None_writes_a_ciphertext_unquoted()
    {
        const string before = "# db\nexport API_KEY_SECRET=\"correct horse battery staple\" # the key\r\nOTHER='x'\n";
        var (file, entry, old, offset) = Open(before, "API_KEY_SECRET");
        entry.SetValue(Ciphertext, EnvQuoteStyle.None);
        Assert.Equal(EnvQuoteStyle.None, entry.QuoteStyle);
        Assert.Equal(Ciphertext, entry.ValueText);
        AssertOnlyValueChanged(before, file, entry, old, offset);
        Assert.Equal("# db\nexport API_KEY_SECRET=" + Ciphertext + " # the key\r\nOTHER='x'\n", file.ToString());
        var reparsed = EnvFile.Parse(file.ToString());
        Assert.Equal(Ciphertext, reparsed.Find("API_KEY_SECRET")!.Value);
        Assert.Empty(reparsed.Findings);
    }

    [Fact]
    public void SetValue_with_a_style_that_cannot_hold_the_value_falls_back()
    {
        var file = EnvFile.Parse("K=old");
        var entry = file.Find("K")!;
        entry.SetValue("a\nb", EnvQuoteStyle.Single);
        Assert.Equal(EnvQuoteStyle.Double, entry.QuoteStyle);
        Assert.Equal("a\nb", EnvFile.Parse(file.ToString()).Find("K")!.Value);

        entry.SetValue("x #y", EnvQuoteStyle.None);
        Assert.NotEqual(EnvQuoteStyle.None, entry.QuoteStyle);
        Assert.Equal("x #y", EnvFile.Parse(file.ToString()).Find("K")!.Value);
    }

    [Fact]
    public void SetValue_with_an_explicit_style_uses_it_when_it_can()
    {
        var file = EnvFile.Parse("K=old");
        file.Find("K")!.SetValue("plain", EnvQuoteStyle.Double);
        Assert.Equal("K=\"plain\"", file.ToString());
        file.Find("K")!.SetValue("plain", EnvQuoteStyle.Single);
        Assert.Equal("K='plain'", file.ToString());
    }

    [Theory]
    [InlineData("E= # c", "x", "E=x # c")]
    [InlineData("E=   # c", "x", "E=x   # c")]
    [InlineData("E=   ", "x", "E=x   ")]
    [InlineData("E=\t# c", "a b", "E=a b\t# c")]
    [InlineData("E= # c", "#x", "E='#x' # c")]
    [InlineData("E=", "x", "E=x")]
    public void SetValue_on_an_empty_unquoted_value_writes_right_after_the_separator(string before, string value, string after)
    {
        var file = EnvFile.Parse(before);
        file.Find("E")!.SetValue(value);
        Assert.Equal(after, file.ToString());
        var reparsed = EnvFile.Parse(after);
        Assert.Equal(value, reparsed.Find("E")!.Value);
        Assert.Empty(reparsed.Findings);
    }

    [Fact]
    public void SetValue_rejects_null()
    {
        var entry = EnvFile.Parse("K=v").Find("K")!;
        Assert.Throws<ArgumentNullException>(() => entry.SetValue(null!));
    }

    [Theory]
    [InlineData("", "K=v\n")]
    [InlineData("A=1", "A=1\nK=v\n")]
    [InlineData("A=1\n", "A=1\nK=v\n")]
    [InlineData("A=1\r\nB=2", "A=1\r\nB=2\r\nK=v\r\n")]
    [InlineData("A=1\r\nB=2\r\n", "A=1\r\nB=2\r\nK=v\r\n")]
    [InlineData("A=1\r\nB=2\r\nC=3\nD=4", "A=1\r\nB=2\r\nC=3\nD=4\r\nK=v\r\n")]
    [InlineData("A=1\nB=2\nC=3\r\nD=4", "A=1\nB=2\nC=3\r\nD=4\nK=v\n")]
    [InlineData("# only a comment", "# only a comment\nK=v\n")]
    [InlineData("\uFEFFA=1", "\uFEFFA=1\nK=v\n")]
    [InlineData("A=\"x\r\ny\"", "A=\"x\r\ny\"\nK=v\n")]
    public void AddEntry_appends_with_the_dominant_line_ending(string before, string after)
    {
        var file = EnvFile.Parse(before);
        var entry = file.AddEntry("K", "v");
        Assert.Equal(after, file.ToString());
        Assert.Equal("v", entry.Value);
        Assert.Same(entry, file.Find("K"));
        var reparsed = EnvFile.Parse(after);
        Assert.Equal(entry.Line, reparsed.Find("K")!.Line);
        Assert.Equal(entry.Column, reparsed.Find("K")!.Column);
        Assert.Equal(entry.ValueColumn, reparsed.Find("K")!.ValueColumn);
    }

    [Fact]
    public void DominantLineEnding_counts_lines()
    {
        Assert.Equal("\n", EnvFile.Parse("").DominantLineEnding);
        Assert.Equal("\n", EnvFile.Parse("A=1").DominantLineEnding);
        Assert.Equal("\r\n", EnvFile.Parse("A=1\r\n").DominantLineEnding);
        Assert.Equal("\n", EnvFile.Parse("A=1\r\nB=2\n").DominantLineEnding);
        Assert.Equal("\r\n", EnvFile.Parse("A=1\r\nB=2\nC=3\r\n").DominantLineEnding);
    }

    [Theory]
    [InlineData("a b", "K=a b")]
    [InlineData("x#y", "K='x#y'")]
    [InlineData("$HOME", "K='$HOME'")]
    [InlineData("it's", "K=\"it's\"")]
    [InlineData("l1\nl2", "K=\"l1\\nl2\"")]
    [InlineData("", "K=")]
    [InlineData(" lead", "K=' lead'")]
    [InlineData("tab\tinside", "K=tab\tinside")]
    [InlineData("5$", "K=5$")]
    [InlineData(Ciphertext, "K=" + Ciphertext)]
    public void AddEntry_quotes_as_the_value_needs(string value, string line)
    {
        var file = EnvFile.Parse(string.Empty);
        file.AddEntry("K", value);
        Assert.Equal(line + "\n", file.ToString());
        var reparsed = EnvFile.Parse(file.ToString());
        Assert.Equal(value, reparsed.Find("K")!.Value);
        Assert.Empty(reparsed.Findings);
    }

    [Fact]
    public void AddEntry_after_a_multi_line_value_numbers_the_new_line_after_it()
    {
        var file = EnvFile.Parse("A=\"1\n2\n3\"\n");
        var entry = file.AddEntry("K", "v");
        Assert.Equal(4, entry.Line);
        Assert.Equal(4, EnvFile.Parse(file.ToString()).Find("K")!.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1KEY")]
    [InlineData("API KEY")]
    [InlineData("KEY=")]
    [InlineData("ké")]
    public void AddEntry_rejects_invalid_keys(string key)
    {
        var file = EnvFile.Parse("A=1\n");
        Assert.Throws<ArgumentException>(() => file.AddEntry(key, "v"));
        Assert.Equal("A=1\n", file.ToString());
    }

    [Fact]
    public void AddEntry_rejects_a_null_value()
    {
        Assert.Throws<ArgumentNullException>(() => EnvFile.Parse("").AddEntry("K", null!));
    }

    [Fact]
    public void Find_returns_the_last_duplicate_and_FindAll_returns_all_in_order()
    {
        var file = EnvFile.Parse("A=1\nA=2\nB=3\nA=4\n");
        var last = file.Find("A")!;
        Assert.Equal("4", last.Value);
        Assert.Equal(4, last.Line);
        Assert.Equal(new[] { "1", "2", "4" }, file.FindAll("A").Select(e => e.Value).ToArray());
        Assert.Equal(new[] { 1, 2, 4 }, file.FindAll("A").Select(e => e.Line).ToArray());
        Assert.Null(file.Find("Z"));
        Assert.Empty(file.FindAll("Z"));
        Assert.True(file.TryGetValue("A", out var value));
        Assert.Equal("4", value);
    }

    [Fact]
    public void Find_is_case_sensitive()
    {
        var file = EnvFile.Parse("Key=1\n");
        Assert.NotNull(file.Find("Key"));
        Assert.Null(file.Find("KEY"));
        Assert.Null(file.Find("key"));
    }

    [Fact]
    public void Save_writes_atomically_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env.dev");
        File.WriteAllText(path, "# c\r\nA_SECRET=plain\r\nB=2");
        var file = EnvFile.Load(path);
        file.Find("A_SECRET")!.SetValue(Ciphertext, EnvQuoteStyle.None);
        file.AddEntry("C", "3");

        file.Save();

        Assert.Equal(file.ToBytes(), File.ReadAllBytes(path));
        Assert.Equal("# c\r\nA_SECRET=" + Ciphertext + "\r\nB=2\r\nC=3\r\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_keeps_the_file_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var path = dir.File(".env.prod");
        File.WriteAllText(path, "A_SECRET=plain\n");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);

        var file = EnvFile.Load(path);
        file.Find("A_SECRET")!.SetValue(Ciphertext, EnvQuoteStyle.None);
        file.Save();

        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal("A_SECRET=" + Ciphertext + "\n", File.ReadAllText(path));
    }

    [Fact]
    public void Save_to_a_new_path_creates_the_file()
    {
        using var dir = new TempDirectory();
        var file = EnvFile.Parse("A=1\n");
        var path = dir.File("new.env");
        file.Save(path);
        Assert.Equal("A=1\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Save_without_any_path_throws()
    {
        Assert.Throws<InvalidOperationException>(() => EnvFile.Parse("A=1").Save());
    }

    [Fact]
    public void A_file_that_is_not_utf8_has_one_finding_and_is_never_rewritten()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env.dev");
        var bytes = Encoding.ASCII.GetBytes("A=1\nB=2\nC=")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Encoding.ASCII.GetBytes("\nD=4\n"))
            .ToArray();
        File.WriteAllBytes(path, bytes);

        var file = EnvFile.Load(path);

        Assert.False(file.IsWritable);
        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.SyntaxError, finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.Equal(path, finding.FilePath);
        Assert.Contains("UTF-8", finding.Message);
        Assert.True(file.HasSyntaxErrors);
        Assert.Throws<InvalidOperationException>(() => file.Save());
        Assert.Throws<InvalidOperationException>(() => file.Save(dir.File("other.env")));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFoundException()
    {
        using var dir = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() => EnvFile.Load(dir.File("missing.env")));
    }
}
