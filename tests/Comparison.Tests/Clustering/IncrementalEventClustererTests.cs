using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Evaluation;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Clustering;

public class IncrementalEventClustererTests
{
    [Fact]
    public void Add_SyntheticStream_EveryDocumentInExactlyOneCluster()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            List<Document> corpus = EventClustererTests.Corpus(seed, 12);
            var stream = new IncrementalEventClusterer();
            var joined = corpus.Select(stream.Add).ToList();
            EventClustering snapshot = stream.ToClustering();
            bool partition = snapshot.DocumentCount == corpus.Count
                && snapshot.Clusters.Sum(c => c.DocumentIds.Length) == corpus.Count
                && snapshot.Clusters.SelectMany(c => c.DocumentIds).Distinct().Count() == corpus.Count;

            // Two documents share a snapshot cluster exactly when they joined the same stream cluster.
            bool consistent = corpus.Select((d, i) => (d, i)).All(a => corpus.Select((d, j) => (d, j)).All(b =>
                (joined[a.i] == joined[b.j]) == (snapshot.ClusterOf(a.d.Id) == snapshot.ClusterOf(b.d.Id))));
            return partition && consistent && joined[0] == 0 && stream.Count == corpus.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_DuplicateOrNull_Throws()
    {
        var stream = new IncrementalEventClusterer();
        stream.Add(new Document("a", "Text."));
        Assert.Throws<ArgumentException>(() => stream.Add(new Document("a", "Other text.")));
        Assert.Throws<ArgumentNullException>(() => stream.Add(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IncrementalEventClusterer(new EventClustererOptions { Threshold = -1 }));
    }
}
