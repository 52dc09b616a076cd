using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Tests.Discrepancies;

/// <summary>Dates compared by slot (the predicate of their clause and what it names), on made-up reports.</summary>
public class DateSlotTests
{
    private static readonly FactExtractor Extractor = new();

    private static List<Discrepancy> SlotFlags(params Document[] documents)
    {
        var flags = new List<Discrepancy>();
        DateSlots.Compare([.. documents.Select(d => Extractor.Extract(d))], flags);
        return flags;
    }

    [Fact]
    public void MonthAgainstAFullDateOfTheSameAction_IsAContradiction()
    {
        var flags = SlotFlags(
            new Document("a", "The former treasurer Ana Rivera pleaded guilty to fraud in March 2011.\nShe was sentenced later."),
            new Document("b", "Rivera was charged in 2010.\nOn February 3, 2011, Rivera pleaded guilty to two counts of fraud."));
        var flag = Assert.Single(flags);
        Assert.Equal(DiscrepancyKind.Date, flag.Kind);
        Assert.Equal(DiscrepancyRelation.Contradiction, flag.Relation);
        Assert.Equal(["March 2011", "February 3, 2011"], flag.Mentions.Select(m => m.Text));
        Assert.True(flag.Confidence >= 0.7);
    }

    [Fact]
    public void DifferentWeekdaysForGoingToOnePlace_AreAContradictionWithoutPublicationDates()
    {
        var flags = SlotFlags(
            new Document("a", "The singer, 41, checked into Oakwood Clinic on Monday for treatment."),
            new Document("b", "The singer went to Oakwood Clinic on Thursday, her manager said."));
        var flag = Assert.Single(flags);
        Assert.Equal(["Monday", "Thursday"], flag.Mentions.Select(m => m.Value));
    }

    [Fact]
    public void TheEndOfAMonth_IsItsLastDays()
    {
        var facts = Extractor.Extract(new Document("a", "The mayor will step down at the end of April 2020, officials said."));
        var end = Assert.Single(facts.Dates, d => d.Text.Contains("April", StringComparison.Ordinal));
        Assert.Equal("the end of April 2020", end.Text);
        Assert.Equal(new DateOnly(2020, 4, 21), end.First);
        Assert.Equal(new DateOnly(2020, 4, 30), end.Last);
        var early = Assert.Single(Extractor.Extract(new Document("b", "Work resumes in early May 2020.")).Dates);
        Assert.Equal(new DateOnly(2020, 5, 1), early.First);
        Assert.Equal(new DateOnly(2020, 5, 10), early.Last);
    }

    [Fact]
    public void ALaterReportWithAnotherDay_IsAnUpdate()
    {
        var report = new DiscrepancyFinder().Find(
        [
            new Document("a", "Governor Ellen Park will leave office at the end of June, her office announced.") { Published = new DateOnly(2020, 3, 2) },
            new Document("b", "Governor Ellen Park will be leaving office on May 1, weeks earlier than planned.") { Published = new DateOnly(2020, 3, 5) },
        ]);
        var flag = Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
        Assert.Equal(DiscrepancyRelation.Update, flag.Relation);
        Assert.Equal(["a", "b"], flag.Mentions.Select(m => m.Document));
    }

    [Fact]
    public void ReportingDatesQuotedDatesAndDatelessClauses_HaveNoSlot()
    {
        var published = new DateOnly(2019, 5, 10);
        Assert.Empty(SlotFlags(
            new Document("a", "Police said Tuesday that the bridge on Elm Road reopened.") { Published = published },
            new Document("b", "Police said Wednesday that the bridge on Elm Road reopened.") { Published = published }));
        Assert.Empty(SlotFlags(
            new Document("a", "\"We reopened the Elm Road bridge on Monday,\" the mayor said.") { Published = published },
            new Document("b", "\"We reopened the Elm Road bridge on Thursday,\" the mayor said.") { Published = published }));
    }

    [Fact]
    public void DifferentPeopleEarlierHappeningsAndDatesQualifyingANoun_AreNotOneSlot()
    {
        var published = new DateOnly(2019, 5, 10);
        Assert.Empty(SlotFlags(
            new Document("a", "Tom Baker was wounded in the shooting on Monday.") { Published = published },
            new Document("b", "Lisa Grant was wounded in the shooting on Thursday.") { Published = published }));
        Assert.Empty(SlotFlags(
            new Document("a", "Carl Mendez had previously been arrested on drug charges in January.") { Published = published },
            new Document("b", "Carl Mendez was arrested on drug charges in March.") { Published = published }));
        Assert.Empty(SlotFlags(
            new Document("a", "Deputies arrested Carl Mendez in the March 3 robbery at Hill Bank.") { Published = published },
            new Document("b", "Deputies arrested Carl Mendez on Monday at Hill Bank.") { Published = published }));
    }

