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

    [Theory]
    [InlineData("The survey put the magnitude at 6. 1. Rescuers arrived later.", "6. 1", 6.1)]
    [InlineData("The agency put the magnitude at 5. 9, but others disagreed.", "5. 9", 5.9)]
    [InlineData("A magnitude-5.9 earthquake struck the island.", "magnitude-5.9", 5.9)]
    [InlineData("A magnitude-5. 9 earthquake struck the island.", "magnitude-5. 9", 5.9)]
    [InlineData("The 6. 1-magnitude quake struck the island.", "6. 1-magnitude", 6.1)]
    [InlineData("The 6.1-magnitude quake struck the island.", "6.1-magnitude", 6.1)]
    public void Extract_DecimalBeforeAPeriodOrJoinedToItsMeasure_IsOneNumber(string text, string mention, double value)
    {
        Assert.Equal(value, Single(text, mention).Value, 6);
    }

    [Fact]
    public void Extract_DottedDate_IsNoDecimal()
    {
        var facts = Extractor.Extract(new Document("t", "The ruling of 28. 11. 2005 was upheld."));
        Assert.DoesNotContain(facts.Quantities, q => q.Value is > 28 and < 29);
    }

    [Fact]
    public void Extract_QualifierBeforeADozen_BoundsTheAmount()
    {
        var q = Single("Overnight more than a dozen victims were shot near the park.", "more than a dozen");
        Assert.Equal(12, q.Value);
        Assert.Equal(QuantityQualifier.MoreThan, q.Qualifier);
    }

    [Fact]
    public void Extract_ListOfNumbers_IsNotJoined()
    {
        var facts = Extractor.Extract(new Document("t", "The boys were aged 5, 7 and 9."));
        Assert.DoesNotContain(facts.Quantities, q => q.Value > 100);
    }

    [Theory]
    [InlineData("She was being held on $310,000 bail.", "$310,000", 310000)]
    [InlineData("He asked for more than $5 billion for the wall.", "more than $5 billion", 5e9)]
    [InlineData("\u201CWe\u2019re asking for $5.6\u201D billion, he said.", "$5.6\u201D billion", 5.6e9)]
    public void Extract_Money_KeepsItsSignAndScale(string text, string mention, double value)
    {
        Assert.Equal(value, Single(text, mention).Value, 6);
    }

    [Theory]
    [InlineData("He served four and a half months in federal prison.", "four and a half months", 4.5)]
    [InlineData("He was sentenced to 2 1/2 years, with 9 months to serve.", "2 1/2 years", 2.5)]
    [InlineData("Gomes served 9 months of a 2-1/2 year sentence.", "2-1/2 year", 2.5)]
    public void Extract_LengthWithAFraction_IsOneDuration(string text, string mention, double amount)
    {
        var facts = Extractor.Extract(new Document("t", text));
        Assert.Equal(amount, Assert.Single(facts.Durations, d => d.Text == mention).Amount, 6);
        Assert.DoesNotContain(facts.Durations, d => d.Amount == 2 && d.Unit == "year");
    }

    [Fact]
    public void Extract_AgeWrittenWithoutHyphens_IsNoDuration()
    {
        var facts = Extractor.Extract(new Document("t", "A 15 year old male has also been arrested."));
        Assert.Empty(facts.Durations);
        Assert.DoesNotContain(facts.Quantities, q => q.Value == 15);
    }
}
