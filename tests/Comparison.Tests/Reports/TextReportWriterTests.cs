using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

public class TextReportWriterTests
{
    [Fact]
    public void Write_FullReport_ShowsClustersDuplicatesAndBothQuotes()
    {
        using var writer = new StringWriter();
        TextReportWriter.Write(SampleReports.Full(), writer);
        string text = writer.ToString();
        Assert.Contains("Clusters (2)", text, StringComparison.Ordinal);
        Assert.Contains("[0] troops border talks  (2 documents)", text, StringComparison.Ordinal);
        Assert.Contains("Near-duplicates at Jaccard >= 0.8: 1 group from 1 pair\n  - wire-a, wire-b", text, StringComparison.Ordinal);
        Assert.Contains("wire-a: \u201Cover 90,000\u201D", text, StringComparison.Ordinal);
        Assert.Contains("[over 90,000] troops near the border", text, StringComparison.Ordinal);
        Assert.Contains("wire-b: \u201Cmore than 100,000\u201D", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoStage_OnlyCountsDocuments()
    {
        using var writer = new StringWriter();
        TextReportWriter.Write(new ComparisonResult(SampleReports.Documents()), writer);
        Assert.Equal("Comparison report: 3 documents\n", writer.ToString());
    }
}
