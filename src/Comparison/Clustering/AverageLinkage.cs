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

    /// <summary>
    /// Attaches small clusters to larger ones: a cluster of at most <paramref name="maxSize"/> items joins the larger
    /// cluster it is most similar to on average (over all cross pairs, non-edges counting 0) when that average reaches
    /// <paramref name="threshold"/> and exceeds its average to every other cluster by at least <paramref name="margin"/>,
    /// unless its first dated item is more than <paramref name="window"/> days older than that cluster's first.
    /// </summary>
    /// <remarks>
    /// Every small cluster is judged against the clustering given, and the attachments are applied together (a small
    /// cluster whose chosen cluster joins a larger one goes along), so the result does not depend on the order of the
    /// clusters.
    /// Sums follow the order of <paramref name="edges"/>. O(n + E) time and memory, E for the edges that touch a small
    /// cluster only.
    /// </remarks>
    /// <param name="cluster">For each item, the smallest item index of its cluster (as <see cref="Cluster"/> returns).</param>
    /// <param name="edges">The similarities the clustering was made from.</param>
    /// <param name="maxSize">The most items of a cluster that may be attached; 0 attaches none.</param>
    /// <param name="threshold">The least average similarity to the cluster joined.</param>
    /// <param name="margin">The least lead of that average over the average to any other cluster.</param>
    /// <param name="days">Each item's publication day, or null (none is dated).</param>
    /// <param name="window">How many days before a cluster's first dated item a dated small cluster may start and still join it.</param>
    /// <returns>For each item, the smallest item index of its cluster afterwards.</returns>
    public static int[] AttachFragments(int[] cluster, IReadOnlyList<SimilarPair> edges, int maxSize, double threshold, double margin, int?[]? days = null, double window = 0)
    {
        int count = cluster.Length;
        var size = new int[count];
        foreach (int c in cluster)
        {
            size[c]++;
        }

        // Each cluster's first publication day (int.MaxValue when none of its items is dated).
        var first = new int[count];
        Array.Fill(first, int.MaxValue);
        if (days is not null)
        {
            for (int i = 0; i < count; i++)
            {
                if (days[i] is int day)
                {
                    first[cluster[i]] = Math.Min(first[cluster[i]], day);
                }
            }
        }

        // The edges leaving each small cluster, grouped by that cluster (counted, then placed, in edge order).
        var start = new int[count + 1];
        foreach (SimilarPair edge in edges)
        {
            int a = cluster[edge.First], b = cluster[edge.Second];
            if (a != b)
            {
                start[a] += size[a] <= maxSize ? 1 : 0;
                start[b] += size[b] <= maxSize ? 1 : 0;
            }
        }

        int total = 0;
        for (int c = 0; c < count; c++)
        {
            (start[c], total) = (total, total + start[c]);
        }

        start[count] = total;
        if (total == 0)
        {
            return cluster;
        }

        var other = new int[total];
        var similarity = new double[total];
        var fill = (int[])start.Clone();
        foreach (SimilarPair edge in edges)
        {
            int a = cluster[edge.First], b = cluster[edge.Second];
            if (a != b)
            {
                if (size[a] <= maxSize)
                {
                    other[fill[a]] = b;
                    similarity[fill[a]++] = edge.Similarity;
                }

                if (size[b] <= maxSize)
                {
                    other[fill[b]] = a;
                    similarity[fill[b]++] = edge.Similarity;
                }
            }
        }

        var joins = new int[count];
        var sums = new Dictionary<int, double>();
        for (int c = 0; c < count; c++)
        {
            joins[c] = c;
            if (start[c] == start[c + 1])
            {
                continue;
            }

            sums.Clear();
            for (int k = start[c]; k < start[c + 1]; k++)
            {
                sums[other[k]] = sums.GetValueOrDefault(other[k]) + similarity[k];
            }

            // The best cluster (ties to the smaller index) and the best average of the others.
            int best = -1;
            double bestAverage = double.NegativeInfinity, runnerUp = 0;
            foreach ((int target, double sum) in sums)
            {
                double average = sum / ((double)size[c] * size[target]);
                if (average > bestAverage || (average == bestAverage && target < best))
                {
                    runnerUp = best >= 0 ? Math.Max(runnerUp, bestAverage) : runnerUp;
                    (best, bestAverage) = (target, average);
                }
                else
                {
                    runnerUp = Math.Max(runnerUp, average);
                }
            }

            // Reports of an event follow it: a small cluster that starts well before the event's first report tells of an
            // earlier one (follow-ups, however late, may join).
            bool notEarlier = first[c] == int.MaxValue || first[best] == int.MaxValue || first[c] >= first[best] - window;
            if (size[best] > size[c] && bestAverage >= threshold && bestAverage - runnerUp >= margin && notEarlier)
            {
                joins[c] = best;
            }
        }

        // A cluster joins a larger one, so following the joins ends (a small cluster whose choice moves on follows it).
        var result = new int[count];
        var smallest = new int[count];
        Array.Fill(smallest, int.MaxValue);
        for (int i = 0; i < count; i++)
        {
            int r = cluster[i];
            while (joins[r] != r)
            {
                r = joins[r];
            }

            result[i] = r;
            smallest[result[i]] = Math.Min(smallest[result[i]], i);
        }

        for (int i = 0; i < count; i++)
        {
            result[i] = smallest[result[i]];
        }

        return result;
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
