using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>Turns a cluster assignment into <see cref="EventCluster"/>s: ordering, representatives, labels.</summary>
internal static class ClusterDescriber
{
    private const int TermCount = 5;
    private const int LabelTerms = 4;

    /// <summary>Describes the clusters.</summary>
    /// <param name="documents">The documents in ordinal identifier order.</param>
    /// <param name="cluster">For each document, the smallest document index of its cluster.</param>
    /// <param name="edges">The scored candidate pairs (used to pick representatives).</param>
    /// <param name="features">The documents' features.</param>
    public static EventClustering Describe(IReadOnlyList<Document> documents, int[] cluster, IReadOnlyList<SimilarPair> edges, EventFeatures features)
    {
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < cluster.Length; i++)
        {
            if (!members.TryGetValue(cluster[i], out List<int>? list))
            {
                members.Add(cluster[i], list = []);
            }

            list.Add(i);
        }

        // Each member's summed similarity to the other members of its cluster.
        var centrality = new double[cluster.Length];
        foreach (SimilarPair edge in edges)
        {
            if (cluster[edge.First] == cluster[edge.Second])
            {
                centrality[edge.First] += edge.Similarity;
                centrality[edge.Second] += edge.Similarity;
            }
        }

        // Largest first, ties by the smallest member (the key), which is also the ordinally smallest identifier.
        var groups = members.Values.ToList();
        groups.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a[0].CompareTo(b[0]));
        var clusters = ImmutableArray.CreateBuilder<EventCluster>(groups.Count);
        foreach (List<int> group in groups)
        {
            int representative = group[0];
            foreach (int member in group)
            {
                if (centrality[member] > centrality[representative])
                {
                    representative = member;
                }
            }

            ImmutableArray<string> terms = TopTerms(group, features);
            string title = features.Titles[representative];
            clusters.Add(new EventCluster
            {
                Id = clusters.Count,
                DocumentIds = [.. group.Select(i => documents[i].Id)],
                RepresentativeId = documents[representative].Id,
                Label = title.Length > 0 ? title : string.Join(' ', terms.Take(LabelTerms)),
                Terms = terms,
            });
        }

        return new EventClustering(clusters.MoveToImmutable());
    }

    /// <summary>The heaviest content terms of the cluster's summed TF-IDF vectors, numbers left out; ties by ordinal order.</summary>
    private static ImmutableArray<string> TopTerms(List<int> group, EventFeatures features)
    {
        var weights = new Dictionary<int, double>();
        foreach (int member in group)
        {
            SparseVector vector = features.Content[member];
            for (int k = 0; k < vector.Count; k++)
            {
                weights[vector.Indices[k]] = weights.GetValueOrDefault(vector.Indices[k]) + vector.Values[k];
            }
        }

        var ranked = new List<(string Term, double Weight)>(weights.Count);
        foreach ((int id, double weight) in weights)
        {
            string term = features.ContentModel.Term(id);
            if (term.Length > 0 && !char.IsAsciiDigit(term[0]))
            {
                ranked.Add((term, weight));
            }
        }

        ranked.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        return [.. ranked.Take(TermCount).Select(t => t.Term)];
    }
}
