using System;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SecretGuard.Encryption;

namespace SecretGuard.Tests;

/// <summary>
/// The ordered rule that tells encrypted, damaged and plaintext values apart
/// (docs/formats.md#recognising-an-encrypted-value), held to the examples the spec itself gives, and to what it
/// promises: no one-character damage of a prefix makes plaintext, and the plaintexts people store stay plaintext.
/// </summary>
public sealed class EncryptedValueRecognitionTests
{
    private const string Section = "### Recognising an encrypted value";

    // The spec's example table: | `value` | read as ... | step |
    private static readonly Regex ExampleRow = new(@"^\| `(?<value>[^`]*)` \| (?<form>encrypted|damaged|plaintext)[^|]* \| (?<step>1|2a|2b|2c|3) \|$", RegexOptions.CultureInvariant);

    public static TheoryData<string, string, string> SpecExamples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in RepositoryFiles.Section("docs/formats.md", Section).Split('\n'))
        {
            var row = ExampleRow.Match(line);
            if (row.Success)
            {
                data.Add(row.Groups["value"].Value, row.Groups["form"].Value, row.Groups["step"].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void Each_example_of_the_spec_is_read_as_the_spec_says(string value, string form, string step)
    {
        _ = step;
        var expected = form switch
        {
            "encrypted" => ValueForm.Encrypted,
            "damaged" => ValueForm.Damaged,
            _ => ValueForm.Plaintext,
        };
        Assert.Equal(expected, EncryptedValueRecognition.Recognise(value));
        Assert.Equal(expected != ValueForm.Plaintext, EncryptedValueRecognition.LooksEncrypted(value));
        Assert.Equal(expected == ValueForm.Damaged, EncryptedValueRecognition.IsDamaged(value));
    }

    [Fact]
    public void Each_encrypted_example_that_is_an_error_gives_that_error_and_never_quotes_the_value()
    {
        var checkedRows = 0;
        foreach (var line in RepositoryFiles.Section("docs/formats.md", Section).Split('\n'))
        {
            var row = ExampleRow.Match(line);
            if (!row.Success || row.Groups["form"].Value != "encrypted" || !line.Contains("SG1006", StringComparison.Ordinal))
            {
                continue;
            }

            var value = row.Groups["value"].Value;
            Assert.False(EncryptedValue.TryParse(value, out _, out var problem, out var detail));
            var expected = line.Contains("newer version", StringComparison.Ordinal) ? EncryptedValueProblem.NewerVersion : EncryptedValueProblem.Malformed;
            Assert.Equal(expected, problem);
            Assert.DoesNotContain("anything at all", detail);
            checkedRows++;
        }

        Assert.True(checkedRows >= 2, "the table lists a newer version and a malformed version 2 value");
    }

    [Fact]
    public void The_spec_gives_examples_of_every_step()
    {
        var steps = SpecExamples().Select(row => (string)row[2]).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(new[] { "1", "2a", "2b", "2c", "3" }, steps);
    }

    [Theory]
    [InlineData("dev_enc:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("Dev_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData(" DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw")]
    [InlineData("\"DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw\"")]
    [InlineData("PROD_ENS:v1:0a74cc2e:________________XcMe0ffiHT41v17BZ0SRrsOTicHfFm-sLr9UAWpM7KbqA9w")]
    public void TryParse_calls_a_damaged_value_damaged_and_never_quotes_it(string text)
    {
        Assert.False(EncryptedValue.TryParse(text, out var value, out var problem, out var detail));
        Assert.Null(value);
        Assert.Equal(EncryptedValueProblem.Damaged, problem);
        Assert.Contains("looks encrypted", detail);
        Assert.DoesNotContain(text.Trim(' ', '"').Substring(0, 8), detail);
        Assert.DoesNotContain("AAECAwQFBgcICQoL", detail);
    }

    private static readonly Gen<string> EnvironmentNames =
        from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()))
        select first + new string(rest);

    private static readonly Gen<string> ValidValues =
        from environment in EnvironmentNames
        from kid in Gen.ArrayOf(Gen.Elements("0123456789abcdef".ToCharArray()), 8).Select(c => new string(c))
        from length in Gen.Choose(28, 120)
        from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length)
        select EncryptedValue.Format(environment, kid, payload);

    // Any character a damaged file might hold: letters, digits, punctuation, blanks, quotes, line breaks, non-ASCII.
    private static readonly Gen<char> AnyCharacter = Gen.OneOf(
        Gen.Choose(32, 126).Select(i => (char)i),
        Gen.Elements(' ', '\t', '\r', '\n', '"', '\'', '`', ':', '_', '-', 'é', 'Ä', 'ı', '\u00a0', '\uFEFF'));

    [Property(MaxTest = 500)]
    public Property One_character_replaced_inserted_or_deleted_in_the_prefix_never_makes_plaintext() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(ValidValues, Gen.Choose(0, 2)), Gen.Zip(Gen.Choose(0, 1000), AnyCharacter)).ToArbitrary(), t =>
        {
            var ((value, edit), (where, character)) = t;
            var prefixLength = value.IndexOf("_ENC:", StringComparison.Ordinal) + "_ENC:".Length;
            var at = where % prefixLength;
            var damaged = edit switch
            {
                0 => value[..at] + character + value[(at + 1)..],
                1 => value[..at] + character + value[at..],
                _ => value[..at] + value[(at + 1)..],
            };
            return (EncryptedValueRecognition.Recognise(damaged) != ValueForm.Plaintext).Label(damaged);
        });

    [Property(MaxTest = 300)]
    public Property Any_change_of_case_in_the_prefix_makes_a_damaged_value() =>
        Prop.ForAll(Gen.Zip(ValidValues, Gen.ArrayOf(Gen.Elements(true, false), 40)).ToArbitrary(), t =>
        {
            var (value, lower) = t;
            var prefixLength = value.IndexOf(':', StringComparison.Ordinal);
            var chars = value.ToCharArray();
            for (var i = 0; i < prefixLength; i++)
            {
                chars[i] = lower[i % lower.Length] ? char.ToLowerInvariant(chars[i]) : chars[i];
            }

            var changed = new string(chars);
            var expected = changed == value ? ValueForm.Encrypted : ValueForm.Damaged;
            return (EncryptedValueRecognition.Recognise(changed) == expected).Label(changed);
        });

    [Property(MaxTest = 300)]
    public Property A_value_without_a_colon_is_plaintext_even_with_enc_in_it() =>
        Prop.ForAll(Gen.Zip(Gen.ArrayOf(AnyCharacter.Where(c => c != ':')), Gen.Elements("_enc", "_ENC", "_Enc", "ENC", "_ENCv1", "_ENS", "enc0ded")).ToArbitrary(), t =>
        {
            var (chars, enc) = t;
            var text = new string(chars);
            var value = text[..(text.Length / 2)] + enc + text[(text.Length / 2)..];
            return (EncryptedValueRecognition.Recognise(value) == ValueForm.Plaintext).Label(value);
        });

    [Theory]
    [InlineData("hunter2")]
    [InlineData("Tr0ub4dor&3_enc:")]
    [InlineData("my password_ENC: with spaces")]
    [InlineData("sk_live_51H8xYzAbCdEfGhIjKlMnOpQr")]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("Server=db;Database=app;User Id=app;Password=p@ss:word;")]
    [InlineData("https://user:pa55@example.test:8443/v1:api")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ")]
    [InlineData("ENC[AES256_GCM,data:Tr3r,iv:1Wd8=,tag:ZxQ==,type:str]")]
    [InlineData("encrypted:BDqD+RZ0gGkeGHzb6O2ukKZ2c6Dr4qC4TjwtLE1W0vbr7Ldn9xQ4/SbA9Tf1")]
    [InlineData("vault:v1:8SDd3WHDOjf7mq69CyCqYjBXAiQQAVZRkFM13ok481zoCmHnSeDX9vyf7w==")]
    [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:v1:prod-db-AbCdEf")]
    [InlineData("urn:example:v1:a:short")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----")]
    [InlineData("")]
    public void Values_people_store_as_plaintext_stay_plaintext(string value)
    {
        Assert.Equal(ValueForm.Plaintext, EncryptedValueRecognition.Recognise(value));
    }
}
