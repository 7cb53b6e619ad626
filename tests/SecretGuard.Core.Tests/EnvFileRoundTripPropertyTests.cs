using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Random files and random values: parsing is lossless for any text, and any value written by
/// <see cref="EnvFile.AddEntry"/> or <see cref="EnvEntry.SetValue(string)"/> reads back exactly.
/// </summary>
public class EnvFileRoundTripPropertyTests
{
    // Pieces of values; surrogate pairs are whole atoms so a value never holds an unpaired surrogate.
    private static readonly string[] ValueAtoms =
    {
        "a", "Z", "k", "0", "9", "_", "-", ".", "/", "+", "=", ":", "@", "%", ",",
        " ", "  ", "\t", "#", " #", " # ", "$", "$HOME", "${X}", "$(cmd)", "5$", "{", "}", "(", ")",
        "\"", "'", "`", "\\", "\\n", "\\t", "\\\"", "\\\\", "\\x", "\n", "\r", "\r\n", "\n\n",
        "é", "ü", "✓", "日本", "🔑", "😀", "\u00A0", "\u3000", "\uFEFF", "\u2028", "\u0085", "\u0000", "\u001B",
        "export ", "KEY=", "s3cr3t", "DEV_ENC:v1:3f4fd31a:", "AAECAwQFBgcICQoLDA0ODx",
    };

    private static readonly string[] SafeAtoms =
    {
        "a", "Z", "k", "0", "9", "_", "-", ".", "/", "+", "=", ":", "@", "%", ",", "!", "?", "é", "✓", "🔑", "x y", "a\tb",
    };

    private static readonly string[] Keys =
    {
        "A", "KEY", "api.key", "my-key", "Db__Password_SECRET", "_x", "export", "K1",
    };

    private static readonly string[] BadKeys = { "1BAD", "API KEY", "@", "ké", "" };

    private static readonly Gen<string> AnyValue =
        Gen.ArrayOf(Gen.Elements(ValueAtoms)).Select(a => string.Concat(a));

    private static readonly Gen<string> OneLineValue =
        AnyValue.Select(v => v.Replace("\r", string.Empty).Replace("\n", string.Empty));

    private static readonly Gen<string> SafeValue =
        Gen.ArrayOf(Gen.Elements(SafeAtoms)).Select(a => string.Concat(a).Trim(' ', '\t'));

    private static readonly Gen<string> Indent = Gen.Elements("", "", "", " ", "  ", "\t", " \t ");

    private static readonly Gen<string> Export = Gen.Elements("", "", "", "export ", "export  ", "export\t");

    private static readonly Gen<string> Separator = Gen.Elements("=", "=", "=", "=", " = ", "= ", " =", ": ", ":", "\t=\t");

    private static readonly Gen<string> TrailingComment = Gen.Elements("", "", "", " # c", "\t#x", "   #  spaced # twice", "#nospace", " #");

    private static readonly Gen<string> Key = Gen.Frequency((9, Gen.Elements(Keys)), (1, Gen.Elements(BadKeys)));

    private static readonly Gen<string> Blanks = Gen.Elements("", " ", "\t", "   ", " \t \t");

    private static Gen<string> Entry(Gen<string> valueText) => Entry(valueText, Key, TrailingComment);

    private static Gen<string> Entry(Gen<string> valueText, Gen<string> key, Gen<string> trailingComment) =>
        from indent in Indent
        from export in Export
        from k in key
        from sep in Separator
        from value in valueText
        from comment in trailingComment
        from trailingBlanks in Blanks
        select indent + export + k + sep + value + comment + trailingBlanks;

    private static readonly Gen<string> UnquotedEntry = Entry(SafeValue);

    private static readonly Gen<string> SingleQuotedEntry = Entry(OneLineValue.Select(v => "'" + v.Replace("'", string.Empty) + "'"));

