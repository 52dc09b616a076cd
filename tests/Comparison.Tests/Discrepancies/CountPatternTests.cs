using Comparison.Discrepancies;
using Comparison.Documents;

namespace Comparison.Tests.Discrepancies;

/// <summary>Patterns of counts in news reports written independently, on made-up sentences.</summary>
public class CountPatternTests
{
    private static readonly DiscrepancyFinder Finder = new();
    private static readonly DiscrepancyFinder All = new(new DiscrepancyFinderOptions { MinConfidence = 0 });
    private static readonly DateOnly Day = new(2016, 5, 9);

    private static DiscrepancyReport Find(DiscrepancyFinder finder, params string[] texts) =>
        finder.Find([.. texts.Select((t, i) => new Document("d" + i, t) { Published = Day })]);

    private static Discrepancy NumberFlag(DiscrepancyReport report) => Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);

    [Fact]
    public void Find_InjuredCountAsObjectWithoutNoun_IsComparedWithTheInjuredOfAnotherReport()
    {
        var report = Find(All,
            "A gunman opened fire outside a bar on Elm Street, a shooting that killed 2 people and injured 10.",
            "A gunman opened fire outside a bar on Elm Street, a shooting that killed two people and injured seven.");
        var d = NumberFlag(report);
        Assert.Equal(["10", "seven"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_OtherPeopleInjuredBesidesTheDead_IsTheInjuredTotalWhateverTheNoun()
    {
        var report = Find(All,
            "Two men died at the dance hall on Saturday. Nine other partygoers were injured in the gunfire, officers said.",
            "Two men died at the dance hall on Saturday. Six others were injured in the gunfire, officers said.");
        var d = NumberFlag(report);
        Assert.Equal(["Nine", "Six"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_KilledOthersBesidesANamedVictim_AreNoTotal()
    {
        var report = Find(All,
            "John Baker and two others were killed when the roof of the warehouse collapsed on Tuesday.",
            "Five people were killed when the roof of the warehouse collapsed on Tuesday, officials said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Mentions.Any(m => m.Text == "two"));
    }

    [Fact]
    public void Find_HarmVerbRightBeforeAnAmount_GivesItsRole()
    {
        // "killing at least 10 people, injuring dozens more": the 10 are the dead, not the injured.
        var report = Find(All,
            "A storm hit the coast on Sunday, killing at least 10 people, injuring dozens more and flooding several towns.",
            "The storm that hit the coast on Sunday injured 80 people, the governor said. Ten people were killed.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Mentions.Any(m => m.Text == "at least 10"));
    }

    [Fact]
    public void Find_HarmWordLeadingTheCountedNoun_CountsPeople()
    {
        // "30 of the 80 wounded remained in hospital": the 80 are the wounded.
        var report = Find(All,
            "He said 30 of the 80 wounded remained in hospital after the earthquake struck the island.",
            "As many as 50 people were wounded when the earthquake struck the island on Sunday.");
        var d = NumberFlag(report);
        Assert.Equal(["80", "As many as 50"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_ReportRepeatingOneFigureAndOnceAnotherOfAnEarlierIncident_TakesPartWithTheRepeatedFigure()
    {
        var report = Find(All,
            "Ten others were injured in the shooting at the club. Police said the shooting injured 10 people in all. In March a fight in the parking lot injured two people.",
            "Eight others were injured in the shooting at the club on Sunday, police said.");
        var d = NumberFlag(report);
        Assert.Equal(["Ten", "Eight"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_OneFigureWithTwoQualifiersInOneReport_IsOneFigure()
    {
        var report = Find(All,
            "About 50 were hurt in the quake. At least 50 people were injured when the quake razed the villages.",
            "Eighty people were injured when the quake razed the villages, the governor said.");
        var d = NumberFlag(report);
        Assert.Equal(["About 50", "Eighty"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_TwoLengthsOfOneShakingWithTheSameVerb_AreALengthFlag()
    {
        var report = Find(Finder,
            "The first tremor lasted just over 10 seconds, a teacher at the school said.",
            "\"It lasted around 30 seconds or so,\" said a clerk whose office building was moving.");
        var d = NumberFlag(report);
        Assert.Equal(["10 seconds", "30 seconds"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_TwoLengthsOfDifferentThings_AreNoLengthFlag()
    {
        var report = Find(All,
            "The first tremor lasted just over 10 seconds, a teacher at the school said.",
            "Rescuers worked for 30 seconds before the second building collapsed, a witness said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_QuakeMagnitudesWrittenDifferently_AreOneSlot()
    {
        var report = Find(Finder,
            "A magnitude-5.9 earthquake struck the island on Sunday, flattening several villages, officials said.",
            "The 6. 1-magnitude quake struck the island on Sunday, flattening several villages, officials said.");
        var d = NumberFlag(report);
        Assert.Equal(DiscrepancyRelation.Contradiction, d.Relation);
        Assert.Equal(["magnitude-5.9", "6. 1-magnitude"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_MagnitudeOfAPastQuakeLaterInAReport_DoesNotHideItsLeadFigure()
    {
        var report = Find(All,
            "A 6.1-magnitude quake struck the island on Sunday. Ten people died. Aid arrived on Monday. A 6.4-magnitude quake hit a town in the south last year.",
            "An earthquake measuring 5.9 on the Richter scale struck the island on Sunday, officials said.");
        var d = NumberFlag(report);
        Assert.Equal(["6.1-magnitude", "5.9"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_AmountInAStatementOfWhatCanHappen_IsNoFact()
    {
        var report = Find(All,
            "A magnitude 6 quake can cause severe damage. The quake struck the island on Sunday.",
            "A magnitude 7 quake could flatten whole towns. The quake struck the island on Sunday.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_FigureOfAnotherIncidentInARoundUp_IsNotComparedWithTheEvent()
    {
        var report = Find(All,
            "Five people were shot at a bus stop on Wednesday night, police said.",
            "Five people were shot at a bus stop on Wednesday night. Police have no suspects. About the same time, two people were shot on the West Side.",
            "Police said three people were shot at a bus stop on Wednesday night. Meanwhile, six people were shot at a party downtown.");
        var flags = report.Discrepancies.Where(x => x.Kind == DiscrepancyKind.Number).ToList();
        Assert.NotEmpty(flags);
        Assert.DoesNotContain(flags.SelectMany(x => x.Mentions), m => m.Text is "two" or "six");
    }

    [Fact]
    public void Find_BothOrAllOfThePeopleNamedBefore_AreNoTotal()
    {
        var report = Find(All,
            "Four people were shot outside the store on Friday. Smith and Jones were both shot in the head, police said.",
            "Four people were shot outside the store on Friday, police said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_PeopleAndMenArrested_AreOneSlot()
    {
        var report = Find(All,
            "Two people were arrested in connection with the shooting at the lounge, police said on Friday.",
            "Four men have been arrested in the shooting at the lounge, police announced on Friday.");
        var d = NumberFlag(report);
        Assert.Equal(["Two", "Four"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_VagueWordAgainstAFigureItAllows_IsAPrecisionFlag()
    {
        var report = Find(All,
            "The quake that hit the town in February killed hundreds of people, officials said.",
            "The quake that hit the town in February killed 612 people and injured more than 1,400, officials said.");
        var d = NumberFlag(report);
        Assert.Equal(DiscrepancyRelation.Precision, d.Relation);
        Assert.Equal(["hundreds", "612"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_VagueWordAgainstABoundItAllows_IsNoFlag()
    {
        var report = Find(All,
            "The quake that hit the town in February killed hundreds of people, officials said.",
            "The quake that hit the town in February killed more than 600 people, officials said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_AWomanAgainstTwoWomenDoingTheSame_IsACountFlag()
    {
        var report = Find(All,
            "The bodies were found in a house on Elm Street after two women called 911 to report a shooting.",
            "The bodies were found in a house on Elm Street. A woman called 911 on Wednesday night to report a shooting.");
        var d = NumberFlag(report);
        Assert.Equal(["two", "A woman"], d.Mentions.Select(m => m.Text));
        Assert.All(d.Mentions, m => Assert.Equal(m.Text, report.Facts.Single(f => f.Document.Id == m.Document).Document.Text[m.Start..m.End]));
    }

    [Fact]
    public void Find_AWomanDoingOneThingAndTwoWomenAnother_IsNoFlag()
    {
        var report = Find(All,
            "The bodies were found in a house on Elm Street after two women called 911 to report a shooting.",
            "The bodies were found in a house on Elm Street. A woman answered the door when officers arrived.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    /// <summary>Two reports of one fire written independently: the sentences around their figures share little.</summary>
    private const string FireLead = "Flames tore through a furniture warehouse near the river port on Friday night. "
        + "Crews from four stations fought the blaze until dawn. Smoke could be seen for miles. The owner said the building had passed an inspection in the spring. "
        + "Neighbours watched from the bridge. ";

    [Fact]
    public void Find_FiguresWhoseStatementsEachGiveTheRole_AreShownAtTheDefaultThreshold()
    {
        // "Seven workers were injured" and "hurt nine": each report states who was hurt itself, far into dissimilar sentences.
        var report = Find(Finder,
            FireLead + "Seven people were injured, two of them seriously, according to the fire chief.",
            FireLead + "The collapse of the roof hurt nine people who had gone back inside to rescue the accounts ledgers.");
        var d = NumberFlag(report);
        Assert.Equal(["Seven", "nine"], d.Mentions.Select(m => m.Text));
        Assert.True(d.Confidence >= DiscrepancyFinderOptions.Default.MinConfidence, $"confidence {d.Confidence}");
    }

    [Fact]
    public void Find_FigureThatOnlyStandsNearARoleWord_RanksBelowFiguresWhoseStatementsGiveTheRole()
    {
        // "Seven workers were taken to hospitals": hospital speaks of the injured, but the figure counts those taken there, a part of them perhaps.
        var near = NumberFlag(Find(All,
            FireLead + "Seven people were taken to nearby hospitals, according to the fire chief.",
            FireLead + "The collapse of the roof hurt nine people who had gone back inside to rescue the accounts ledgers."));
        var stated = NumberFlag(Find(All,
            FireLead + "Seven people were injured, two of them seriously, according to the fire chief.",
            FireLead + "The collapse of the roof hurt nine people who had gone back inside to rescue the accounts ledgers."));
        Assert.True(near.Confidence < stated.Confidence, $"near {near.Confidence}, stated {stated.Confidence}");
        Assert.True(near.Confidence < DiscrepancyFinderOptions.Default.MinConfidence, $"near {near.Confidence}");
    }

    [Fact]
    public void Find_PeopleHurtBadlyAgainstAllThePeopleHurt_IsNoFlag()
    {
        // The critically injured are a part of the injured: four of them among nine hurt is no disagreement.
        var report = Find(All,
            FireLead + "Four people were critically injured when the roof fell in, the fire chief said.",
            FireLead + "Nine people were injured when the roof fell in, the fire chief said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_PeopleHurtBadlyInBothReports_AreCompared()
    {
        var report = Find(All,
            FireLead + "Four were seriously injured when the roof fell in, the fire chief said.",
            FireLead + "Two were critically injured when the roof fell in, the fire chief said.");
        Assert.Equal(["Four", "Two"], NumberFlag(report).Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_PeopleFatallyShot_AreComparedWithTheDead()
    {
        var report = Find(All,
            FireLead + "A guard fatally shot two men who had broken in during the fire, police said.",
            FireLead + "A guard shot and killed three men who had broken in during the fire, police said.");
        Assert.Equal(["two", "three"], NumberFlag(report).Mentions.Select(m => m.Text));
    }

    /// <summary>A lead of five sentences on a quake, so that the figures after it are no lead figures.</summary>
    private const string QuakeLead = "A strong earthquake shook the mountain valley early on Tuesday. Power lines fell across the main road. "
        + "Schools stayed closed for the day. The regional governor flew over the area by helicopter. Aid trucks left the capital at noon. ";

    [Fact]
    public void Find_ThingsNamedOnlyByTheirNoun_RankBelowTheDefaultThreshold()
    {
        // Nothing but the noun ties "two touchdowns" (in one game) to "six touchdowns" (over a season): no role, no money, no person.
        var report = Find(All,
            QuakeLead + "He ran for 40 yards and two touchdowns against the visitors on Sunday.",
            QuakeLead + "He scored six touchdowns on offense and added three more on returns.");
        var d = NumberFlag(report);
        Assert.True(d.Confidence < DiscrepancyFinderOptions.Default.MinConfidence, $"confidence {d.Confidence}");
    }

    [Fact]
    public void Find_ThingsOneReportRefersBackToWithADeterminer_RankBelowTheDefaultThreshold()
    {
        // "the two suspects" are a group told of before (those in custody, say), not the report's count of all of them.
        var report = Find(All,
            QuakeLead + "Police said three suspects fled from the looted pharmacy in a grey van.",
            QuakeLead + "Detectives questioned the two suspects about the looting on Wednesday morning.");
        var d = NumberFlag(report);
        Assert.True(d.Confidence < DiscrepancyFinderOptions.Default.MinConfidence, $"confidence {d.Confidence}");
    }

    [Fact]
    public void Find_LeadSentenceGivingTwoValuesOfASlot_DoesNotOpposeItsFirstValueToAnotherReport()
    {
        // "one count of robbery and five counts of assault": two things under "counts"; the other report's five agrees with one of them.
        var report = Find(All,
            "The two men face one count of robbery and five counts of assault, according to court records.",
            "Prosecutors filed five counts against each of the brothers on Monday after a hearing that lasted most of the day.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_VagueWordsForThingsWithoutARole_RankBelowTheDefaultThreshold()
    {
        var report = Find(All,
            QuakeLead + "Hundreds of volunteers from the capital filled sandbags along the river on Wednesday.",
            QuakeLead + "By the evening thousands of volunteers had signed up at the town hall to help.");
        var d = NumberFlag(report);
        Assert.True(d.Confidence < DiscrepancyFinderOptions.Default.MinConfidence, $"confidence {d.Confidence}");
    }
}
