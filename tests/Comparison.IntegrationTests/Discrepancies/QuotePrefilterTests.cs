using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Tests.Support;

namespace Comparison.Tests.Discrepancies;

/// <summary>The word-pair prefilter in front of fuzzy quote scoring only saves time: it never changes a result.</summary>
public class QuotePrefilterTests
{
    [Fact]
    public void Prefilter_RealStoriesFromThreeOutlets_SameDiscrepanciesAsScoringEveryPair()
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing.");
        string path = Path.Combine(data, "basil.jsonl");
        using var stream = File.OpenRead(path);

        // BASIL: each story told by three outlets, ids "<story>_<outlet>". Long political articles, many quotes.
        var stories = DocumentReader.ReadJsonLines(stream, path)
            .GroupBy(d => d.Id[..d.Id.LastIndexOf('_')], StringComparer.Ordinal)
            .Take(4)
            .ToList();

        // Every candidate, not only those above the default confidence: the prefilter must change none of them.
        var filtered = new DiscrepancyFinder(DiscrepancyFinderOptions.Default with { MinConfidence = 0 });
        var everyPair = new DiscrepancyFinder(DiscrepancyFinderOptions.Default with { QuotePrefilter = false, MinConfidence = 0 });
        int quotes = 0;
        foreach (var story in stories)
        {
            List<Document> cluster = [.. story];
            string[] expected = Describe(everyPair.Find(cluster));
            Assert.Equal(expected, Describe(filtered.Find(cluster)));
            quotes += expected.Count(d => d.StartsWith("Quote", StringComparison.Ordinal) || d.StartsWith("Attribution", StringComparison.Ordinal));
        }

        Assert.True(quotes > 0, "the sample must contain quote discrepancies for the comparison to mean anything");
    }

    private static string[] Describe(DiscrepancyReport report) =>
        [.. report.Discrepancies.Select(d => $"{d.Kind} {d.Relation} {d.Subject} " + string.Join(";", d.Mentions.Select(m => $"{m.Document}@{m.Start}-{m.End}")))];
}
