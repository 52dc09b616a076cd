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
}
