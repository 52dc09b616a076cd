using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class ClusterCommandTests
{
    [Fact]
    public async Task Cluster_SeedsJson_EveryDocumentInExactlyOneCluster()
    {
        var stdout = new StringWriter();
        int code = await CliApplication.RunAsync(["cluster", Seeds.Directory, "--format", "json"], stdout, new StringWriter());
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        var clusters = json.RootElement.GetProperty("clusters").EnumerateArray().ToList();
        var ids = clusters.SelectMany(c => c.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!)).ToList();
        Assert.Equal(Seeds.Load().Select(d => d.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, clusters.Count), clusters.Select(c => c.GetProperty("id").GetInt32()));
        Assert.All(clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("label").GetString())));
        Assert.Equal(2, clusters.Count);
    }

    [Fact]
    public async Task Evaluate_LabelledJsonLines_PrintsScores()
    {
        string path = Path.Combine(Path.GetTempPath(), $"evaluate-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path, Seeds.Load().Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text, cluster = d.Id.StartsWith("003", StringComparison.Ordinal) ? "b" : "a" })));
        try
        {
            var stdout = new StringWriter();
            int code = await CliApplication.RunAsync(["evaluate", path, "--gold", "cluster", "--format", "json"], stdout, new StringWriter());
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(stdout.ToString());
            Assert.Equal(5, json.RootElement.GetProperty("documents").GetInt32());
            Assert.True(json.RootElement.GetProperty("bcubed").GetProperty("f1").GetDouble() > 0);

            var stderr = new StringWriter();
            Assert.Equal(1, await CliApplication.RunAsync(["evaluate", path, "--gold", "topic"], new StringWriter(), stderr));
            Assert.Contains("\"topic\"", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
