using System.Collections.Immutable;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison.Tests.Support;

/// <summary>Hand-built reports with every section, including an article that tries to run script.</summary>
public static class SampleReports
{
    /// <summary>Markup planted in an article: if the report ever ran it, the page title and DOM would change.</summary>
    public const string Planted = "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>"
        + "<img src=x onerror=\"document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')\">";

    public static ImmutableArray<Document> Documents() =>
    [
        new Document("wire-a", "Moscow has deployed over 90,000 troops near the border, officials said on Thursday. The talks continue.") { Published = new DateOnly(2021, 12, 30), Source = "Wire A", Title = "Troops massed" },
        new Document("wire-b", "There are more than 100,000 troops near the border. The talks continue, a spokesman said.") { Published = new DateOnly(2021, 12, 31), Source = "Wire B" },
        new Document("evil<b>id</b>", "An unrelated story. " + Planted + " It mentions 12 ships.") { Title = "<i>Title</i> & " + Planted },
    ];

    public static ComparisonResult Full()
    {
        var docs = Documents();
        string a = docs[0].Text, b = docs[1].Text, c = docs[2].Text;
        ReportMention Mention(Document d, string text, double value, string? qualifier) =>
            new(d.Id, d.Text.IndexOf(text, StringComparison.Ordinal), d.Text.IndexOf(text, StringComparison.Ordinal) + text.Length, text) { Number = value, Qualifier = qualifier };
        TextSpan Span(Document d, string text) => new(d.Text.IndexOf(text, StringComparison.Ordinal), text.Length);

        var troopsA = Mention(docs[0], "over 90,000", 90000, "over");
        var troopsB = Mention(docs[1], "more than 100,000", 100000, "more than");
        return new ComparisonResult(docs)
        {
            Duplicates = StageResult.Ran(new DuplicatesSection(0.8, [new DuplicatePair<string>("wire-a", "wire-b", 0.8125, 0.8)], [["wire-a", "wire-b"]])),
            Clusters = StageResult.Ran(new ClustersSection([new ReportCluster(0, ["wire-a", "wire-b"], "troops border talks", "wire-a"), new ReportCluster(1, ["evil<b>id</b>"], "<script>label</script>", null)])),
            Similarity = StageResult.Ran(new SimilaritySection(["wire-a", "wire-b", "evil<b>id</b>"], [1, 0.5, 0.1, 0.5, 1, 0.123456789, 0.1, 0.123456789, 1], [])),
            Passages = StageResult.Ran(new PassagesSection([new DocumentPassage("wire-a", "wire-b", new SharedPassage(Span(docs[0], "The talks continue."), Span(docs[1], "The talks continue,"), 0.9, 3))])),
            Discrepancies = StageResult.Ran(new DiscrepanciesSection(
                [new ReportDiscrepancy(DiscrepancyKind.Number, "troops near the border", 0, DiscrepancyRelation.Precision, DiscrepancySeverity.Medium, [troopsA, troopsB])],
                [new SourceClaim(1, DiscrepancyKind.Number, "ships", Mention(docs[2], "12 ships", 12, null))],
                [new FactCoverage(0, DiscrepancyKind.Number, "troops near the border", [troopsA, troopsB], Disagrees: true)])),
        };
    }
}