    [Fact]
    public void AnyoneOfAKind_AWeekdayResolvedAcrossWeeks_AndNightIntoMorning_AreNoConflict()
    {
        var published = new DateOnly(2019, 5, 10);
        Assert.Empty(SlotFlags(
            new Document("a", "A 17-year-old boy was shot in the Elm Park neighborhood Tuesday night.") { Published = published },
            new Document("b", "A 17-year-old boy was shot in the Elm Park neighborhood Thursday night.") { Published = published }));
        Assert.Empty(SlotFlags(
            new Document("a", "Lee Kim was arrested on Sunday at the harbor.") { Published = new DateOnly(2019, 5, 6) },
            new Document("b", "Lee Kim was arrested on Sunday at the harbor.") { Published = new DateOnly(2019, 5, 16) }));
        Assert.Empty(SlotFlags(
            new Document("a", "Lee Kim was arrested on Sunday at the harbor.") { Published = new DateOnly(2019, 5, 6) },
            new Document("b", "Lee Kim was arrested on Friday at the harbor.") { Published = new DateOnly(2019, 5, 20) }));
        Assert.Empty(SlotFlags(
            new Document("a", "Sam Ortiz was charged late Monday night with arson.") { Published = published },
            new Document("b", "Sam Ortiz was charged early Tuesday morning with arson.") { Published = published }));
        Assert.Single(SlotFlags(
            new Document("a", "Sam Ortiz was charged Monday with arson.") { Published = published },
            new Document("b", "Sam Ortiz was charged Wednesday with arson.") { Published = published }));
    }

    [Fact]
    public void WhatSomethingWasAndWhenAPictureWasTaken_AreNoHappening()
    {
        var published = new DateOnly(2019, 5, 10);
        Assert.Empty(SlotFlags(
            new Document("a", "The last payment Dana Fox received from the fund was in July.") { Published = published },
            new Document("b", "Dana Fox received a payment from the fund on September 20, 2018.") { Published = published }));
        Assert.Empty(SlotFlags(
            new Document("a", "Photo taken Monday, March 17, 2014 by Ann Lee.\nCrews cleared the road.") { Published = published },
            new Document("b", "Photo taken Tuesday, May 17, 2016 by Ann Lee.\nCrews cleared the road.") { Published = published }));
    }

    [Fact]
    public void APronounStandsForTheLastNamedSubject()
    {
        var published = new DateOnly(2019, 5, 10);
        Assert.Empty(SlotFlags(
            new Document("a", "Officers arrested Mark Stone Lee at the scene. Lee was held overnight, and he posted bond and was released from jail Sunday.") { Published = published },
            new Document("b", "Records show Dana Ruth Fox faces charges. Fox was booked that night. She was released on bond on April 2.") { Published = published }));
    }

    [Fact]
    public void OneWeekdayInAReprintOfALaterDay_IsNoDiscrepancy()
    {
        const string text = "Jo Park was arrested on Friday after a month on the run. Officials will hold a briefing tonight.";
        var report = new DiscrepancyFinder().Find(
        [
            new Document("a", text) { Published = new DateOnly(2015, 2, 25) },
            new Document("b", text) { Published = new DateOnly(2015, 3, 9) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
        var changed = new DiscrepancyFinder().Find(
        [
            new Document("a", text) { Published = new DateOnly(2015, 2, 25) },
            new Document("b", text.Replace("Friday", "Monday", StringComparison.Ordinal)) { Published = new DateOnly(2015, 2, 25) },
        ]);
        Assert.Contains(changed.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
        var weekdayAndDate = new DiscrepancyFinder().Find(
        [
            new Document("a", "DATE: January 29, 2016 9:11 AM\nThe fire was reported near Elm Road at about 7 p.m. Friday.") { Published = new DateOnly(2016, 1, 29) },
            new Document("b", "DATE: February 2, 2016 8:05 AM\nThe fire was reported near Elm Road at about 7 p.m. Jan. 22.") { Published = new DateOnly(2016, 2, 2) },
        ]);
        Assert.DoesNotContain(weekdayAndDate.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Theory]
    [InlineData("leaving", "leave")]
    [InlineData("leaves", "leave")]
    [InlineData("pleaded", "pled")]
    [InlineData("admitted", "admit")]
    [InlineData("went", "go")]
    public void Lemma_JoinsFormsOfOneVerb(string form, string other) => Assert.Equal(DateSlots.Lemma(other), DateSlots.Lemma(form));
}
