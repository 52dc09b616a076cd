using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Vectors;

/// <summary>Dot products and cosines of <see cref="SparseVector"/>s by merge-join over their sorted term ids.</summary>
/// <remarks>
/// <para>
/// The scalar merge-join walks both id arrays once: O(|a| + |b|), no allocation, no dictionary. The vector paths
/// walk blocks of ids instead (block merge-join, as in Schlegel, Willhalm and Lehner, "Fast Sorted-Set
/// Intersection using SIMD Instructions", ADMS 2011): each id of one block is broadcast and compared with every
/// id of the other block, and the block whose last id is smaller advances (both on a tie), so every pair of
/// overlapping blocks is compared exactly once and the walk has no data-dependent branch inside a block (a
/// scalar merge mispredicts about every other step on interleaved ids). Since ids are unique, each lane of the
/// first block equals at most one id of the second, so the matching weight is picked with an AND and an OR per
/// compare. The public path (<see cref="Dot(ReadOnlySpan{int}, ReadOnlySpan{float}, ReadOnlySpan{int}, ReadOnlySpan{float})"/>,
/// <see cref="Compute"/>) sums in one order on every CPU: each match's exact double-precision product goes to a
/// lane given by its position in the second vector modulo 16, and the 16 lanes are added in a fixed tree. The
/// 16 × 16 AVX-512 walk (compares into mask registers, masked ORs, the last partial block loaded masked) keeps
/// exactly those lanes in registers; without AVX-512 (or with <c>DOTNET_EnableHWIntrinsic=0</c>) the scalar
/// merge-join adds into the same 16 lanes, so the result is the same bits everywhere (sums whose order followed
/// the vector width differed in the last bits and turned near-ties in clustering).
/// </para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
public static class CosineSimilarity
{
    private const int Block512 = 16;

    /// <summary>The number of partial sums of the public dot product (<see cref="DotScalarLanes"/>).</summary>
    internal const int Lanes = 16;

    /// <summary>The cosine of the angle between two vectors: dot(a, b) / (|a| |b|).</summary>
    /// <param name="a">A vector.</param>
    /// <param name="b">Another vector.</param>
    /// <returns>
    /// The cosine, clamped to [-1, 1] against rounding; 0 when either vector has no non-zero weight. For vectors
    /// with non-negative weights (TF-IDF) it lies in [0, 1]; a non-empty vector with itself gives exactly 1.
    /// </returns>
    /// <exception cref="ArgumentNullException">A vector is <see langword="null"/>.</exception>
    public static double Compute(SparseVector a, SparseVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double denominator = a.Norm * b.Norm;
        if (denominator == 0)
        {
            return 0;
        }

        if (ReferenceEquals(a, b))
        {
            return 1;
        }

        double cosine = Dot(a.Indices, a.Values, b.Indices, b.Values) / denominator;
        return Math.Clamp(cosine, -1.0, 1.0);
    }

    /// <summary>The dot product of two vectors.</summary>
    /// <param name="a">A vector.</param>
    /// <param name="b">Another vector.</param>
    /// <returns>The sum of the products of the weights of the ids both vectors hold.</returns>
    /// <exception cref="ArgumentNullException">A vector is <see langword="null"/>.</exception>
    public static double Dot(SparseVector a, SparseVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Dot(a.Indices, a.Values, b.Indices, b.Values);
    }

