using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Tests.Facts;

public class QuantityParsingTests
{
    private static readonly FactExtractor Extractor = new();

    private static Quantity Single(string text, string mention) =>
        Assert.Single(Extractor.Extract(new Document("t", text)).Quantities, q => q.Text == mention);

    [Theory]
    [InlineData("The temperature fell to -5 degrees overnight.", "-5")]
    [InlineData("The temperature fell to \u22125 degrees overnight.", "\u22125")]
    public void Extract_MinusSign_KeepsTheSign(string text, string mention)
    {
        var q = Single(text, mention);
        Assert.Equal(-5, q.Value);
        Assert.Equal(-5, q.Interval.Lower);
    }

    [Fact]
    public void Extract_LoneSurrogate_DoesNotSwallowTheNextDigit()
    {
        string text = "There were over \uD800100,000 trips last year.";
        var facts = Extractor.Extract(new Document("t", text));
        var q = Assert.Single(facts.Quantities, q => q.Text.EndsWith("100,000", StringComparison.Ordinal));
        Assert.Equal(100000, q.Value);
        Assert.DoesNotContain(facts.Quantities, x => x.Text == "00,000");
        Assert.Equal(q.Text, text[q.Start..q.End]);
    }

    [Theory]
    [InlineData("The island is home to 120, 000 people.", "120, 000", 120000)]
    [InlineData("It lies 1, 150 kilometers from the capital.", "1, 150", 1150)]
    [InlineData("A 5. 9 magnitude earthquake struck the island.", "5. 9", 5.9)]
    public void Extract_SeparatorFollowedByASpace_IsOneNumber(string text, string mention, double value)
    {
        Assert.Equal(value, Single(text, mention).Value, 6);
    }

    [Fact]
    public void Extract_ListOfNumbers_IsNotJoined()
    {
        var facts = Extractor.Extract(new Document("t", "The boys were aged 5, 7 and 9."));
        Assert.DoesNotContain(facts.Quantities, q => q.Value > 100);
    }
}
