using Comparison.Vectors;

namespace Comparison.Tests.Vectors;

public class TermTableTests
{
    [Fact]
    public void GetOrAdd_ShortAndLongTerms_SameTermSameId_OtherTermNewId()
    {
        var table = new TermTable();
        string longTerm = new('a', 70_000);
        string otherLong = new string('a', 69_999) + "b";
        string longer = new('a', 70_001);
        Assert.Equal(0, table.GetOrAdd("news"));
        Assert.Equal(1, table.GetOrAdd(longTerm));
        Assert.Equal(2, table.GetOrAdd(otherLong));
        Assert.Equal(3, table.GetOrAdd(longer));
        Assert.Equal(4, table.GetOrAdd("new"));
        Assert.Equal(1, table.GetOrAdd(longTerm.AsSpan()));
        Assert.Equal(2, table.GetOrAdd(otherLong));
        Assert.Equal(0, table.GetOrAdd("news"));
        Assert.Equal(4, table.GetOrAdd("new"));
        Assert.Equal(["news", longTerm, otherLong, longer, "new"], table.Terms);
    }

    [Fact]
    public void GetOrAdd_ManyTerms_GrowsAndKeepsIds()
    {
        var table = new TermTable();
        for (int i = 0; i < 20_000; i++)
        {
            Assert.Equal(i, table.GetOrAdd("t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (int i = 0; i < 20_000; i += 7)
        {
            Assert.Equal(i, table.GetOrAdd("t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(20_000, table.Count);
    }

    [Fact]
    public void GetOrAdd_PackedAndHashedTerms_AreTellApart()
    {
        // Terms of 1–8 ASCII characters are their own keys; these differ only in length, a NUL, the order of their
        // characters, the 7-bit boundary or one character past eight.
        string[] terms = ["a", "a\0", "\0a", "\0", "ab", "ba", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "\u007f", "\u0080", "é", "abcdefg\u007f", "abcdefgé", "zzzzzzzz", "zzzzzzzzz"];
        var table = new TermTable();
        for (int i = 0; i < terms.Length; i++)
        {
            Assert.Equal(i, table.GetOrAdd(terms[i]));
        }

        for (int i = terms.Length - 1; i >= 0; i--)
        {
            Assert.Equal(i, table.GetOrAdd(terms[i].AsSpan()));
        }

        Assert.Equal(terms, table.Terms);
    }

    [Fact]
    public void TryPack_DistinctShortAsciiTerms_HaveDistinctKeys()
    {
        var keys = new Dictionary<ulong, string>();
        var random = new Random(7);
        for (int i = 0; i < 50_000; i++)
        {
            var chars = new char[random.Next(1, 9)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 128);
            }

            string term = new(chars);
            Assert.True(TermTable.TryPack(term, out ulong key));
            Assert.Equal(0UL, key >> 60);
            if (keys.TryGetValue(key, out string? earlier))
            {
                Assert.Equal(earlier, term);
            }

            keys[key] = term;
        }

        Assert.False(TermTable.TryPack("", out _));
        Assert.False(TermTable.TryPack("abcdefghi", out _));
        Assert.False(TermTable.TryPack("caf\u00e9", out _));
    }

    [Fact]
    public void GetOrAdd_RandomTerms_MatchDictionaryIds()
    {
        var random = new Random(11);
        var table = new TermTable();
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < 100_000; i++)
        {
            // A small alphabet and lengths around the packing limit, so that many terms repeat.
            var chars = new char[random.Next(1, 12)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(20) == 0 ? 'é' : (char)('a' + random.Next(3));
            }

            string term = new(chars);
            if (!reference.TryGetValue(term, out int expected))
            {
                expected = reference.Count;
                reference.Add(term, expected);
            }

            Assert.Equal(expected, table.GetOrAdd(term));
        }

        Assert.Equal(reference.Count, table.Count);
    }
}
