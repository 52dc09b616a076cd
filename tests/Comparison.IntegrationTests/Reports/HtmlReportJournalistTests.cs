using System.Net;
using System.Text.RegularExpressions;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Tests.Support;
using Xunit.Abstractions;

namespace Comparison.Tests.Reports;

/// <summary>
/// The HTML report on the shared evaluation sets, in a real browser, as a journalist uses it: outlets by name with
/// links to the originals, a timeline per event, the search box filtering the page, and the size bound held.
/// </summary>
public class HtmlReportJournalistTests(ITestOutputHelper output)
{
    private const int MaxBytes = 5_000_000;

    /// <summary>Where the pages and screenshots are kept: $COMPARISON_ARTIFACTS when set (CI keeps it), else beside the tests.</summary>
    private static string ArtefactDirectory => Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("COMPARISON_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    [Fact]
    public void GvaDevReport_InChromium_OutletsLinksTimelinesSearchAndSizeBound()
    {
        List<Document> corpus = Load("gva-dev.jsonl");
        Assert.True(corpus.Count > 3_900, "gva-dev has 3,949 articles");
        string html = WriteReport(new NewsComparer().Compare(corpus), "gva-dev-report");
        long bytes = new FileInfo(html).Length;
        output.WriteLine($"gva-dev: {corpus.Count} articles, {bytes} bytes");
        Assert.True(bytes <= MaxBytes, $"the page is {bytes} bytes, over {MaxBytes}");
        string png = Path.Combine(ArtefactDirectory, "report.png");
        HeadlessChromium.Screenshot(html, png);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is missing or blank: " + png);
        output.WriteLine("screenshot: " + png);

        string dom = HeadlessChromium.DumpDom(html);
        Assert.Matches("<html[^>]*data-report-script=\"ran\"", dom);

        // Outlets by name, linked to the originals; every link leaves for http(s) or stays on the page.
        var plain = new Regex("^https?://[A-Za-z0-9./:_-]+$");
        Document linked = corpus.First(d => d.Source is not null && d.Url is not null && plain.IsMatch(d.Url) && dom.Contains("data-document=\"" + d.Id + "\"", StringComparison.Ordinal));
        Assert.Contains("<a class=\"outlet\" href=\"" + new Uri(linked.Url!).AbsoluteUri + "\">" + linked.Source + "</a>", dom, StringComparison.Ordinal);
        Assert.True(Regex.Count(dom, "<a class=\"outlet\" href=\"https?://") > 1_000, "fewer than 1,000 outlet links");
        Assert.DoesNotMatch("href=\"(?!#|https?://)", dom);

        // Every event has a timeline, its dates in order, and nothing is left out silently.
        MatchCollection events = Regex.Matches(dom, "<article class=\"cluster\".*?</article>", RegexOptions.Singleline);
        Assert.True(events.Count > 500, $"only {events.Count} events on the page");
        foreach (Match e in events)
        {
            Assert.Contains("<h4>Timeline</h4>", e.Value, StringComparison.Ordinal);
            string timeline = Regex.Match(e.Value, "<ol class=\"docs timeline\">.*?</ol>", RegexOptions.Singleline).Value;
            List<string> dates = [.. Regex.Matches(timeline, "<time>([0-9-]+)</time>").Select(m => m.Groups[1].Value)];
            Assert.NotEmpty(dates);
            Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        }

        Assert.Contains("--format json", dom, StringComparison.Ordinal);
        Assert.Contains("<section id=\"outlets\">", dom, StringComparison.Ordinal);

        // Far too many documents for a document heatmap: one of the largest events, and the page says so.
        Assert.Contains("<h2>Similarity of the events</h2>", dom, StringComparison.Ordinal);
        Assert.Equal(40 * 40, Regex.Count(dom, "<rect class=\"cell\""));

        // Search: the page opened with #q=<the busiest outlet> shows only what mentions it.
        string outlet = corpus.Where(d => d.Source is not null).GroupBy(d => d.Source!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        AssertFiltered(HeadlessChromium.DumpDom(html, "q=" + outlet), outlet);
    }

    [Fact]
    public void EcbPlusDevReport_InChromium_EventsWithReportsAndSearch()
    {
        List<Document> corpus = Load("ecbplus-dev.jsonl");
        ComparisonResult report = new NewsComparer().Compare(corpus);
        string html = WriteReport(report, "ecbplus-dev-report");
        long bytes = new FileInfo(html).Length;
        output.WriteLine($"ecbplus-dev: {corpus.Count} articles, {bytes} bytes");
        Assert.True(bytes <= MaxBytes, $"the page is {bytes} bytes, over {MaxBytes}");
        HeadlessChromium.Screenshot(html, Path.Combine(ArtefactDirectory, "ecbplus-dev-report.png"));

        // No dates nor sources here: each event lists its reports in input order, named by id.
        string dom = HeadlessChromium.DumpDom(html);
        MatchCollection events = Regex.Matches(dom, "<article class=\"cluster\".*?</article>", RegexOptions.Singleline);
        Assert.Equal(new ReportIndex(report).MultiDocumentClusters.Length, events.Count);
        Assert.All(events, e => Assert.Contains("(no publication dates; in input order)", e.Value, StringComparison.Ordinal));

        // Search for a word of the first event's label: every row left visible holds it, and some rows are hidden.
        string word = report.Clusters.Value.Clusters.OrderByDescending(c => c.Documents.Length).First().Label.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        AssertFiltered(HeadlessChromium.DumpDom(html, "q=" + word), word);
    }

    /// <summary>The filtered page: some items hidden, some shown, each shown one holding the term, and the count says so.</summary>
    private void AssertFiltered(string dom, string term)
    {
        var items = Regex.Matches(dom, "<(article|li|div|details|tr)\\b[^>]*\\bdata-filter=\"\"[^>]*>", RegexOptions.Singleline);
        int hidden = items.Count(m => m.Value.Contains(" hidden=\"\"", StringComparison.Ordinal));
        int shown = items.Count - hidden;
        output.WriteLine($"#q={term}: {shown} of {items.Count} items shown");
        Assert.True(shown > 0, "nothing matched " + term);
        Assert.True(hidden > 0, "nothing was filtered out by " + term);
        Assert.Contains($"<span id=\"q-count\" class=\"meta\" aria-live=\"polite\">{shown} of {items.Count} shown</span>", dom, StringComparison.Ordinal);

        // Each visible event and outlet holds the term in its text.
        foreach (Match visible in Regex.Matches(dom, "<(article|div) class=\"(?:cluster|outlet-entry)\"[^>]*data-filter=\"\"(?! hidden)[^>]*>(.*?)</\\1>", RegexOptions.Singleline))
        {
            string text = WebUtility.HtmlDecode(Regex.Replace(visible.Groups[2].Value, "<[^>]+>", string.Empty));
            Assert.Contains(term, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static List<Document> Load(string file)
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing.");
        string path = Path.Combine(data, file);
        using var stream = File.OpenRead(path);
        return [.. DocumentReader.ReadJsonLines(stream, path)];
    }

    private string WriteReport(ComparisonResult report, string name)
    {
        string html = Path.Combine(ArtefactDirectory, name + ".html");
        using (var writer = new StreamWriter(html))
        {
            HtmlReportWriter.Write(report, writer);
        }

        output.WriteLine("page: " + html);
        return html;
    }
}