    /// <summary>The dot product of two sparse vectors given as sorted parallel spans (the span-first core).</summary>
    /// <param name="aIndices">Strictly increasing ids of the first vector.</param>
    /// <param name="aValues">Its weights.</param>
    /// <param name="bIndices">Strictly increasing ids of the second vector.</param>
    /// <param name="bValues">Its weights.</param>
    /// <returns>The dot product. Unsorted ids give an unspecified result.</returns>
    /// <exception cref="ArgumentException">An id span and its weight span differ in length.</exception>
    public static double Dot(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
    {
        if (aIndices.Length != aValues.Length)
        {
            throw new ArgumentException("aIndices and aValues must have the same length.", nameof(aValues));
        }

        if (bIndices.Length != bValues.Length)
        {
            throw new ArgumentException("bIndices and bValues must have the same length.", nameof(bValues));
        }

        // One sum on every CPU (see DotScalarLanes): the AVX-512 block merge-join where the machine has it, else the
        // scalar merge-join, both adding each product to the lane of its position in b modulo 16 (b goes first) and
        // then the lanes in one fixed tree, so the result is the same bits with or without hardware intrinsics.
        return Avx512F.IsSupported ? DotAvx512Lanes(bIndices, bValues, aIndices, aValues) : DotScalarLanes(bIndices, bValues, aIndices, aValues);
    }

    /// <summary>
    /// The reference of the public dot product (which passes its second vector as <paramref name="ai"/>), which every
    /// path gives bit for bit: the exact double-precision product of each match (a product of two floats is exact in
    /// double precision) is added to lane (its position in <paramref name="ai"/>) mod <see cref="Lanes"/>, in order of
    /// position, and the lanes are then added in the fixed tree of <see cref="ReduceLanes"/>. A sum over the second
    /// vector's entries in order can so follow it term by term (the clusterer's look-ups in a dense copy do). The AVX-512 walk keeps exactly these lanes in two
    /// registers (blocks of 16 start at multiples of 16); 16 independent sums also break the scalar loop's chain of
    /// dependent additions.
    /// </summary>
    internal static double DotScalarLanes(ReadOnlySpan<int> ai, ReadOnlySpan<float> aw, ReadOnlySpan<int> bi, ReadOnlySpan<float> bw)
    {
        Span<double> lanes = stackalloc double[Lanes];
        lanes.Clear();
        MergeIntoLanes(ai, aw, bi, bw, 0, 0, lanes);
        return ReduceLanes(lanes);
    }

    // The scalar merge-join from (i, j), each product added to lane i mod 16.
    private static void MergeIntoLanes(ReadOnlySpan<int> ai, ReadOnlySpan<float> aw, ReadOnlySpan<int> bi, ReadOnlySpan<float> bw, int i, int j, Span<double> lanes)
    {
        while (i < ai.Length && j < bi.Length)
        {
            int x = ai[i];
            int y = bi[j];
            if (x < y)
            {
                i++;
            }
            else if (x > y)
            {
                j++;
            }
            else
            {
                lanes[i & (Lanes - 1)] += (double)aw[i] * bw[j];
                i++;
                j++;
            }
        }
    }

    /// <summary>
    /// The lanes' total in one fixed tree: lane k plus lane k + 8, then k plus k + 4, then k plus k + 2, then the two
    /// (what halving a 512-bit register of doubles three times and adding the last two does).
    /// </summary>
    internal static double ReduceLanes(ReadOnlySpan<double> lanes)
    {
        Span<double> s = stackalloc double[8];
        for (int k = 0; k < 8; k++)
        {
            s[k] = lanes[k] + lanes[k + 8];
        }

        for (int k = 0; k < 4; k++)
        {
            s[k] += s[k + 4];
        }

        return (s[0] + s[2]) + (s[1] + s[3]);
    }

    internal static double ComputeExact(SparseVector a, SparseVector b)
    {
        double denominator = a.Norm * b.Norm;
        if (denominator == 0)
        {
            return 0;
        }

        if (ReferenceEquals(a, b))
        {
            return 1;
        }

        // The public path: the same bits on every CPU (the AVX-512 double walk sums per lane, which differs in the
        // last bits from the scalar path used without it).
        double dot = Dot(a.Indices, a.Values, b.Indices, b.Values);
        return Math.Clamp(dot / denominator, -1.0, 1.0);
    }

    /// <summary>The 16 × 16 AVX-512 block merge-join, single-precision sums (internal for the tests that compare it with the reference).</summary>
    internal static double DotAvx512(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues) =>
        DotAvx512<SingleSums>(aIndices, aValues, bIndices, bValues);

    /// <summary>
    /// The public dot product on AVX-512: the 16 × 16 block merge-join summing in double precision per lane, a block
    /// of a starting at a multiple of 16, so lane k holds the products of a's positions k mod 16 in order of position
    /// (a product with a lane that matched nothing adds an exact zero): the sum of <see cref="DotScalarLanes"/>, bit
    /// for bit.
    /// </summary>
    internal static double DotAvx512Lanes(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues) =>
        DotAvx512<DoubleSums>(aIndices, aValues, bIndices, bValues);

    // TSums is a struct, so each instantiation is compiled on its own with the additions inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe double DotAvx512<TSums>(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
        where TSums : struct, ISums512
    {
        int aFull = aIndices.Length & ~(Block512 - 1);
        int bFull = bIndices.Length & ~(Block512 - 1);
        fixed (int* ai = aIndices)
        fixed (float* aw = aValues)
        fixed (int* bi = bIndices)
        fixed (float* bw = bValues)
        {
            // Pinned: the last partial block is read with masked (fault-suppressing) loads, which take pointers.
            TSums sums = default;
            int i = 0, j = 0;
            if (aFull > 0 && bFull > 0)
            {
                MergeBlocks512(ai, aw, aFull, bi, bw, bFull, out i, out j, ref sums);
            }

            if (i < aIndices.Length && j < bIndices.Length)
            {
                if (i == aFull)
                {
                    // a's last, partial block (its lanes are still its positions mod 16) against the rest of b.
                    LastBlock512(ai + i, aw + i, aIndices.Length - i, bi, bw, j, bFull, bIndices.Length, ref sums);
                }
                else
                {
                    // b has fewer than 16 ids left: a's blocks are still the lanes, each picking among those few.
                    FewLeft512(ai, aw, i, aFull, aIndices.Length, bi + j, bw + j, bIndices.Length - j, ref sums);
                }
            }

            return sums.Total();
        }
    }

    // a's blocks from i (full ones up to aFull, then the partial one, loaded masked) against the count (< 16) ids
    // other holds, while a block can still meet them.
    private static unsafe void FewLeft512<TSums>(int* ai, float* aw, int i, int aFull, int aLength, int* other, float* otherWeights, int count, ref TSums sums)
        where TSums : struct, ISums512
    {
        int last = other[count - 1];
        for (; i < aFull && ai[i] <= last; i += Block512)
        {
            sums.Add(Vector512.Load(aw + i), PickFew(Vector512.Load(ai + i), other, otherWeights, count));
        }

        if (i == aFull && i < aLength && ai[i] <= last)
        {
            Vector512<int> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(aLength - i));
            Vector512<int> block = Avx512F.MaskLoad(ai + i, lanes, Vector512<int>.Zero);
            sums.Add(Avx512F.MaskLoad(aw + i, lanes.AsSingle(), Vector512<float>.Zero), PickFew(block, other, otherWeights, count));
        }

        static Vector512<float> PickFew(Vector512<int> ids, int* other, float* otherWeights, int count)
        {
            Vector512<float> picked = Vector512<float>.Zero;
            for (int k = 0; k < count; k++)
            {
                picked = Pick(ids, other[k], otherWeights[k], picked);
            }

            return picked;
        }
    }

