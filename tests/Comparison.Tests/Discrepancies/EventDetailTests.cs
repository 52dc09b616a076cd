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

    [Fact]
    public void Find_OnePersonLivingOnTwoStreets_IsAPlaceFlag()
    {
        var report = Find(
            "Deputies said Marcus Ellery of Birchwood Lane in Fairview is charged with two counts of attempted murder.",
            "Investigators say Marcus Ellery, 31, of Tamarack Drive started shooting inside the bar on Saturday night.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["Birchwood Lane in Fairview", "Tamarack Drive"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_TwoPeopleOfOneSurnameLivingApart_IsNoPlaceFlag()
    {
        var report = Find(
            "Deputies said Marcus Ellery of Birchwood Lane is charged with attempted murder after the shooting.",
            "Dana Ellery, 24, of Tamarack Drive was shot in the leg, and Marcus Ellery, 31, of Birchwood Lane was arrested.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
    }

    [Fact]
    public void Find_VenueInTwoNeighbourhoods_IsAPlaceFlag_ButATownAndItsNeighbourhoodNamedByOneReportAreNot()
    {
        var report = Find(
            "Shots were fired outside Carrow Hall on 210 Carrow Avenue in Westmere at about 8:30 p.m., police said.",
            "A gunman opened fire in front of Carrow Hall on Carrow Ave. in Oldbridge on Sunday night, police said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["Westmere", "Oldbridge"], d.Mentions.Select(m => m.Text));

        var scales = Find(
            "Shots were fired outside Carrow Hall in Westmere at about 8:30 p.m., police said.",
            "A gunman opened fire in front of Carrow Hall in Brookfield on Sunday night; the Westmere neighbourhood was shaken.");
        Assert.DoesNotContain(scales.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
    }

    [Fact]
    public void Find_TwoCrossStreetsOfTheStreetOfTheShooting_IsAPlaceFlag_FromTheStatementNotTheRepeatedCaption()
    {
        string caption = "Five people were rushed to the hospital after gunfire in the 5100 block of Alder Street near Quimby Street. ";
        var report = Find(
            caption + caption + "The gunfire erupted about 9 p.m. in the 5100 block of Alder Street near Quimby Street, a spokesman said.",
            "Police say the shooting happened on Alder Street near Pellham on Sunday night, and five people were hit.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["Quimby Street", "Pellham"], d.Mentions.Select(m => m.Text));
        Assert.True(d.Mentions[0].Start > 2 * caption.Length);
    }

    [Fact]
    public void Find_AgesOfTheChildWhoFired_AreComparedApartFromTheChildWhoWasShot()
    {
        var report = Find(
            "A seven-year-old boy playing with a loaded gun accidentally shot his three-year-old sister at their home on Saturday.",
            "Officials say the family's 8-year-old son found the loaded gun and accidentally shot his sister on Saturday.",
            "A 3-year-old girl who was accidentally shot by her 7-year-old brother on Saturday has died, officials said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age);
        Assert.Equal(["seven-year-old", "8-year-old", "7-year-old"], d.Mentions.Select(m => m.Text));
        Assert.True(d.Confidence >= DiscrepancyFinderOptions.Default.MinConfidence);
    }

    [Fact]
    public void Find_VictimAndShooterOfDifferentAges_AreNoAgeFlag()
    {
        var report = Find(
            "The 5-year-old victim was struck and killed by a single shot at the house on Friday, deputies said.",
            "His 7-year-old picked the gun up and pulled the trigger, killing his little brother on Friday, deputies said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age);
    }

    [Fact]
    public void Find_TwoVictimsOfDifferentAgesInOneReport_AreNoAgeFlag()
    {
        var report = Find(
            "A 6-year-old boy was shot in the foot and a 7-year-old boy was shot in the leg at the school on Wednesday.",
            "A 6-year-old boy who was shot at the school playground on Wednesday is in critical condition, officials said.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age && x.Confidence >= DiscrepancyFinderOptions.Default.MinConfidence);
    }

    [Fact]
    public void Find_PublicationStampsOfTwoDays_AreNoDateFlag()
    {
        var report = Finder.Find([
            new Document("a", "Updated: Saturday, October 22, 2016 @ 6:59 PM\nPublished: Saturday, October 22, 2016 @ 2:13 PM\nPolice arrested a man after the robbery at the bank on Main Street.") { Published = new DateOnly(2016, 10, 22) },
            new Document("b", "Updated: Friday, October 21, 2016 @ 6:37 AM\nPublished: Thursday, October 20, 2016 @ 3:57 PM\nPolice arrested a man after the robbery at the bank on Main Street.") { Published = new DateOnly(2016, 10, 20) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Find_ClockTimeBeforeAStretchOfTime_IsATimeContradiction()
    {
        // "Between 7:20 and 7:40 p.m." is when the calls came in: a report that puts the first call at 6:55 disagrees.
        var report = Find(
            "The police response in Alderton began with a robbery and shots fired report at about 6:55 p.m. near the market.",
            "Between 7:20 and 7:40 p.m., Alderton police received numerous calls about a robbery and shots fired near the market.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Time);
        Assert.Equal(DiscrepancyRelation.Contradiction, d.Relation);
        Assert.Equal(["about 6:55 p.m.", "7:20 and 7:40 p.m."], d.Mentions.Select(m => m.Text));
        Assert.Equal("19:20-19:40", d.Mentions[1].Value);
    }

    [Fact]
    public void Find_ClockTimeInsideAStretchOfTime_IsNoTimeFlag()
    {
        Assert.DoesNotContain(Find(
            "Between 7:20 p.m. to 7:40 p.m., Alderton police received numerous calls about shots fired near the market.",
            "Alderton police received the first of many calls about shots fired near the market at 7:25 p.m.").Discrepancies, x => x.Kind == DiscrepancyKind.Time);
    }

    [Fact]
    public void Find_ReportGivingBothTimes_TellsOfTwoHappenings_NotADisagreement()
    {
        // The second report gives the first one's 6:55 as well as 6:30: the 6:30 of the others is another happening.
        var report = Find(
            "The first report of shots fired came in at about 6:55 p.m. near the market in Alderton, officers said.",
            "Officers were called to the house around 6:30 p.m. after a shooting. He fled and fired at a driver around 6:55 p.m. near the market.",
            "The shooting began at 6:30 p.m. when officers found a man shot several times in a house in Alderton.");
        Assert.DoesNotContain(report.Discrepancies, x => x.Kind == DiscrepancyKind.Time);
    }

    [Fact]
    public void Find_TwoKindsOfBuildingOnOneStreet_IsAPlaceFlag_ButAPlainHomeIsNot()
    {
        var report = Find(
            "It happened on the porch of a single-family home at 40 Larkmoor Street in Easton just after noon, police said.",
            "The shooting occurred around 12:15 p.m. Saturday at a group home on Larkmoor Street, police said.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["single-family home", "group home"], d.Mentions.Select(m => m.Text));
        Assert.DoesNotContain(Find(
            "It happened on the porch of a single-family home at 40 Larkmoor Street in Easton just after noon, police said.",
            "The shooting occurred around 12:15 p.m. Saturday at a home on Larkmoor Street, police said.").Discrepancies, x => x.Kind == DiscrepancyKind.Place);
    }

    [Fact]
    public void Find_HospitalListsThatDifferInOne_IsAPlaceFlag()
    {
        var report = Find(
            "Two victims were taken to Brennan Hospital, one to Holloway Memorial Hospital and the fourth to Fairmead Hospital, police said.",
            "Paramedics took two of the men to Brennan Hospital, one to Holloway Memorial Hospital and one to Ostrander Hospital.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Place);
        Assert.Equal(["Fairmead Hospital", "Ostrander Hospital"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_HospitalNamedWithoutTheWordHospital_IsNoPlaceFlag()
    {
        // The first report names Ostrander too, as "taken to Ostrander"; a neighbourhood of the name would not count.
        Assert.DoesNotContain(Find(
            "Two victims were taken to Brennan Hospital and one to Fairmead Hospital; a fourth was taken to Ostrander, police said.",
            "Paramedics took two of the men to Brennan Hospital and one to Ostrander Hospital, fire officials said.").Discrepancies, x => x.Kind == DiscrepancyKind.Place);
    }

    [Fact]
    public void Find_ListsOfAgesThatDifferInOne_IsAnAgeFlag()
    {
        var report = Find(
            "He faces murder charges after police found the bodies of two women -- 72 and 39-years-old -- inside a Vellmar Street apartment.",
            "The names of the women killed, who were 66 and 39 years old, have not been released, police said on Monday.");
        var d = Assert.Single(report.Discrepancies, x => x.Kind == DiscrepancyKind.Age);
        Assert.Equal(["72", "66"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_ListsOfAgesOfOtherPeopleOrANamesAge_AreNoAgeFlag()
    {
        // Men against women, and "Dale Corrin, 24, and 20-year-old ..." gives two named people's ages, no list.
        Assert.DoesNotContain(Find(
            "Police found the bodies of two women -- 72 and 39-years-old -- inside a Vellmar Street apartment.",
            "Two men, ages 66 and 39, were arrested at a Vellmar Street apartment, police said on Monday.").Discrepancies, x => x.Kind == DiscrepancyKind.Age);
        Assert.DoesNotContain(Find(
            "Dale Corrin, 24, and 20-year-old Carl Moyes were arrested in Fenwick, police said of the two men.",
            "Two men, ages 24 and 21, were arrested in Fenwick last Wednesday, police said.").Discrepancies, x => x.Kind == DiscrepancyKind.Age);
    }
}
