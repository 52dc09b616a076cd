using System.Collections.Concurrent;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Finds each document's most similar documents for event clustering, by an inverted index over every document's
/// heaviest terms only.
/// </summary>
/// <remarks>
/// <para>
/// Two reports of one event share their most specific terms (names, places, rare words), which carry the largest
/// TF-IDF weights; so only each document's <c>prefix</c> heaviest terms are indexed and probed. The pairs meeting on
/// them are ranked by that partial dot product, and the best <c>4k</c> are scored exactly with
/// <see cref="EventFeatures.TextSimilarity(int, int)"/>. Pairs that share no heavy term score low and are not needed by
/// average linkage, which counts a missing pair as 0. Terms held by more than <c>maxPosting</c> documents are skipped
/// (they cannot tell events apart). The exhaustive <see cref="AllPairs.FindTopK"/> gives exact neighbours but scores
/// every pair above its threshold, which on thousands of news pages sharing a beat's vocabulary costs seconds per
/// thousand documents; this search is the clustering's fast path.
/// </para>
/// <para>
/// Each document reads at most <c>budget</c> postings: when its heavy terms hold more, the terms with the shortest
/// postings (the most specific) are probed and the others left out. Without that bound a term's postings grow with
/// the corpus, and so does the work per document: quadratic in all. With it the search is linear in the corpus:
/// O(n · (budget + 4k · pair cost)) time, and 16 bytes a heavy term of memory (its posting and its place in the
/// document's list). Each document's list is computed independently (in parallel), so the result does not depend on
/// the number of threads.
/// </para>
/// </remarks>
internal static class CandidateSearch
{
    // Candidates scored exactly per document: the k * ShortlistFactor best by heavy-term overlap.
    private const int ShortlistFactor = 4;

    // Documents a parallel work item takes: enough to amortise taking a scratch buffer.
    private const int Chunk = 256;

    /// <summary>Each document's up to <paramref name="k"/> best neighbours with text similarity at least <paramref name="minSimilarity"/>, best first, ties by index.</summary>
    public static Neighbor[][] FindTopK(EventFeatures features, int k, double minSimilarity, int prefix, int maxPosting, int budget, int parallelism, CancellationToken cancellationToken)
    {
        int n = features.Count;

        // Each document's heavy terms, in one array (start of document i at heavyStart[i]), heaviest first.
        var heavyStart = new int[n + 1];
        var terms = new List<int>();
        var weights = new List<float>();
        int termSpace = 0;
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach ((int term, float weight) in features.HeaviestTerms(i, prefix))
            {
                terms.Add(term);
                weights.Add(weight);
                termSpace = Math.Max(termSpace, term + 1);
            }

            heavyStart[i + 1] = terms.Count;
        }

        int[] heavyTerm = [.. terms];
        float[] heavyWeight = [.. weights];
        terms = null!;
        weights = null!;

        // Postings (document, weight) per term in increasing document order, in one array (term t at postingStart[t]).
        var postingStart = new int[termSpace + 1];
        foreach (int term in heavyTerm)
        {
            postingStart[term + 1]++;
        }

        for (int t = 0; t < termSpace; t++)
        {
            postingStart[t + 1] += postingStart[t];
        }

        var postingDoc = new int[heavyTerm.Length];
        var postingWeight = new float[heavyTerm.Length];
        var fill = (int[])postingStart.Clone();
        for (int i = 0; i < n; i++)
        {
            for (int h = heavyStart[i]; h < heavyStart[i + 1]; h++)
            {
                int at = fill[heavyTerm[h]]++;
                postingDoc[at] = i;
                postingWeight[at] = heavyWeight[h];
            }
        }

