using System.Linq;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>
/// SG1001 syntax errors, SG1002 duplicates and SG1003 ambiguities: where they point, what they say, that they never
/// quote a value, and how <c># secretguard-disable-next-line</c> silences them.
/// </summary>
public class EnvFileFindingsTests
{
    private const string Secret = "s3cr3tVALUE";
    private const string Header = "# settings\nGOOD=1\n";

    private static void AssertNoValueIn(EnvFile file, params string[] fragments)
    {
        foreach (var finding in file.Findings)
        {
            foreach (var fragment in fragments)
            {
                Assert.DoesNotContain(fragment, finding.Message);
                Assert.DoesNotContain(fragment, finding.ToString());
            }
        }

        foreach (var node in file.Nodes.OfType<EnvInvalidLine>())
        {
            foreach (var fragment in fragments)
            {
                Assert.DoesNotContain(fragment, node.ToString());
            }
        }
    }

    // line (after the two header lines), column, and a fragment of the message.
    public static TheoryData<string, int, string> SyntaxErrors => new()
    {
        { "KEY=\"" + Secret, 5, "never closed" },
        { "KEY='" + Secret, 5, "never closed" },
        { "  KEY=\"" + Secret, 7, "never closed" },
        { Secret, 12, "expected '='" },
        { "KEY " + Secret, 5, "expected '='" },
        { "export KEY", 11, "expected '='" },
        { "API KEY=" + Secret, 5, "expected '='" },
        { "1KEY=" + Secret, 1, "expected a key" },
        { "@=" + Secret, 1, "expected a key" },
        { "=" + Secret, 1, "expected a key" },
        { "  -KEY=" + Secret, 3, "expected a key" },
        { "KEY$=" + Secret, 4, "invalid character in the key" },
        { "KÉY=" + Secret, 2, "invalid character in the key" },
        { "KEY=\"" + Secret + "\"x", 18, "after the closing quote" },
        { "KEY='" + Secret + "' x", 19, "after the closing quote" },
        { "KEY='" + Secret + "'# c", 18, "after the closing quote" },
        { "KEY=\"" + Secret + "\"\"more\"", 18, "after the closing quote" },
        { "KEY=s3cr3t\rVALUE", 11, "carriage return" },
        { "KEY='s3cr3t\rVALUE'", 12, "carriage return" },
        { "\r\r", 1, "carriage return" },
        { "KEY=s3\"cr3t\rVALUE", 12, "carriage return" },
        { "KEY='s3\"cr3t\rVALUE'", 13, "carriage return" },
        { "KEY=1\r2\r", 6, "carriage return" },

        // A carriage return is stray wherever it stands outside a double-quoted value, whatever comes before it.
        { "KEY=\"s3cr3t\" # c\rVALUE", 17, "carriage return" },
        { "KEY='s3cr3t' # c\rVALUE", 17, "carriage return" },
        { "KEY=s3\"cr3t # c\rVALUE", 16, "carriage return" },
        { "KEY=s3cr3t # \"c\rVALUE", 16, "carriage return" },
        { "KEY= # \"c\rVALUE", 10, "carriage return" },
        { "# c\rVALUE", 4, "carriage return" },
        { "  # \"c\rVALUE", 7, "carriage return" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Syntax_errors_point_at_line_and_column_and_never_quote_the_value(string line, int column, string fragment)
    {
        var file = EnvFile.Parse(Header + line + "\nAFTER=ok\n", "app/.env.dev");

        var error = Assert.Single(file.Findings, f => f.Id == DiagnosticIds.SyntaxError);
        Assert.Equal(FindingSeverity.Error, error.Severity);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message);
        Assert.Equal("app/.env.dev", error.FilePath);
        Assert.StartsWith("app/.env.dev(3," + column + "): error SG1001: ", error.ToString());
        Assert.EndsWith("docs/rules/SG1001.md", error.HelpLink);
        Assert.True(file.HasSyntaxErrors);

        AssertNoValueIn(file, Secret, "s3cr3t", "VALUE");

        // Parsing went on: the entries before and after are there, and nothing was lost.
        Assert.Equal("1", file.Find("GOOD")!.Value);
        Assert.Equal("ok", file.Find("AFTER")!.Value);
        Assert.Equal(Header + line + "\nAFTER=ok\n", file.ToString());
        Assert.Null(file.Find("KEY"));
    }

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Every_syntax_error_message_says_what_to_do(string line, int column, string fragment)
    {
        _ = column;
        _ = fragment;
        var error = Assert.Single(EnvFile.Parse(line).Findings, f => f.Id == DiagnosticIds.SyntaxError);
        Assert.Matches("add |write |save |use |needs |belongs |starts with ", error.Message);
    }

    [Fact]
    public void A_single_quote_is_not_closed_on_a_later_line()
    {
        var file = EnvFile.Parse("KEY='" + Secret + "\nMORE'\nB=2\n");
        var errors = file.Findings.Where(f => f.Id == DiagnosticIds.SyntaxError).ToList();
        Assert.Equal(new[] { 1, 2 }, errors.Select(e => e.Line).ToArray());
        Assert.Contains("double quotes", errors[0].Message);
        Assert.Equal("2", file.Find("B")!.Value);
        AssertNoValueIn(file, Secret, "MORE");
    }

    [Fact]
    public void Parsing_continues_after_errors()
    {
        var file = EnvFile.Parse("BAD LINE\nGOOD=1\n1BAD=2\nALSO=ok\nKEY=\"unterminated\n");
        var errors = file.Findings.Where(f => f.Id == DiagnosticIds.SyntaxError).ToList();
        Assert.Equal(new[] { 1, 3, 5 }, errors.Select(e => e.Line).ToArray());
        Assert.Equal(new[] { "GOOD", "ALSO" }, file.Entries.Select(e => e.Key).ToArray());
        Assert.Equal(new[] { 2, 4 }, file.Entries.Select(e => e.Line).ToArray());
        Assert.Equal(3, file.Nodes.OfType<EnvInvalidLine>().Count());
    }

    [Fact]
    public void An_unterminated_double_quote_reports_its_line_and_later_lines_are_still_read()
    {
        var file = EnvFile.Parse("A=1\nKEY=\"" + Secret + "\nB=2\n");
        var error = Assert.Single(file.Findings);
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("KEY", error.Message);
        Assert.Equal("2", file.Find("B")!.Value);
        Assert.Equal(3, file.Find("B")!.Line);
        AssertNoValueIn(file, Secret);
    }

    [Fact]
    public void A_carriage_return_after_a_closing_quote_on_a_later_line_points_at_that_line()
    {
        var text = "A=1\nKEY=\"s3cr3t\nVALUE\" # c\rx\nB=2\n";
        var file = EnvFile.Parse(text);
        var error = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.SyntaxError, error.Id);
        Assert.Equal(3, error.Line);
        Assert.Equal(11, error.Column);
        Assert.Contains("carriage return", error.Message);
        Assert.Equal(2, file.Nodes.OfType<EnvInvalidLine>().Count());
        Assert.Null(file.Find("KEY"));
        Assert.Equal("2", file.Find("B")!.Value);
        Assert.Equal(text, file.ToString());
        AssertNoValueIn(file, "s3cr3t", "VALUE");
    }

