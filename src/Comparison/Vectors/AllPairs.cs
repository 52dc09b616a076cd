using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Comparison.Vectors;

/// <summary>
/// Every pair of a corpus of sparse vectors whose cosine similarity reaches a threshold, without computing all
/// n² products; and the k most similar vectors to each vector.
/// </summary>
/// <remarks>
/// <para>
/// The algorithm is All-Pairs of Bayardo, Ma and Srikant, "Scaling Up All Pairs Similarity Search" (WWW 2007),
/// with the tighter L2 bounds of Anastasiu and Karypis, "L2AP: Fast Cosine Similarity Search With Prefix L-2
/// Norm Bounds" (ICDE 2014). Vectors are scaled to unit length and their terms ordered from the most to the
/// least frequent in the corpus. Of each vector, only the suffix of rare terms is indexed: the frequent prefix
/// stays out as long as its largest possible contribution to any cosine, min(Σ wᵢ·maxᵢ, ‖prefix‖), is below the
/// threshold, so a pair that reaches the threshold always shares an indexed term. Each vector then probes the
/// index with its terms from the rarest; once the rest of its terms can no longer lift a new candidate to the
/// threshold, only candidates already found are updated. A candidate whose partial score plus the bound of its
/// unindexed prefix reaches the threshold is verified with <see cref="CosineSimilarity.Compute"/>, so the
/// pairs and similarities returned are exactly those a brute-force loop over all pairs returns.
/// </para>
/// <para>
/// The index is built once; the probes run in parallel over the vectors (each probing only the vectors before
/// it), and the output is sorted, so it never depends on thread scheduling. Memory: the index holds at most
/// the corpus' non-zero entries, plus one accumulator of n doubles per worker thread.
/// </para>
/// <para>
/// Weights must be non-negative (true of TF-IDF and counts): the pruning bounds assume it. Vectors with no
/// non-zero weight have similarity 0 with everything and appear in no pair.
/// </para>
/// </remarks>
public static class AllPairs
{
    // Slack on every pruning decision, far above the rounding of single-precision weights, so a pair that
    // verifies at the threshold is never pruned by a rounded bound.
    private const double Slack = 1e-5;