        fill = [];
        int shortlist = k * ShortlistFactor;
        var result = new Neighbor[n][];
        var scratch = new ConcurrentBag<Scratch>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, (n + Chunk - 1) / Chunk, parallel, chunk =>
        {
            if (!scratch.TryTake(out Scratch? local))
            {
                local = new Scratch(Math.Min(budget, n), shortlist, prefix, features.NewDense());
            }

            for (int i = chunk * Chunk, end = Math.Min(n, i + Chunk); i < end; i++)
            {
                result[i] = Search(i, local);
            }

            scratch.Add(local);
        });
        return result;

        Neighbor[] Search(int i, Scratch local)
        {
            int from = heavyStart[i], to = heavyStart[i + 1];
            ChooseTerms(from, to, local);
            PartialScores partial = local.Partial;
            for (int h = from; h < to; h++)
            {
                if (!local.Probe[h - from])
                {
                    continue;
                }

                float weight = heavyWeight[h];
                int term = heavyTerm[h];
                for (int p = postingStart[term], pEnd = postingStart[term + 1]; p < pEnd; p++)
                {
                    int j = postingDoc[p];
                    if (j != i)
                    {
                        partial.Add(j, (double)weight * postingWeight[p]);
                    }
                }
            }

            // Only the most promising candidates by their heavy-term overlap are scored exactly.
            TopCandidates best = local.Best;
            best.Clear();
            partial.OfferAndClear(best);

            List<Neighbor> found = local.Found;
            found.Clear();
            features.Spread(i, local.Dense);
            foreach (int j in best.Items)
            {
                double similarity = features.TextSimilarity(local.Dense, j);
                if (similarity >= minSimilarity)
                {
                    found.Add(new Neighbor(j, similarity));
                }
            }

            found.Sort(static (p, q) => p.Similarity != q.Similarity ? q.Similarity.CompareTo(p.Similarity) : p.Index.CompareTo(q.Index));
            return [.. System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found)[..Math.Min(k, found.Count)]];
        }

        // Marks the heavy terms to probe: those with at most maxPosting postings, and, when they hold more than the
        // budget in all, only the ones with the shortest postings (ties by weight rank) that fit in it.
        void ChooseTerms(int from, int to, Scratch local)
        {
            int count = to - from;
            bool[] probe = local.Probe;
            long total = 0;
            for (int h = from; h < to; h++)
            {
                int length = postingStart[heavyTerm[h] + 1] - postingStart[heavyTerm[h]];
                probe[h - from] = length <= maxPosting;
                total += probe[h - from] ? length : 0;
            }

            if (total <= budget)
            {
                return;
            }

            Span<long> byLength = count <= 256 ? stackalloc long[count] : new long[count];
            int m = 0;
            for (int h = from; h < to; h++)
            {
                if (probe[h - from])
                {
                    long length = postingStart[heavyTerm[h] + 1] - postingStart[heavyTerm[h]];
                    byLength[m++] = (length << 32) | (uint)(h - from);
                }

                probe[h - from] = false;
            }

            byLength = byLength[..m];
            byLength.Sort();
            long spent = 0;
            foreach (long entry in byLength)
            {
                spent += entry >> 32;
                if (spent > budget)
                {
                    break;
                }

                probe[(int)entry] = true;
            }
        }
    }

    /// <summary>The heaviest <paramref name="prefix"/> entries of a sparse vector (ties by the smaller index).</summary>
    internal static (int Term, float Weight)[] HeaviestTerms(SparseVector vector, int prefix)
    {
        var entries = new (int Term, float Weight)[vector.Count];
        for (int k = 0; k < entries.Length; k++)
        {
            entries[k] = (vector.Indices[k], vector.Values[k]);
        }

        return Heaviest(entries, prefix);
    }

    /// <summary>The heaviest <paramref name="prefix"/> of the entries, heaviest first (ties by the smaller term); may reorder <paramref name="entries"/>.</summary>
    internal static (int Term, float Weight)[] Heaviest((int Term, float Weight)[] entries, int prefix)
    {
        if (entries.Length > prefix)
        {
            Array.Sort(entries, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
            Array.Resize(ref entries, prefix);
        }

        return entries;
    }

    /// <summary>One thread's buffers: the partial scores of the documents touched (at most <paramref name="touched"/>), the shortlist.</summary>
    private sealed class Scratch(int touched, int shortlist, int prefix, DenseDocument dense)
    {
        public DenseDocument Dense { get; } = dense;

        public PartialScores Partial { get; } = new(touched);

        public TopCandidates Best { get; } = new(shortlist);

        public List<Neighbor> Found { get; } = [];

        public bool[] Probe { get; } = new bool[prefix];
    }

    /// <summary>
    /// The partial dot products of one document's search, by document: an open-addressing table sized for the
    /// postings one search reads (at most the budget), so its slots stay in the core's cache whatever the corpus size
    /// (an array over every document, 8 bytes each, left the cache from a few hundred thousand documents and made
    /// each posting a miss). The same sums in the same order as such an array, handed out in the order the documents
    /// were first touched.
    /// </summary>
    private sealed class PartialScores
    {
        private readonly int[] _keys; // document + 1; 0 is an empty slot
        private readonly double[] _values;
        private readonly int _mask;
        private readonly int _shift;
        private readonly List<int> _touched = [];

        /// <summary>A table for up to <paramref name="documents"/> documents a search (the postings it reads at most), at most half full.</summary>
        public PartialScores(int documents)
        {
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * documents));
            _keys = new int[size];
            _values = new double[size];
            _mask = size - 1;
            _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        }

        public void Add(int document, double value)
        {
            int slot = Slot(document);
            while (true)
            {
                int key = _keys[slot];
                if (key == document + 1)
                {
                    // A score still at 0 counts as untouched, as a zeroed array's cell would.
                    if (_values[slot] == 0)
                    {
                        _touched.Add(slot);
                    }

                    _values[slot] += value;
                    return;
                }

                if (key == 0)
                {
                    _keys[slot] = document + 1;
                    _values[slot] = value;
                    _touched.Add(slot);
                    return;
                }

                slot = (slot + 1) & _mask;
            }
        }

        /// <summary>Offers every touched document with its score, in first-touch order, and empties the table.</summary>
        public void OfferAndClear(TopCandidates best)
        {
            foreach (int slot in _touched)
            {
                best.Offer(_keys[slot] - 1, _values[slot]);
                _values[slot] = 0;
            }

            foreach (int slot in _touched)
            {
                _keys[slot] = 0;
            }

            _touched.Clear();
        }

        // Fibonacci hashing: the top bits of the product.
        private int Slot(int document) => (int)(((uint)document * 0x9E3779B1u) >> _shift);
    }

    /// <summary>
    /// The best <c>capacity</c> documents offered, by partial score, ties by the smaller index: a binary heap whose
    /// root is the worst kept, so most offers cost one comparison.
    /// </summary>
    private sealed class TopCandidates(int capacity)
    {
        private readonly (int Index, double Score)[] _heap = new (int, double)[capacity];
        private int _count;

        public ReadOnlySpan<int> Items
        {
            get
            {
                var items = new int[_count];
                for (int i = 0; i < _count; i++)
                {
                    items[i] = _heap[i].Index;
                }

                return items;
            }
        }

        public void Clear() => _count = 0;

        public void Offer(int index, double score)
        {
            if (_count < _heap.Length)
            {
                int at = _count++;
                while (at > 0)
                {
                    int parent = (at - 1) / 2;
                    if (!Worse((index, score), _heap[parent]))
                    {
                        break;
                    }

                    _heap[at] = _heap[parent];
                    at = parent;
                }

                _heap[at] = (index, score);
                return;
            }

            if (_heap.Length == 0 || !Worse(_heap[0], (index, score)))
            {
                return;
            }

            // Replace the worst (the root) and sift down.
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && Worse(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Worse(_heap[child], (index, score)))
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = (index, score);
        }

        // Lower score is worse; on equal scores the larger index is worse.
        private static bool Worse((int Index, double Score) a, (int Index, double Score) b) =>
            a.Score < b.Score || (a.Score == b.Score && a.Index > b.Index);
    }
}
