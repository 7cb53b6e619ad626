using System;
using System.Collections.Generic;
using SecretGuard.Credentials;

namespace SecretGuard.Tests;

/// <summary>The catalogue's set of family positions: inline bits for the first 128, an array beyond.</summary>
public class FamilySetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    public void Walking_the_set_in_order_gives_exactly_its_positions(int capacity)
    {
        var random = new Random(capacity);
        for (var round = 0; round < 200; round++)
        {
            var set = new FamilySet(capacity);
            var expected = new SortedSet<int>();
            var density = random.NextDouble();
            for (var position = 0; position < capacity; position++)
            {
                if (random.NextDouble() < density)
                {
                    set.Add(position);
                    expected.Add(position);
                }
            }

            for (var removals = random.Next(4); removals > 0; removals--)
            {
                var position = random.Next(capacity);
                set.Remove(position);
                expected.Remove(position);
            }

            var walked = new List<int>();
            for (var position = set.Next(0); position >= 0; position = set.Next(position + 1))
            {
                Assert.True(walked.Count <= capacity, "the walk does not end");
                walked.Add(position);
            }

            Assert.Equal(expected, walked);
            for (var position = 0; position < capacity; position++)
            {
                Assert.Equal(expected.Contains(position), set.Contains(position));
            }

            Assert.Equal(-1, set.Next(capacity));
        }
    }

    [Fact]
    public void A_union_holds_the_positions_of_both_sets()
    {
        var a = new FamilySet(200);
        var b = new FamilySet(200);
        a.Add(3);
        a.Add(130);
        b.Add(64);
        b.Add(199);
        a.UnionWith(in b);

        var walked = new List<int>();
        for (var position = a.Next(0); position >= 0; position = a.Next(position + 1))
        {
            walked.Add(position);
        }

        Assert.Equal(new[] { 3, 64, 130, 199 }, walked);
        Assert.False(b.Contains(3));
    }
}
