using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>
/// The env-file grammar (docs/formats.md#1-env-files): what each construct reads as, and where each entry sits.
/// </summary>
public class EnvFileParsingTests
{
    private static EnvFile ParseClean(string text)
    {
        var file = EnvFile.Parse(text);
        Assert.DoesNotContain(file.Findings, f => f.Id == DiagnosticIds.SyntaxError);
        return file;
    }

    private static EnvEntry OnlyEntry(string text) => Assert.Single(ParseClean(text).Entries);

    [Fact]
    public void Plain_entry_reads_key_and_value_with_positions()
    {
        var file = ParseClean("KEY=value");
        var entry = Assert.Single(file.Entries);
        Assert.Equal("KEY", entry.Key);
        Assert.Equal("value", entry.Value);
        Assert.Equal("value", entry.ValueText);
        Assert.Equal(EnvQuoteStyle.None, entry.QuoteStyle);
        Assert.False(entry.HasExport);
        Assert.Equal('=', entry.Separator);
        Assert.Equal(1, entry.Line);
        Assert.Equal(1, entry.Column);
        Assert.Equal(5, entry.ValueColumn);
        Assert.Equal(1, entry.EndLine);
        Assert.Equal(string.Empty, entry.LineEnding);
        Assert.Empty(file.Findings);
        Assert.False(file.HasSyntaxErrors);
    }

    [Fact]
    public void Export_prefix_is_recognised_and_not_part_of_the_key()
    {
        var entry = OnlyEntry("export KEY=v");
        Assert.True(entry.HasExport);
        Assert.Equal("KEY", entry.Key);
        Assert.Equal("v", entry.Value);
        Assert.Equal(8, entry.Column);
        Assert.Equal(12, entry.ValueColumn);
    }

    [Fact]
    public void Export_followed_by_several_blanks_and_a_tab()
    {
        var entry = OnlyEntry("export \t KEY=v");
        Assert.True(entry.HasExport);
        Assert.Equal("KEY", entry.Key);
        Assert.Equal(10, entry.Column);
    }

    [Theory]
    [InlineData("export=1", "export", "1")]
    [InlineData("exporter=1", "exporter", "1")]
    [InlineData("export_KEY=1", "export_KEY", "1")]
    public void A_key_that_starts_with_export_is_just_a_key(string text, string key, string value)
    {
        var entry = OnlyEntry(text);
        Assert.False(entry.HasExport);
        Assert.Equal(key, entry.Key);
        Assert.Equal(value, entry.Value);
    }

    [Theory]
    [InlineData("   KEY=v", 4, 8)]
    [InlineData("\tKEY=v", 2, 6)]
    [InlineData(" \t export KEY=v", 11, 15)]
    public void Indented_lines_are_entries_with_the_right_columns(string text, int column, int valueColumn)
    {
        var entry = OnlyEntry(text);
        Assert.Equal("KEY", entry.Key);
        Assert.Equal("v", entry.Value);
        Assert.Equal(column, entry.Column);
        Assert.Equal(valueColumn, entry.ValueColumn);
    }

    [Fact]
    public void Full_line_comments_are_comment_nodes()
    {
        var file = ParseClean("# comment\nKEY=v\n  # indented comment\n\t#tab\n#KEY2=commented out\n");
        Assert.Collection(
            file.Nodes,
            n => Assert.Equal("# comment", Assert.IsType<EnvComment>(n).Content),
            n => Assert.Equal("KEY", Assert.IsType<EnvEntry>(n).Key),
            n => Assert.Equal("  # indented comment", Assert.IsType<EnvComment>(n).Content),
            n => Assert.Equal("\t#tab", Assert.IsType<EnvComment>(n).Content),
            n => Assert.Equal("#KEY2=commented out", Assert.IsType<EnvComment>(n).Content));
        var entry = Assert.Single(file.Entries);
        Assert.Equal(2, entry.Line);
        Assert.Null(file.Find("KEY2"));
        Assert.Empty(file.Findings);
    }

