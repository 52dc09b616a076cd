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

    // Items 0-2 form one cluster, 3-4 another; 5 is alone.
    private static readonly int[] ThreeClusters = [0, 0, 0, 3, 3, 5];

    [Fact]
    public void AttachFragments_CloseToOneClusterOnly_Joins()
    {
        // 5 averages (0.2 + 0.15 + 0.1) / 3 = 0.15 with {0,1,2} and 0.04 / 2 = 0.02 with {3,4}.
        SimilarPair[] edges = [new(0, 1, 0.5), new(1, 2, 0.5), new(3, 4, 0.5), new(0, 5, 0.2), new(1, 5, 0.15), new(2, 5, 0.1), new(3, 5, 0.04)];
        Assert.Equal([0, 0, 0, 3, 3, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 1, threshold: 0.14, margin: 0.05));
        Assert.Equal(ThreeClusters, AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 1, threshold: 0.16, margin: 0.05));
        Assert.Equal(ThreeClusters, AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 0, threshold: 0.14, margin: 0.05));
    }

    [Fact]
    public void AttachFragments_TwoClustersAlike_StaysAlone()
    {
        // 5 averages 0.15 with {0,1,2} and (0.25 + 0.0) / 2 = 0.125 with {3,4}: no clear winner at margin 0.05.
        SimilarPair[] edges = [new(0, 1, 0.5), new(1, 2, 0.5), new(3, 4, 0.5), new(0, 5, 0.2), new(1, 5, 0.15), new(2, 5, 0.1), new(3, 5, 0.25)];
        Assert.Equal(ThreeClusters, AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 1, threshold: 0.12, margin: 0.05));
        Assert.Equal([0, 0, 0, 3, 3, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 1, threshold: 0.12, margin: 0.02));
    }

    [Fact]
    public void AttachFragments_OnlyIntoLargerClusters_AndFollowsAMovingTarget()
    {
        // {3,4} joins {0,1,2} (average 1.2 / 6 = 0.2, against 0.13 with 5); 5 is closest to {3,4} (0.13) and follows it.
        SimilarPair[] edges = [new(0, 3, 0.3), new(1, 3, 0.3), new(2, 4, 0.3), new(0, 4, 0.3), new(3, 5, 0.26)];
        Assert.Equal([0, 0, 0, 0, 0, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 2, threshold: 0.12, margin: 0.05));

        // With fragments of one item only, {3,4} stays and 5 joins it.
        Assert.Equal([0, 0, 0, 3, 3, 3], AverageLinkage.AttachFragments(ThreeClusters, edges, maxSize: 1, threshold: 0.12, margin: 0.05));

        // Two singletons close to each other only: neither is larger, neither moves.
        Assert.Equal([0, 1], AverageLinkage.AttachFragments([0, 1], [new(0, 1, 0.2)], maxSize: 1, threshold: 0.1, margin: 0.05));
    }

    [Fact]
    public void AttachFragments_StartsWellBeforeTheCluster_StaysAlone()
    {
        SimilarPair[] edges = [new(0, 1, 0.5), new(1, 2, 0.5), new(3, 4, 0.5), new(0, 5, 0.2), new(1, 5, 0.15), new(2, 5, 0.1)];
        int?[] days = [100, 101, 101, 90, 90, null];
        Assert.Equal([0, 0, 0, 3, 3, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, 1, 0.14, 0.05, days, window: 3));

        // Dated 4 days before the cluster's first report: an earlier event.
        days[5] = 96;
        Assert.Equal(ThreeClusters, AverageLinkage.AttachFragments(ThreeClusters, edges, 1, 0.14, 0.05, days, window: 3));

        // Within the window before it, or any time after it (a follow-up), it joins.
        days[5] = 97;
        Assert.Equal([0, 0, 0, 3, 3, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, 1, 0.14, 0.05, days, window: 3));
        days[5] = 160;
        Assert.Equal([0, 0, 0, 3, 3, 0], AverageLinkage.AttachFragments(ThreeClusters, edges, 1, 0.14, 0.05, days, window: 3));
    }
}
