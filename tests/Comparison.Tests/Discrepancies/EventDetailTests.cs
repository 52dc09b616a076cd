using Comparison.Discrepancies;
using Comparison.Documents;

namespace Comparison.Tests.Discrepancies;

/// <summary>The details of an event compared slot by slot on made-up reports: names, places, times, ages and dates.</summary>
public class EventDetailTests
{
    private static readonly DiscrepancyFinder Finder = new(DiscrepancyFinderOptions.Default with { MinConfidence = 0 });
    private static readonly DateOnly Day = new(2015, 3, 2);

    private static DiscrepancyReport Find(params string[] texts) =>
        Finder.Find([.. texts.Select((t, i) => new Document("d" + i, t) { Published = Day })]);

    [Fact]
    public void Find_ListedNamesSpelledApart_PairInsideSharedLists()
    {
        // "Marvosin" and "Marbodin" are too far apart to pair alone; in two lists that share "Tolbek" they are one name.
        var report = Find(
            "The worst-hit hamlets were Tolbek, Marvosin, Quenarin and Gortula, the relief agency said on Monday.",
            "The hamlets most affected were named as Marbodin, Tolbek, Korvash, Tortula and Quenrin by the governor.");
        var pairs = report.Discrepancies.Where(x => x.Kind == DiscrepancyKind.Name).Select(x => string.Join("|", x.Mentions.Select(m => m.Text))).ToList();
        Assert.Contains("Marvosin|Marbodin", pairs);
        Assert.Contains("Gortula|Tortula", pairs);
    }

    [Fact]
    public void Find_FirstNameSpelledTwoWaysAroundANickname_IsANameFlag()
    {
        var report = Find(
            "A fourth victim, 18-year-old Desmond Harlow of Riverton, was found inside the house with a gunshot wound.",
            "The arrests follow the shooting death of 18-year-old Desmund 'Dee' Harlow, who was visiting friends.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Name);
        Assert.Equal(["Desmond Harlow", "Desmund 'Dee' Harlow"], d.Mentions.Select(m => m.Text));
    }
}
