using System.Runtime.Intrinsics.X86;
using Comparison.Tests.Support;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class CosineSimilarityTests
{
    [Fact]
    public void Compute_HandExample_MatchesFormula()
    {
        var a = new SparseVector([1, 3, 7], [1f, 2f, 2f]);
        var b = new SparseVector([3, 7, 9], [3f, 4f, 12f]);
        // dot = 2*3 + 2*4 = 14; |a| = 3; |b| = 13.
        Assert.Equal(14.0, CosineSimilarity.Dot(a, b), 6);
        Assert.Equal(14.0 / 39.0, CosineSimilarity.Compute(a, b), 6);
    }

    [Fact]
    public void Compute_EmptyVector_IsZero()
    {
        var a = new SparseVector([1], [1f]);
        Assert.Equal(0, CosineSimilarity.Compute(a, SparseVector.Empty));
        Assert.Equal(0, CosineSimilarity.Compute(SparseVector.Empty, SparseVector.Empty));
    }

    [Fact]
    public void Compute_Properties_SymmetricInUnitIntervalAndOneWithItself()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            SparseVector a = RandomVectors.Vector(random, 120, 400);
            SparseVector b = random.Next(3) == 0 ? RandomVectors.Perturb(random, a, 400) : RandomVectors.Vector(random, 120, 400);
            double ab = CosineSimilarity.Compute(a, b);
            double ba = CosineSimilarity.Compute(b, a);
            var copy = new SparseVector(a.Indices, a.Values);
            bool self = a.Count == 0 || (CosineSimilarity.Compute(a, a) == 1 && Math.Abs(CosineSimilarity.Compute(a, copy) - 1) < 1e-6);
            return Math.Abs(ab - ba) < 1e-6 && ab >= 0 && ab <= 1 && self;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Dot_IsTheSixteenLaneDefinition_BitForBit_Property()
    {
        // The same bits with and without hardware intrinsics: a cosine that differs in its last bit can turn a near-tie
        // in clustering the other way, and the report with it. The definition, written out independently of the
        // library: each match's double product added to lane (position in the second vector) mod 16, in order of
        // position, then lane k + lane k+8, k + k+4, k + k+2, and the last two.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            SparseVector a = RandomVectors.Vector(random, 300, 600);
            SparseVector b = random.Next(2) == 0 ? RandomVectors.Perturb(random, a, 600) : RandomVectors.Vector(random, 300, 600);
            return CosineSimilarity.Dot(a, b) == Definition(b, a) && CosineSimilarity.Dot(b, a) == Definition(a, b)
                && CosineSimilarity.DotScalarLanes(a.Indices, a.Values, b.Indices, b.Values) == Definition(a, b)
                && CosineSimilarity.ComputeExact(a, b) == CosineSimilarity.Compute(a, b);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Dot_EachVectorPath_EqualsTheDefinition_Property()
    {
        // Every fast path the machine has, called directly, on lengths around the block size (shorter than a block,
        // a partial last block on either side or both), near-copies (many matches, blocks tied), and ids at the top
        // of the int range, where the masked last block and the block ends meet int.MaxValue.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            int vocabulary = random.Next(3) == 0 ? 80 : 2_000;
            SparseVector a = RandomVectors.Vector(random, 90, vocabulary);
            SparseVector b = random.Next(2) == 0 ? RandomVectors.Perturb(random, a, vocabulary) : RandomVectors.Vector(random, 90, vocabulary);
            if (random.Next(4) == 0)
            {
                a = Shift(a, int.MaxValue - vocabulary);
                b = Shift(b, int.MaxValue - vocabulary);
            }

            double reference = Definition(a, b);
            bool Close(double fast) => Math.Abs(fast - reference) <= 1e-5 * Math.Max(1, Math.Abs(reference));
            bool ok = CosineSimilarity.DotScalarLanes(a.Indices, a.Values, b.Indices, b.Values) == reference;
            if (Avx512F.IsSupported)
            {
                ok &= CosineSimilarity.DotAvx512Lanes(a.Indices, a.Values, b.Indices, b.Values) == reference;
                ok &= CosineSimilarity.DotAvx512Lanes(b.Indices, b.Values, a.Indices, a.Values) == Definition(b, a);
                ok &= Close(CosineSimilarity.DotAvx512(a.Indices, a.Values, b.Indices, b.Values));
                ok &= Close(CosineSimilarity.DotAvx512(b.Indices, b.Values, a.Indices, a.Values));
            }

            return ok && CosineSimilarity.Dot(b, a) == reference && Math.Abs(reference - InOrder(a, b)) <= 1e-9 * Math.Max(1, Math.Abs(reference));
        }).QuickCheckThrowOnFailure();

        static SparseVector Shift(SparseVector v, int offset) =>
            new([.. v.Indices.ToArray().Select(id => id + offset)], v.Values);
    }

    [Fact]
    public void Dot_LanesNotInIdOrder_DifferFromOneChainButFollowTheDefinition()
    {
        // 1 + 2^-53 + 2^-53 is 1 added in one chain (each half ulp rounds to even) but 1 + 2^-52 when the two small
        // products sit in one lane (positions 1 and 17) and meet 1 (position 0) only in the tree: the order is the
        // lanes', not the ids'.
        int[] ids = [.. Enumerable.Range(0, 18)];
        float[] a = new float[18];
        a[0] = 1;
        a[1] = MathF.Pow(2, -27);
        a[17] = MathF.Pow(2, -27);
        float[] b = new float[18];
        b[0] = 1;
        b[1] = MathF.Pow(2, -26);
        b[17] = MathF.Pow(2, -26);
        var x = new SparseVector(ids, a);
        var y = new SparseVector(ids, b);
        Assert.Equal(1.0, InOrder(x, y));
        Assert.Equal(1 + Math.Pow(2, -52), CosineSimilarity.Dot(x, y));
        Assert.Equal(Definition(y, x), CosineSimilarity.Dot(x, y));
        Assert.Equal(Definition(x, y), CosineSimilarity.DotScalarLanes(x.Indices, x.Values, y.Indices, y.Values));
    }

    [Fact]
    public void Dot_MismatchedSpans_Throws()
    {
        Assert.Throws<ArgumentException>(() => CosineSimilarity.Dot([1, 2], [1f], [1], [1f]));
    }

    [Fact]
    public void SparseVector_UnsortedIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SparseVector([2, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], [float.NaN]));
    }

    [Fact]
    public void SparseVector_Indexer_FindsWeightOrZero()
    {
        var v = new SparseVector([2, 5, 9], [0.5f, 1.5f, 2.5f]);
        Assert.Equal(1.5f, v[5]);
        Assert.Equal(0f, v[4]);
        Assert.Equal(Math.Sqrt(0.25 + 2.25 + 6.25), v.Norm, 6);
    }

    // The lanes' definition: 16 lanes by position in a, then the fixed tree (the public Dot(x, y) is Definition(y, x)).
    private static double Definition(SparseVector a, SparseVector b)
    {
        var lanes = new double[16];
        for (int i = 0; i < a.Count; i++)
        {
            int j = b.Indices.IndexOf(a.Indices[i]);
            if (j >= 0)
            {
                lanes[i % 16] += (double)a.Values[i] * b.Values[j];
            }
        }

        double[] s = [.. Enumerable.Range(0, 8).Select(k => lanes[k] + lanes[k + 8])];
        double[] t = [.. Enumerable.Range(0, 4).Select(k => s[k] + s[k + 4])];
        return (t[0] + t[2]) + (t[1] + t[3]);
    }

    // The products added in id order, one chain: the same value to rounding.
    private static double InOrder(SparseVector a, SparseVector b)
    {
        double sum = 0;
        for (int i = 0; i < a.Count; i++)
        {
            int j = b.Indices.IndexOf(a.Indices[i]);
            sum += j >= 0 ? (double)a.Values[i] * b.Values[j] : 0;
        }

        return sum;
    }
}