    /// <summary>Sums of weights · picked over 16 lanes.</summary>
    private interface ISums512
    {
        void Add(Vector512<float> weights, Vector512<float> picked);

        double Total();
    }

    // One fused multiply-add per block in single precision, lanes reduced in double (for scale: not the public path).
    private struct SingleSums : ISums512
    {
        private Vector512<float> _sum;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector512<float> weights, Vector512<float> picked) => _sum = Vector512.FusedMultiplyAdd(weights, picked, _sum);

        public readonly double Total() => Vector512.Sum(Vector512.WidenLower(_sum) + Vector512.WidenUpper(_sum));
    }

    // Products widened and summed in double precision, as the scalar reference sums.
    private struct DoubleSums : ISums512
    {
        private Vector512<double> _low;
        private Vector512<double> _high;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector512<float> weights, Vector512<float> picked)
        {
            _low = Vector512.FusedMultiplyAdd(Vector512.WidenLower(weights), Vector512.WidenLower(picked), _low);
            _high = Vector512.FusedMultiplyAdd(Vector512.WidenUpper(weights), Vector512.WidenUpper(picked), _high);
        }

        // The fixed tree of ReduceLanes (Vector512.Sum leaves its order to the implementation).
        public readonly double Total()
        {
            Vector512<double> lanes = _low + _high;
            Vector256<double> quarter = lanes.GetLower() + lanes.GetUpper();
            Vector128<double> half = quarter.GetLower() + quarter.GetUpper();
            return half.ToScalar() + half.GetElement(1);
        }
    }

    // Full 16-id blocks of both sides (each has at least one) until one side has none left; i and j say where.
    private static unsafe void MergeBlocks512<TSums>(int* ai, float* aw, int aEnd, int* bi, float* bw, int bEnd, out int i, out int j, ref TSums sums)
        where TSums : struct, ISums512
    {
        TSums local = sums;
        int x = 0, y = 0;

        // The last ids of the current blocks are carried in registers, and those of the next blocks are loaded a
        // step ahead (clamped inside the arrays), so the advance waits on a compare, not on a load that depends on
        // the advance just made: the loop-carried chain is a few cycles instead of a load latency per step.
        int aLast = ai[Block512 - 1];
        int bLast = bi[Block512 - 1];
        int aLimit = aEnd - 1;
        int bLimit = bEnd - 1;
        while (true)
        {
            int aAhead = x + (2 * Block512) - 1 - aLimit;
            int bAhead = y + (2 * Block512) - 1 - bLimit;
            int aNext = ai[aLimit + (aAhead & (aAhead >> 31))];
            int bNext = bi[bLimit + (bAhead & (bAhead >> 31))];
            Vector512<float> picked = Pick16(Vector512.Load(ai + x), bi + y, bw + y);
            local.Add(Vector512.Load(aw + x), picked);

            // Branch-free advance: the block with the smaller last id is exhausted (both on a tie).
            int advanceA = aLast <= bLast ? 1 : 0;
            int advanceB = bLast <= aLast ? 1 : 0;
            x += advanceA * Block512;
            y += advanceB * Block512;
            aLast += (aNext - aLast) & -advanceA;
            bLast += (bNext - bLast) & -advanceB;
            if (x >= aEnd || y >= bEnd)
            {
                i = x;
                j = y;
                sums = local;
                return;
            }
        }
    }

    // Per lane of ids, the weight of the one id among the 16 at other that equals it, or 0. Ids are unique, so a
    // masked OR selects (the weights of other ids never mix into a lane); two chains halve the OR latency.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> Pick16(Vector512<int> ids, int* other, float* otherWeights)
    {
        // Written out: the JIT does not unroll the loop, and its counter and branch would cost as much as the picks.
        Vector512<float> even = Pick(ids, other[0], otherWeights[0], Vector512<float>.Zero);
        Vector512<float> odd = Pick(ids, other[1], otherWeights[1], Vector512<float>.Zero);
        even = Pick(ids, other[2], otherWeights[2], even);
        odd = Pick(ids, other[3], otherWeights[3], odd);
        even = Pick(ids, other[4], otherWeights[4], even);
        odd = Pick(ids, other[5], otherWeights[5], odd);
        even = Pick(ids, other[6], otherWeights[6], even);
        odd = Pick(ids, other[7], otherWeights[7], odd);
        even = Pick(ids, other[8], otherWeights[8], even);
        odd = Pick(ids, other[9], otherWeights[9], odd);
        even = Pick(ids, other[10], otherWeights[10], even);
        odd = Pick(ids, other[11], otherWeights[11], odd);
        even = Pick(ids, other[12], otherWeights[12], even);
        odd = Pick(ids, other[13], otherWeights[13], odd);
        even = Pick(ids, other[14], otherWeights[14], even);
        odd = Pick(ids, other[15], otherWeights[15], odd);
        return even | odd;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Pick(Vector512<int> ids, int id, float weight, Vector512<float> picked) =>
        Vector512.ConditionalSelect(Vector512.Equals(ids, Vector512.Create(id)).AsSingle(), picked | Vector512.Create(weight), picked);

    // A partial block (count < 16 entries at ids, loaded masked: missing lanes hold id 0 with weight 0, so a
    // match there adds 0) against the other side from `from` up to the block's last id. Each lane matches at most
    // one id over the whole walk, so the picks are ORed together and multiplied once.
    private static unsafe void LastBlock512<TSums>(int* ids, float* weights, int count, int* other, float* otherWeights, int from, int otherFull, int otherLength, ref TSums sums)
        where TSums : struct, ISums512
    {
        Vector512<int> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count));
        Vector512<int> block = Avx512F.MaskLoad(ids, lanes, Vector512<int>.Zero);
        Vector512<float> blockWeights = Avx512F.MaskLoad(weights, lanes.AsSingle(), Vector512<float>.Zero);
        int last = ids[count - 1];
        Vector512<float> picked = Vector512<float>.Zero;
        int k = from;
        for (; k < otherFull && other[k] <= last; k += Block512)
        {
            picked |= Pick16(block, other + k, otherWeights + k);
        }

        for (; k < otherLength && other[k] <= last; k++)
        {
            picked = Pick(block, other[k], otherWeights[k], picked);
        }

        sums.Add(blockWeights, picked);
    }
}
