using Comparison.Documents;
using Comparison.Evaluation;
using Comparison.Tests.Support;
using Xunit.Abstractions;

namespace Comparison.Tests.Evaluation;

/// <summary>
/// Casualty figures and planted discrepancies on the GVA development set. A quick subset runs by default;
/// COMPARISON_FULL_EVALUATION=1 runs every article and prints the figures
/// (dotnet test --filter FactEvaluationTests --logger "console;verbosity=detailed").
/// </summary>
public class FactEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void CasualtyEvaluation_GvaArticles_MatchTheArchive()
    {
        var gold = GvaData.CasualtyGold();
        var subset = GvaData.Full ? gold : gold.Take(800).ToList();
        var r = CasualtyEvaluation.Evaluate(subset);
        output.WriteLine($"articles {r.Articles}; stating a figure {r.Stated}; all figures match {r.Matched} ({r.MatchRate:P1}); " +
            $"killed stated {r.KilledStated} match {r.KilledMatched}; injured stated {r.InjuredStated} match {r.InjuredMatched}");
        Assert.True(r.Stated >= r.Articles / 3, $"only {r.Stated} of {r.Articles} articles state a figure");
        Assert.True(r.MatchRate >= 0.72, $"match rate {r.MatchRate:P1}");
    }

    [Fact]
    public void PlantedDiscrepancies_GvaCopies_AreFlaggedAndUnchangedCopiesAreNot()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<Document> originals = GvaData.GoldArticles().Where(d => seen.Add(d.Text));
        var subset = GvaData.Full ? originals.ToList() : originals.Take(120).ToList();
        var r = PlantedDiscrepancies.Evaluate(subset, seed: 42);
        output.WriteLine($"originals {subset.Count}; changed copies {r.Copies}; flagged naming the span {r.Flagged} ({r.Recall:P1}), right kind {r.FlaggedRightKind}; " +
            $"numbers {r.NumberFlagged}/{r.NumberCopies}; dates {r.DateFlagged}/{r.DateCopies}; unchanged copies flagged {r.UnchangedFlagged}/{r.UnchangedCopies}");
        Assert.True(r.Copies >= subset.Count / 2);
        Assert.True(r.Recall >= 0.9, $"recall {r.Recall:P1}");
        Assert.Equal(0, r.UnchangedFlagged);
    }

    [Fact]
    public void Plant_SameSeed_SameChange()
    {
        var doc = new Document("x", "Two people were shot and killed on Saturday night.") { Published = new DateOnly(2014, 1, 13) };
        var a = PlantedDiscrepancies.Plant(doc, PlantedChangeKind.Number, new Random(7));
        var b = PlantedDiscrepancies.Plant(doc, PlantedChangeKind.Number, new Random(7));
        Assert.NotNull(a);
        Assert.Equal(a!.After, b!.After);
        Assert.Equal("Two", a.Before);
        Assert.Equal(doc.Text[..a.Start] + a.After + doc.Text[(a.Start + a.Length)..], a.Copy.Text);
        var date = PlantedDiscrepancies.Plant(doc, PlantedChangeKind.Date, new Random(7));
        Assert.Equal("Saturday", date!.Before);
    }
}
