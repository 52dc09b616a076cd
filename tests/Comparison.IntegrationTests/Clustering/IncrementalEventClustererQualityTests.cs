using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Evaluation;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Clustering;

public class IncrementalEventClustererQualityTests
{
    [Fact]
    public void Add_BasilInDateOrder_GroupsTheEvents()
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing");
        var documents = DocumentReader.Read(Path.Combine(data, "basil.jsonl")).OrderBy(d => d.Published).ToList();
        var stream = new IncrementalEventClusterer();
        var predicted = documents.Select(stream.Add).ToList();
        double ari = ClusteringMetrics.AdjustedRandIndex(documents.Select(d => d.Metadata["cluster"]).ToList(), predicted);
        Assert.True(ari >= 0.85, $"ARI {ari:F3}");
    }
}
