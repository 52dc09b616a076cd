using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Comparison.Vectors;

/// <summary>
/// Every pair of a corpus of sparse vectors whose cosine similarity reaches a threshold, without computing all
/// n² products by merge-join; and the k most similar vectors to each vector.
/// </summary>
/// <remarks>
/// <para>
/// Vectors are scaled to unit length and their terms ranked from the most to the least frequent in the corpus.
/// Two exact strategies exist; a cost model over the document frequencies picks the cheaper one:
/// </para>
/// <para>
/// <b>Pruned inverted index</b>, for selective thresholds: All-Pairs of Bayardo, Ma and Srikant, "Scaling Up All
/// Pairs Similarity Search" (WWW 2007), with the L2 bounds of Anastasiu and Karypis, "L2AP: Fast Cosine Similarity
/// Search With Prefix L-2 Norm Bounds" (ICDE 2014). Of each vector only the suffix of rare terms is indexed: the
/// frequent prefix stays out while its largest possible contribution to any cosine, min(Σ wᵢ·maxᵢ, ‖prefix‖), is
/// below the threshold, so a pair that reaches the threshold always shares an indexed term. A vector probes the
/// index from its rarest term; once its remaining terms can no longer lift a new candidate to the threshold,
/// only candidates already found are updated. A candidate whose partial score plus the bound of its unindexed
/// prefix reaches the threshold is verified with the exact cosine (<see cref="CosineSimilarity.Compute"/>'s merge-join,
/// its products summed in double precision like the scalar reference).
/// </para>
/// <para>
/// <b>Dense head, sparse tail</b>, for corpora where most pairs are similar (low thresholds, no stop words): when
/// frequent terms are in nearly every document, no index can avoid n² work, and the inverted lists of those terms
/// cost df² scattered additions each. Instead the F most frequent terms (F chosen by the cost model) become a
/// dense n × F matrix whose products are computed 16 documents at a time with SIMD fused multiply-adds in
/// cache-sized tiles, and only the rare tail goes through inverted lists. The sum is compared with the
/// threshold; sums within 1e-5 of it are settled by the exact cosine, so the set of pairs is
/// exactly the brute-force set, and the reported similarity is the cosine to within 1e-5 (single-precision sums).
/// </para>
/// <para>
/// Work is split into ranges of consecutive vectors run in parallel; each range's pairs come out sorted, and the
/// ranges are concatenated in order, so the output never depends on thread scheduling.
/// <see cref="Enumerate"/> streams the pairs range by range in bounded memory; <see cref="Find"/> collects them.
/// </para>
/// <para>
/// Weights must be non-negative (true of TF-IDF and counts): the bounds assume it. Vectors with no non-zero weight
/// have similarity 0 with everything and appear in no pair.
/// </para>
/// </remarks>
public static partial class AllPairs
{
    // Slack on every pruning decision and the band settled exactly, far above the rounding of single-precision
    // weights and sums, so a pair that reaches the threshold under CosineSimilarity.ComputeExact is never lost.
    internal const double Slack = 1e-5;

    /// <summary>Which exact strategy runs; <see cref="Auto"/> lets the cost model choose (tests force the others).</summary>
    internal enum Strategy
    {
        Auto,
        Pruned,
        Dense,
    }

    /// <summary>Every pair of vectors whose cosine similarity is at least <paramref name="threshold"/>.</summary>
    /// <param name="vectors">The corpus; positions in this list identify the vectors in the result.</param>
    /// <param name="threshold">The least similarity reported, in (0, 1].</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The pairs, <see cref="SimilarPair.First"/> &lt; <see cref="SimilarPair.Second"/>, sorted by First then Second.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1].</exception>
    /// <exception cref="ArgumentException">A vector has a negative weight.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImmutableArray<SimilarPair> Find(IReadOnlyList<SparseVector> vectors, double threshold, CancellationToken cancellationToken = default) =>
        [.. Enumerate(vectors, threshold, cancellationToken)];

