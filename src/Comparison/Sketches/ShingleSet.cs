using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Comparison.Sketches;

/// <summary>
/// A set of shingle hashes held sorted and without duplicates, for exact Jaccard similarity: the ground truth
/// that MinHash estimates, used to verify candidate pairs and in tests.
/// </summary>
/// <remarks>Immutable and thread-safe. Creating costs O(n log n); <see cref="Jaccard(ShingleSet)"/> is a merge in O(n + m).</remarks>
public sealed class ShingleSet
{
    private readonly ulong[] _items;

    private ShingleSet(ulong[] items) => _items = items;

    /// <summary>The empty set.</summary>
    public static ShingleSet Empty { get; } = new([]);

    /// <summary>The number of distinct shingle hashes.</summary>
    public int Count => _items.Length;

    /// <summary>The distinct shingle hashes in ascending order.</summary>
    public ImmutableArray<ulong> Items => ImmutableCollectionsMarshal.AsImmutableArray(_items);

    /// <summary>Creates a set from shingle hashes in any order, with or without duplicates.</summary>
    /// <param name="shingleHashes">The hashes.</param>
    /// <returns>The set.</returns>
    public static ShingleSet Create(ReadOnlySpan<ulong> shingleHashes)
    {
        if (shingleHashes.IsEmpty)
        {
            return Empty;
        }

        ulong[] items = shingleHashes.ToArray();
        int n = SortDistinct(items);
        return new ShingleSet(n == items.Length ? items : items[..n]);
    }

    /// <summary>
    /// Creates a set from hashes the caller no longer needs: they are sorted in place and only the distinct ones
    /// copied, so a long document's hashes are not held a second time while the set is made.
    /// </summary>
    internal static ShingleSet CreateInPlace(Span<ulong> shingleHashes) =>
        shingleHashes.IsEmpty ? Empty : new ShingleSet(shingleHashes[..SortDistinct(shingleHashes)].ToArray());

    // Sorts the hashes and moves the distinct ones to the front; returns how many there are.
    private static int SortDistinct(Span<ulong> items)
    {
        items.Sort();
        int n = 1;
        for (int i = 1; i < items.Length; i++)
        {
            if (items[i] != items[n - 1])
            {
                items[n++] = items[i];
            }
        }

        return n;
    }

    /// <summary>The number of shingles the two sets share.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>|A ∩ B|.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public int IntersectionCount(ShingleSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ReadOnlySpan<ulong> a = _items, b = other._items;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            ulong x = a[i], y = b[j];
            shared += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }

        return shared;
    }

    /// <summary>The exact Jaccard similarity |A ∩ B| / |A ∪ B|; two empty sets share nothing (0), as MinHash estimates them.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The similarity in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public double Jaccard(ShingleSet other)
    {
        int shared = IntersectionCount(other);
        int union = _items.Length + other._items.Length - shared;
        return union == 0 ? 0.0 : (double)shared / union;
    }

    /// <summary>The exact Jaccard similarity of two collections of shingle hashes (duplicates ignored).</summary>
    /// <param name="a">The first collection.</param>
    /// <param name="b">The second collection.</param>
    /// <returns>The similarity in [0, 1]; two empty collections give 0.</returns>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => Create(a).Jaccard(Create(b));
}
