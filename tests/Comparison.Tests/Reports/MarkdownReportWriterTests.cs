using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

public class MarkdownReportWriterTests
{
    private static string Render(ComparisonResult report)
    {
        using var writer = new StringWriter();
        MarkdownReportWriter.Write(report, writer);
        return writer.ToString();
    }

    [Fact]
    public void Write_FullReport_HeadingPerClusterAndDiscrepancyTable()
    {
        string md = Render(SampleReports.Full());
        Assert.Contains("## Cluster 0: troops border talks", md, StringComparison.Ordinal);
        Assert.Contains("### Discrepancies", md, StringComparison.Ordinal);
        Assert.Contains("| number | troops near the border (precision) | `wire-a` | **over 90,000** |", md, StringComparison.Ordinal);
        Assert.Contains("**more than 100,000**", md, StringComparison.Ordinal);
        Assert.Contains("## Shared passages", md, StringComparison.Ordinal);
        Assert.Contains("## Near-duplicates", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PlantedMarkup_IsNotPassedThroughAsHtml()
    {
        string md = Render(SampleReports.Full());
        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Escape_TableBreakingCharacters_AreEscaped() =>
        Assert.Equal("a \\| b &lt;x&gt; \\*c\\* d", MarkdownReportWriter.Escape("a | b <x> *c*\nd"));
}
