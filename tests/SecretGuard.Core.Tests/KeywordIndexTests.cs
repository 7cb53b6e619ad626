using System;
using System.Text;
using SecretGuard.Credentials;

namespace SecretGuard.Tests;

/// <summary>The catalogue's one-pass keyword search; its results are held to the plain rule in <see cref="CredentialCataloguePrefilterTests"/>.</summary>
public class KeywordIndexTests
{
    [Fact]
    public void The_pass_returns_the_same_character_mask_as_CharMask_Of()
    {
        var index = new KeywordIndex(new[] { new KeywordSet(new[] { "ab", "Zq", "x" }, false) });
        var random = new Random(3);
        for (var round = 0; round < 5000; round++)
        {
            var sb = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                // Mostly ASCII (every code, control characters included), sometimes beyond.
                sb.Append(random.Next(8) == 0 ? (char)random.Next(128, 0x10000) : (char)random.Next(0, 128));
            }

            var text = sb.ToString();
            var families = new FamilySet(1);
            var mask = index.AddFamiliesIn(text, ref families);
            var expected = CharMask.Of(text);
            Assert.True(mask.Covers(expected) && expected.Covers(mask), "mask differs for " + text);
        }
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("xAB", true)]
    [InlineData("a\u00E9b", false)]
    [InlineData("a", false)]
    [InlineData("", false)]
    [InlineData("\u00E9ab", true)]
    [InlineData("ba", false)]
    public void A_keyword_is_found_at_the_start_the_end_and_after_a_character_outside_ASCII(string text, bool found)
    {
        var index = new KeywordIndex(new[] { new KeywordSet(new[] { "ab" }, false) });
        var families = new FamilySet(1);
        index.AddFamiliesIn(text, ref families);
        Assert.Equal(found, families.Contains(0));
    }

    [Fact]
    public void An_index_of_no_keywords_is_empty_and_finds_nothing()
    {
        var index = new KeywordIndex(new[] { KeywordSet.Empty, new KeywordSet(new[] { "", null! }, true) });
        var families = new FamilySet(2);
        index.AddFamiliesIn("anything at all", ref families);
        Assert.True(index.IsEmpty);
        Assert.Equal(-1, families.Next(0));
    }
}