    [Theory]
    [InlineData("KEY=v # c", "v")]
    [InlineData("KEY=v\t# c", "v")]
    [InlineData("KEY=v    #c", "v")]
    [InlineData("KEY=two words # c", "two words")]
    [InlineData("KEY='a b' # c", "a b")]
    [InlineData("KEY='a # b' # c", "a # b")]
    [InlineData("KEY=\"a # b\" # c", "a # b")]
    [InlineData("KEY=\"v\"\t#c", "v")]
    [InlineData("KEY= # only a comment", "")]
    public void Trailing_comments_after_whitespace_are_not_part_of_the_value(string text, string value)
    {
        var file = EnvFile.Parse(text);
        Assert.Empty(file.Findings);
        Assert.Equal(value, Assert.Single(file.Entries).Value);
    }

    [Fact]
    public void Hash_without_whitespace_before_it_is_part_of_the_value_and_a_warning()
    {
        var file = EnvFile.Parse("KEY=a#b");
        Assert.Equal("a#b", Assert.Single(file.Entries).Value);
        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.AmbiguousConstruct, finding.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(1, finding.Line);
        Assert.Equal(6, finding.Column);
        Assert.Equal("KEY", finding.KeyName);
    }

    [Fact]
    public void Single_quotes_are_literal()
    {
        var entry = OnlyEntry(@"KEY='a\nb\t $HOME ${X} $(cmd) ""dq"" \\ # not a comment'");
        Assert.Equal(@"a\nb\t $HOME ${X} $(cmd) ""dq"" \\ # not a comment", entry.Value);
        Assert.Equal(EnvQuoteStyle.Single, entry.QuoteStyle);
        Assert.Empty(EnvFile.Parse(@"KEY='$HOME'").Findings);
    }

