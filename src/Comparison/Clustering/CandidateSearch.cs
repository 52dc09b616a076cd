using System.Collections.Immutable;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Finds each document's most similar documents for event clustering, by an inverted index over every document's
/// heaviest terms only.
/// </summary>
/// <remarks>
/// Two reports of one event share their most specific terms (names, places, rare words), which carry the largest
/// TF-IDF weights; so only each document's <c>prefix</c> heaviest terms are indexed and probed, and every pair
/// meeting on one of them is scored exactly with <see cref="EventFeatures.TextSimilarity"/>. Pairs that share no
/// heavy term score low and are not needed by average linkage, which counts a missing pair as 0. Terms held by more
/// than <c>maxPosting</c> documents are skipped (they cannot tell events apart). The exhaustive
/// <see cref="AllPairs.FindTopK"/> gives exact neighbours but scores every pair above its threshold, which on
/// thousands of news pages sharing a beat's vocabulary costs seconds per thousand documents; this search is the
/// clustering's fast path. Each document's list is computed independently (in parallel), so the result does not
/// depend on the number of threads. Time O(Σ probed postings · pair cost).
/// </remarks>
internal static class CandidateSearch
{
    /// <summary>Each document's up to <paramref name="k"/> best neighbours with text similarity at least <paramref name="minSimilarity"/>, best first, ties by index.</summary>
    public static ImmutableArray<Neighbor>[] FindTopK(EventFeatures features, SparseVector[] combined, int k, double minSimilarity, int prefix, int maxPosting, int parallelism, CancellationToken cancellationToken)
    {
        int n = combined.Length;
        var heavy = new int[n][];
        for (int i = 0; i < n; i++)
        {
            heavy[i] = HeaviestTerms(combined[i], prefix);
        }

        // Postings in increasing document order.
        var postings = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            foreach (int term in heavy[i])
            {
                if (!postings.TryGetValue(term, out List<int>? list))
                {
                    postings.Add(term, list = []);
                }

                list.Add(i);
            }
        }

        var result = new ImmutableArray<Neighbor>[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            n,
            parallel,
            () => (Stamp: new int[n], Found: new List<Neighbor>()),
            (i, _, local) =>
            {
                int mark = i + 1;
                local.Found.Clear();
                foreach (int term in heavy[i])
                {
                    List<int> docs = postings[term];
                    if (docs.Count > maxPosting)
                    {
                        continue;
                    }

                    foreach (int j in docs)
                    {
                        if (j == i || local.Stamp[j] == mark)
                        {
                            continue;
                        }

                        local.Stamp[j] = mark;
                        double similarity = features.TextSimilarity(i, j);
                        if (similarity >= minSimilarity)
                        {
                            local.Found.Add(new Neighbor(j, similarity));
                        }
                    }
                }

                local.Found.Sort(static (p, q) => p.Similarity != q.Similarity ? q.Similarity.CompareTo(p.Similarity) : p.Index.CompareTo(q.Index));
                result[i] = [.. local.Found.Take(k)];
                return local;
            },
            static _ => { });
        return result;
    }

    // The indices of the vector's heaviest entries (ties by the smaller index).
    private static int[] HeaviestTerms(SparseVector vector, int prefix)
    {
        if (vector.Count <= prefix)
        {
            return vector.Indices.ToArray();
        }

        var order = new int[vector.Count];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        ReadOnlySpan<float> values = vector.Values;
        float[] weights = values.ToArray();
        Array.Sort(order, (a, b) => weights[a] != weights[b] ? weights[b].CompareTo(weights[a]) : a.CompareTo(b));
        var terms = new int[prefix];
        for (int k = 0; k < prefix; k++)
        {
            terms[k] = vector.Indices[order[k]];
        }

        return terms;
    }
}
