using System.Text.Json;
using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

/// <summary>One JSON writer: a section written alone is byte for byte that section of the whole report.</summary>
public class JsonReportWriterSectionTests
{
    [Fact]
    public void WriteSection_EverySection_EqualsItsPartOfTheWholeReport()
    {
        ComparisonResult report = SampleReports.Full();
        using var whole = JsonDocument.Parse(JsonReportWriter.ToJson(report));
        JsonElement root = whole.RootElement;
        Assert.Equal(root.GetProperty("duplicates").GetRawText(), Section(report, ReportSection.Duplicates));
        Assert.Equal(root.GetProperty("similarity").GetRawText(), Section(report, ReportSection.Similarity));
        Assert.Equal("{\"clusters\":" + root.GetProperty("clusters").GetRawText() + "}", Section(report, ReportSection.Clusters));
        Assert.Equal("{\"passages\":" + root.GetProperty("passages").GetRawText() + "}", Section(report, ReportSection.Passages));
        Assert.Equal(
            "{\"discrepancies\":" + root.GetProperty("discrepancies").GetRawText() + ",\"claims\":" + root.GetProperty("claims").GetRawText()
                + ",\"coverage\":" + root.GetProperty("coverage").GetRawText() + "}",
            Section(report, ReportSection.Discrepancies));
    }

    [Fact]
    public void WriteSection_StageDidNotRun_Throws()
    {
        var report = new ComparisonResult(SampleReports.Documents());
        using var writer = new StringWriter();
        Assert.Throws<ArgumentException>("report", () => JsonReportWriter.WriteSection(report, ReportSection.Duplicates, writer));
        Assert.Throws<ArgumentOutOfRangeException>("section", () => JsonReportWriter.WriteSection(report, (ReportSection)99, writer));
    }

    private static string Section(ComparisonResult report, ReportSection section)
    {
        using var writer = new StringWriter();
        JsonReportWriter.WriteSection(report, section, writer);
        string json = writer.ToString();
        Assert.EndsWith("\n", json, StringComparison.Ordinal);
        return json[..^1];
    }
}
