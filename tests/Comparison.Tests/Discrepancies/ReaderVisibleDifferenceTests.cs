using Comparison.Discrepancies;
using Comparison.Documents;

namespace Comparison.Tests.Discrepancies;

/// <summary>A flag shows a difference a reader can see: not typography, not the same words read against two publication days, not a gallery counter.</summary>
public class ReaderVisibleDifferenceTests
{
    private static readonly DiscrepancyFinder Finder = new(DiscrepancyFinderOptions.Default with { MinConfidence = 0 });

    [Theory]
    [InlineData("O\u2019Connell", "O'Connell")]
    [InlineData("Gonz\u00e1lez", "Gonzalez")]
    [InlineData("St. Marys", "St Marys")]
    [InlineData("ANNA  Berg", "anna Berg")]
    [InlineData("Aoraki-Mt Cook", "Aoraki Mount Cook")]
    public void Fold_TypographicVariants_AreEqual(string a, string b) =>
        Assert.Equal(Typography.Fold(a), Typography.Fold(b));

    [Theory]
    [InlineData("Johnson", "Johnston")]
    [InlineData("Sara", "Sarah")]
    public void Fold_DifferentLetters_StayApart(string a, string b) =>
        Assert.NotEqual(Typography.Fold(a), Typography.Fold(b));

    [Fact]
    public void Find_NameDifferingOnlyInApostropheOrAccent_IsNoFlag()
    {
        var report = Finder.Find([
            new Document("a", "\u201CIt is unfair,\u201D said Maura O\u2019Connell, the head of the tenants\u2019 union. Ren\u00e9 Gonz\u00e1lez, the mayor, declined to comment.") { Published = new DateOnly(2016, 5, 3) },
            new Document("b", "Tenants' union head Maura O'Connell said the rule was unfair. The mayor, Rene Gonzalez, declined to comment on Tuesday.") { Published = new DateOnly(2016, 5, 3) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Name);
    }

    [Fact]
    public void Find_SameWeekdayInReportsPublishedTwoWeeksApart_IsNoDateFlag()
    {
        // The later page repeats the earlier sentence: "Monday" resolves to two different days, but both say Monday.
        const string Sentence = "Dana Whitlock, 24, was arrested in Fresno on Monday after a week on the run.";
        var report = Finder.Find([
            new Document("a", "Police said the shooting followed an argument. " + Sentence) { Published = new DateOnly(2015, 2, 24) },
            new Document("b", "The trial date has not been set. " + Sentence + " He is held without bail.") { Published = new DateOnly(2015, 3, 10) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Find_DifferentWeekdaysForOneArrest_StillAFlagWhenShown()
    {
        var report = Finder.Find([
            new Document("a", "Dana Whitlock, 24, was arrested in Fresno on Monday after a week on the run.") { Published = new DateOnly(2015, 2, 26) },
            new Document("b", "Dana Whitlock, 24, was arrested in Fresno on Tuesday after a week on the run.") { Published = new DateOnly(2015, 2, 26) },
        ]);
        Assert.Contains(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Find_UnnamedAgeAmongSeveralVictimsOfOneReport_IsNoAgeFlag()
    {
        // The first report gives three unnamed victims' ages; its "59-year-old man" need not be the other's "30-year-old man".
        var report = Finder.Find([
            new Document("a", "Three people were hurt in the shooting on Elm Street on Sunday. Dale Moss and a 25-year-old were both shot in the arm, a 59-year-old man was shot in the leg and his 60-year-old wife was shot in the face, police said.") { Published = new DateOnly(2015, 6, 1) },
            new Document("b", "Three people were hurt in the shooting on Elm Street on Sunday. One of the victims, a 30-year-old man who was shot multiple times, is believed to be the intended target of the shooting.") { Published = new DateOnly(2015, 6, 1) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Age);
    }

    [Fact]
    public void Find_ReportAndItsExactCopy_HaveNoFlag()
    {
        // A live page gives the slot two values in turn; the copy cannot disagree with the original whichever two are paired.
        const string Text = "A gunman opened fire at a clinic in Harlow on Friday afternoon, police said. Officers sealed off the street.\n"
            + "UPDATE 3:20 p.m.: Mercy Hospital confirms six patients have been taken there.\n______\n"
            + "UPDATE 2:50 p.m.: Mercy Hospital confirms five patients have been taken there.\n______\n"
            + "UPDATE 2:43 p.m.: Police say the gunman is in custody.";
        var report = Finder.Find([
            new Document("a", Text) { Published = new DateOnly(2015, 11, 27) },
            new Document("a-copy", Text) { Published = new DateOnly(2015, 11, 27) },
        ]);
        Assert.Empty(report.Discrepancies);
    }

    [Fact]
    public void Find_GalleryCounters_AreNoCounts()
    {
        var report = Finder.Find([
            new Document("a", "Image 4 of 5 Dana Whitlock, 24, and Lee Marsh, 30, were shot at a car wash on Gibbs Street.") { Published = new DateOnly(2015, 2, 24) },
            new Document("b", "Image 4 of 9 Dana Whitlock, 24, and Lee Marsh, 30, were shot at a car wash on Gibbs Street.") { Published = new DateOnly(2015, 2, 24) },
        ]);
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_PartOfACountedTotal_IsStillACount()
    {
        var a = new Document("a", "Two of three victims were taken to the hospital after the crash on Gibbs Street.");
        var facts = new Comparison.Facts.FactExtractor().Extract(a);
        Assert.Contains(facts.Quantities, q => q.Value == 3);
    }
}
