using System.Text.RegularExpressions;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Tests.Support;
using Xunit.Abstractions;

namespace Comparison.Tests.Reports;

/// <summary>The HTML report in a real browser: what it shows, and that planted script never runs.</summary>
public class HtmlReportBrowserTests(ITestOutputHelper output)
{
    /// <summary>Where screenshots and the pages themselves are kept as test artefacts.</summary>
    private static string ArtefactDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    [Fact]
    public void SeedsReport_InChromium_ShowsClustersTroopSpansAndNeverRunsPlantedScript()
    {
        // The planted markup goes into a real article (003, the one that stands alone), as its title and a last line.
        var documents = Seeds.Load().Select(d => d.Id.StartsWith("003", StringComparison.Ordinal)
            ? new Document(d.Id, d.Text + "\n\n" + SampleReports.Planted + "\n") { Published = d.Published, Title = "Talks " + SampleReports.Planted }
            : d).ToList();
        ComparisonResult report = new NewsComparer().Compare(documents);
        string dom = RenderInBrowser(report, "seeds-report");

        foreach (Document seed in Seeds.Load())
        {
            Assert.Contains("data-document=\"" + seed.Id + "\"", dom, StringComparison.Ordinal);
        }

        // The Dec 30 call cluster holds 000, 001, 002 and 004; 003 stands alone; the troop discrepancy is highlighted.
        Match call = Regex.Match(dom, "<article class=\"cluster\"[^>]*>.*?</article>", RegexOptions.Singleline);
        Assert.True(call.Success, "no multi-document cluster in the DOM");
        foreach (string prefix in new[] { "000_", "001_", "002_", "004_" })
        {
            Assert.Contains("<li data-document=\"" + prefix, call.Value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-document=\"003_", call.Value, StringComparison.Ordinal);
        Assert.Matches("<ul class=\"docs singletons\">\\s*(<li[^>]*>.*\\n)*<li data-cluster=\"\\d+\" id=\"cluster-\\d+\" data-filter=\"\"><a class=\"id\" href=\"#doc-3\">003_", dom);
        Assert.Contains("<mark class=\"d\">over 90,000</mark>", call.Value, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"d\">more than 100,000</mark>", call.Value, StringComparison.Ordinal);

        // The heatmap covers the five documents; near-duplicates ran and found none among them.
        Assert.Equal(25, Regex.Count(dom, "<rect class=\"cell\""));
        Assert.Contains("<section id=\"duplicates\">", dom, StringComparison.Ordinal);

        AssertPlantedScriptInert(dom);
    }

    [Fact]
    public void SeedsCallDiscrepancies_InChromium_HighlightTroopSpansInContext()
    {
        var seeds = Seeds.Load();
        var call = new ReportCluster(0, [.. seeds.Where(d => !d.Id.StartsWith("003", StringComparison.Ordinal)).Select(d => d.Id)], "call", null);
        var clusters = new ClustersSection([call, new ReportCluster(1, [seeds.Single(d => d.Id.StartsWith("003", StringComparison.Ordinal)).Id], "other", null)]);
        var comparer = new NewsComparer();
        var report = new ComparisonResult([.. seeds]) { Clusters = StageResult.Ran(clusters) };
        report = report with { Discrepancies = StageResult.Ran(comparer.FindDiscrepancies(report.Documents, clusters, null, CancellationToken.None)) };
        string dom = RenderInBrowser(report, "seeds-discrepancies");

        Match troops = Regex.Match(dom, "<div class=\"discrepancy\" data-kind=\"number\">((?:(?!<div class=\"discrepancy\").)*?90,000.*?)</div>\\s*</div>", RegexOptions.Singleline);
        Assert.True(troops.Success, "no troop discrepancy in the DOM");
        Assert.Matches(new Regex("<figure class=\"mention\" data-document=\"000_[^\"]*\"[^>]*>.*?<mark class=\"d\">over 90,000</mark>", RegexOptions.Singleline), troops.Value);
        Assert.Matches(new Regex("<figure class=\"mention\" data-document=\"004_[^\"]*\"[^>]*>.*?<mark class=\"d\">more than 100,000</mark>", RegexOptions.Singleline), troops.Value);
        Assert.Contains("deployed <mark class=\"d\">over 90,000</mark> trips", troops.Value, StringComparison.Ordinal);

        // The same spans are highlighted inside the full articles.
        Assert.Matches(new Regex("<details class=\"article\" id=\"doc-0\"[^>]*>.*?<mark class=\"d\">over 90,000</mark>", RegexOptions.Singleline), dom);
    }

    [Fact]
    public void FullReport_InChromium_HighlightsDiscrepancySpansSideBySide()
    {
        string dom = RenderInBrowser(SampleReports.Full(), "sample-report");

        // The discrepancy: both mentions, each highlighted inside its own context, in one mentions grid.
        Match discrepancy = Regex.Match(dom, "<div class=\"discrepancy\" data-kind=\"number\">(.*?)</div>\\s*</div>", RegexOptions.Singleline);
        Assert.True(discrepancy.Success, "no number discrepancy in the DOM");
        Assert.Contains("<mark class=\"d\">over 90,000</mark>", discrepancy.Value, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"d\">more than 100,000</mark>", discrepancy.Value, StringComparison.Ordinal);
        Assert.Contains("Moscow has deployed <mark class=\"d\">over 90,000</mark> troops near the border", discrepancy.Value, StringComparison.Ordinal);

        // The cluster, the heatmap, the shared passage and the coverage table.
        Assert.Contains("id=\"cluster-0\"", dom, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(dom, "<rect class=\"cell\""));
        Assert.Contains("<mark class=\"p\">The talks continue.</mark>", dom, StringComparison.Ordinal);
        Assert.Contains("<table class=\"coverage\">", dom, StringComparison.Ordinal);
        AssertPlantedScriptInert(dom);
    }

    private string RenderInBrowser(ComparisonResult report, string name)
    {
        string html = Path.Combine(ArtefactDirectory, name + ".html");
        using (var writer = new StreamWriter(html))
        {
            HtmlReportWriter.Write(report, writer);
        }

        string dom = HeadlessChromium.DumpDom(html);
        string png = Path.Combine(ArtefactDirectory, name + ".png");
        HeadlessChromium.Screenshot(html, png);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is missing or blank: " + png);
        output.WriteLine("page: " + html);
        output.WriteLine("screenshot: " + png);
        return dom;
    }

    private static void AssertPlantedScriptInert(string dom)
    {
        // The report's own script ran (so scripts do run in this browser), the planted ones did not.
        Assert.Matches("<html[^>]*data-report-script=\"ran\"", dom);
        Assert.DoesNotMatch("<[a-z]+[^>]*data-pwned=", dom);
        Assert.Contains("<title>Comparison report</title>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("PWNED</title>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(dom, "<script", RegexOptions.IgnoreCase));

        // The planted markup is on the page as text.
        Assert.Contains("&lt;script&gt;document.title='PWNED'", dom, StringComparison.Ordinal);
    }
}