    /// <summary>
    /// Streams every pair of vectors whose cosine similarity is at least <paramref name="threshold"/>, computing a
    /// few ranges of vectors ahead of the consumer in parallel, so memory stays bounded however many pairs there are.
    /// </summary>
    /// <param name="vectors">The corpus; it must not change while the result is enumerated.</param>
    /// <param name="threshold">The least similarity reported, in (0, 1].</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The pairs in the order of <see cref="Find"/>. Arguments are checked at once; the work starts on enumeration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1].</exception>
    /// <exception cref="ArgumentException">A vector has a negative weight.</exception>
    public static IEnumerable<SimilarPair> Enumerate(IReadOnlyList<SparseVector> vectors, double threshold, CancellationToken cancellationToken = default) =>
        EnumerateWith(vectors, threshold, Strategy.Auto, cancellationToken);

    /// <summary>
    /// Streams the pairs of <see cref="Enumerate"/>, in the same order, in batches: the pieces of memory the ranges
    /// of vectors were computed into (up to 64 Ki pairs each), handed out without a copy. For consumers of many
    /// pairs (at low thresholds, tens of millions), where two interface calls per pair cost as much as computing it.
    /// </summary>
    /// <param name="vectors">The corpus; it must not change while the result is enumerated.</param>
    /// <param name="threshold">The least similarity reported, in (0, 1].</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>
    /// Non-empty batches whose concatenation is <see cref="Enumerate"/>'s sequence. A batch's memory is reused:
    /// it is valid until the enumerator moves to the next batch (copy what must outlive that). Arguments are
    /// checked at once; the work starts on enumeration.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="vectors"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not in (0, 1].</exception>
    /// <exception cref="ArgumentException">A vector has a negative weight.</exception>
    public static IEnumerable<ReadOnlyMemory<SimilarPair>> EnumerateBatches(IReadOnlyList<SparseVector> vectors, double threshold, CancellationToken cancellationToken = default)
    {
        CheckArguments(vectors, threshold);
        return vectors.Count < 2 ? [] : Batches(vectors, threshold, Strategy.Auto, cancellationToken);
    }

    /// <summary>For each vector, the <paramref name="k"/> most similar other vectors.</summary>
    /// <param name="vectors">The corpus.</param>
    /// <param name="k">How many neighbours per vector, at least 1.</param>
    /// <param name="minSimilarity">
    /// The least similarity a neighbour needs, in [0, 1]. Above 0 the search runs on <see cref="Enumerate"/> and is
    /// fast; at 0 every vector sharing a term is scored (O(Σ df²), for small corpora).
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

        CheckVectors(vectors);
        int n = vectors.Count;
        var heaps = new TopList[n];
        for (int i = 0; i < n; i++)
        {
            heaps[i] = new TopList(k);
        }

        if (minSimilarity > 0)
        {
            foreach (SimilarPair pair in Enumerate(vectors, minSimilarity, cancellationToken))
            {
                heaps[pair.First].Offer(new Neighbor(pair.Second, pair.Similarity));
                heaps[pair.Second].Offer(new Neighbor(pair.First, pair.Similarity));
            }
        }
        else if (n > 1)
        {
            var corpus = UnitCorpus.Build(vectors);
            var index = PrunedIndex.Build(corpus, PrunedIndex.Split(corpus, 0, out double[] bounds), bounds);
            Parallel.ForEach(
                Partitioner.Create(0, n, Math.Max(16, (n / (Environment.ProcessorCount * 16)) + 1)),
                new ParallelOptions { CancellationToken = cancellationToken },
                () => new PrunedProbe(n),
                (range, _, probe) =>
                {
                    for (int x = range.Item1; x < range.Item2; x++)
                    {
                        probe.ScoreAll(corpus, index, vectors, x, heaps[x]);
                    }

                    return probe;
                },
                _ => { });
        }

