using Comparison.Clustering;
using Comparison.Vectors;

namespace Comparison.Tests.Clustering;

public class AverageLinkageTests
{
    [Fact]
    public void Cluster_Chain_DoesNotChainLikeSingleLink()
    {
        // a-b and b-c are strong, a-c is not an edge (similarity 0): {a,b} vs c averages (0 + 0.9) / 2 = 0.45.
        SimilarPair[] edges = [new(0, 1, 0.9), new(1, 2, 0.8), new(2, 3, 0.9)];
        int[] clusters = AverageLinkage.Cluster(4, edges, threshold: 0.5);
        Assert.Equal([0, 0, 2, 2], clusters);
    }

    [Fact]
    public void Cluster_AverageAboveThreshold_Merges()
    {
        // {0,1} (0.9) and {2,3} (0.9): cross pairs 0.6, 0.5, 0.5, 0.4 average 0.5.
        SimilarPair[] edges = [new(0, 1, 0.9), new(2, 3, 0.9), new(0, 2, 0.6), new(0, 3, 0.5), new(1, 2, 0.5), new(1, 3, 0.4)];
        Assert.Equal([0, 0, 0, 0], AverageLinkage.Cluster(4, edges, threshold: 0.5));
        Assert.Equal([0, 0, 2, 2], AverageLinkage.Cluster(4, edges, threshold: 0.51));
    }

    [Fact]
    public void Cluster_NoEdges_AllSingletons()
    {
        Assert.Equal([0, 1, 2], AverageLinkage.Cluster(3, [], threshold: 0.1));
    }
}
