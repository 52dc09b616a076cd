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
    public void Dot_VectorPath_IsBitForBitTheScalarReference_Property()
    {
        // The same bits with and without hardware intrinsics: a cosine that differs in its last bit can turn a near-tie
        // in clustering the other way, and the report with it.
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            SparseVector a = RandomVectors.Vector(random, 300, 600);
            SparseVector b = random.Next(2) == 0 ? RandomVectors.Perturb(random, a, 600) : RandomVectors.Vector(random, 300, 600);
            double reference = CosineSimilarity.DotScalar(a.Indices, a.Values, b.Indices, b.Values, 0, 0, 0);
            double referenceBA = CosineSimilarity.DotScalar(b.Indices, b.Values, a.Indices, a.Values, 0, 0, 0);
            return CosineSimilarity.Dot(a, b) == reference && CosineSimilarity.Dot(b, a) == referenceBA
                && CosineSimilarity.ComputeExact(a, b) == CosineSimilarity.Compute(a, b);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Dot_EachVectorPath_EqualsScalarReference_Property()
    {
        // Every fast path the machine has, called directly (Dot only takes the widest), on lengths around the block
        // sizes, near-copies (many matches, blocks tied), and ids at the top of the int range, where the masked
        // last block and the block ends meet int.MaxValue.
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

            double reference = CosineSimilarity.DotScalar(a.Indices, a.Values, b.Indices, b.Values, 0, 0, 0);
            bool Close(double fast) => Math.Abs(fast - reference) <= 1e-5 * Math.Max(1, Math.Abs(reference));
            bool ok = true;
            if (Avx512F.IsSupported && a.Count >= 16 && b.Count >= 16)
            {
                ok &= Close(CosineSimilarity.DotAvx512(a.Indices, a.Values, b.Indices, b.Values));
                ok &= Close(CosineSimilarity.DotAvx512(b.Indices, b.Values, a.Indices, a.Values));
                ok &= Close(CosineSimilarity.DotAvx512Exact(a.Indices, a.Values, b.Indices, b.Values));
            }

            if (Avx2.IsSupported && a.Count >= 8 && b.Count >= 8)
            {
                ok &= CosineSimilarity.DotAvx2(a.Indices, a.Values, b.Indices, b.Values) == reference;
            }

            double exact = CosineSimilarity.ComputeExact(a, b) * a.Norm * b.Norm;
            return ok && Close(CosineSimilarity.Dot(a, b)) && Math.Abs(exact - reference) <= 1e-9 * Math.Max(1, Math.Abs(reference));
        }).QuickCheckThrowOnFailure();

        static SparseVector Shift(SparseVector v, int offset) =>
            new([.. v.Indices.ToArray().Select(id => id + offset)], v.Values);
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
}
