using Comparison.Indexing;
namespace Comparison.Discrepancies;

/// <summary>
/// Lines up facts of one kind across documents: for every pair of documents, candidate pairs are taken
/// best score first, each fact at most once per other document (so the best-matching mention wins and a
/// second mention cannot be paired with something it merely resembles); aligned facts are then joined
/// into groups across all documents with union-find.
/// </summary>
internal static class FactAligner
{
    /// <summary>Scores fact <c>i</c> of document <c>a</c> against fact <c>j</c> of document <c>b</c>; a negative score means "never".</summary>
    public delegate double Scorer(int a, int i, int b, int j);

    /// <summary>Aligns the facts; returns groups of (document, index), each sorted, groups ordered by their first member.</summary>
    public static List<List<(int Document, int Index)>> Align(IReadOnlyList<int> counts, Scorer score, double threshold, out double[] bestScores)
    {
        int[] offsets = new int[counts.Count + 1];
        for (int d = 0; d < counts.Count; d++)
        {
            offsets[d + 1] = offsets[d] + counts[d];
        }

        int total = offsets[^1];
        int[] parent = new int[total];
        for (int k = 0; k < total; k++)
        {
            parent[k] = k;
        }

        bestScores = new double[total];
        var candidates = new List<(double Score, int I, int J)>();
        for (int a = 0; a < counts.Count; a++)
        {
            for (int b = a + 1; b < counts.Count; b++)
            {
                candidates.Clear();
                for (int i = 0; i < counts[a]; i++)
                {
                    for (int j = 0; j < counts[b]; j++)
                    {
                        double s = score(a, i, b, j);
                        if (s >= threshold)
                        {
                            candidates.Add((s, i, j));
                        }
                    }
                }

                candidates.Sort(static (x, y) =>
                {
                    int c = y.Score.CompareTo(x.Score);
                    if (c != 0)
                    {
                        return c;
                    }

                    c = x.I.CompareTo(y.I);
                    return c != 0 ? c : x.J.CompareTo(y.J);
                });
                var usedA = new HashSet<int>();
                var usedB = new HashSet<int>();
                foreach (var (s, i, j) in candidates)
                {
                    if (usedA.Contains(i) || usedB.Contains(j))
                    {
                        continue;
                    }

                    usedA.Add(i);
                    usedB.Add(j);
                    int x = offsets[a] + i;
                    int y = offsets[b] + j;
                    bestScores[x] = Math.Max(bestScores[x], s);
                    bestScores[y] = Math.Max(bestScores[y], s);
                    DisjointSets.Union(parent, x, y);
                }
            }
        }

        var groups = new Dictionary<int, List<(int, int)>>();
        var order = new List<int>();
        for (int d = 0; d < counts.Count; d++)
        {
            for (int i = 0; i < counts[d]; i++)
            {
                int root = DisjointSets.Find(parent, offsets[d] + i);
                if (!groups.TryGetValue(root, out var list))
                {
                    list = [];
                    groups[root] = list;
                    order.Add(root);
                }

                list.Add((d, i));
            }
        }

        var result = new List<List<(int Document, int Index)>>(order.Count);
        foreach (int root in order)
        {
            result.Add(groups[root]);
        }

        return result;
    }
}
