using System.Collections.Immutable;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Finds each document's most similar documents for event clustering, by an inverted index over every document's
/// heaviest terms only.
/// </summary>
/// <remarks>
/// Two reports of one event share their most specific terms (names, places, rare words), which carry the largest
/// TF-IDF weights; so only each document's <c>prefix</c> heaviest terms are indexed and probed. The pairs meeting on
/// them are ranked by that partial dot product, and the best <c>4k</c> are scored exactly with
/// <see cref="EventFeatures.TextSimilarity"/>. Pairs that share no
/// heavy term score low and are not needed by average linkage, which counts a missing pair as 0. Terms held by more
/// than <c>maxPosting</c> documents are skipped (they cannot tell events apart). The exhaustive
/// <see cref="AllPairs.FindTopK"/> gives exact neighbours but scores every pair above its threshold, which on
/// thousands of news pages sharing a beat's vocabulary costs seconds per thousand documents; this search is the
/// clustering's fast path. Each document's list is computed independently (in parallel), so the result does not
/// depend on the number of threads. Time O(Σ probed postings · pair cost).
/// </remarks>
internal static class CandidateSearch
{
    // Candidates scored exactly per document: the k * ShortlistFactor best by heavy-term overlap.
    private const int ShortlistFactor = 4;

    /// <summary>Each document's up to <paramref name="k"/> best neighbours with text similarity at least <paramref name="minSimilarity"/>, best first, ties by index.</summary>
    public static ImmutableArray<Neighbor>[] FindTopK(EventFeatures features, SparseVector[] combined, int k, double minSimilarity, int prefix, int maxPosting, int parallelism, CancellationToken cancellationToken)
    {
        int n = combined.Length;
        var heavy = new (int Term, float Weight)[n][];
        for (int i = 0; i < n; i++)
        {
            heavy[i] = HeaviestTerms(combined[i], prefix);
        }

        // Postings (document, weight) in increasing document order.
        var postings = new Dictionary<int, List<(int Doc, float Weight)>>();
        for (int i = 0; i < n; i++)
        {
            foreach ((int term, float weight) in heavy[i])
            {
                if (!postings.TryGetValue(term, out List<(int Doc, float Weight)>? list))
                {
                    postings.Add(term, list = []);
                }

                list.Add((i, weight));
            }
        }

        // Only the most promising candidates by their heavy-term overlap are scored exactly.
        int shortlist = k * ShortlistFactor;
        var result = new ImmutableArray<Neighbor>[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            n,
            parallel,
            () => (Partial: new double[n], Touched: new List<int>(), Found: new List<Neighbor>()),
            (i, _, local) =>
            {
                local.Touched.Clear();
                local.Found.Clear();
                foreach ((int term, float weight) in heavy[i])
                {
                    List<(int Doc, float Weight)> docs = postings[term];
                    if (docs.Count > maxPosting)
                    {
                        continue;
                    }

                    foreach ((int j, float other) in docs)
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        if (local.Partial[j] == 0)
                        {
                            local.Touched.Add(j);
                        }

                        local.Partial[j] += (double)weight * other;
                    }
                }

                List<int> candidates = local.Touched;
                double[] partial = local.Partial;
                if (candidates.Count > shortlist)
                {
                    candidates.Sort((a, b) => partial[a] != partial[b] ? partial[b].CompareTo(partial[a]) : a.CompareTo(b));
                }

                for (int c = 0; c < candidates.Count; c++)
                {
                    int j = candidates[c];
                    if (c < shortlist)
                    {
                        double similarity = features.TextSimilarity(i, j);
                        if (similarity >= minSimilarity)
                        {
                            local.Found.Add(new Neighbor(j, similarity));
                        }
                    }

                    partial[j] = 0;
                }

                local.Found.Sort(static (p, q) => p.Similarity != q.Similarity ? q.Similarity.CompareTo(p.Similarity) : p.Index.CompareTo(q.Index));
                result[i] = [.. local.Found.Take(k)];
                return local;
            },
            static _ => { });
        return result;
    }

    // The vector's heaviest entries (ties by the smaller index).
    internal static (int Term, float Weight)[] HeaviestTerms(SparseVector vector, int prefix)
    {
        var entries = new (int Term, float Weight)[vector.Count];
        for (int k = 0; k < entries.Length; k++)
        {
            entries[k] = (vector.Indices[k], vector.Values[k]);
        }

        if (entries.Length > prefix)
        {
            Array.Sort(entries, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
            Array.Resize(ref entries, prefix);
        }

        return entries;
    }
}
