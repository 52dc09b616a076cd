using System.Text.RegularExpressions;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Reports;

public class HtmlReportWriterTests
{
    private static string Render(ComparisonResult report)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(report, writer);
        return writer.ToString();
    }

    [Fact]
    public void Write_PlantedMarkup_IsEscapedEverywhere()
    {
        string html = Render(SampleReports.Full());
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>id", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Title", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.title=&#39;PWNED&#39;", html, StringComparison.Ordinal);
        Assert.Contains("onerror=&quot;", html, StringComparison.Ordinal);

        // The only <script> element is the report's own, and the CSP allows exactly that one by hash.
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SelfContained_FetchesNothing()
    {
        string html = Render(SampleReports.Full());
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_FullReport_ShowsEverySection()
    {
        string html = Render(SampleReports.Full());
        Assert.Contains("id=\"cluster-0\"", html, StringComparison.Ordinal);
        Assert.Contains("troops border talks", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"d\">over 90,000</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"d\">more than 100,000</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(html, "<rect class=\"cell\""));
        Assert.Contains("<mark class=\"p\">The talks continue.</mark>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"coverage\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"duplicates\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"doc-0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameReport_ByteIdentical() => Assert.Equal(Render(SampleReports.Full()), Render(SampleReports.Full()));

    [Fact]
    public void Escape_AnyText_LeavesNoMarkupCharacter()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            string escaped = HtmlReportWriter.Escape((s ?? string.Empty).AsSpan());
            return escaped.IndexOfAny(['<', '>', '"', '\'', '\0']) < 0
                && System.Net.WebUtility.HtmlDecode(escaped) == string.Concat((s ?? string.Empty).Select(c => TerminalText.IsControl(c) && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c));
        }).QuickCheckThrowOnFailure();
    }
    [Fact]
    public void Write_DocumentUrls_LinksOutletsToHttpAndHttpsOnlyEscaped()
    {
        var docs = SampleReports.Documents();
        ComparisonResult full = SampleReports.Full();
        var report = new ComparisonResult(
        [
            docs[0] with { Url = "https://news.example/a?x=1&y=\"><script>alert(1)</script>" },
            docs[1] with { Url = "javascript:alert(1)" },
            docs[2] with { Url = "http://evil.example/b'onmouseover='x" },
        ]) { Clusters = full.Clusters, Passages = full.Passages, Discrepancies = full.Discrepancies };
        string html = Render(report);

        // The https URL is linked, percent-encoded and escaped; the javascript: one is shown as text, never as a link.
        Assert.Contains("<a class=\"outlet\" href=\"https://news.example/a?x=1&amp;y=%22%3E%3Cscript%3Ealert(1)%3C/script%3E\">Wire A</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"outlet\">Wire B</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("href=\"[^\"]*['<>]", html);
        Assert.DoesNotMatch("href=\"(?!#|https?://)", html);

        // A document without a source is named by its (escaped) id.
        Assert.Matches("<a class=\"outlet\" href=\"http://evil\\.example/b(%27|&#39;)onmouseover=(%27|&#39;)x\">evil&lt;b&gt;id&lt;/b&gt;</a>", html);
    }

    [Fact]
    public void Write_Event_TimelineByPublicationDateUndatedLast()
    {
        var docs = SampleReports.Documents();
        var report = new ComparisonResult([docs[2], docs[1], docs[0]])
        {
            Clusters = StageResult.Ran(new ClustersSection([new ReportCluster(0, [docs[2].Id, docs[1].Id, docs[0].Id], "talks", null)])),
        };
        string html = Render(report);
        string timeline = Regex.Match(html, "<ol class=\"docs timeline\">.*?</ol>", RegexOptions.Singleline).Value;
        var order = Regex.Matches(timeline, "<li data-document=\"([^\"]*)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["wire-a", "wire-b", "evil&lt;b&gt;id&lt;/b&gt;"], order);
        Assert.Contains("<time>2021-12-30</time>", timeline, StringComparison.Ordinal);
        Assert.Contains("<span class=\"undated\">undated</span>", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PassageOfOneEvent_ShownUnderThatEvent()
    {
        string html = Render(SampleReports.Full());
        string cluster = Regex.Match(html, "<article class=\"cluster\" id=\"cluster-0\".*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("<mark class=\"p\">The talks continue.</mark>", cluster, StringComparison.Ordinal);
        Assert.Contains("<h2>Passages shared across events</h2>\n<p class=\"meta\">1 passage is shown under the event", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Outlets_EachWithItsArticlesAndEvents()
    {
        string html = Render(SampleReports.Full());
        string outlets = Regex.Match(html, "<section id=\"outlets\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(3, Regex.Count(outlets, "<div class=\"outlet-entry\" data-filter>"));
        Assert.Matches(new Regex("<span class=\"outlet\">Wire A</span>.*?<li data-document=\"wire-a\"><time>2021-12-30</time>.*?<a href=\"#cluster-0\">event 0</a>", RegexOptions.Singleline), outlets);
    }

    [Fact]
    public void Write_ManyEvents_StaysWithinTheBoundAndSaysWhatWasLeftOut()
    {
        const int Bound = 100_000;
        var documents = new List<Document>();
        var clusters = new List<ReportCluster>();
        for (int e = 0; e < 400; e++)
        {
            string a = "e" + e + "a", b = "e" + e + "b";
            documents.Add(new Document(a, "Event " + e + " happened at the harbour. Caf\u00e9 owners said \u00e9\u00e9\u00e9 " + new string('x', 300)) { Source = "Outlet " + (e % 50), Url = "https://example.org/" + a, Published = new DateOnly(2020, 1, 1).AddDays(e) });
            documents.Add(new Document(b, "At the harbour, event " + e + " was reported. " + new string('y', 300)) { Source = "Outlet " + ((e + 7) % 50) });
            clusters.Add(new ReportCluster(e, [a, b], "harbour event " + e, a));
        }

        var report = new ComparisonResult([.. documents]) { Clusters = StageResult.Ran(new ClustersSection([.. clusters])) };
        using var writer = new StringWriter();
        HtmlReportWriter.Write(report, writer, Bound);
        string html = writer.ToString();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) <= Bound, $"{System.Text.Encoding.UTF8.GetByteCount(html)} bytes, over {Bound}");
        Assert.Matches("<p class=\"left-out\">\\d+ (events|outlets) left out to keep this page under 0\\.1 MB; the JSON report \\(<code>--format json</code>\\) has them all\\.</p>", html);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);

        // The same input is left out the same way.
        using var again = new StringWriter();
        HtmlReportWriter.Write(report, again, Bound);
        Assert.Equal(html, again.ToString());
    }
    [Fact]
    public void Write_PageMustCut_EventsWithTheStrongestFlagsKeepTheirDetails()
    {
        const int Bound = 700_000;
        var documents = new List<Document>();
        var clusters = new List<ReportCluster>();
        for (int e = 0; e < 150; e++)
        {
            string a = "e" + e + "a", b = "e" + e + "b";
            documents.Add(new Document(a, "Event " + e + " left 4 people hurt at the harbour."));
            documents.Add(new Document(b, "At the harbour, event " + e + " left 5 people hurt."));
            clusters.Add(new ReportCluster(e, [a, b], "harbour event " + e, a));
        }

        // Two small, late events carry the only flags: the weaker one high-severity, the stronger one more confident.
        ReportDiscrepancy Flag(int e, double confidence, DiscrepancySeverity severity)
        {
            Document a = documents[2 * e], b = documents[(2 * e) + 1];
            ReportMention Mention(Document d, string text) => new(d.Id, d.Text.IndexOf(text, StringComparison.Ordinal), d.Text.IndexOf(text, StringComparison.Ordinal) + text.Length, text);
            return new ReportDiscrepancy(DiscrepancyKind.Number, "people hurt", e, DiscrepancyRelation.Contradiction, severity, [Mention(a, "4 people"), Mention(b, "5 people")]) { Confidence = confidence };
        }

        var report = new ComparisonResult([.. documents])
        {
            Clusters = StageResult.Ran(new ClustersSection([.. clusters])),
            Discrepancies = StageResult.Ran(new DiscrepanciesSection([Flag(149, 0.9, DiscrepancySeverity.Low), Flag(148, 0.6, DiscrepancySeverity.High)], [], [])),
        };
        using var writer = new StringWriter();
        HtmlReportWriter.Write(report, writer, Bound);
        string html = writer.ToString();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) <= Bound);

        var events = Regex.Matches(html, "<article class=\"cluster\" id=\"cluster-(\\d+)\".*?</article>", RegexOptions.Singleline);
        Assert.Equal(["149", "148", "0", "1"], events.Take(4).Select(m => m.Groups[1].Value));
        Assert.Contains("<h4>Where the sources disagree</h4>", events[0].Value, StringComparison.Ordinal);
        Assert.Contains("<h4>Where the sources disagree</h4>", events[1].Value, StringComparison.Ordinal);
        Assert.Contains(events, m => m.Value.Contains("left out for size", StringComparison.Ordinal));
        Assert.Matches("<p class=\"left-out\">\\d+ events are shown with their timelines only", html);
    }

    [Fact]
    public void Write_TooManyDocumentsForADocumentHeatmap_ShowsAHeatmapOfEventsAndSaysSo()
    {
        var documents = new List<Document>();
        var clusters = new List<ReportCluster>();
        for (int e = 0; e < 60; e++)
        {
            documents.Add(new Document("d" + e + "a", "Story " + e + " about the harbour."));
            documents.Add(new Document("d" + e + "b", "The harbour story " + e + "."));
            clusters.Add(new ReportCluster(e, ["d" + e + "a", "d" + e + "b"], "harbour story " + e, null) { Terms = ["harbour", "story", "s" + e] });
        }

        string html = Render(new ComparisonResult([.. documents]) { Clusters = StageResult.Ran(new ClustersSection([.. clusters])) });
        Assert.Contains("<h2>Similarity of the events</h2>\n<p class=\"meta\">120 documents are too many for a heatmap of documents (at most 100), so this is a heatmap of the 40 largest events", html, StringComparison.Ordinal);
        Assert.Equal(40 * 40, Regex.Count(html, "<rect class=\"cell\""));

        // Two events sharing two of their three key terms: Jaccard 2/4.
        Assert.Contains("<title>event 0 \u00D7 event 1: 0.50</title>", html, StringComparison.Ordinal);
    }
}
