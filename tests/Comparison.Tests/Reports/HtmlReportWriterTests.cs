using System.Text.RegularExpressions;
using Comparison.Reports;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Reports;

public class HtmlReportWriterTests
{
    private static string Render(AnalysisReport report)
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
}