    /// <summary>Every pair of vectors whose cosine similarity is at least <paramref name="threshold"/>.</summary>
    /// <param name="vectors">The corpus; positions in this list identify the vectors in the result.</param>
    /// <param name="threshold">The least similarity reported, in (0, 1].</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The pairs, <see cref="SimilarPair.First"/> &lt; <see cref="SimilarPair.Second"/>, sorted by First then Second.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1].</exception>
    /// <exception cref="ArgumentException">A vector has a negative weight.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImmutableArray<SimilarPair> Find(IReadOnlyList<SparseVector> vectors, double threshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1].");
        }

        CheckVectors(vectors);
        int n = vectors.Count;
        if (n < 2)
        {
            return [];
        }

        var index = PrefixIndex.Build(vectors, threshold);
        var perVector = new SimilarPair[n][];
        ForEachVector(n, (probe, x) => perVector[x] = probe.Run(index, vectors, x, threshold), cancellationToken);

        // Pairs of vector x are (y, x) with y < x in increasing y; gather them and sort by (First, Second).
        int total = 0;
        foreach (SimilarPair[] pairs in perVector)
        {
            total += pairs.Length;
        }

        var result = new SimilarPair[total];
        int at = 0;
        foreach (SimilarPair[] pairs in perVector)
        {
            pairs.CopyTo(result, at);
            at += pairs.Length;
        }

        Array.Sort(result, static (p, q) => p.First != q.First ? p.First.CompareTo(q.First) : p.Second.CompareTo(q.Second));
        return ImmutableArray.Create(result);
    }

    /// <summary>For each vector, the <paramref name="k"/> most similar other vectors.</summary>
    /// <param name="vectors">The corpus.</param>
    /// <param name="k">How many neighbours per vector, at least 1.</param>
    /// <param name="minSimilarity">
    /// The least similarity a neighbour needs, in [0, 1]. Above 0 the search runs on <see cref="Find"/>'s pruned
    /// index and is fast; at 0 every vector sharing a term is scored (O(Σ df²), for small corpora).
    /// </param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>
    /// One list per input vector, in input order: up to k neighbours with similarity above 0 and at least
    /// <paramref name="minSimilarity"/>, by decreasing similarity, ties by increasing index.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1 or <paramref name="minSimilarity"/> is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">A vector has a negative weight.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImmutableArray<ImmutableArray<Neighbor>> FindTopK(IReadOnlyList<SparseVector> vectors, int k, double minSimilarity = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!(minSimilarity >= 0 && minSimilarity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minSimilarity), minSimilarity, "minSimilarity must be in [0, 1].");
        }

        int n = vectors.Count;
        var lists = new List<Neighbor>[n];
        for (int i = 0; i < n; i++)
        {
            lists[i] = [];
        }

        if (minSimilarity > 0)
        {
            foreach (SimilarPair pair in Find(vectors, minSimilarity, cancellationToken))
            {
                lists[pair.First].Add(new Neighbor(pair.Second, pair.Similarity));
                lists[pair.Second].Add(new Neighbor(pair.First, pair.Similarity));
            }
        }
        else
        {
            CheckVectors(vectors);
            Exhaustive(vectors, lists, cancellationToken);
        }

        var builder = ImmutableArray.CreateBuilder<ImmutableArray<Neighbor>>(n);
        foreach (List<Neighbor> list in lists)
        {
            list.Sort(static (p, q) => p.Similarity != q.Similarity ? q.Similarity.CompareTo(p.Similarity) : p.Index.CompareTo(q.Index));
            if (list.Count > k)
            {
                list.RemoveRange(k, list.Count - k);
            }

            builder.Add([.. list]);
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The brute-force reference: every pair scored with <see cref="CosineSimilarity.Compute"/>.</summary>
    internal static ImmutableArray<SimilarPair> FindBruteForce(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        var result = ImmutableArray.CreateBuilder<SimilarPair>();
        for (int i = 0; i < vectors.Count; i++)
        {
            for (int j = i + 1; j < vectors.Count; j++)
            {
                double s = CosineSimilarity.Compute(vectors[i], vectors[j]);
                if (s >= threshold)
                {
                    result.Add(new SimilarPair(i, j, s));
                }
            }
        }

        return result.ToImmutable();
    }

    private static void CheckVectors(IReadOnlyList<SparseVector> vectors)
    {
        for (int i = 0; i < vectors.Count; i++)
        {
            SparseVector v = vectors[i] ?? throw new ArgumentNullException(nameof(vectors), $"vectors[{i}] is null.");
            foreach (float w in v.Values)
            {
                if (w < 0)
                {
                    throw new ArgumentException($"vectors[{i}] has a negative weight; all-pairs pruning needs non-negative weights.", nameof(vectors));
                }
            }
        }
    }

    // Top-k without a threshold: every vector sharing a term is a candidate, scored exactly.
    private static void Exhaustive(IReadOnlyList<SparseVector> vectors, List<Neighbor>[] lists, CancellationToken cancellationToken)
    {
        int n = vectors.Count;
        if (n < 2)
        {
            return;
        }

        var index = PrefixIndex.Build(vectors, threshold: 0);
        ForEachVector(n, (probe, x) => probe.RunAll(index, vectors, x, lists[x]), cancellationToken);
    }

    // Runs the body for every vector position, in parallel chunks, each worker with its own scratch.
    private static void ForEachVector(int n, Action<Probe, int> body, CancellationToken cancellationToken) =>
        Parallel.ForEach(
            Partitioner.Create(0, n, Math.Max(16, n / (Environment.ProcessorCount * 16) + 1)),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new Probe(n),
            (range, _, probe) =>
            {
                for (int x = range.Item1; x < range.Item2; x++)
                {
                    body(probe, x);
                }

                return probe;
            },
            _ => { });

    /// <summary>
    /// The corpus re-expressed for pruning: unit-length weights, terms ranked from most to least frequent, each
    /// vector's entries sorted by rank, and the inverted lists of the indexed (rare) suffixes.
    /// </summary>
    private sealed class PrefixIndex
    {
        public int[] Offsets = [];      // vector v's entries are [Offsets[v], Offsets[v + 1])
        public int[] Ranks = [];        // term rank, 0 = most frequent
        public float[] Weights = [];    // unit-length weight
        public float[] MaxWeight = [];  // per rank, the largest unit weight in the corpus
        public double[] PrefixBound = [];   // per vector, the bound on any dot product with its unindexed prefix
        public int[] PostingOffsets = [];   // rank r's postings are [PostingOffsets[r], PostingOffsets[r + 1])
        public int[] PostingDocs = [];
        public float[] PostingWeights = [];

        public static PrefixIndex Build(IReadOnlyList<SparseVector> vectors, double threshold)
        {
            int n = vectors.Count;
            var index = new PrefixIndex { Offsets = new int[n + 1] };
            int maxId = -1;
            long nnz = 0;
            for (int v = 0; v < n; v++)
            {
                SparseVector vector = vectors[v];
                int kept = 0;
                if (vector.Norm > 0)
                {
                    foreach (float w in vector.Values)
                    {
                        kept += w > 0 ? 1 : 0;
                    }

                    if (vector.Count > 0)
                    {
                        maxId = Math.Max(maxId, vector.Indices[^1]);
                    }
                }

                nnz += kept;
                index.Offsets[v + 1] = checked((int)nnz);
            }

            // Term ids of a TF-IDF model are dense; hashed ids are not, and are renumbered through a dictionary.
            Dictionary<int, int>? renumber = null;
            int terms = maxId + 1;
            if (terms > Math.Max(1 << 24, 4 * nnz))
            {
                renumber = [];
                for (int v = 0; v < n; v++)
                {
                    foreach (int id in vectors[v].Indices)
                    {
                        renumber.TryAdd(id, renumber.Count);
                    }
                }

                terms = renumber.Count;
            }

            var df = new int[terms];
            var ids = new int[nnz];
            index.Weights = new float[nnz];
            Parallel.For(0, n, v =>
            {
                SparseVector vector = vectors[v];
                if (vector.Norm == 0)
                {
                    return;
                }

                double scale = 1.0 / vector.Norm;
                ReadOnlySpan<int> vIds = vector.Indices;
                ReadOnlySpan<float> vWeights = vector.Values;
                int at = index.Offsets[v];
                for (int e = 0; e < vIds.Length; e++)
                {
                    if (vWeights[e] > 0)
                    {
                        ids[at] = renumber is null ? vIds[e] : renumber[vIds[e]];
                        index.Weights[at] = (float)(vWeights[e] * scale);
                        at++;
                    }
                }
            });

            foreach (int id in ids)
            {
                df[id]++;
            }

            // Rank terms by decreasing document frequency, ties by id: deterministic.
            var order = new int[terms];
            for (int t = 0; t < terms; t++)
            {
                order[t] = t;
            }

            Array.Sort(order, (p, q) => df[p] != df[q] ? df[q].CompareTo(df[p]) : p.CompareTo(q));
            var rankOf = new int[terms];
            for (int r = 0; r < terms; r++)
            {
                rankOf[order[r]] = r;
            }

            index.Ranks = ids;
            for (int e = 0; e < ids.Length; e++)
            {
                ids[e] = rankOf[ids[e]];
            }

            index.MaxWeight = new float[terms];
            Parallel.For(0, n, v =>
            {
                int start = index.Offsets[v];
                Array.Sort(index.Ranks, index.Weights, start, index.Offsets[v + 1] - start);
            });
            for (int e = 0; e < ids.Length; e++)
            {
                index.MaxWeight[ids[e]] = Math.Max(index.MaxWeight[ids[e]], index.Weights[e]);
            }

            // Split each vector: the frequent prefix whose bound stays below the threshold is not indexed.
            index.PrefixBound = new double[n];
            var split = new int[n];
            double limit = threshold - Slack;
            double limitSquared = limit > 0 ? limit * limit : 0;
            Parallel.For(0, n, v =>
            {
                int start = index.Offsets[v];
                int end = index.Offsets[v + 1];
                double linear = 0;
                double squares = 0;
                double bound = 0;
                int e = start;
                while (e < end)
                {
                    float w = index.Weights[e];
                    double nextLinear = linear + ((double)w * index.MaxWeight[index.Ranks[e]]);
                    double nextSquares = squares + ((double)w * w);
                    if (nextLinear >= limit && nextSquares >= limitSquared)
                    {
                        break;
                    }

                    linear = nextLinear;
                    squares = nextSquares;
                    bound = Math.Min(linear, Math.Sqrt(squares));
                    e++;
                }

                split[v] = e;
                index.PrefixBound[v] = bound;
            });

            index.PostingOffsets = new int[terms + 1];
            for (int v = 0; v < n; v++)
            {
                for (int e = split[v]; e < index.Offsets[v + 1]; e++)
                {
                    index.PostingOffsets[index.Ranks[e] + 1]++;
                }
            }

            for (int r = 0; r < terms; r++)
            {
                index.PostingOffsets[r + 1] += index.PostingOffsets[r];
            }

            int postings = index.PostingOffsets[terms];
            index.PostingDocs = new int[postings];
            index.PostingWeights = new float[postings];
            var fill = index.PostingOffsets.AsSpan(0, terms).ToArray();
            for (int v = 0; v < n; v++)
            {
                for (int e = split[v]; e < index.Offsets[v + 1]; e++)
                {
                    int slot = fill[index.Ranks[e]]++;
                    index.PostingDocs[slot] = v;
                    index.PostingWeights[slot] = index.Weights[e];
                }
            }

            return index;
        }
    }

    /// <summary>One worker's scratch: a dense accumulator over the corpus and the candidates it touched.</summary>
    private sealed class Probe(int n)
    {
        private readonly double[] _scores = new double[n];
        private readonly List<int> _touched = [];
        private readonly List<SimilarPair> _found = [];

        public SimilarPair[] Run(PrefixIndex index, IReadOnlyList<SparseVector> vectors, int x, double threshold)
        {
            int start = index.Offsets[x];
            int end = index.Offsets[x + 1];
            if (start == end)
            {
                return [];
            }

            double limit = threshold - Slack;
            double limitSquared = limit * limit;
            double remainingLinear = 0;
            double remainingSquares = 0;
            for (int e = start; e < end; e++)
            {
                float w = index.Weights[e];
                remainingLinear += (double)w * index.MaxWeight[index.Ranks[e]];
                remainingSquares += (double)w * w;
            }

            double[] scores = _scores;
            List<int> touched = _touched;

            // Rarest terms first: they have the shortest lists and the most selective matches.
            for (int e = end - 1; e >= start; e--)
            {
                int rank = index.Ranks[e];
                double w = index.Weights[e];
                bool admit = remainingLinear >= limit && remainingSquares >= limitSquared;
                if (!admit && touched.Count == 0)
                {
                    break;
                }

                int pEnd = index.PostingOffsets[rank + 1];
                for (int p = index.PostingOffsets[rank]; p < pEnd; p++)
                {
                    int y = index.PostingDocs[p];
                    if (y >= x)
                    {
                        break;
                    }

                    if (scores[y] != 0)
                    {
                        scores[y] += w * index.PostingWeights[p];
                    }
                    else if (admit)
                    {
                        scores[y] = w * index.PostingWeights[p];
                        touched.Add(y);
                    }
                }

                remainingLinear -= w * index.MaxWeight[rank];
                remainingSquares -= w * w;
            }

            _found.Clear();
            SparseVector vx = vectors[x];
            foreach (int y in touched)
            {
                if (scores[y] + index.PrefixBound[y] >= limit)
                {
                    double s = CosineSimilarity.Compute(vectors[y], vx);
                    if (s >= threshold)
                    {
                        _found.Add(new SimilarPair(y, x, s));
                    }
                }

                scores[y] = 0;
            }

            touched.Clear();
            return [.. _found];
        }

        public void RunAll(PrefixIndex index, IReadOnlyList<SparseVector> vectors, int x, List<Neighbor> destination)
        {
            // With threshold 0 nothing is left unindexed: every posting of every term of x is scanned.
            double[] scores = _scores;
            List<int> touched = _touched;
            for (int e = index.Offsets[x]; e < index.Offsets[x + 1]; e++)
            {
                int rank = index.Ranks[e];
                for (int p = index.PostingOffsets[rank]; p < index.PostingOffsets[rank + 1]; p++)
                {
                    int y = index.PostingDocs[p];
                    if (y != x && scores[y] == 0)
                    {
                        scores[y] = 1;
                        touched.Add(y);
                    }
                }
            }

            touched.Sort();
            SparseVector vx = vectors[x];
            foreach (int y in touched)
            {
                double s = y < x ? CosineSimilarity.Compute(vectors[y], vx) : CosineSimilarity.Compute(vx, vectors[y]);
                if (s > 0)
                {
                    destination.Add(new Neighbor(y, s));
                }

                scores[y] = 0;
            }

            touched.Clear();
        }
    }
}
