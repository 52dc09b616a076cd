using Comparison.Tests.Support;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class AllPairsTests
{
    [Theory]
    [InlineData("Auto")]
    [InlineData("Pruned")]
    [InlineData("Dense")]
    public void Find_RandomCorpora_EqualsBruteForce(string strategy)
    {
        var forced = Enum.Parse<AllPairs.Strategy>(strategy);
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            List<SparseVector> corpus = RandomVectors.Corpus(seed, random.Next(0, 60));
            double threshold = new[] { 0.1, 0.3, 0.5, 0.8, 0.95, 1.0 }[random.Next(6)];
            var fast = AllPairs.EnumerateWith(corpus, threshold, forced, default).ToList();
            var slow = AllPairs.FindBruteForce(corpus, threshold);
            return SamePairs(fast, slow);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EnumerateBatches_RandomCorpora_ConcatenationEqualsBruteForce()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            List<SparseVector> corpus = RandomVectors.Corpus(seed, random.Next(0, 60));
            double threshold = new[] { 0.1, 0.3, 0.5, 0.8, 0.95, 1.0 }[random.Next(6)];
            var batched = new List<SimilarPair>();
            bool nonEmpty = true;
            foreach (ReadOnlyMemory<SimilarPair> batch in AllPairs.EnumerateBatches(corpus, threshold))
            {
                nonEmpty &= batch.Length > 0;
                batched.AddRange(batch.Span);
            }

            return nonEmpty && SamePairs(batched, AllPairs.FindBruteForce(corpus, threshold));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EnumerateBatches_BadArguments_ThrowAtOnce()
    {
        Assert.Throws<ArgumentNullException>(() => AllPairs.EnumerateBatches(null!, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AllPairs.EnumerateBatches([SparseVector.Empty], 0));
        Assert.Throws<ArgumentException>(() => AllPairs.EnumerateBatches([new SparseVector([1], [-1f])], 0.5));
    }

    [Fact]
    public void Choose_CommonTermsEverywhere_PicksDense_RareTerms_PickPruned()
    {
        var random = new Random(5);
        var dense = Enumerable.Range(0, 300).Select(_ => RandomVectors.Vector(random, 60, 80)).ToList();
        Assert.Equal(AllPairs.Strategy.Dense, AllPairs.Choose(dense, 0.3).Strategy);
        var sparse = Enumerable.Range(0, 300).Select(_ => RandomVectors.Vector(random, 10, 100_000)).ToList();
        Assert.Equal(AllPairs.Strategy.Pruned, AllPairs.Choose(sparse, 0.8).Strategy);
    }

    [Fact]
    public void Enumerate_LargerCorpus_EqualsFindAndBruteForceInBothStrategies()
    {
        List<SparseVector> corpus = RandomVectors.Corpus(11, 700, maxTerms: 60, vocabulary: 300);
        var slow = AllPairs.FindBruteForce(corpus, 0.4);
        Assert.True(SamePairs(AllPairs.EnumerateWith(corpus, 0.4, AllPairs.Strategy.Dense, default).ToList(), slow));
        Assert.True(SamePairs(AllPairs.EnumerateWith(corpus, 0.4, AllPairs.Strategy.Pruned, default).ToList(), slow));
        Assert.True(SamePairs(AllPairs.Enumerate(corpus, 0.4).ToList(), slow));
    }

    [Fact]
    public void EnumerateBatches_TilesOfMoreThanOneSegment_ConcatenationEqualsBruteForce()
    {
        // 3,300 vectors over 40 terms at a low threshold: almost every pair passes, so the first tiles of 64 rows
        // hold over 200,000 pairs each, in segments of doubling size and then more than one of the largest size.
        List<SparseVector> corpus = RandomVectors.Corpus(3, 3300, maxTerms: 20, vocabulary: 40);
        var slow = AllPairs.FindBruteForce(corpus, 0.05);
        Assert.True(slow.Length > 3_500_000);
        var batched = new List<SimilarPair>();
        int largest = 0;
        foreach (ReadOnlyMemory<SimilarPair> batch in AllPairs.EnumerateBatches(corpus, 0.05))
        {
            Assert.InRange(batch.Length, 1, AllPairs.PairBuffer.SegmentPairs);
            largest += batch.Length > AllPairs.PairBuffer.SegmentPairs / 2 ? 1 : 0;
            batched.AddRange(batch.Span);
        }

        Assert.True(largest > 10);
        Assert.True(SamePairs(batched, slow));
        Assert.True(SamePairs(AllPairs.EnumerateWith(corpus, 0.05, AllPairs.Strategy.Pruned, default).ToList(), slow));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(48)]
    [InlineData(160)]
    public void Dense_RandomCorpora_PairsAreTheScalarReferenceBitForBit(int width)
    {
        // Every similarity the dense path reports is the reference's fixed-order single-precision sum (or, within
        // Slack of the threshold, the exact cosine): the same bits with 16-lane, 8-lane or software vectors.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            List<SparseVector> corpus = RandomVectors.Corpus(seed, random.Next(2, 90), maxTerms: 60, vocabulary: 160);
            double threshold = new[] { 0.1, 0.3, 0.5, 0.8 }[random.Next(4)];
            var unit = AllPairs.UnitCorpus.Build(corpus);
            int terms = Math.Min(width, unit.Terms);
            var expected = new List<SimilarPair>();
            if (terms > 0)
            {
                var data = AllPairs.DenseHybrid.Build(unit, terms);
                float low = (float)(threshold - AllPairs.Slack);
                for (int x = 0; x < corpus.Count; x++)
                {
                    for (int y = x + 1; y < corpus.Count; y++)
                    {
                        float sum = data.ReferenceSum(x, y);
                        if (sum < low)
                        {
                            continue;
                        }

                        double exact = CosineSimilarity.ComputeExact(corpus[x], corpus[y]);
                        if (sum >= threshold + AllPairs.Slack)
                        {
                            expected.Add(new SimilarPair(x, y, Math.Min(1.0, sum)));
                        }
                        else if (exact >= threshold)
                        {
                            expected.Add(new SimilarPair(x, y, exact));
                        }
                    }
                }
            }

            var actual = AllPairs.EnumerateWith(corpus, threshold, AllPairs.Strategy.Dense, default, width).ToList();
            return actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.First == p.Second.First
                && p.First.Second == p.Second.Second
                && BitConverter.DoubleToInt64Bits(p.First.Similarity) == BitConverter.DoubleToInt64Bits(p.Second.Similarity));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DenseKernels_512PairAnd256_SameBitsAsOneFusedChainPerLane()
    {
        // Weights over six orders of magnitude, a third of them 0: any reassociation of a lane's sum shows in its bits.
        const int Width = 37;
        var random = new Random(15);
        var panels = new float[3 * Width * 16];
        for (int i = 0; i < panels.Length; i++)
        {
            panels[i] = random.Next(3) == 0 ? 0 : (float)(random.NextDouble() * Math.Pow(10, random.Next(-3, 3)));
        }

        const nuint XBase = 8;
        const nuint YBase = Width * 16;
        const nuint ZBase = 2 * Width * 16;
        var one = new float[256];
        var pair = new float[256];
        var narrow = new float[256];
        AllPairs.DenseHybrid.Worker.Kernel512(ref panels[0], XBase, YBase, Width, one);
        AllPairs.DenseHybrid.Worker.Kernel512Pair(ref panels[0], XBase, YBase, ZBase, Width, pair);
        AllPairs.DenseHybrid.Worker.Kernel256(ref panels[0], XBase, YBase, Width, narrow);
        for (int row = 0; row < 8; row++)
        {
            for (int lane = 0; lane < 16; lane++)
            {
                float y = 0, z = 0;
                for (int k = 0; k < Width; k++)
                {
                    float x = panels[(int)XBase + (k * 16) + row];
                    y = MathF.FusedMultiplyAdd(x, panels[(int)YBase + (k * 16) + lane], y);
                    z = MathF.FusedMultiplyAdd(x, panels[(int)ZBase + (k * 16) + lane], z);
                }

                int at = (row * 16) + lane;
                Assert.Equal(BitConverter.SingleToInt32Bits(y), BitConverter.SingleToInt32Bits(one[at]));
                Assert.Equal(BitConverter.SingleToInt32Bits(y), BitConverter.SingleToInt32Bits(narrow[at]));
                Assert.Equal(BitConverter.SingleToInt32Bits(y), BitConverter.SingleToInt32Bits(pair[at]));
                Assert.Equal(BitConverter.SingleToInt32Bits(z), BitConverter.SingleToInt32Bits(pair[128 + at]));
            }
        }
    }

    // Same pairs in the same order; similarities within the documented 1e-5.
    private static bool SamePairs(IReadOnlyList<SimilarPair> actual, IReadOnlyList<SimilarPair> expected) =>
        actual.Count == expected.Count
        && actual.Zip(expected).All(p => p.First.First == p.Second.First && p.First.Second == p.Second.Second && Math.Abs(p.First.Similarity - p.Second.Similarity) <= 1e-5);

    [Fact]
    public void Find_DuplicatesAndEmpty_ReportsOnlyRealPairs()
    {
        var a = new SparseVector([1, 2], [1f, 1f]);
        var corpus = new List<SparseVector> { a, SparseVector.Empty, new SparseVector([1, 2], [2f, 2f]), new SparseVector([7], [1f]) };
        var pairs = AllPairs.Find(corpus, 0.5);
        var pair = Assert.Single(pairs);
        Assert.Equal((0, 2), (pair.First, pair.Second));
        Assert.Equal(1.0, pair.Similarity, 6);
    }

    [Fact]
    public void Find_SameInputTwice_SameOutput()
    {
        List<SparseVector> corpus = RandomVectors.Corpus(7, 400);
        var first = AllPairs.Find(corpus, 0.3);
        var second = AllPairs.Find(corpus, 0.3);
        Assert.True(SamePairs(first, AllPairs.FindBruteForce(corpus, 0.3)));
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Find_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AllPairs.Find([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AllPairs.Find([], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => AllPairs.Find([], double.NaN));
        Assert.Throws<ArgumentException>(() => AllPairs.Find([new SparseVector([1], [-1f])], 0.5));
        Assert.Throws<ArgumentNullException>(() => AllPairs.Find([null!], 0.5));
    }

    [Fact]
    public void FindTopK_RandomCorpora_EqualsBruteForce()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            List<SparseVector> corpus = RandomVectors.Corpus(seed, random.Next(0, 40));
            int k = random.Next(1, 5);
            double min = new[] { 0.0, 0.2, 0.6 }[random.Next(3)];
            var top = AllPairs.FindTopK(corpus, k, min);
            for (int i = 0; i < corpus.Count; i++)
            {
                var expected = Enumerable.Range(0, corpus.Count)
                    .Where(j => j != i)
                    .Select(j => new Neighbor(j, CosineSimilarity.Compute(corpus[Math.Min(i, j)], corpus[Math.Max(i, j)])))
                    .Where(nb => nb.Similarity > 0 && nb.Similarity >= min)
                    .OrderByDescending(nb => nb.Similarity).ThenBy(nb => nb.Index)
                    .Take(k);
                if (!top[i].Select(nb => nb.Index).SequenceEqual(expected.Select(nb => nb.Index))
                    || top[i].Zip(expected).Any(p => Math.Abs(p.First.Similarity - p.Second.Similarity) > 1e-5))
                {
                    return false;
                }
            }

            return top.Length == corpus.Count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SimilarityMatrix_SymmetricWithUnitDiagonal()
    {
        List<SparseVector> corpus = RandomVectors.Corpus(3, 30);
        corpus.Add(SparseVector.Empty);
        var matrix = SimilarityMatrix.Compute(corpus);
        Assert.Equal(corpus.Count, matrix.Count);
        for (int i = 0; i < corpus.Count; i++)
        {
            Assert.Equal(corpus[i].Norm > 0 ? 1.0 : 0.0, matrix[i, i]);
            for (int j = 0; j < corpus.Count; j++)
            {
                Assert.Equal(matrix[i, j], matrix[j, i]);
                if (i < j)
                {
                    Assert.Equal(CosineSimilarity.Compute(corpus[i], corpus[j]), matrix[i, j]);
                }
            }
        }

        Assert.Equal(corpus.Count, matrix.Row(2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[corpus.Count, 0]);
    }
}
