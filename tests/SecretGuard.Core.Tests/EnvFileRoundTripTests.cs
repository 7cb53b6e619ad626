using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Parsing is lossless (docs/formats.md#1-env-files): writing a parsed file back gives the same text and the same
/// bytes.
/// </summary>
public class EnvFileRoundTripTests
{
    public static TheoryData<string, string> TrickyInputs => new()
    {
        { "empty", "" },
        { "lf", "A=1\nB=2\n" },
        { "crlf", "A=1\r\nB=2\r\n" },
        { "mixed endings", "A=1\r\nB=2\nC=3\r\n\nD=4\n" },
        { "no final newline", "A=1\nB=2" },
        { "no final newline crlf", "A=1\r\nB=2" },
        { "only a newline", "\n" },
        { "only crlf", "\r\n" },
        { "bom", "\uFEFFA=1\n" },
        { "bom only", "\uFEFF" },
        { "bom crlf no final newline", "\uFEFF# c\r\nA=1" },
        { "blank lines with spaces and tabs", "A=1\n   \n\t\t\n \t \nB=2\n" },
        { "tabs everywhere", "\tA\t=\t1\t#\tc\n\texport\tB=2\n" },
        { "comments", "# header\n  # indented\nA=1 # trailing\nB='2'   #   spaced\n#\n" },
        { "export and spacing", "export A=1\nexport    B = 2\n  export C= \"3\"  \n" },
        { "quoting styles", "A='x y'\nB=\"x\\ny\\t\\\"\\\\\"\nC=plain\nD=\nE=''\nF=\"\"\n" },
        { "multi-line lf", "A=\"one\ntwo\n\nthree\"\nB=2\n" },
        { "multi-line crlf", "A=\"one\r\ntwo\r\n\r\nthree\" # c\r\nB=2\r\n" },
        { "multi-line mixed", "A=\"one\r\ntwo\nthree\"\nB=2" },
        { "invalid lines", "NOT AN ENTRY\n1BAD=x\n@=y\nA=\"unterminated\nB='unterminated\nC=\"x\"y\nD=1\n" },
        { "unterminated at eof", "A=1\nB=\"never closed\nstill\nopen" },
        { "text after multi-line quote", "A=\"x\ny\"z\nB=2\n" },
        { "stray cr", "A=1\rB=2\nC=3\r\r\n\r\nD=4\r" },
        { "yaml style and ambiguities", "A: 1\nB = 2\nC=a#b\nD=$HOME\nE=it's\n" },
        { "duplicates and suppression", "A=1\n# secretguard-disable-next-line SG1002\nA=2\n" },
        { "unicode", "A=pässwörd ✓ 🔑\nB='日本語' # コメント\n" },
        { "pasted secret", "ghp_abcdef123456\n" },
        { "backslash at end", "A=\"x\\" },
        { "quote at eof", "A=\"" },
        { "cr at end of quoted line", "A=\"x\r\"\n" },
        { "only blanks no newline", "   " },
    };

    [Theory]
    [MemberData(nameof(TrickyInputs))]
    public void Parse_then_ToString_gives_the_same_text(string name, string text)
    {
        var file = EnvFile.Parse(text);
        Assert.True(text == file.ToString(), name);
        Assert.Equal(text.StartsWith('\uFEFF'), file.HasByteOrderMark);
        var withoutBom = text.StartsWith('\uFEFF') ? text.Substring(1) : text;
        Assert.Equal(withoutBom, string.Concat(file.Nodes.Select(n => n.Text)));
    }

    [Theory]
    [MemberData(nameof(TrickyInputs))]
    public void Load_then_ToBytes_gives_the_same_bytes(string name, string text)
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env.dev");
        var bytes = new UTF8Encoding(false).GetBytes(text);
        File.WriteAllBytes(path, bytes);

        var file = EnvFile.Load(path);

        Assert.True(file.IsWritable, name);
        Assert.Equal(bytes, file.ToBytes());
        Assert.Equal(path, file.FilePath);
    }

    [Fact]
    public void Bom_bytes_survive_load_and_save()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("A=1\r\nB_SECRET=x")).ToArray();
        File.WriteAllBytes(path, bytes);

        var file = EnvFile.Load(path);
        Assert.True(file.HasByteOrderMark);
        Assert.Equal(bytes, file.ToBytes());
        Assert.Equal("A", file.Entries.First().Key);
        Assert.Equal(1, file.Entries.First().Column);

        file.Save();
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_without_bom_gets_none_on_save()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env");
        var bytes = Encoding.UTF8.GetBytes("A=1\n");
        File.WriteAllBytes(path, bytes);

        var file = EnvFile.Load(path);
        Assert.False(file.HasByteOrderMark);
        file.Save();
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Editing_one_value_keeps_every_other_byte_of_a_tricky_file()
    {
        const string before = "\uFEFF# header\r\nexport  A = 'one' # c\r\n\t\r\nB=\"multi\nline\"\r\nC=3\nD=4";
        var file = EnvFile.Parse(before);
        file.Find("C")!.SetValue("three");
        Assert.Equal(before.Replace("C=3", "C=three"), file.ToString());
    }
}