    // Escapes only what must be escaped and keeps newlines raw, so the value may span lines.
    private static readonly Gen<string> DoubleQuotedEntry = Entry(AnyValue.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));

    // Raw text inside double quotes: unknown escapes, a backslash before the closing quote, and so on.
    private static readonly Gen<string> RawDoubleQuotedEntry = Entry(AnyValue.Select(v => "\"" + v.Replace("\"", string.Empty) + "\""));

    private static readonly Gen<string> RawEntry = Entry(AnyValue);

    private static readonly Gen<string> Comment =
        from indent in Indent
        from text in OneLineValue
        select indent + "#" + text;

    private static readonly Gen<string> Suppression =
        Gen.Elements("# secretguard-disable-next-line", "# secretguard-disable-next-line SG1003", "#secretguard-disable-next-line SG1002, SG1003");

    private static readonly Gen<string> Garbage = AnyValue;

    private static readonly Gen<string> Line = Gen.Frequency(
        (5, UnquotedEntry),
        (3, SingleQuotedEntry),
        (3, DoubleQuotedEntry),
        (1, RawDoubleQuotedEntry),
        (2, RawEntry),
        (2, Comment),
        (1, Suppression),
        (2, Blanks),
        (1, Garbage));

    private static readonly Gen<string> FileText =
        from lines in Gen.ArrayOf(Line)
        from endings in Gen.ArrayOf(Gen.Elements("\n", "\r\n"), lines.Length)
        from finalNewline in Gen.Elements(true, false)
        from bom in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        select Join(lines, endings, finalNewline, bom);

    // Files without syntax errors: every line is an entry, a comment or a blank line.
    private static readonly Gen<string> CleanComment = Gen.Elements("", "", " # c", "\t#x", "   #  spaced # twice");

    private static readonly Gen<string> CleanLine = Gen.Frequency(
        (5, Entry(SafeValue, Gen.Elements(Keys), CleanComment)),
        (3, Entry(OneLineValue.Select(v => "'" + v.Replace("'", string.Empty) + "'"), Gen.Elements(Keys), CleanComment)),
        (3, Entry(AnyValue.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""), Gen.Elements(Keys), CleanComment)),
        (2, Comment),
        (1, Suppression),
        (2, Blanks));

    private static readonly Gen<(string Text, int Pick)> CleanFileText =
        (from lines in Gen.NonEmptyListOf(CleanLine)
         from endings in Gen.ArrayOf(Gen.Elements("\n", "\r\n"), lines.Count)
         from finalNewline in Gen.Elements(true, false)
         from bom in Gen.Elements(true, false, false, false)
         from pick in Gen.Choose(0, 1000)
         select (Join(lines.ToArray(), endings, finalNewline, bom), pick))
        .Where(t => EnvFile.Parse(t.Item1).Entries.Any() && !EnvFile.Parse(t.Item1).HasSyntaxErrors);

    private static string Join(string[] lines, string[] endings, bool finalNewline, bool bom)
    {
        var sb = new StringBuilder();
        if (bom)
        {
            sb.Append('\uFEFF');
        }

        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]);
            if (i < lines.Length - 1 || finalNewline)
            {
                sb.Append(endings[i]);
            }
        }

        return sb.ToString();
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    [Property(MaxTest = 300)]
    public Property Random_env_files_round_trip_as_text_and_bytes() =>
        Prop.ForAll(FileText.ToArbitrary(), text =>
        {
            var file = EnvFile.Parse(text);
            return file.ToString() == text
                && file.ToBytes().SequenceEqual(StrictUtf8.GetBytes(text))
                && file.HasByteOrderMark == text.StartsWith('\uFEFF');
        });

    [Property(MaxTest = 300)]
    public bool Any_string_round_trips_as_text(NonNull<string> text) =>
        EnvFile.Parse(text.Get).ToString() == text.Get;

    [Property(MaxTest = 50)]
    public Property Random_env_files_round_trip_through_disk() =>
        Prop.ForAll(FileText.ToArbitrary(), text =>
        {
            using var dir = new TempDirectory();
            var path = dir.File(".env.dev");
            var bytes = StrictUtf8.GetBytes(text);
            File.WriteAllBytes(path, bytes);
            var file = EnvFile.Load(path);
            file.Save();
            return file.IsWritable
                && file.ToBytes().SequenceEqual(bytes)
                && File.ReadAllBytes(path).SequenceEqual(bytes)
                && Directory.GetFiles(dir.Path).Length == 1;
        });

    private static readonly string[] BaseFiles =
    {
        "",
        "A=1",
        "A=1\r\nB=2\r\n",
        "# c\nA='x'",
        "\uFEFFexport A=\"multi\nline\" # c\n",
    };

    [Property(MaxTest = 300)]
    public Property AddEntry_writes_any_value_so_that_it_reads_back_exactly() =>
        Prop.ForAll(Gen.Zip(AnyValue, Gen.Elements(BaseFiles)).ToArbitrary(), t =>
        {
            var (value, baseText) = t;
            var file = EnvFile.Parse(baseText);
            var added = file.AddEntry("K", value);
            var text = file.ToString();
            var reparsed = EnvFile.Parse(text);
            var entry = reparsed.Find("K");
            var unavoidableWarning = EnvAmbiguityProbe.HasVariableReference(value)
                && (value.Contains('\'') || value.Contains('\n') || value.Contains('\r'));
            return (entry is not null
                    && entry.Value == value
                    && added.Value == value
                    && entry.QuoteStyle == added.QuoteStyle
                    && !reparsed.HasSyntaxErrors
                    && text.StartsWith(baseText.TrimEnd('\r', '\n'), StringComparison.Ordinal)
                    && (unavoidableWarning || !reparsed.Findings.Any(f => f.KeyName == "K"))
                    && reparsed.Entries.Where(e => e.Key != "K").Select(e => e.Value)
                        .SequenceEqual(EnvFile.Parse(baseText).Entries.Select(e => e.Value)))
                .Label("text: " + Escape(text));
        });

    private const string EditBase =
        "# header\n" +
        "A=plain # comment\n" +
        "export B='single' # c\n" +
        "  C=\"double\nmulti\" # c\n" +
        "D=\n" +
        "E= # empty with comment\n" +
        "F = spaced\n" +
        "G=\"x\"\n" +
        "H=   \n" +
        "I: yaml\n" +
        "J=last";

    private static readonly string[] EditTargets = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" };

    [Property(MaxTest = 300)]
    public Property SetValue_on_any_entry_writes_any_value_and_changes_nothing_else() =>
        Prop.ForAll(
            Gen.Zip(Gen.Zip(AnyValue, Gen.Elements(EditTargets)), Gen.Elements(EditBase, EditBase.Replace("\n", "\r\n"), "\uFEFF" + EditBase)).ToArbitrary(),
            t =>
            {
                var ((value, key), baseText) = t;
                return CheckSetValue(baseText, key, value, e => e.SetValue(value));
            });

    [Property(MaxTest = 300)]
    public Property SetValue_with_an_explicit_style_writes_any_value_exactly() =>
        Prop.ForAll(
            Gen.Zip(Gen.Zip(AnyValue, Gen.Elements(EditTargets)), Gen.Elements(EnvQuoteStyle.None, EnvQuoteStyle.Single, EnvQuoteStyle.Double)).ToArbitrary(),
            t =>
            {
                var ((value, key), style) = t;
                return CheckSetValue(EditBase, key, value, e => e.SetValue(value, style));
            });

    [Property(MaxTest = 200)]
    public Property SetValue_keeps_the_style_for_a_value_the_style_can_hold_plainly() =>
        Prop.ForAll(Gen.Zip(SafeValue, Gen.Elements(EditTargets)).ToArbitrary(), t =>
        {
            var (value, key) = t;
            var file = EnvFile.Parse(EditBase);
            var entry = file.Find(key)!;
            var style = entry.QuoteStyle;
            entry.SetValue(value);
            return (entry.QuoteStyle == style).Label(key + " became " + entry.QuoteStyle);
        });

    [Property(MaxTest = 200)]
    public Property SetValue_on_a_random_entry_of_a_random_file_changes_only_that_value() =>
        Prop.ForAll(Gen.Zip(CleanFileText, AnyValue).ToArbitrary(), t =>
        {
            var ((text, pick), value) = t;
            var entries = EnvFile.Parse(text).Entries.ToList();
            var key = entries[pick % entries.Count].Key;
            return CheckSetValue(text, key, value, e => e.SetValue(value), last: true);
        });

    private static Property CheckSetValue(string baseText, string key, string value, Action<EnvEntry> edit, bool last = false)
    {
        var original = EnvFile.Parse(baseText);
        var file = EnvFile.Parse(baseText);
        var index = IndexOf(file, key, last);
        var entry = (EnvEntry)file.Nodes[index];
        var oldValueText = entry.ValueText;
        var valueOffset = (file.HasByteOrderMark ? 1 : 0) + file.Nodes.Take(index).Sum(n => n.Text.Length) + entry.ValueColumn - 1;

        edit(entry);

        var text = file.ToString();
        var reparsed = EnvFile.Parse(text);
        var failures = new List<string>();
        if (entry.Value != value)
        {
            failures.Add("entry.Value differs");
        }

        if (reparsed.HasSyntaxErrors)
        {
            failures.Add("syntax errors: " + string.Join("; ", reparsed.Findings.Where(f => f.Id == DiagnosticIds.SyntaxError).Select(f => f.Line + ":" + f.Column + " " + f.Message)));
        }

        if (reparsed.Nodes.Count != original.Nodes.Count)
        {
            failures.Add("node count " + reparsed.Nodes.Count + " != " + original.Nodes.Count);
        }
        else
        {
            var re = reparsed.Nodes[index] as EnvEntry;
            if (re is null || re.Key != key || re.Value != value || re.QuoteStyle != entry.QuoteStyle)
            {
                failures.Add("reparsed entry differs: " + (re is null ? "not an entry" : Escape(re.Value) + " " + re.QuoteStyle));
            }

            for (var i = 0; i < original.Nodes.Count; i++)
            {
                if (i != index && reparsed.Nodes[i].Text != original.Nodes[i].Text)
                {
                    failures.Add("node " + i + " changed");
                }
            }
        }

        // Only the value's own text changed.
        var newValueText = entry.ValueText;
        if (!(text.Length - newValueText.Length == baseText.Length - oldValueText.Length
              && string.CompareOrdinal(text, 0, baseText, 0, valueOffset) == 0
              && string.CompareOrdinal(text, valueOffset, newValueText, 0, newValueText.Length) == 0
              && string.CompareOrdinal(text, valueOffset + newValueText.Length, baseText, valueOffset + oldValueText.Length, int.MaxValue) == 0))
        {
            failures.Add("more than the value's text changed");
        }

        return (failures.Count == 0).Label(key + ": " + string.Join(", ", failures) + " in " + Escape(text));
    }

    private static int IndexOf(EnvFile file, string key, bool last)
    {
        var found = -1;
        for (var i = 0; i < file.Nodes.Count; i++)
        {
            if (file.Nodes[i] is EnvEntry e && e.Key == key)
            {
                found = i;
                if (!last)
                {
                    return i;
                }
            }
        }

        if (found >= 0)
        {
            return found;
        }

        throw new InvalidOperationException("no entry " + key);
    }

    private static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    // Mirrors the rule for '$' under SG1003 in docs/formats.md#1-env-files: a '$' followed by a letter, '_', '{' or '('
    // is what shells, docker compose and dotenv-expand substitute.
    private static class EnvAmbiguityProbe
    {
        public static bool HasVariableReference(string value)
        {
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (value[i] == '$')
                {
                    var next = value[i + 1];
                    if (next == '{' || next == '(' || next == '_' || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
