namespace Comparison.Vectors;

/// <summary>The full, symmetric matrix of cosine similarities of a small corpus (for a heatmap or a report).</summary>
/// <remarks>
/// Holds n² doubles: meant for up to a few thousand documents; use <see cref="AllPairs"/> beyond that.
/// Rows are computed in parallel; every cell is <see cref="CosineSimilarity.Compute"/> of the lower and the higher
/// position, in that order, so the matrix is exactly symmetric and never depends on thread scheduling.
/// Immutable and thread-safe once computed.
/// </remarks>
public sealed class SimilarityMatrix
{
    private readonly double[] _cells;

    private SimilarityMatrix(int count, double[] cells)
    {
        Count = count;
        _cells = cells;
    }

    /// <summary>The number of rows (and columns).</summary>
    public int Count { get; }

    /// <summary>The similarity of two positions; 1 on the diagonal for a vector with a non-zero weight, 0 for one without.</summary>
    /// <param name="row">A position, 0 ≤ row &lt; <see cref="Count"/>.</param>
    /// <param name="column">A position, 0 ≤ column &lt; <see cref="Count"/>.</param>
    /// <returns>The cosine similarity.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Count, nameof(column));
            return _cells[(row * Count) + column];
        }
    }

    /// <summary>One row of the matrix.</summary>
    /// <param name="row">A position, 0 ≤ row &lt; <see cref="Count"/>.</param>
    /// <returns>The similarities of that vector to every vector, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the matrix.</exception>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        return _cells.AsSpan(row * Count, Count);
    }

    /// <summary>Computes the matrix of a corpus.</summary>
    /// <param name="vectors">The vectors, in the order of the rows.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">More than 46,340 vectors (the matrix would not fit one array).</exception>
    public static SimilarityMatrix Compute(IReadOnlyList<SparseVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 46_340, nameof(vectors));
        for (int i = 0; i < n; i++)
        {
            if (vectors[i] is null)
            {
                throw new ArgumentNullException(nameof(vectors), $"vectors[{i}] is null.");
            }
        }

        var cells = new double[n * n];
        Parallel.For(0, n, i =>
        {
            cells[(i * n) + i] = vectors[i].Norm > 0 ? 1 : 0;
            for (int j = i + 1; j < n; j++)
            {
                double s = CosineSimilarity.Compute(vectors[i], vectors[j]);
                cells[(i * n) + j] = s;
                cells[(j * n) + i] = s;
            }
        });
        return new SimilarityMatrix(n, cells);
    }
}
