using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Average-linkage (UPGMA) agglomeration over a sparse similarity graph: pairs that are not edges count as
/// similarity 0, so two clusters merge only when the mean over all their cross pairs reaches the threshold.
/// </summary>
/// <remarks>
/// Unlike single link, one strong edge cannot chain two events together: a merge needs the clusters' cross
/// pairs to be similar on average. Cluster pairs wait in a priority queue keyed by their average similarity;
/// stale entries are recognised by per-cluster version numbers. O(E log E) time for E edges (each merge re-keys the
/// survivor's neighbours), O(n + E) memory. Ties break by the smaller indexes, so the result depends only on the
/// edges and their order-independent indexes. Not thread safe (no shared state: each call is independent).
/// </remarks>
internal static class AverageLinkage
{
    /// <summary>Clusters <paramref name="count"/> items; returns for each item the smallest item index of its cluster.</summary>
    /// <param name="count">The number of items.</param>
    /// <param name="edges">Similarities between item pairs (First &lt; Second), each pair at most once.</param>
    /// <param name="threshold">The least average similarity at which two clusters still merge.</param>
    public static int[] Cluster(int count, IReadOnlyList<SimilarPair> edges, double threshold)
    {
        var neighbours = new Dictionary<int, double>?[count];
        var size = new int[count];
        var version = new int[count];
        var parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            size[i] = 1;
            parent[i] = i;
        }

        // Sized for the edges that start above the threshold, not for all of them: a queue slot holds an entry twice
        // (as element and as priority, 48 bytes), and on a large corpus most candidate edges stay below.
        int above = 0;
        foreach (SimilarPair edge in edges)
        {
            above += edge.Similarity >= threshold ? 1 : 0;
        }

        var queue = new PriorityQueue<Entry, Entry>(above, EntryComparer.Instance);
        foreach (SimilarPair edge in edges)
        {
            (neighbours[edge.First] ??= []).Add(edge.Second, edge.Similarity);
            (neighbours[edge.Second] ??= []).Add(edge.First, edge.Similarity);
            if (edge.Similarity >= threshold)
            {
                var entry = new Entry(edge.First, edge.Second, edge.Similarity, 0, 0);
                queue.Enqueue(entry, entry);
            }
        }

        while (queue.TryDequeue(out Entry top, out _))
        {
            if (version[top.A] != top.VersionA || version[top.B] != top.VersionB || parent[top.A] != top.A || parent[top.B] != top.B)
            {
                continue;
            }

            // Keep the cluster with more neighbours, so the smaller neighbour map is the one folded in.
            int keep = top.A, drop = top.B;
            if (neighbours[drop]!.Count > neighbours[keep]!.Count)
            {
                (keep, drop) = (drop, keep);
            }

            Dictionary<int, double> kept = neighbours[keep]!;
            kept.Remove(drop);
            foreach ((int other, double sum) in neighbours[drop]!)
            {
                if (other == keep)
                {
                    continue;
                }

                kept[other] = kept.GetValueOrDefault(other) + sum;
                Dictionary<int, double> theirs = neighbours[other]!;
                theirs.Remove(drop);
                theirs[keep] = kept[other];
            }

            neighbours[drop] = null;
            parent[drop] = keep;
            size[keep] += size[drop];
            version[keep]++;
            version[drop]++;
            foreach ((int other, double sum) in kept)
            {
                double average = sum / ((double)size[keep] * size[other]);
                if (average >= threshold)
                {
                    var entry = keep < other
                        ? new Entry(keep, other, average, version[keep], version[other])
                        : new Entry(other, keep, average, version[other], version[keep]);
                    queue.Enqueue(entry, entry);
                }
            }
        }

        // Every item points, through parent links, to its cluster's survivor; name clusters by their smallest item.
        var smallest = new int[count];
        Array.Fill(smallest, int.MaxValue);
        var root = new int[count];
        for (int i = 0; i < count; i++)
        {
            int r = i;
            while (parent[r] != r)
            {
                r = parent[r];
            }

            root[i] = r;
            smallest[r] = Math.Min(smallest[r], i);
        }

        for (int i = 0; i < count; i++)
        {
            root[i] = smallest[root[i]];
        }

        return root;
    }

    private readonly record struct Entry(int A, int B, double Average, int VersionA, int VersionB);

    // Highest average first; ties by the smaller first index, then the smaller second index.
    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry x, Entry y)
        {
            int c = y.Average.CompareTo(x.Average);
            if (c != 0)
            {
                return c;
            }

            c = x.A.CompareTo(y.A);
            return c != 0 ? c : x.B.CompareTo(y.B);
        }
    }
}