    [Theory]
    [InlineData("KEY_SECRET=\"plain\" # note\rmore\n")]
    [InlineData("KEY_SECRET='plain' # \"note\rmore\n")]
    [InlineData("KEY_SECRET=pl\"ain # note\rmore\n")]
    [InlineData("KEY_SECRET=\"pl\rain\" # note\n")]
    [InlineData("KEY_SECRET=\"line one\nline two\" # note\rmore\n")]
    [InlineData("# \"note\rmore\nKEY_SECRET=\"plain\"\n")]
    public void A_file_the_parser_accepts_stays_valid_when_its_value_is_rewritten(string text)
    {
        // The build and 'secretguard set' rewrite a secret as an unquoted ciphertext: a line accepted with a quoted
        // value must not turn into a syntax error then (which would block every later build).
        var file = EnvFile.Parse(text);
        if (file.HasSyntaxErrors)
        {
            Assert.Contains(file.Findings, f => f.Message.Contains("carriage return"));
            return;
        }

        file.Find("KEY_SECRET")!.SetValue("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw", EnvQuoteStyle.None);
        var rewritten = EnvFile.Parse(file.ToString());
        Assert.False(rewritten.HasSyntaxErrors, string.Join("\n", rewritten.Findings));
    }

    [Fact]
    public void Text_after_a_closing_quote_on_a_later_line_points_at_that_line()
    {
        var file = EnvFile.Parse("A=\"s3cr3t\nVALUE\"x\nB=2\n");
        var error = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.SyntaxError, error.Id);
        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal(2, file.Nodes.OfType<EnvInvalidLine>().Count());
        Assert.Equal("2", file.Find("B")!.Value);
        Assert.Equal(3, file.Find("B")!.Line);
        AssertNoValueIn(file, "s3cr3t", "VALUE");
    }

    [Theory]
    [InlineData("ghp_abcdef123456")]
    [InlineData("  ghp_abcdef123456  ")]
    [InlineData("ghp_abcdef123456 # my token")]
    [InlineData("sk-live+abcdef/123456")]
    [InlineData("AKIAABCDEFGHIJ123456 wJalrXUtnFEMIK7MDENG")]
    public void A_pasted_secret_on_a_line_of_its_own_is_not_repeated_in_the_message(string line)
    {
        var file = EnvFile.Parse("A=1\n" + line + "\n");
        var error = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.SyntaxError, error.Id);
        Assert.Equal(2, error.Line);
        AssertNoValueIn(file, "abcdef", "123456", "AKIA", "wJalr");
        Assert.Equal("A=1\n" + line + "\n", file.ToString());
    }

    public static TheoryData<string, int> Ambiguities => new()
    {
        { "KEY=s3cr3t#VALUE", 11 },
        { "KEY=$HOME", 5 },
        { "KEY=s3cr3t$VALUE", 11 },
        { "KEY=a${X}b", 6 },
        { "KEY=$(cmd)", 5 },
        { "KEY=$_x", 5 },
        { "KEY=\"s3cr3t$VALUE\"", 5 },
        { "KEY=\"${X}\"", 5 },
        { "KEY=it's", 7 },
        { "KEY=s3cr3t\"VALUE", 11 },
        { "KEY=s3cr3t`VALUE`", 11 },
        { "KEY: s3cr3tVALUE", 4 },
        { "KEY:s3cr3tVALUE", 4 },
        { "KEY = s3cr3tVALUE", 5 },
        { "KEY= s3cr3tVALUE", 4 },
        { "KEY =s3cr3tVALUE", 5 },
        { "KEY\t=\ts3cr3tVALUE", 5 },
    };

    [Theory]
    [MemberData(nameof(Ambiguities))]
    public void Ambiguous_constructs_are_warnings_that_say_how_to_write_them(string line, int column)
    {
        var file = EnvFile.Parse("A=1\n" + line + "\n");
        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.AmbiguousConstruct, finding.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("KEY", finding.KeyName);
        Assert.Equal(2, finding.Line);
        Assert.Equal(column, finding.Column);
        Assert.Matches("quote|write|remove", finding.Message);
        Assert.StartsWith("KEY", finding.Message);
        Assert.StartsWith("<env>(2," + column + "): warning SG1003: KEY", finding.ToString());
        Assert.False(file.HasSyntaxErrors);
        Assert.NotNull(file.Find("KEY"));
        AssertNoValueIn(file, "s3cr3t", "VALUE", "HOME", "cmd");
    }

    [Fact]
    public void Several_ambiguities_in_one_value_are_each_reported()
    {
        var file = EnvFile.Parse("KEY = a#b'c$HOME");
        Assert.Equal(4, file.Findings.Count);
        Assert.All(file.Findings, f => Assert.Equal(DiagnosticIds.AmbiguousConstruct, f.Id));
        Assert.Equal(new[] { 5, 8, 10, 12 }, file.Findings.Select(f => f.Column).ToArray());
    }

    [Theory]
    [InlineData("KEY='$HOME'")]
    [InlineData("KEY='a#b'")]
    [InlineData("KEY='it\"s'")]
    [InlineData("KEY=\"it's\"")]
    [InlineData("KEY=\"a#b\"")]
    [InlineData("KEY=5$")]
    [InlineData("KEY=\"5$\"")]
    [InlineData("KEY=$5")]
    [InlineData("KEY=$")]
    [InlineData("KEY=a$ b")]
    [InlineData("KEY=price: 5")]
    [InlineData("KEY=v # comment with $HOME and it's")]
    [InlineData("KEY=")]
    [InlineData("KEY= # c")]
    [InlineData("export KEY=v")]
    [InlineData("KEY=a=b")]
    public void Unambiguous_constructs_are_not_flagged(string line)
    {
        Assert.Empty(EnvFile.Parse(line).Findings);
    }

    [Fact]
    public void Duplicate_keys_name_the_first_line()
    {
        var file = EnvFile.Parse("A=1\nB=2\nA=3\nA=4\n", ".env.dev");
        var duplicates = file.Findings.Where(f => f.Id == DiagnosticIds.DuplicateKey).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal(new[] { 3, 4 }, duplicates.Select(d => d.Line).ToArray());
        Assert.All(duplicates, d =>
        {
            Assert.Equal("A", d.KeyName);
            Assert.Equal(1, d.Column);
            Assert.Equal(FindingSeverity.Warning, d.Severity);
            Assert.Contains("line 1", d.Message);
            Assert.Contains("remove", d.Message);
            Assert.DoesNotContain("3", d.Message.Replace("SG1002", string.Empty));
        });
    }

    [Fact]
    public void Keys_differing_in_case_are_not_duplicates()
    {
        Assert.Empty(EnvFile.Parse("Key=1\nKEY=2\n").Findings);
    }

    [Fact]
    public void Findings_are_sorted_by_line_and_column()
    {
        var file = EnvFile.Parse("A=1\nA=a#b\nBAD\nC = x\n");
        var positions = file.Findings.Select(f => (f.Line, f.Column)).ToList();
        Assert.Equal(positions.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList(), positions);
        Assert.Equal(4, positions.Count);
    }

    [Fact]
    public void A_suppression_comment_silences_the_listed_id_for_the_next_entry_only()
    {
        var file = EnvFile.Parse("# secretguard-disable-next-line SG1003\nK=a#b\nL=c#d\n");
        var finding = Assert.Single(file.Findings);
        Assert.Equal("L", finding.KeyName);
        var k = file.Find("K")!;
        Assert.True(k.IsSuppressed("SG1003"));
        Assert.True(k.IsSuppressed("sg1003"));
        Assert.False(k.IsSuppressed("SG1002"));
        Assert.False(k.IsSuppressed("SG1007"));
        Assert.Equal(new[] { "SG1003" }, k.SuppressedIds.ToArray());
        Assert.False(file.Find("L")!.IsSuppressed("SG1003"));
        Assert.Empty(file.Find("L")!.SuppressedIds);
    }

    [Fact]
    public void A_suppression_of_SG1003_leaves_SG1002_on_the_same_entry()
    {
        var file = EnvFile.Parse("A=1\n# secretguard-disable-next-line SG1003\nA=a#b\n");
        var finding = Assert.Single(file.Findings);
        Assert.Equal(DiagnosticIds.DuplicateKey, finding.Id);
        Assert.Equal(3, finding.Line);
    }

    [Theory]
    [InlineData("# secretguard-disable-next-line SG1002,SG1003")]
    [InlineData("# secretguard-disable-next-line SG1002, SG1003")]
    [InlineData("#secretguard-disable-next-line SG1003 , SG1002")]
    [InlineData("  # secretguard-disable-next-line SG1003,SG1002")]
    [InlineData("# secretguard-disable-next-line")]
    [InlineData("#   secretguard-disable-next-line   ")]
    public void Comma_separated_ids_and_the_bare_marker_silence_every_listed_finding(string comment)
    {
        var file = EnvFile.Parse("A=1\n" + comment + "\nA=a#b\n");
        Assert.Empty(file.Findings);
        var entry = file.Find("A")!;
        Assert.True(entry.IsSuppressed("SG1002"));
        Assert.True(entry.IsSuppressed("SG1003"));
    }

    [Fact]
    public void The_bare_marker_silences_every_id()
    {
        var entry = EnvFile.Parse("# secretguard-disable-next-line\nK=a#b\n").Find("K")!;
        Assert.True(entry.IsSuppressed("SG1003"));
        Assert.True(entry.IsSuppressed("SG1007"));
        Assert.True(entry.IsSuppressed("anything"));
    }

    [Theory]
    [InlineData("# secretguard-disable-next-line SG1003\n\nK=a#b\n")]
    [InlineData("# secretguard-disable-next-line SG1003\n   \nK=a#b\n")]
    [InlineData("# secretguard-disable-next-line SG1003\n# another comment\nK=a#b\n")]
    [InlineData("# secretguard-disable-next-line SG1003\nBAD LINE\nK=a#b\n")]
    [InlineData("# secretguard-disable-next-line SG1003\nOTHER=1\nK=a#b\n")]
    [InlineData("# secretguard-disable-next-line SG1002\nK=a#b\n")]
    [InlineData("# please do not disable-next-line SG1003\nK=a#b\n")]
    public void A_suppression_that_is_not_directly_above_or_does_not_list_the_id_does_nothing(string text)
    {
        var file = EnvFile.Parse(text);
        Assert.Single(file.Findings, f => f.Id == DiagnosticIds.AmbiguousConstruct && f.KeyName == "K");
        Assert.False(file.Find("K")!.IsSuppressed("SG1003"));
    }

    [Fact]
    public void A_suppression_works_with_crlf_line_endings()
    {
        var file = EnvFile.Parse("# secretguard-disable-next-line SG1003\r\nK=a#b\r\n");
        Assert.Empty(file.Findings);
    }

    [Fact]
    public void A_suppression_silences_a_multi_line_entry()
    {
        var file = EnvFile.Parse("# secretguard-disable-next-line SG1003\nK=\"$HOME\nline\"\nL=1\n");
        Assert.Empty(file.Findings);
        Assert.True(file.Find("K")!.IsSuppressed("SG1003"));
    }

    [Fact]
    public void Syntax_errors_are_never_silenced()
    {
        var file = EnvFile.Parse("# secretguard-disable-next-line\nK=\"unterminated\n");
        Assert.Single(file.Findings, f => f.Id == DiagnosticIds.SyntaxError);
    }
}