    [Fact]
    public void Double_quotes_process_the_four_escapes()
    {
        var entry = OnlyEntry(@"KEY=""a\nb\tc\""d\\e""");
        Assert.Equal("a\nb\tc\"d\\e", entry.Value);
        Assert.Equal(EnvQuoteStyle.Double, entry.QuoteStyle);
        Assert.Equal(@"""a\nb\tc\""d\\e""", entry.ValueText);
    }

    [Theory]
    [InlineData(@"KEY=""\x""", @"\x")]
    [InlineData(@"KEY=""\$HOME""", @"\$HOME")]
    [InlineData(@"KEY=""C:\Users\me""", @"C:\Users\me")]
    [InlineData(@"KEY=""\r\a\0""", @"\r\a\0")]
    [InlineData(@"KEY=""\\n""", @"\n")]
    [InlineData(@"KEY=""end\\""", @"end\")]
    public void Unknown_escapes_in_double_quotes_are_kept_as_written(string text, string value)
    {
        Assert.Equal(value, OnlyEntry(text).Value);
    }

    [Fact]
    public void Double_quoted_values_may_span_lines()
    {
        var file = ParseClean("KEY=\"line1\nline2\n  line3\"\nNEXT=1\n");
        var entry = file.Find("KEY")!;
        Assert.Equal("line1\nline2\n  line3", entry.Value);
        Assert.Equal(1, entry.Line);
        Assert.Equal(3, entry.EndLine);
        Assert.Equal("\n", entry.LineEnding);
        Assert.Equal(4, file.Find("NEXT")!.Line);
        Assert.Equal(2, file.Nodes.Count);
    }

    [Fact]
    public void Crlf_inside_double_quotes_reads_as_lf()
    {
        var file = ParseClean("KEY=\"a\r\nb\r\nc\"\r\nNEXT=1\r\n");
        var entry = file.Find("KEY")!;
        Assert.Equal("a\nb\nc", entry.Value);
        Assert.Equal(3, entry.EndLine);
        Assert.Equal("\r\n", entry.LineEnding);
        Assert.Equal(4, file.Find("NEXT")!.Line);
        Assert.Equal("1", file.Find("NEXT")!.Value);
    }

    [Fact]
    public void A_value_reads_the_same_with_lf_and_crlf_checkouts()
    {
        var lf = EnvFile.Parse("K=\"x\ny\"\n").Find("K")!.Value;
        var crlf = EnvFile.Parse("K=\"x\r\ny\"\r\n").Find("K")!.Value;
        Assert.Equal(lf, crlf);
    }

    [Theory]
    [InlineData("KEY=", EnvQuoteStyle.None)]
    [InlineData("KEY=\"\"", EnvQuoteStyle.Double)]
    [InlineData("KEY=''", EnvQuoteStyle.Single)]
    [InlineData("KEY=   ", EnvQuoteStyle.None)]
    [InlineData("KEY=\t", EnvQuoteStyle.None)]
    [InlineData("KEY=\n", EnvQuoteStyle.None)]
    [InlineData("KEY=\r\n", EnvQuoteStyle.None)]
    public void Empty_values(string text, object quoteStyle)
    {
        var style = (EnvQuoteStyle)quoteStyle; // object: xunit theories are public, and the enum is internal
        var entry = OnlyEntry(text);
        Assert.Equal(string.Empty, entry.Value);
        Assert.Equal(style, entry.QuoteStyle);
    }

    [Theory]
    [InlineData("KEY=", 5)]
    [InlineData("KEY=   ", 5)]
    [InlineData("KEY=   # c", 5)]
    [InlineData("  export KEY = # c", 15)]
    public void An_empty_unquoted_value_sits_right_after_the_separator(string text, int valueColumn)
    {
        var entry = Assert.Single(EnvFile.Parse(text).Entries);
        Assert.Equal(string.Empty, entry.ValueText);
        Assert.Equal(valueColumn, entry.ValueColumn);
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Assert.Throws<System.ArgumentNullException>(() => EnvFile.Parse(null!));
    }

    [Theory]
    [InlineData("KEY=value   ", "value")]
    [InlineData("KEY=value\t\t", "value")]
    [InlineData("KEY=two  words \t ", "two  words")]
    [InlineData("KEY=value   \r\n", "value")]
    public void Unquoted_values_are_trimmed(string text, string value)
    {
        var file = EnvFile.Parse(text);
        Assert.Empty(file.Findings);
        Assert.Equal(value, Assert.Single(file.Entries).Value);
    }

    [Fact]
    public void Leading_blanks_of_an_unquoted_value_are_trimmed_too()
    {
        var file = EnvFile.Parse("KEY=  \tvalue");
        Assert.Equal("value", Assert.Single(file.Entries).Value);
        Assert.DoesNotContain(file.Findings, f => f.Id == DiagnosticIds.SyntaxError);
    }

    [Fact]
    public void Quoted_values_keep_their_blanks()
    {
        Assert.Equal("  a  ", OnlyEntry("KEY='  a  '").Value);
        Assert.Equal("\t a \t", OnlyEntry("KEY=\"\t a \t\"").Value);
    }

    [Theory]
    [InlineData("a.b.c=1", "a.b.c")]
    [InlineData("my-key=1", "my-key")]
    [InlineData("ConnectionStrings__Db_SECRET=1", "ConnectionStrings__Db_SECRET")]
    [InlineData("_PRIVATE=1", "_PRIVATE")]
    [InlineData("lower=1", "lower")]
    [InlineData("K1-2.3_4=1", "K1-2.3_4")]
    public void Keys_may_hold_dots_dashes_and_double_underscores(string text, string key)
    {
        var entry = OnlyEntry(text);
        Assert.Equal(key, entry.Key);
        Assert.Equal("1", entry.Value);
    }

    [Fact]
    public void Values_may_contain_equals_signs()
    {
        Assert.Equal("a=b==", OnlyEntry("KEY=a=b==").Value);
        Assert.Equal("=x", OnlyEntry("KEY==x").Value);
    }

    [Fact]
    public void Line_and_column_numbers_across_a_file()
    {
        const string text = "\n# c\n  export  API_KEY=\"x\"  # t\nB=2\nMULTI=\"one\ntwo\nthree\"\n\n   C='3'";
        var file = ParseClean(text);

        var api = file.Find("API_KEY")!;
        Assert.Equal(3, api.Line);
        Assert.Equal(11, api.Column);
        Assert.Equal(19, api.ValueColumn);
        Assert.Equal(3, api.EndLine);
        Assert.True(api.HasExport);

        var b = file.Find("B")!;
        Assert.Equal(4, b.Line);
        Assert.Equal(1, b.Column);
        Assert.Equal(3, b.ValueColumn);

        var multi = file.Find("MULTI")!;
        Assert.Equal(5, multi.Line);
        Assert.Equal(7, multi.EndLine);
        Assert.Equal(7, multi.ValueColumn);

        var c = file.Find("C")!;
        Assert.Equal(9, c.Line);
        Assert.Equal(4, c.Column);
        Assert.Equal(6, c.ValueColumn);

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 8, 9 }, file.Nodes.Select(n => n.Line).ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_key_and_does_not_shift_columns()
    {
        var file = ParseClean("\uFEFFKEY=v\nB=2");
        Assert.True(file.HasByteOrderMark);
        var entry = file.Find("KEY")!;
        Assert.Equal(1, entry.Column);
        Assert.Equal(5, entry.ValueColumn);
        Assert.Equal("v", entry.Value);
        Assert.False(EnvFile.Parse("KEY=v").HasByteOrderMark);
    }

    [Fact]
    public void Line_endings_are_not_part_of_values()
    {
        var file = ParseClean("A=1\r\nB='2'\r\nC=\"3\"\nD=4");
        Assert.Equal(new[] { "1", "2", "3", "4" }, file.Entries.Select(e => e.Value).ToArray());
        Assert.Equal(new[] { "\r\n", "\r\n", "\n", "" }, file.Nodes.Select(n => n.LineEnding).ToArray());
    }

    [Fact]
    public void Blank_lines_with_spaces_and_tabs_are_blank_nodes()
    {
        var file = ParseClean("A=1\n   \n\t\n\nB=2");
        Assert.Equal(3, file.Nodes.OfType<EnvBlankLine>().Count());
        Assert.Equal("   ", file.Nodes.OfType<EnvBlankLine>().First().Content);
        Assert.Equal(5, file.Find("B")!.Line);
    }

    [Fact]
    public void Unicode_values_are_kept()
    {
        Assert.Equal("pässwörd ✓ 🔑", OnlyEntry("KEY=pässwörd ✓ 🔑").Value);
        Assert.Equal("日本語", OnlyEntry("KEY='日本語'").Value);
    }

    [Fact]
    public void TryGetValue_reads_the_last_value()
    {
        var file = EnvFile.Parse("A=1\nB=2");
        Assert.True(file.TryGetValue("A", out var a));
        Assert.Equal("1", a);
        Assert.False(file.TryGetValue("Z", out var z));
        Assert.Equal(string.Empty, z);
    }

    [Fact]
    public void The_text_form_of_an_entry_never_shows_its_value()
    {
        var file = EnvFile.Parse("API_KEY_SECRET=s3cr3tVALUE\n\"s3cr3tLINE\n");
        var entry = file.Find("API_KEY_SECRET")!;
        Assert.DoesNotContain("s3cr3t", entry.ToString());
        Assert.Contains("API_KEY_SECRET", entry.ToString());
        var invalid = Assert.Single(file.Nodes.OfType<EnvInvalidLine>());
        Assert.DoesNotContain("s3cr3t", invalid.ToString());
    }

    [Fact]
    public void Findings_carry_the_path_given_to_Parse()
    {
        var file = EnvFile.Parse("A=a#b", "config/.env.dev");
        Assert.Equal("config/.env.dev", file.FilePath);
        Assert.Equal("config/.env.dev", Assert.Single(file.Findings).FilePath);
    }

    [Fact]
    public void Empty_text_has_no_nodes()
    {
        var file = EnvFile.Parse(string.Empty);
        Assert.Empty(file.Nodes);
        Assert.Empty(file.Findings);
        Assert.Equal(string.Empty, file.ToString());
    }
}
