using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Discrepancies;

public class SlotComparisonTests
{
    private static readonly DiscrepancyFinder Finder = new();
    private static readonly DateOnly Day = new(2015, 3, 2);

    private static DiscrepancyReport Find(params string[] texts) =>
        Finder.Find([.. texts.Select((t, i) => new Document("d" + i, t) { Published = Day })]);

    [Fact]
    public void Find_DifferentAgesOfOneNamedPerson_IsAnAgeContradiction()
    {
        var report = Find(
            "The victim was identified as Jeremy Lewis, 27, of Fullerton, police said on Monday after the shooting.",
            "The gunman shot and killed construction worker Jeremy Lewis, 26, of Fullerton, police said after the shooting.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age);
        Assert.Equal(DiscrepancyRelation.Contradiction, d.Relation);
        Assert.Equal(["27", "26"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_AgesOfTwoDifferentPeople_AreNotCompared()
    {
        var report = Find(
            "Police said Jeremy Lewis, 27, was shot in the parking lot of the store on Monday.",
            "Police said Melvin Edwards, 69, was shot in the parking lot of the store on Monday.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age);
    }

    [Fact]
    public void Find_OneStreetWrittenTwoWays_IsAPlaceFlag()
    {
        var report = Find(
            "The bodies were found in a second-floor apartment on Independent Street, the spokesman said.",
            "The unlit stove in the Independence Street apartment had been left on full blast, authorities said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["Independent Street", "Independence Street"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_SameStreetNamedAlikeInBoth_IsNoPlaceFlag()
    {
        var report = Find(
            "The shooting happened on Idaho Street near Lozier Street on Sunday night, police said.",
            "Police said the shooting happened on Idaho Street on Sunday night near the corner.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
    }

    [Fact]
    public void Find_QuoteDifferingOnlyInPunctuationAndSpacing_IsNoFlag()
    {
        var report = Find(
            "\"I'm not positive all three of the people were targeted, but there appeared to be some purpose,\" Craft said.",
            "\u201C I \u2019 m not positive all three of the people were targeted but there appeared to be some purpose, \u201D Troy Police Chief Charles Craft said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind is DiscrepancyKind.Quote or DiscrepancyKind.Attribution);
    }

    [Fact]
    public void Find_CompatibleBoundAndFigure_IsNoCountFlag()
    {
        var report = Find(
            "At least 3 people were killed in the crash on the highway on Monday, police said.",
            "Three people were killed in the crash on the highway on Monday, police said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_LaterReportRevisingTheToll_IsAnUpdateOrderedByPublication()
    {
        var later = new Document("late", "Three people were killed in the shooting at the club on Saturday, police said.") { Published = Day.AddDays(2) };
        var earlier = new Document("early", "Two people were killed in the shooting at the club on Saturday, police said.") { Published = Day };
        var d = Assert.Single(Finder.Find([later, earlier]).Discrepancies);
        Assert.Equal(DiscrepancyRelation.Update, d.Relation);
        Assert.Equal(["early", "late"], d.Mentions.Select(m => m.Document));
    }

    [Fact]
    public void Find_Flags_AreSortedStrongestFirstAndAboveTheDefault()
    {
        var report = Find(
            "Jeremy Lewis, 27, was killed. Five people were injured in the shooting on Independent Street at the club, police said.",
            "Jeremy Lewis, 26, was killed. Seven people were injured in the shooting on Independence Street at the club, police said.");
        Assert.True(report.Discrepancies.Length >= 2);
        for (int i = 1; i < report.Discrepancies.Length; i++)
        {
            Assert.True(report.Discrepancies[i - 1].Confidence >= report.Discrepancies[i].Confidence);
        }

        Assert.All(report.Discrepancies, d => Assert.True(d.Confidence >= DiscrepancyFinderOptions.Default.MinConfidence));
    }

    private static readonly string[] Sentences =
    [
        "Five people were injured in the shooting on Main Street, police said.",
        "Seven people were injured in the shooting on Main Street, police said.",
        "Jeremy Lewis, 27, of Fullerton was killed at the store.",
        "Jeremy Lewis, 26, of Fullerton was killed at the store.",
        "The shooting happened on Independent Street about 6 p.m. Thursday.",
        "The shooting happened on Independence Street just before 6:30 p.m. Thursday.",
        "\"We will find who did this,\" Chief Scott Jordan said.",
        "\"We will find who did it,\" Chief Scott Jordan said.",
        "Three suspects were arrested on Saturday.",
        "Two suspects were arrested on Saturday.",
    ];

    private static Gen<List<Document>> Clusters() =>
        from n in Gen.Choose(2, 4)
        from picks in Gen.ListOf(Gen.ListOf(Gen.Choose(0, Sentences.Length - 1), 3), n)
        select picks.Select((p, i) => new Document("doc" + i, string.Join(' ', p.Select(k => Sentences[k]))) { Published = Day }).ToList();

    [Fact]
    public void Find_Properties_SelfPairsSpansAndMentionCounts()
    {
        Prop.ForAll(Clusters().ToArbitrary(), docs =>
        {
            var report = Finder.Find(docs);
            foreach (var d in report.Discrepancies)
            {
                // One subject, at most one mention per document, never a document against itself.
                Assert.Equal(d.Mentions.Length, d.Mentions.Select(m => m.Document).Distinct().Count());
                Assert.True(d.Mentions.Length >= 2);
                Assert.True(d.Mentions.Length <= docs.Count);
                foreach (var m in d.Mentions)
                {
                    string text = docs.Single(x => x.Id == m.Document).Text;
                    Assert.Equal(m.Text, text[m.Start..m.End]);
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Find_PermutedDocuments_SameFlags()
    {
        static string Key(Discrepancy d) => d.Kind + "|" + d.Relation + "|" + d.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|"
            + string.Join(';', d.Mentions.Select(m => m.Document + "@" + m.Start).Order(StringComparer.Ordinal));

        Prop.ForAll(Clusters().ToArbitrary(), docs =>
        {
            var forward = Finder.Find(docs).Discrepancies.Select(Key).Order(StringComparer.Ordinal).ToList();
            var backward = Finder.Find([.. Enumerable.Reverse(docs)]).Discrepancies.Select(Key).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(forward, backward);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SameWords_IsSymmetric()
    {
        Prop.ForAll(Gen.Elements(Sentences).ToArbitrary(), Gen.Elements(Sentences).ToArbitrary(), (a, b) =>
            Assert.Equal(QuoteComparer.SameWords(a, b), QuoteComparer.SameWords(b, a))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Find_BailSetAtTwoAmounts_IsACountFlag()
    {
        var report = Find(
            "The mother was charged with child endangerment. She was being held on $310,000 bail.",
            "The mother was charged with child endangerment. Bail has been set at $130,000.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["$310,000", "$130,000"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_MoneyWithoutAPurpose_IsNotCompared()
    {
        var report = Find(
            "The company said it had spent $310,000 by Monday, officials said.",
            "Officials said the firm gave out $130,000 over the year to its staff.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Mentions.Any(m => m.Text.Contains('$', StringComparison.Ordinal)));
    }

    [Fact]
    public void Find_TimeServedGivenTwoWays_IsACountFlag()
    {
        var report = Find(
            "He served four months in federal prison for conspiracy to obstruct justice.",
            "He pleaded guilty. He served five months in federal prison.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["four months", "five months"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_LengthsInOtherUnits_AreNotCompared()
    {
        var report = Find(
            "He was sentenced to 2 years in prison, the court said on Monday.",
            "He was sentenced and served 9 months in prison, the court said on Monday.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_NearlySevenAndAlmostEightMinutes_Disagree_ButAboutTenAndTwelveDoNot()
    {
        Assert.Contains(Find(
            "Drake would not score again for almost eight minutes while Creighton pulled away.",
            "Creighton kept Drake from scoring again for nearly seven minutes and pulled away.").Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.DoesNotContain(Find(
            "The tremor lasted about 10 seconds, residents of the island said.",
            "The tremor lasted 11 seconds, residents of the island said.").Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_OthersInjuredBesidesTheDead_AreTheInjuredTotal()
    {
        var report = Find(
            "The nightclub shooting left two people dead and eight others injured last weekend.",
            "The nightclub shooting left two people dead. Ten others were injured last weekend.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["eight", "Ten"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_PastTollBesideThisEventsToll_IsComparedOnItsOwn()
    {
        var report = Find(
            "The quake killed 10 people on Sunday. A 6.7 quake killed more than 26,000 people in the city of Bam in December 2003.",
            "Ten people were killed on Sunday. In December 2003 a quake killed more than 31,000 people in the ancient city of Bam.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["more than 26,000", "more than 31,000"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_PopulationsOfOnePlace_AreOneSlot()
    {
        var report = Find(
            "The quake struck the island, home to 120,000 people, on Sunday afternoon.",
            "The island, which has about 200,000 residents, was struck on Sunday afternoon.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["120,000", "about 200,000"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_SpeedsInMphAndMilesAnHour_AreOneSlot()
    {
        var report = Find(
            "Deputies chased him at speeds of more than 100 mph before he pulled over near Flint.",
            "Officers chased Mr. Smith at speeds of up to 120 miles an hour on Interstate 75.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(DiscrepancyRelation.Precision, d.Relation);
        Assert.Equal(["more than 100", "up to 120"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_PointsOfTwoPlayers_AreTwoSlots_AndOnePlayersTwoFiguresDisagree()
    {
        var report = Find(
            "Drake was paced by 13 points from Seth VanDeest, while Richard Carter had 12 points and four assists.",
            "Doug McDermott scored 23 points for Creighton. Richard Carter scored 14 points for the Bulldogs.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["12", "14"], d.Mentions.Select(m => m.Text));
        Assert.InRange(d.Confidence, 0, 1);
    }

    [Fact]
    public void Find_InfantAgedInMonthsTwoWays_IsAnAgeFlag_ButTwoUnnamedAdultsAreNot()
    {
        Assert.Contains(Find(
            "A 3-month-old baby and four other people are in the hospital after a drive-by shooting on Sunday.",
            "Police say the victims were three men, a woman and a 4-month-old baby, shot in a drive-by on Sunday.").Discrepancies, x => x.Kind == DiscrepancyKind.Age);
        Assert.DoesNotContain(Find(
            "A 38-year-old was arrested after the shooting at the office on Monday, police said.",
            "Police said a 39-year-old was arrested on Monday after the office shooting.").Discrepancies, x => x.Kind == DiscrepancyKind.Age);
    }

    [Fact]
    public void Find_TwoClockTimesOfTheShooting_AreAFlagAtTheDefaultConfidence()
    {
        var report = Find(
            "It happened on the front porch of a home on Norman Street just after 11 a.m. Saturday, police said.",
            "The shooting occurred around 11:15 a.m. Saturday at a house on Norman Street, police said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Time);
        Assert.Equal(["just after 11 a.m.", "around 11:15 a.m."], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_OneFarFigureAgainstOthersThatAgree_IsStillTheDisagreement()
    {
        var report = Find(
            "Ten people were killed in the shooting at the club on Saturday, police said.",
            "Police said ten people were killed in the club shooting on Saturday night.",
            "Two people were killed in the shooting at the club on Saturday, police said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Contains(d.Mentions, m => m.Text == "Two");
    }
}