        var builder = ImmutableArray.CreateBuilder<ImmutableArray<Neighbor>>(n);
        foreach (TopList heap in heaps)
        {
            builder.Add(heap.ToSortedArray());
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The brute-force reference: every pair scored with <see cref="CosineSimilarity.ComputeExact"/>.</summary>
    internal static ImmutableArray<SimilarPair> FindBruteForce(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        var result = ImmutableArray.CreateBuilder<SimilarPair>();
        for (int i = 0; i < vectors.Count; i++)
        {
            for (int j = i + 1; j < vectors.Count; j++)
            {
                double s = CosineSimilarity.ComputeExact(vectors[i], vectors[j]);
                if (s >= threshold)
                {
                    result.Add(new SimilarPair(i, j, s));
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The stream behind <see cref="Enumerate"/>, with the strategy forced or not (and, for <see cref="Strategy.Dense"/>, the dense width).</summary>
    internal static IEnumerable<SimilarPair> EnumerateWith(IReadOnlyList<SparseVector> vectors, double threshold, Strategy strategy, CancellationToken cancellationToken, int denseTerms = 16)
    {
        CheckArguments(vectors, threshold);
        return vectors.Count < 2 ? [] : Stream(vectors, threshold, strategy, denseTerms, cancellationToken);
    }

    private static void CheckArguments(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1].");
        }

        CheckVectors(vectors);
    }

    /// <summary>Which strategy the cost model picks for a corpus and threshold, and the dense width (0 for pruned).</summary>
    internal static (Strategy Strategy, int DenseTerms) Choose(IReadOnlyList<SparseVector> vectors, double threshold)
    {
        var corpus = UnitCorpus.Build(vectors);
        var split = PrunedIndex.Split(corpus, threshold, out _);
        int width = DenseHybrid.ChooseWidth(corpus, PrunedIndex.CountIndexed(corpus, split));
        return width > 0 ? (Strategy.Dense, width) : (Strategy.Pruned, 0);
    }

    private static IEnumerable<SimilarPair> Stream(IReadOnlyList<SparseVector> vectors, double threshold, Strategy strategy, int denseTerms, CancellationToken cancellationToken)
    {
        foreach (PairBuffer tile in Tiles(vectors, threshold, strategy, denseTerms, cancellationToken))
        {
            foreach (ReadOnlyMemory<SimilarPair> segment in tile.Segments)
            {
                for (int i = 0; i < segment.Length; i++)
                {
                    yield return segment.Span[i];
                }
            }
        }
    }

    private static IEnumerable<ReadOnlyMemory<SimilarPair>> Batches(IReadOnlyList<SparseVector> vectors, double threshold, Strategy strategy, CancellationToken cancellationToken)
    {
        foreach (PairBuffer tile in Tiles(vectors, threshold, strategy, 16, cancellationToken))
        {
            foreach (ReadOnlyMemory<SimilarPair> segment in tile.Segments)
            {
                yield return segment;
            }
        }
    }

    // Each tile's pairs in order; a tile's buffer is valid until the enumerator moves on.
    private static IEnumerable<PairBuffer> Tiles(IReadOnlyList<SparseVector> vectors, double threshold, Strategy strategy, int denseTerms, CancellationToken cancellationToken)
    {
        int n = vectors.Count;
        var corpus = UnitCorpus.Build(vectors);
        var split = PrunedIndex.Split(corpus, threshold, out double[] prefixBound);
        int width = strategy switch
        {
            Strategy.Pruned => 0,
            Strategy.Dense => Math.Min(denseTerms, corpus.Terms),
            _ => DenseHybrid.ChooseWidth(corpus, PrunedIndex.CountIndexed(corpus, split)),
        };
        PrunedIndex? index = width == 0 ? PrunedIndex.Build(corpus, split, prefixBound) : null;
        DenseHybrid? dense = width > 0 ? DenseHybrid.Build(corpus, width) : null;
        IRangeWorker Worker() => dense is not null
            ? new DenseHybrid.Worker(dense, vectors, threshold)
            : new PrunedProbe(n) { Corpus = corpus, Index = index!, Vectors = vectors, Threshold = threshold };
        int tileRows = dense is not null ? DenseHybrid.TileRows(n) : Math.Max(16, Math.Min(256, (n / (Environment.ProcessorCount * 16)) + 1));
        int tiles = (n + tileRows - 1) / tileRows;

        // Waves of tiles run in parallel, one worker per core. While the caller consumes one wave (in order), the
        // next one is computed in the background into the other set of output lists, so the cores are not idle
        // while pairs are handed out; two waves bound memory. Output lists are reused from wave to wave.
        int degree = Math.Max(1, Environment.ProcessorCount);
        int wave = degree;
        var workers = new ConcurrentBag<IRangeWorker>();
        var buffers = new PairBuffer[2][];
        for (int b = 0; b < 2; b++)
        {
            buffers[b] = new PairBuffer[wave];
            for (int t = 0; t < wave; t++)
            {
                buffers[b][t] = new PairBuffer();
            }
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = degree };
        Task Start(int first, PairBuffer[] outputs) => Task.Run(
            () => Parallel.For(0, Math.Min(wave, tiles - first), options, t =>
            {
                IRangeWorker worker = workers.TryTake(out IRangeWorker? w) ? w : Worker();
                int from = (first + t) * tileRows;
                outputs[t].Clear();
                worker.Run(from, Math.Min(n, from + tileRows), outputs[t]);
                workers.Add(worker);
            }),
            cancellationToken);

        Task? pending = Start(0, buffers[0]);
        try
        {
            for (int first = 0, b = 0; first < tiles; first += wave, b ^= 1)
            {
                Task current = pending!;
                pending = null;
                current.GetAwaiter().GetResult();
                if (first + wave < tiles)
                {
                    pending = Start(first + wave, buffers[b ^ 1]);
                }

                PairBuffer[] outputs = buffers[b];
                int count = Math.Min(wave, tiles - first);
                for (int t = 0; t < count; t++)
                {
                    yield return outputs[t];
                }
            }
        }
        finally
        {
            // An abandoned enumeration still lets the wave in flight finish before its buffers go away.
            if (pending is not null)
            {
                try
                {
                    pending.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    internal static void CheckVectors(IReadOnlyList<SparseVector> vectors)
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

    /// <summary>Computes the pairs (x, y), x in [from, to), y &gt; x, in (x, y) order.</summary>
    internal interface IRangeWorker
    {
        void Run(int from, int to, PairBuffer output);
    }

    /// <summary>
    /// A tile's pairs, in segments that the consumer reads in place (a <see cref="List{T}"/> would hide them behind an
    /// indexer, and batches could not be handed out without a copy). A full segment is followed by a new one, twice
    /// as large up to <see cref="SegmentPairs"/>: nothing is copied or thrown away as a tile grows, and the segments
    /// are kept for the next tile, so a long run allocates only what its largest tiles hold at once.
    /// </summary>
    internal sealed class PairBuffer
    {
        /// <summary>The largest segment: 64 Ki pairs, 1 MB.</summary>
        internal const int SegmentPairs = 1 << 16;

        private readonly List<SimilarPair[]> _segments = [new SimilarPair[1024]];
        private readonly List<int> _filled = [];   // pairs in each segment before the current one
        private SimilarPair[] _current;
        private int _used;

        public PairBuffer() => _current = _segments[0];

        /// <summary>The number of pairs in all segments.</summary>
        public int Count { get; private set; }

        /// <summary>The segments in order, each with its pairs (empty ones left out).</summary>
        public IEnumerable<ReadOnlyMemory<SimilarPair>> Segments
        {
            get
            {
                for (int i = 0; i < _filled.Count; i++)
                {
                    if (_filled[i] > 0)
                    {
                        yield return new ReadOnlyMemory<SimilarPair>(_segments[i], 0, _filled[i]);
                    }
                }

                if (_used > 0)
                {
                    yield return new ReadOnlyMemory<SimilarPair>(_current, 0, _used);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(SimilarPair pair)
        {
            if (_used == _current.Length)
            {
                Next();
            }

            _current[_used++] = pair;
            Count++;
        }

        public void Clear()
        {
            _filled.Clear();
            _current = _segments[0];
            _used = 0;
            Count = 0;
        }

        /// <summary>Room for <paramref name="extra"/> (at most 1,024) more pairs in one piece; returns where the next one goes (see <see cref="Advance"/>).</summary>
        public ref SimilarPair Reserve(int extra)
        {
            if (_used + extra > _current.Length)
            {
                Next();
            }

            return ref _current[_used];
        }

        /// <summary>Counts <paramref name="count"/> pairs written after <see cref="Reserve"/>.</summary>
        public void Advance(int count)
        {
            _used += count;
            Count += count;
        }

        // Closes the current segment and moves to the next one, made when this buffer has not had it before.
        private void Next()
        {
            _filled.Add(_used);
            int index = _filled.Count;
            if (index == _segments.Count)
            {
                _segments.Add(new SimilarPair[Math.Min(SegmentPairs, 2 * _current.Length)]);
            }

            _current = _segments[index];
            _used = 0;
        }
    }

    /// <summary>The k best neighbours seen so far of one vector.</summary>
    private sealed class TopList(int k)
    {
        private readonly List<Neighbor> _items = [];

        private static int Compare(Neighbor p, Neighbor q) =>
            p.Similarity != q.Similarity ? q.Similarity.CompareTo(p.Similarity) : p.Index.CompareTo(q.Index);

        public void Offer(Neighbor candidate)
        {
            if (_items.Count == k && Compare(candidate, _items[^1]) >= 0)
            {
                return;
            }

            int at = _items.BinarySearch(candidate, Comparer<Neighbor>.Create(Compare));
            _items.Insert(at < 0 ? ~at : at, candidate);
            if (_items.Count > k)
            {
                _items.RemoveAt(k);
            }
        }

        public ImmutableArray<Neighbor> ToSortedArray() => [.. _items];
    }

    /// <summary>
    /// The corpus re-expressed for search: unit-length weights, terms ranked from most to least frequent, each
    /// vector's entries sorted by rank (frequent first), and per rank the document frequency and largest weight.
    /// </summary>
    internal sealed class UnitCorpus
    {
        public int Count;
        public int Terms;
        public int[] Offsets = [];      // vector v's entries are [Offsets[v], Offsets[v + 1])
        public int[] Ranks = [];        // term rank, 0 = most frequent
        public float[] Weights = [];    // unit-length weight
        public int[] Df = [];           // per rank
        public float[] MaxWeight = [];  // per rank

        public static UnitCorpus Build(IReadOnlyList<SparseVector> vectors)
        {
            int n = vectors.Count;
            var corpus = new UnitCorpus { Count = n, Offsets = new int[n + 1] };
            var positive = new int[n];
            var lastIds = new int[n];
            Parallel.For(0, n, v =>
            {
                SparseVector vector = vectors[v];
                int count = 0;
                if (vector.Norm > 0)
                {
                    foreach (float w in vector.Values)
                    {
                        count += w > 0 ? 1 : 0;
                    }
                }

                positive[v] = count;
                lastIds[v] = count > 0 ? vector.Indices[^1] : -1;
            });
            long nnz = 0;
            int maxId = -1;
            for (int v = 0; v < n; v++)
            {
                nnz += positive[v];
                maxId = Math.Max(maxId, lastIds[v]);
                corpus.Offsets[v + 1] = checked((int)nnz);
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

            // The entries, unit length, then the document frequencies: per block of vectors, summed.
            var ids = GC.AllocateUninitializedArray<int>((int)nnz);
            var weights = GC.AllocateUninitializedArray<float>((int)nnz);
            int blocks = Blocks.Count(n, terms, nnz);
            var blockDf = new int[blocks][];
            Parallel.For(0, blocks, block =>
            {
                int[] df = ZeroedArray.Create<int>(terms);
                (int from, int to) = Blocks.Range(n, blocks, block);
                for (int v = from; v < to; v++)
                {
                    int at = corpus.Offsets[v];
                    if (positive[v] == 0)
                    {
                        continue;
                    }

                    SparseVector vector = vectors[v];
                    double scale = 1.0 / vector.Norm;
                    ReadOnlySpan<int> vIds = vector.Indices;
                    ReadOnlySpan<float> vWeights = vector.Values;
                    for (int e = 0; e < vIds.Length; e++)
                    {
                        if (vWeights[e] > 0)
                        {
                            int id = renumber is null ? vIds[e] : renumber[vIds[e]];
                            ids[at] = id;
                            weights[at] = (float)(vWeights[e] * scale);
                            df[id]++;
                            at++;
                        }
                    }
                }

                blockDf[block] = df;
            });
            var documentFrequency = blockDf[0];
            for (int block = 1; block < blocks; block++)
            {
                int[] df = blockDf[block];
                for (int t = 0; t < terms; t++)
                {
                    documentFrequency[t] += df[t];
                }
            }

            // Rank terms by decreasing document frequency, ties by id: deterministic (one key per term, no ties).
            var order = new long[terms];
            for (int t = 0; t < terms; t++)
            {
                order[t] = ((long)(int.MaxValue - documentFrequency[t]) << 32) | (uint)t;
            }

            Array.Sort(order);
            var rankOf = new int[terms];
            corpus.Df = new int[terms];
            for (int r = 0; r < terms; r++)
            {
                int t = (int)(order[r] & 0xFFFF_FFFF);
                rankOf[t] = r;
                corpus.Df[r] = documentFrequency[t];
            }

            // Each vector's entries by rank, and the largest weight per rank (per block, then the largest of those).
            var blockMax = new float[blocks][];
            Parallel.For(0, blocks, block =>
            {
                float[] max = ZeroedArray.Create<float>(terms);
                (int from, int to) = Blocks.Range(n, blocks, block);
                for (int v = from; v < to; v++)
                {
                    int start = corpus.Offsets[v];
                    int length = corpus.Offsets[v + 1] - start;
                    Span<int> vIds = ids.AsSpan(start, length);
                    Span<float> vWeights = weights.AsSpan(start, length);
                    for (int e = 0; e < length; e++)
                    {
                        int rank = rankOf[vIds[e]];
                        vIds[e] = rank;
                        max[rank] = Math.Max(max[rank], vWeights[e]);
                    }

                    KeySort.Sort(vIds, vWeights);
                }

                blockMax[block] = max;
            });
            corpus.MaxWeight = blockMax[0];
            for (int block = 1; block < blocks; block++)
            {
                float[] max = blockMax[block];
                for (int r = 0; r < terms; r++)
                {
                    corpus.MaxWeight[r] = Math.Max(corpus.MaxWeight[r], max[r]);
                }
            }

            corpus.Terms = terms;
            corpus.Ranks = ids;
            corpus.Weights = weights;
            return corpus;
        }
    }

    /// <summary>The inverted lists of each vector's indexed suffix (rare terms), and the bound of its unindexed prefix.</summary>
    internal sealed class PrunedIndex
    {
        public double[] PrefixBound = [];   // per vector, the bound on any dot product with its unindexed prefix
        public int[] PostingOffsets = [];   // rank r's postings are [PostingOffsets[r], PostingOffsets[r + 1])
        public int[] PostingDocs = [];      // increasing within a list
        public float[] PostingWeights = [];

        /// <summary>Where each vector's indexed suffix starts, and the bound of its unindexed prefix.</summary>
        public static int[] Split(UnitCorpus corpus, double threshold, out double[] prefixBound)
        {
            int n = corpus.Count;
            var bounds = new double[n];
            var split = new int[n];
            double limit = threshold - Slack;
            double limitSquared = limit > 0 ? limit * limit : 0;
            Parallel.For(0, n, v =>
            {
                int start = corpus.Offsets[v];
                int end = corpus.Offsets[v + 1];
                double linear = 0;
                double squares = 0;
                double bound = 0;
                int e = start;
                while (e < end)
                {
                    float w = corpus.Weights[e];
                    double nextLinear = linear + ((double)w * corpus.MaxWeight[corpus.Ranks[e]]);
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
                bounds[v] = bound;
            });
            prefixBound = bounds;
            return split;
        }

        /// <summary>Per rank, how many vectors would index it (the list lengths, without building the lists).</summary>
        public static int[] CountIndexed(UnitCorpus corpus, int[] split)
        {
            var counts = new int[corpus.Terms];
            for (int v = 0; v < corpus.Count; v++)
            {
                for (int e = split[v]; e < corpus.Offsets[v + 1]; e++)
                {
                    counts[corpus.Ranks[e]]++;
                }
            }

            return counts;
        }

        public static PrunedIndex Build(UnitCorpus corpus, int[] split, double[] prefixBound)
        {
            int n = corpus.Count;
            var index = new PrunedIndex { PrefixBound = prefixBound };
            int terms = corpus.Terms;
            int[] counts = CountIndexed(corpus, split);
            index.PostingOffsets = new int[terms + 1];
            for (int r = 0; r < terms; r++)
            {
                index.PostingOffsets[r + 1] = index.PostingOffsets[r] + counts[r];
            }

            int postings = index.PostingOffsets[terms];
            index.PostingDocs = new int[postings];
            index.PostingWeights = new float[postings];
            int[] fill = index.PostingOffsets[..terms];
            for (int v = 0; v < n; v++)
            {
                for (int e = split[v]; e < corpus.Offsets[v + 1]; e++)
                {
                    int slot = fill[corpus.Ranks[e]]++;
                    index.PostingDocs[slot] = v;
                    index.PostingWeights[slot] = corpus.Weights[e];
                }
            }

            return index;
        }

    }

    /// <summary>One worker of the pruned strategy: a dense accumulator over the corpus and the candidates it touched.</summary>
    private sealed class PrunedProbe(int n) : IRangeWorker
    {
        private readonly double[] _scores = new double[n];
        private readonly List<int> _touched = [];

        public UnitCorpus Corpus { get; init; } = null!;

        public PrunedIndex Index { get; init; } = null!;

        public IReadOnlyList<SparseVector> Vectors { get; init; } = null!;

        public double Threshold { get; init; }

        public void Run(int from, int to, PairBuffer output)
        {
            for (int x = from; x < to; x++)
            {
                Probe(x, output);
            }
        }

        // Pairs (x, y), y > x, whose cosine reaches the threshold.
        private void Probe(int x, PairBuffer output)
        {
            UnitCorpus corpus = Corpus;
            PrunedIndex index = Index;
            int start = corpus.Offsets[x];
            int end = corpus.Offsets[x + 1];
            if (start == end)
            {
                return;
            }

            double limit = Threshold - Slack;
            double limitSquared = limit * limit;
            double remainingLinear = 0;
            double remainingSquares = 0;
            for (int e = start; e < end; e++)
            {
                float w = corpus.Weights[e];
                remainingLinear += (double)w * corpus.MaxWeight[corpus.Ranks[e]];
                remainingSquares += (double)w * w;
            }

            double[] scores = _scores;
            List<int> touched = _touched;

            // Rarest terms first: they have the shortest lists and the most selective matches.
            for (int e = end - 1; e >= start; e--)
            {
                int rank = corpus.Ranks[e];
                double w = corpus.Weights[e];
                bool admit = remainingLinear >= limit && remainingSquares >= limitSquared;
                if (!admit && touched.Count == 0)
                {
                    break;
                }

                // Lists are increasing: walk back from the end while the other vector comes after x.
                int pStart = index.PostingOffsets[rank];
                for (int p = index.PostingOffsets[rank + 1] - 1; p >= pStart; p--)
                {
                    int y = index.PostingDocs[p];
                    if (y <= x)
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

                remainingLinear -= w * corpus.MaxWeight[rank];
                remainingSquares -= w * w;
            }

            // In increasing y, so the row's pairs come out sorted.
            touched.Sort();
            SparseVector vx = Vectors[x];
            foreach (int y in touched)
            {
                if (scores[y] + index.PrefixBound[y] >= limit)
                {
                    double s = CosineSimilarity.ComputeExact(vx, Vectors[y]);
                    if (s >= Threshold)
                    {
                        output.Add(new SimilarPair(x, y, s));
                    }
                }

                scores[y] = 0;
            }

            touched.Clear();
        }

        // Top-k without a threshold: every vector sharing a term is a candidate, scored exactly.
        public void ScoreAll(UnitCorpus corpus, PrunedIndex index, IReadOnlyList<SparseVector> vectors, int x, TopList destination)
        {
            double[] scores = _scores;
            List<int> touched = _touched;
            for (int e = corpus.Offsets[x]; e < corpus.Offsets[x + 1]; e++)
            {
                int rank = corpus.Ranks[e];
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

            SparseVector vx = vectors[x];
            foreach (int y in touched)
            {
                double s = y < x ? CosineSimilarity.Compute(vectors[y], vx) : CosineSimilarity.Compute(vx, vectors[y]);
                if (s > 0)
                {
                    destination.Offer(new Neighbor(y, s));
                }

                scores[y] = 0;
            }

            touched.Clear();
        }
    }
}
