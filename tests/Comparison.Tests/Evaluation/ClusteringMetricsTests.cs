using Comparison.Evaluation;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Evaluation;

public class ClusteringMetricsTests
{
    private const double Tolerance = 1e-12;

    // Gold {0,1,2}{3,4,5}; predicted {0,1}{2,3}{4,5}. Contingency cells 2,1,1,2; gold sizes 3,3; predicted sizes 2,2,2.
    private static readonly int[] GoldA = [0, 0, 0, 1, 1, 1];
    private static readonly int[] PredictedA = [0, 0, 1, 1, 2, 2];

    // Gold {0,1}{2,3}{4}; predicted {0,1,2}{3,4}. Cells (a,1)=2, (b,1)=1, (b,2)=1, (c,2)=1.
    private static readonly string[] GoldB = ["a", "a", "b", "b", "c"];
    private static readonly int[] PredictedB = [1, 1, 1, 2, 2];

    [Fact]
    public void AdjustedRandIndex_HandWorkedCases_MatchFormula()
    {
        // Sum C(nij,2) = 2; sum C(ai,2) = 6; sum C(bj,2) = 3; C(6,2) = 15; expected = 6*3/15 = 1.2; max = 4.5.
        Assert.Equal(0.8 / 3.3, ClusteringMetrics.AdjustedRandIndex(GoldA, PredictedA), Tolerance);

        // Index 1; gold pairs 2; predicted pairs 4; C(5,2) = 10; expected 0.8; max 3.
        Assert.Equal(0.2 / 2.2, ClusteringMetrics.AdjustedRandIndex(GoldB, PredictedB), Tolerance);
    }

    [Fact]
    public void NormalizedMutualInformation_HandWorkedCase_MatchesFormula()
    {
        // MI = 2 * (2/6) ln(2*6/(3*2)) = (2/3) ln 2; H(gold) = ln 2; H(predicted) = ln 3.
        double expected = 2.0 / 3.0 * Math.Log(2) / ((Math.Log(2) + Math.Log(3)) / 2);
        Assert.Equal(expected, ClusteringMetrics.NormalizedMutualInformation(GoldA, PredictedA), Tolerance);
        Assert.Equal(0.5158037429793888, ClusteringMetrics.NormalizedMutualInformation(GoldA, PredictedA), 1e-9);
    }

    [Fact]
    public void BCubed_HandWorkedCases_AverageOverItems()
    {
        // Precision per item: 1, 1, 1/2, 1/2, 1, 1 -> 5/6. Recall per item: 2/3, 2/3, 1/3, 1/3, 2/3, 2/3 -> 10/18.
        var a = ClusteringMetrics.BCubed(GoldA, PredictedA);
        Assert.Equal(5.0 / 6.0, a.Precision, Tolerance);
        Assert.Equal(10.0 / 18.0, a.Recall, Tolerance);
        Assert.Equal(2 * (5.0 / 6) * (10.0 / 18) / ((5.0 / 6) + (10.0 / 18)), a.F1, Tolerance);

        // Precision per item: 2/3, 2/3, 1/3, 1/2, 1/2 -> 8/15. Recall per item: 1, 1, 1/2, 1/2, 1 -> 4/5.
        var b = ClusteringMetrics.BCubed(GoldB, PredictedB);
        Assert.Equal(8.0 / 15.0, b.Precision, Tolerance);
        Assert.Equal(0.8, b.Recall, Tolerance);
    }

    [Fact]
    public void Pairwise_HandWorkedCases_CountPairs()
    {
        // Pairs together in both: {0,1} and {4,5}; predicted pairs 3; gold pairs 6.
        var a = ClusteringMetrics.Pairwise(GoldA, PredictedA);
        Assert.Equal(2.0 / 3.0, a.Precision, Tolerance);
        Assert.Equal(1.0 / 3.0, a.Recall, Tolerance);
        Assert.Equal(4.0 / 9.0, a.F1, Tolerance);

        var b = ClusteringMetrics.Pairwise(GoldB, PredictedB);
        Assert.Equal(0.25, b.Precision, Tolerance);
        Assert.Equal(0.5, b.Recall, Tolerance);
    }

