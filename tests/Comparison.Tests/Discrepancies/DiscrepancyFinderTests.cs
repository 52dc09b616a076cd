using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Facts;
using Comparison.Tests.Support;

namespace Comparison.Tests.Discrepancies;

public class DiscrepancyFinderTests
{
    private static readonly DiscrepancyFinder Finder = new();

    /// <summary>The four reports of the Dec 30 call (003 is another event).</summary>
    private static List<Document> CallCluster() => Seeds.Load().Where(d => !d.Id.StartsWith("003", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Find_Seeds_FlagsTheTroopNumbersWithExactSpans()
    {
        var report = Finder.Find(CallCluster());
        var troops = Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.Number);
        Assert.Equal(DiscrepancyRelation.Precision, troops.Relation);
        var m000 = Assert.Single(troops.Mentions, m => m.Document.StartsWith("000", StringComparison.Ordinal));
        var m004 = Assert.Single(troops.Mentions, m => m.Document.StartsWith("004", StringComparison.Ordinal));
        Assert.Equal("over 90,000", m000.Text);
        Assert.Equal("more than 100,000", m004.Text);
        Assert.Equal("over 90,000", Seeds.Get("000").Text[m000.Start..m000.End]);
        Assert.Equal("more than 100,000", Seeds.Get("004").Text[m004.Start..m004.End]);
        Assert.Equal(90000, m000.Number);
        Assert.Equal("over", m000.Qualifier);
        Assert.Equal("more than", m004.Qualifier);
    }

    [Fact]
    public void Find_Seeds_NoDateDiscrepancy()
    {
        var report = Finder.Find(CallCluster());
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Find_AllSeedsAsOneCluster_NeverPairsSoldiersWithParatroopers()
    {
        var report = Finder.Find(Seeds.Load());
        foreach (var d in report.Discrepancies)
        {
            var texts = d.Mentions.Select(m => m.Text).ToList();
            Assert.False(texts.Contains("1,000") && texts.Contains("1,200"), "1,000 soldiers paired with 1,200 paratroopers");
            Assert.DoesNotContain("1,000", texts);
        }

        Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.Number && d.Mentions.Any(m => m.Text == "over 90,000"));
        Assert.DoesNotContain(report.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Find_Seeds_TheCallResolvesToDec30AndBlinkenCallToDec29()
    {
        var report = Finder.Find(CallCluster());
        DateOnly? Resolve(string seed, string text) => report.Facts.Single(f => f.Document.Id.StartsWith(seed, StringComparison.Ordinal)).Dates.First(d => d.Text == text).First;
        var dec30 = new DateOnly(2021, 12, 30);
        Assert.Equal(dec30, Resolve("000", "Thursday"));
        Assert.Equal(dec30, Resolve("001", "Thursday"));
        Assert.Equal(dec30, Resolve("002", "December 30"));
        Assert.Equal(dec30, Resolve("004", "Thursday"));
        var dec29 = new DateOnly(2021, 12, 29);
        Assert.Equal(dec29, Resolve("004", "Wednesday"));
        Assert.Equal(dec29, Resolve("002", "December 29"));
    }

    [Fact]
    public void Find_ChangedCasualtyFigure_IsContradictionNamingBothSpans()
    {
        string original = "Five people were injured in a shooting in Elgin early Sunday, police said. All five were expected to survive.";
        string copy = original.Replace("Five people", "Seven people", StringComparison.Ordinal);
        var published = new DateOnly(2014, 1, 12);
        var report = Finder.Find([new Document("a", original) { Published = published }, new Document("b", copy) { Published = published }]);
        var d = Assert.Single(report.Discrepancies);
        Assert.Equal(DiscrepancyKind.Number, d.Kind);
        Assert.Equal(DiscrepancyRelation.Contradiction, d.Relation);
        Assert.Equal(DiscrepancySeverity.High, d.Severity);
        Assert.Equal(["Five", "Seven"], d.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void Find_ChangedWeekday_IsDateContradiction()
    {
        string original = "A man was shot and killed on Saturday night outside a bar on Main Street, police said.";
        string copy = original.Replace("Saturday", "Friday", StringComparison.Ordinal);
        var published = new DateOnly(2014, 1, 13);
        var report = Finder.Find([new Document("a", original) { Published = published }, new Document("b", copy) { Published = published }]);
        var d = Assert.Single(report.Discrepancies);
        Assert.Equal(DiscrepancyKind.Date, d.Kind);
        Assert.Equal(["2014-01-11", "2014-01-10"], d.Mentions.Select(m => m.Value));
    }

    [Fact]
    public void Find_IdenticalCopies_NoDiscrepancy()
    {
        var seed = Seeds.Get("000");
        var report = Finder.Find([seed, new Document("copy", seed.Text) { Published = seed.Published }]);
        Assert.Empty(report.Discrepancies);
        Assert.Empty(report.SingleSourceClaims);
    }

    [Fact]
    public void Find_SingleDocument_NoClaimsNoDiscrepancies()
    {
        var report = Finder.Find([Seeds.Get("004")]);
        Assert.Empty(report.Discrepancies);
        Assert.Empty(report.SingleSourceClaims);
    }

    [Fact]
    public void Find_Seeds_ListsSingleSourceClaims()
    {
        var report = Finder.Find(CallCluster());
        Assert.Contains(report.SingleSourceClaims, c => c.Kind == DiscrepancyKind.Number && c.Mention.Text == "1,000");
    }

    [Fact]
    public void Find_Seeds_TheDec30CallDateIsAnAgreementOfSeveralReports()
    {
        var report = Finder.Find(CallCluster());
        var call = Assert.Single(report.Agreements, a => a.Kind == DiscrepancyKind.Date && a.Value == "2021-12-30" && a.DocumentCount >= 3);
        Assert.True(call.Mentions.Select(m => m.Document[..3]).Distinct().Count() >= 3);
        Assert.Contains(call.Mentions, m => m.Text == "Thursday" && m.Document.StartsWith("001", StringComparison.Ordinal));
        Assert.Contains(call.Mentions, m => m.Text == "December 30" && m.Document.StartsWith("002", StringComparison.Ordinal) && m.Qualifier == "inferred");
        foreach (var m in call.Mentions)
        {
            string text = report.Facts.Single(f => f.Document.Id == m.Document).Document.Text;
            Assert.Equal(m.Text, text[m.Start..m.End]);
            Assert.True(m.SentenceStart <= m.Start && m.End <= m.SentenceEnd);
        }

        Assert.InRange(call.Confidence, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(call.Subject));
    }

    [Fact]
    public void Find_Seeds_AgreementsNeverOverlapDiscrepanciesOrClaims()
    {
        var report = Finder.Find(Seeds.Load());
        var agreed = report.Agreements.SelectMany(a => a.Mentions.Select(m => (m.Document, m.Start, a.Kind))).ToList();
        Assert.Equal(agreed.Count, agreed.Distinct().Count());
        var flagged = report.Discrepancies.SelectMany(d => d.Mentions.Select(m => (m.Document, m.Start, d.Kind)))
            .Concat(report.SingleSourceClaims.Select(c => (c.Mention.Document, c.Mention.Start, c.Kind)));
        Assert.Empty(agreed.Intersect(flagged));
        Assert.All(report.Agreements, a => Assert.True(a.DocumentCount >= 2));
        Assert.DoesNotContain(report.Agreements, a => a.Mentions.Any(m => m.Text == "over 90,000"));
    }

    [Fact]
    public void Find_SameFigureInTwoReports_IsAnAgreementNotADiscrepancy()
    {
        var a = new Document("a", "Three people were killed in the shooting on Main Street on Friday.") { Published = new DateOnly(2014, 3, 8) };
        var b = new Document("b", "Police said three people were killed in a shooting on Main Street on Friday night.") { Published = new DateOnly(2014, 3, 8) };
        var c = new Document("c", "Four people were killed in the shooting on Main Street on Friday.") { Published = new DateOnly(2014, 3, 8) };
        var agreeing = Finder.Find([a, b]);
        var number = Assert.Single(agreeing.Agreements, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal("3", number.Value);
        Assert.Equal(["a", "b"], number.Mentions.Select(m => m.Document));
        Assert.Contains(agreeing.Agreements, x => x.Kind == DiscrepancyKind.Date && x.Value == "2014-03-07");
        Assert.Empty(agreeing.Discrepancies);
        var disagreeing = Finder.Find([a, c]);
        Assert.DoesNotContain(disagreeing.Agreements, x => x.Kind == DiscrepancyKind.Number);
        Assert.Contains(disagreeing.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void Find_OrderOfDocuments_DoesNotChangeTheDiscrepancies()
    {
        var docs = CallCluster();
        var forward = Finder.Find(docs).Discrepancies.Select(Describe).ToList();
        docs.Reverse();
        var backward = Finder.Find(docs).Discrepancies.Select(Describe).ToList();
        Assert.Equal(forward.Order(StringComparer.Ordinal), backward.Order(StringComparer.Ordinal));

        static string Describe(Discrepancy d) => d.Kind + ":" + string.Join("|", d.Mentions.Select(m => m.Document + "@" + m.Start).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Options_OutOfRange_AreRejectedNamingTheProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscrepancyFinder(new DiscrepancyFinderOptions { MaxMagnitudeRatio = 1 }));
        Assert.Equal("MaxMagnitudeRatio", ex.ParamName);
    }
}

public class DiscrepancyFinderNameAndQuoteTests
{
    private static readonly DiscrepancyFinder Finder = new();

    [Fact]
    public void Find_Seeds_FlagsTheSpellingVariantOfOneName()
    {
        var report = Finder.Find(Seeds.Load().Where(d => !d.Id.StartsWith("003", StringComparison.Ordinal)).ToList());
        var name = Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.Name);
        Assert.Equal(DiscrepancyRelation.Variant, name.Relation);
        Assert.Contains(name.Mentions, m => m.Text == "Volodymyr Zelenskiy");
        Assert.Contains(name.Mentions, m => m.Text == "Volodymyr Zelensky");
    }

    [Fact]
    public void Find_SameQuoteDifferentSpeakers_IsAttribution()
    {
        var a = new Document("a", "\u201CWe will not accept any new sanctions on our economy,\u201D Foreign Minister Ivan Petrov said on Monday.");
        var b = new Document("b", "\u201CWe will not accept any new sanctions on our economy,\u201D said spokeswoman Maria Orlova.");
        var d = Assert.Single(Finder.Find([a, b]).Discrepancies);
        Assert.Equal(DiscrepancyKind.Attribution, d.Kind);
        Assert.Equal(["Ivan Petrov", "Maria Orlova"], d.Mentions.Select(m => m.Value));
    }

    [Fact]
    public void Find_QuoteExcerpt_IsNotADiscrepancy()
    {
        var a = new Document("a", "\u201CWe will not accept any new sanctions on our economy, whatever the cost,\u201D Ivan Petrov said.");
        var b = new Document("b", "Petrov said they \u201Cwill not accept any new sanctions on our economy,\u201D Ivan Petrov said.");
        Assert.DoesNotContain(Finder.Find([a, b]).Discrepancies, d => d.Kind is DiscrepancyKind.Quote or DiscrepancyKind.Attribution);
    }

    [Fact]
    public void Find_QuoteReworded_IsDifferentWording()
    {
        var a = new Document("a", "\u201CWe will not accept any new sanctions on our national economy,\u201D Ivan Petrov said.");
        var b = new Document("b", "\u201CWe will not accept any new tariffs on our national economy,\u201D Ivan Petrov said.");
        var d = Assert.Single(Finder.Find([a, b]).Discrepancies);
        Assert.Equal(DiscrepancyKind.Quote, d.Kind);
        Assert.Equal(DiscrepancyRelation.Contradiction, d.Relation);
    }

    [Fact]
    public void Find_QuoteWithASynonymousFunctionWord_IsNoFlag()
    {
        var a = new Document("a", "\u201CWe will not accept any new sanctions on our national economy,\u201D Ivan Petrov said.");
        var b = new Document("b", "\u201CWe shall not accept any new sanctions on our national economy,\u201D Ivan Petrov said.");
        Assert.Empty(Finder.Find([a, b]).Discrepancies);
    }
}
