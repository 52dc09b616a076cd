using System.Text.Json;
using Comparison.Reports;
using Comparison.Tests.Support;

namespace Comparison.Tests.Reports;

public class JsonReportWriterTests
{
    [Fact]
    public void ToJson_SameReport_ByteIdenticalAndOneLine()
    {
        string first = JsonReportWriter.ToJson(SampleReports.Full());
        string second = JsonReportWriter.ToJson(SampleReports.Full());
        Assert.Equal(first, second);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.Equal(1, first.Count(c => c == '\n'));

        using var stream = new MemoryStream();
        JsonReportWriter.Write(SampleReports.Full(), stream);
        Assert.Equal(first, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void ToJson_FullReport_HasContractFields()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(SampleReports.Full()));
        JsonElement root = json.RootElement;
        Assert.Equal(3, root.GetProperty("documents").GetArrayLength());

        JsonElement duplicates = root.GetProperty("duplicates");
        Assert.Equal(0.8, duplicates.GetProperty("threshold").GetDouble());
        JsonElement pair = duplicates.GetProperty("pairs")[0];
        Assert.Equal("wire-a", pair.GetProperty("a").GetString());
        Assert.Equal("wire-b", pair.GetProperty("b").GetString());
        Assert.Equal(0.8125, pair.GetProperty("estimatedJaccard").GetDouble());
        Assert.Equal(0.8, pair.GetProperty("jaccard").GetDouble());
        Assert.Equal("wire-b", duplicates.GetProperty("groups")[0][1].GetString());

        JsonElement cluster = root.GetProperty("clusters")[0];
        Assert.Equal(0, cluster.GetProperty("id").GetInt32());
        Assert.Equal(2, cluster.GetProperty("documents").GetArrayLength());
        Assert.Equal("troops border talks", cluster.GetProperty("label").GetString());

        JsonElement similarity = root.GetProperty("similarity");
        Assert.Equal(0.123457, similarity.GetProperty("cosine")[1][2].GetDouble());
        Assert.False(similarity.TryGetProperty("jaccard", out _));

        JsonElement passage = root.GetProperty("passages")[0];
        Assert.Equal("The talks continue.", passage.GetProperty("a").GetProperty("text").GetString());
        Assert.Equal("wire-b", passage.GetProperty("b").GetProperty("document").GetString());

        JsonElement discrepancy = root.GetProperty("discrepancies")[0];
        Assert.Equal("number", discrepancy.GetProperty("kind").GetString());
        Assert.Equal(0, discrepancy.GetProperty("cluster").GetInt32());
        JsonElement mention = discrepancy.GetProperty("mentions")[0];
        Assert.Equal("over 90,000", mention.GetProperty("text").GetString());
        Assert.Equal(90000, mention.GetProperty("value").GetDouble());
        Assert.Equal("over", mention.GetProperty("qualifier").GetString());
        string text = SampleReports.Documents()[0].Text;
        int start = mention.GetProperty("start").GetInt32(), end = mention.GetProperty("end").GetInt32();
        Assert.Equal("over 90,000", text[start..end]);

        Assert.Equal(JsonValueKind.Null, root.GetProperty("claims")[0].GetProperty("mention").GetProperty("qualifier").ValueKind);
        Assert.True(root.GetProperty("coverage")[0].GetProperty("disagrees").GetBoolean());
    }

    [Fact]
    public void ToJson_StagesThatDidNotRun_HaveNoProperty()
    {
        var report = new ComparisonResult(SampleReports.Documents());
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(report));
        Assert.Equal(["documents"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