    [Fact]
    public void Evaluate_AllTogetherAgainstAllApart_ScoresZeroChance()
    {
        var scores = ClusteringMetrics.Evaluate(new[] { 7, 7, 7 }, new[] { "x", "y", "z" });
        Assert.Equal(3, scores.Items);
        Assert.Equal(1, scores.GoldClusters);
        Assert.Equal(3, scores.PredictedClusters);
        Assert.Equal(0.0, scores.AdjustedRandIndex, Tolerance);
        Assert.Equal(0.0, scores.NormalizedMutualInformation, Tolerance);
        Assert.Equal(1.0, scores.BCubed.Precision, Tolerance);
        Assert.Equal(1.0 / 3.0, scores.BCubed.Recall, Tolerance);
        Assert.Equal(1.0, scores.Pairwise.Precision, Tolerance);
        Assert.Equal(0.0, scores.Pairwise.Recall, Tolerance);
        Assert.Equal(0.0, scores.Pairwise.F1, Tolerance);
    }

    [Fact]
    public void Evaluate_DegenerateInputs_FollowDocumentedConventions()
    {
        var empty = ClusteringMetrics.Evaluate(Array.Empty<int>(), Array.Empty<int>());
        Assert.Equal(1.0, empty.AdjustedRandIndex);
        Assert.Equal(1.0, empty.NormalizedMutualInformation);
        Assert.Equal(1.0, empty.BCubed.F1);

        var singletons = ClusteringMetrics.Evaluate(new[] { 1, 2, 3 }, new[] { 3, 1, 2 });
        Assert.Equal(1.0, singletons.AdjustedRandIndex);
        Assert.Equal(1.0, singletons.NormalizedMutualInformation);
        Assert.Equal(1.0, singletons.Pairwise.F1);
    }

    [Fact]
    public void Evaluate_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ClusteringMetrics.Evaluate<int, int>(null!, []));
        Assert.Throws<ArgumentNullException>(() => ClusteringMetrics.Evaluate<int, int>([], null!));
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.Evaluate(new[] { 1 }, new[] { 1, 2 }));
        Assert.Throws<ArgumentNullException>(() => ClusteringMetrics.Evaluate(new[] { "a", null! }, new[] { 1, 2 }));
    }

    [Fact]
    public void Evaluate_IdenticalPartitionUnderRelabeling_ScoresOne()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), labels =>
        {
            var relabeled = labels.Select(l => 255 - l).ToArray();
            var s = ClusteringMetrics.Evaluate(labels, relabeled);
            return Math.Abs(s.AdjustedRandIndex - 1) < 1e-9 && Math.Abs(s.NormalizedMutualInformation - 1) < 1e-9
                && Math.Abs(s.BCubed.F1 - 1) < 1e-9 && Math.Abs(s.Pairwise.F1 - 1) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_AnyPair_SymmetricAndBounded()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, byte)[]>(), pairs =>
        {
            var gold = pairs.Select(p => p.Item1 % 5).ToArray();
            var predicted = pairs.Select(p => p.Item2 % 4).ToArray();
            var forward = ClusteringMetrics.Evaluate(gold, predicted);
            var backward = ClusteringMetrics.Evaluate(predicted, gold);
            bool inRange = forward.AdjustedRandIndex <= 1 + 1e-9 && forward.NormalizedMutualInformation is >= 0 and <= 1
                && forward.BCubed.Precision is > 0 and <= 1 + 1e-12 || pairs.Length == 0;
            return inRange
                && Math.Abs(forward.AdjustedRandIndex - backward.AdjustedRandIndex) < 1e-9
                && Math.Abs(forward.NormalizedMutualInformation - backward.NormalizedMutualInformation) < 1e-9
                && Math.Abs(forward.BCubed.Precision - backward.BCubed.Recall) < 1e-9
                && Math.Abs(forward.Pairwise.Precision - backward.Pairwise.Recall) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }
}
