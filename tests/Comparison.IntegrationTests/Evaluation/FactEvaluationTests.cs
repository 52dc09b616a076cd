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
            $"killed stated {r.KilledStated} match {r.KilledMatched}; injured stated {r.InjuredStated} match {r.InjuredMatched}; " +
            $"of the {r.Stated - r.Matched} differing, died later {r.DiedLater}, early lower count {r.EarlyCount} ({r.LegitimatelyDifferent} legitimately different)");
        foreach (var (name, half) in new[] { ("even incident ids (studied)", 0), ("odd incident ids (held out)", 1) })
        {
            var h = CasualtyEvaluation.Evaluate(subset.Where(g => long.Parse(g.Document.Metadata["cluster"], System.Globalization.CultureInfo.InvariantCulture) % 2 == half));
            output.WriteLine($"  {name}: stating {h.Stated}; match {h.Matched} ({h.MatchRate:P1}); killed {h.KilledMatched}/{h.KilledStated}; injured {h.InjuredMatched}/{h.InjuredStated}; legitimately different {h.LegitimatelyDifferent}");
        }

        Assert.True(r.Stated >= r.Articles / 3, $"only {r.Stated} of {r.Articles} articles state a figure");
        Assert.True(r.MatchRate >= 0.78, $"match rate {r.MatchRate:P1}");
        Assert.True(r.LegitimatelyDifferent <= r.Stated - r.Matched);
    }

    [Fact]
    public void PlantedDiscrepancies_GvaCopies_AreFlaggedAndUnchangedCopiesAreNot()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<Document> originals = GvaData.GoldArticles().Where(d => seen.Add(d.Text));
        var subset = GvaData.Full ? originals.ToList() : originals.Take(120).ToList();
        var r = PlantedDiscrepancies.Evaluate(subset, seed: 42);
        output.WriteLine($"originals {subset.Count}; changed copies {r.Copies}; flagged naming the span {r.Flagged} ({r.Recall:P1}), right kind {r.FlaggedRightKind}; " +
            $"numbers {r.NumberFlagged}/{r.NumberCopies}; dates {r.DateFlagged}/{r.DateCopies}; ages {r.AgeFlagged}/{r.AgeCopies}; unchanged copies flagged {r.UnchangedFlagged}/{r.UnchangedCopies}");
        Assert.True(r.Copies >= subset.Count / 2);
        Assert.True(r.Recall >= 0.9, $"recall {r.Recall:P1}");
        Assert.True(r.NumberFlagged >= 0.9 * r.NumberCopies, $"numbers {r.NumberFlagged}/{r.NumberCopies}");
        Assert.True(r.DateFlagged >= 0.9 * r.DateCopies, $"dates {r.DateFlagged}/{r.DateCopies}");
        Assert.True(r.AgeCopies >= 10, $"only {r.AgeCopies} ages planted");
        Assert.True(r.AgeFlagged >= 0.9 * r.AgeCopies, $"ages {r.AgeFlagged}/{r.AgeCopies}");
        Assert.Equal(0, r.UnchangedFlagged);
    }

    [Fact]
    public void CasualtyEvaluation_Differences_AreClassedByTimingNotExcused()
    {
        var day = new DateOnly(2015, 6, 1);
        Document Doc(string text, DateOnly published) => new("d" + text.Length, text) { Published = published };
        var r = CasualtyEvaluation.Evaluate(
        [
            new CasualtyGold(Doc("A man was shot on Main Street on Monday.", day), 1, 0, day),
            new CasualtyGold(Doc("Two people were shot on Main Street on Monday.", day.AddDays(1)), 0, 4, day),
            new CasualtyGold(Doc("Two people were shot on Main Street last month.", day.AddDays(30)), 0, 4, day),
            new CasualtyGold(Doc("Five people were wounded on Main Street on Monday.", day), 0, 4, day),
            new CasualtyGold(Doc("Four people were wounded on Main Street on Monday.", day), 0, 4, day),
        ]);
        Assert.Equal((5, 1), (r.Stated, r.Matched));
        Assert.Equal(1, r.DiedLater);
        Assert.Equal(1, r.EarlyCount);
        Assert.Equal(2, r.LegitimatelyDifferent);
        Assert.Equal(0.2, r.MatchRate, 6);
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
