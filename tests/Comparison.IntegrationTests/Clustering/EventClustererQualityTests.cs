using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Evaluation;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Clustering;

public class EventClustererQualityTests
{
    [Fact]
    public void Cluster_RealCorpora_MeetQualityFloor()
    {
        string data = Seeds.SharedData ?? throw new InvalidOperationException("../shared/data is missing");
        foreach ((string file, double floor) in new[] { ("basil.jsonl", 0.9), ("newswcl50.jsonl", 0.9), ("ecbplus-dev.jsonl", 0.88), ("gva-dev.jsonl", 0.82) })
        {
            var documents = DocumentReader.Read(Path.Combine(data, file)).ToList();
            EventClustering result = new EventClusterer().Cluster(documents);
            var gold = documents.Select(d => d.Metadata["cluster"]).ToList();
            var predicted = documents.Select(d => result.ClusterOf(d.Id)).ToList();
            double ari = ClusteringMetrics.AdjustedRandIndex(gold, predicted);
            Assert.True(ari >= floor, $"{file}: ARI {ari:F3} below {floor}");
        }
    }
}
