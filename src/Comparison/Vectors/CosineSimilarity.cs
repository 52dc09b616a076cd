using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// compare. The 8 × 8 AVX2 walk adds the exact double-precision products of its matches in id order, as the scalar
/// merge-join does (the same bits); the 16 × 16 AVX-512 walk (compares into mask registers, masked ORs, the last
/// partial block loaded masked) sums per lane and agrees with it to rounding only. The public path
/// (<see cref="Dot(ReadOnlySpan{int}, ReadOnlySpan{float}, ReadOnlySpan{int}, ReadOnlySpan{float})"/>,
/// <see cref="Compute"/>) is the scalar merge-join, so its result is the same bits on every CPU and with
/// <c>DOTNET_EnableHWIntrinsic=0</c>: per-lane sums differed in the last bits and turned near-ties in clustering.
/// </para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
public static class CosineSimilarity
{
    private const int Block512 = 16;

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

        // The scalar merge-join on every CPU, so the result is the same bits with or without hardware intrinsics. The
        // vector walks sum per lane (AVX-512) or, summing in the scalar order (AVX2), measured slower than the scalar
        // merge-join itself (CosineBenchmarks, benchmarks/README.md), so neither serves the public path.
        return DotScalar(aIndices, aValues, bIndices, bValues, 0, 0, 0);
    }

    /// <summary>The scalar reference merge-join; also finishes the tails of the vector path.</summary>
    internal static double DotScalar(ReadOnlySpan<int> ai, ReadOnlySpan<float> aw, ReadOnlySpan<int> bi, ReadOnlySpan<float> bw, int i, int j, double sum)
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
                sum += (double)aw[i] * bw[j];
                i++;
                j++;
            }
        }

        return sum;
    }

    /// <summary>The 8 × 8 AVX2 block merge-join (internal for the tests that compare it with the reference).</summary>
    [SkipLocalsInit]
    internal static double DotAvx2(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
    {
        ref int ai = ref MemoryMarshal.GetReference(aIndices);
        ref float aw = ref MemoryMarshal.GetReference(aValues);
        ref int bi = ref MemoryMarshal.GetReference(bIndices);
        ref float bw = ref MemoryMarshal.GetReference(bValues);
        int aLimit = aIndices.Length - 8;
        int bLimit = bIndices.Length - 8;
        int i = 0, j = 0;
        double sum = 0;

        // The picked weights of a block with matches, read lane by lane from memory (a variable-index GetElement on
        // the register was several times slower than the whole scalar merge-join).
        Span<float> lanes = stackalloc float[8];
        ref float lane0 = ref MemoryMarshal.GetReference(lanes);

        // The last ids of the current blocks are carried in registers and those of the next blocks loaded a step
        // ahead (clamped inside the spans), so the branch-free advance waits on a compare, not on a load.
        int aLast = Unsafe.Add(ref ai, 7);
        int bLast = Unsafe.Add(ref bi, 7);
        while (true)
        {
            int aNext = Unsafe.Add(ref ai, Math.Min(i + 8, aLimit) + 7);
            int bNext = Unsafe.Add(ref bi, Math.Min(j + 8, bLimit) + 7);
            Vector256<int> ids = Vector256.LoadUnsafe(ref ai, (nuint)i);
            ref int bIds = ref Unsafe.Add(ref bi, j);
            ref float bWeights = ref Unsafe.Add(ref bw, j);

            // Per lane, the weight of the one id of the other block equal to it, or 0: ids are unique, so ORing the
            // masked broadcast weights selects (a tree of ORs, not a chain of compares and branches).
            Vector256<float> picked = (Pick(ids, ref bIds, ref bWeights, 0) | Pick(ids, ref bIds, ref bWeights, 1))
                | (Pick(ids, ref bIds, ref bWeights, 2) | Pick(ids, ref bIds, ref bWeights, 3));
            picked |= (Pick(ids, ref bIds, ref bWeights, 4) | Pick(ids, ref bIds, ref bWeights, 5))
                | (Pick(ids, ref bIds, ref bWeights, 6) | Pick(ids, ref bIds, ref bWeights, 7));

            // The products are added one by one in lane order, in double precision, where the scalar merge-join adds
            // them: every match of this block comes after those of earlier blocks and before those of later ones, so
            // the sum is bit for bit the reference's, whatever the vector width (per-lane float sums differed in the
            // last bits from the scalar path, and near-ties in clustering then went the other way without
            // hardware intrinsics). A lane whose picked weight is zero adds nothing.
            uint hits = ~Vector256.Equals(picked, Vector256<float>.Zero).ExtractMostSignificantBits() & 0xFF;
            if (hits != 0)
            {
                picked.StoreUnsafe(ref lane0);
                ref float aBlock = ref Unsafe.Add(ref aw, i);
                do
                {
                    int lane = BitOperations.TrailingZeroCount(hits);
                    hits &= hits - 1;
                    sum += (double)Unsafe.Add(ref aBlock, lane) * Unsafe.Add(ref lane0, lane);
                }
                while (hits != 0);
            }

            // The block with the smaller last id is exhausted (both on a tie).
            int advanceA = aLast <= bLast ? 1 : 0;
            int advanceB = bLast <= aLast ? 1 : 0;
            i += advanceA << 3;
            j += advanceB << 3;
            aLast += (aNext - aLast) & -advanceA;
            bLast += (bNext - bLast) & -advanceB;
            if (i > aLimit || j > bLimit)
            {
                break;
            }
        }

        return DotScalar(aIndices, aValues, bIndices, bValues, i, j, sum);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector256<float> Pick(Vector256<int> ids, ref int bIds, ref float bWeights, int k) =>
            Vector256.Equals(ids, Vector256.Create(Unsafe.Add(ref bIds, k))).AsSingle() & Vector256.Create(Unsafe.Add(ref bWeights, k));
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

    /// <summary>The 16 × 16 AVX-512 block merge-join, double-precision sums (internal for the tests).</summary>
    internal static double DotAvx512Exact(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues) =>
        DotAvx512<DoubleSums>(aIndices, aValues, bIndices, bValues);

    // TSums is a struct, so each instantiation is compiled on its own with the additions inlined.
    private static unsafe double DotAvx512<TSums>(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
        where TSums : struct, ISums512
    {
        int aFull = aIndices.Length & ~(Block512 - 1);
        int bFull = bIndices.Length & ~(Block512 - 1);

        // Pinned: the last partial block is read with masked (fault-suppressing) loads, which take pointers.
        fixed (int* ai = aIndices)
        fixed (float* aw = aValues)
        fixed (int* bi = bIndices)
        fixed (float* bw = bValues)
        {
            TSums sums = default;
            MergeBlocks512(ai, aw, aFull, bi, bw, bFull, out int i, out int j, ref sums);
            if (i < aIndices.Length && j < bIndices.Length)
            {
                // One side has no full block left: its remainder (fewer than 16) meets the rest of the other side.
                if (i == aFull)
                {
                    LastBlock512(ai + i, aw + i, aIndices.Length - i, bi, bw, j, bFull, bIndices.Length, ref sums);
                }
                else
                {
                    LastBlock512(bi + j, bw + j, bIndices.Length - j, ai, aw, i, aFull, aIndices.Length, ref sums);
                }
            }

            return sums.Total();
        }
    }

    /// <summary>Sums of weights · picked over 16 lanes.</summary>
    private interface ISums512
    {
        void Add(Vector512<float> weights, Vector512<float> picked);

        double Total();
    }

    // One fused multiply-add per block, lanes reduced in double precision (the speed of the public path).
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

        public readonly double Total() => Vector512.Sum(_low + _high);
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
