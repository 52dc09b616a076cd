using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Vectors;

/// <summary>Dot products and cosines of <see cref="SparseVector"/>s by merge-join over their sorted term ids.</summary>
/// <remarks>
/// <para>
/// The scalar merge-join walks both id arrays once: O(|a| + |b|), no allocation, no dictionary. With AVX2 the
/// walk goes eight ids at a time: each id of one block is broadcast and compared with the eight ids of the
/// other block, and the weights of matching lanes are multiplied and summed with a fused multiply-add. The
/// block whose last id is smaller advances (both on a tie), so every pair of overlapping blocks is compared
/// exactly once and the walk has no data-dependent branch inside a block (a scalar merge mispredicts about
/// every other step on interleaved ids). Results of the two paths agree to single-precision rounding.
/// </para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
public static class CosineSimilarity
{
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

        if (Avx2.IsSupported && Fma.IsSupported && aIndices.Length >= 8 && bIndices.Length >= 8)
        {
            return DotAvx2(aIndices, aValues, bIndices, bValues);
        }

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

    [SkipLocalsInit]
    private static double DotAvx2(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
    {
        ref int ai = ref MemoryMarshal.GetReference(aIndices);
        ref float aw = ref MemoryMarshal.GetReference(aValues);
        ref int bi = ref MemoryMarshal.GetReference(bIndices);
        ref float bw = ref MemoryMarshal.GetReference(bValues);
        int na = aIndices.Length - 8;
        int nb = bIndices.Length - 8;
        int i = 0, j = 0;
        Vector256<float> acc0 = Vector256<float>.Zero;
        Vector256<float> acc1 = Vector256<float>.Zero;
        while (i <= na && j <= nb)
        {
            Vector256<int> ids = Vector256.LoadUnsafe(ref ai, (nuint)i);
            Vector256<float> weights = Vector256.LoadUnsafe(ref aw, (nuint)i);
            ref int bIds = ref Unsafe.Add(ref bi, j);
            ref float bWeights = ref Unsafe.Add(ref bw, j);

            // Two accumulators halve the FMA dependency chain.
            acc0 = Step(ids, weights, ref bIds, ref bWeights, 0, acc0);
            acc1 = Step(ids, weights, ref bIds, ref bWeights, 1, acc1);
            acc0 = Step(ids, weights, ref bIds, ref bWeights, 2, acc0);
            acc1 = Step(ids, weights, ref bIds, ref bWeights, 3, acc1);
            acc0 = Step(ids, weights, ref bIds, ref bWeights, 4, acc0);
            acc1 = Step(ids, weights, ref bIds, ref bWeights, 5, acc1);
            acc0 = Step(ids, weights, ref bIds, ref bWeights, 6, acc0);
            acc1 = Step(ids, weights, ref bIds, ref bWeights, 7, acc1);

            int aLast = Unsafe.Add(ref ai, i + 7);
            int bLast = Unsafe.Add(ref bIds, 7);

            // Branch-free advance: the block with the smaller last id is exhausted.
            i += (aLast <= bLast ? 1 : 0) << 3;
            j += (bLast <= aLast ? 1 : 0) << 3;
        }

        Vector256<float> acc = acc0 + acc1;
        double sum = 0;
        for (int lane = 0; lane < Vector256<float>.Count; lane++)
        {
            sum += acc.GetElement(lane);
        }

        return DotScalar(aIndices, aValues, bIndices, bValues, i, j, sum);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector256<float> Step(Vector256<int> ids, Vector256<float> weights, ref int bIds, ref float bWeights, int k, Vector256<float> acc)
        {
            Vector256<float> equal = Vector256.Equals(ids, Vector256.Create(Unsafe.Add(ref bIds, k))).AsSingle();
            return Fma.MultiplyAdd(weights & equal, Vector256.Create(Unsafe.Add(ref bWeights, k)), acc);
        }
    }
}
