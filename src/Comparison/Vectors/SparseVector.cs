using System.Runtime.CompilerServices;

namespace Comparison.Vectors;

/// <summary>
/// An immutable sparse vector: strictly increasing term ids and their weights, held as two parallel arrays.
/// </summary>
/// <remarks>
/// <para>
/// This is the representation every similarity in <see cref="Comparison.Vectors"/> works on: dot products and
/// cosines walk two vectors' sorted ids together (a merge-join), so no dictionary is built per document.
/// Weights are single precision (what a TF-IDF weight needs, half the memory of <see cref="double"/>);
/// sums are accumulated in single precision per SIMD lane and reduced in double precision.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class SparseVector
{
    private readonly int[] _indices;
    private readonly float[] _values;

    /// <summary>Creates a vector from term ids and weights; both spans are copied.</summary>
    /// <param name="indices">Strictly increasing, non-negative term ids.</param>
    /// <param name="values">One finite weight per id.</param>
    /// <exception cref="ArgumentException">
    /// The spans differ in length, an id is negative or not greater than the one before it, or a weight is not finite.
    /// </exception>
    public SparseVector(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length)
        {
            throw new ArgumentException($"indices ({indices.Length}) and values ({values.Length}) must have the same length.", nameof(values));
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1]))
            {
                throw new ArgumentException($"indices must be non-negative and strictly increasing; position {i} holds {indices[i]}.", nameof(indices));
            }

            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"values must be finite; position {i} holds {values[i]}.", nameof(values));
            }
        }

        _indices = indices.ToArray();
        _values = values.ToArray();
        Norm = ComputeNorm(_values);
    }

    // Takes ownership of arrays the caller built sorted and valid (no copy, no check).
    private SparseVector(int[] indices, float[] values)
    {
        _indices = indices;
        _values = values;
        Norm = ComputeNorm(values);
    }

    /// <summary>The vector with no entries.</summary>
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>The number of stored entries (non-zero terms).</summary>
    public int Count => _indices.Length;

    /// <summary>The term ids, strictly increasing.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The weights, parallel to <see cref="Indices"/>.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The Euclidean (L2) norm, computed once in double precision.</summary>
    public double Norm { get; }

    /// <summary>The weight of a term id, or 0 when the vector does not hold it (binary search).</summary>
    /// <param name="index">A term id.</param>
    /// <returns>The weight.</returns>
    public float this[int index]
    {
        get
        {
            int at = Array.BinarySearch(_indices, index);
            return at >= 0 ? _values[at] : 0f;
        }
    }

    /// <summary>Whether the two vectors hold exactly the same ids and weights.</summary>
    /// <param name="other">The other vector.</param>
    /// <returns><see langword="true"/> when equal entry by entry.</returns>
    public bool SequenceEqual(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _indices.AsSpan().SequenceEqual(other._indices) && _values.AsSpan().SequenceEqual(other._values);
    }

    /// <summary>Wraps arrays without copying; the caller guarantees sorted unique ids and finite weights and gives the arrays up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static SparseVector FromTrusted(int[] indices, float[] values) => new(indices, values);

    private static double ComputeNorm(float[] values)
    {
        double sum = 0;
        foreach (float v in values)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum);
    }
}
