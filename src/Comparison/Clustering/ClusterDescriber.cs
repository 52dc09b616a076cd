using System.Collections.Immutable;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>Turns a cluster assignment into <see cref="EventCluster"/>s: ordering, representatives, labels.</summary>
internal static class ClusterDescriber
{
    private const int TermCount = 5;
    private const int LabelTerms = 4;

    /// <summary>Describes the clusters of a batch run, whose representatives are found from the scored candidate pairs.</summary>
    /// <param name="cluster">For each document, the smallest document index of its cluster.</param>
    /// <param name="edges">The scored candidate pairs.</param>
    /// <param name="features">The documents' features, in ordinal identifier order.</param>
    public static EventClustering Describe(int[] cluster, IReadOnlyList<SimilarPair> edges, EventFeatures features)
    {
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

        return Describe(features.Ids, cluster, centrality, features.Content, features.ContentModel, features.Titles);
    }

    /// <summary>Describes the clusters.</summary>
    /// <param name="ids">The documents' identifiers, in ordinal order.</param>
    /// <param name="cluster">For each document, the smallest document index of its cluster.</param>
    /// <param name="centrality">For each document, its summed similarity to the rest of its cluster.</param>
    /// <param name="content">For each document, its content vector.</param>
    /// <param name="model">The model that numbers the content terms.</param>
    /// <param name="titles">For each document, its title without site names (empty when none).</param>
    public static EventClustering Describe(IReadOnlyList<string> ids, int[] cluster, double[] centrality, IReadOnlyList<SparseVector> content, TfIdfModel model, IReadOnlyList<string> titles)
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

            ImmutableArray<string> terms = TopTerms(group, content, model);
            string title = titles[representative];
            clusters.Add(new EventCluster
            {
                Id = clusters.Count,
                DocumentIds = [.. group.Select(i => ids[i])],
                RepresentativeId = ids[representative],
                Label = title.Length > 0 ? title : string.Join(' ', terms.Take(LabelTerms)),
                Terms = terms,
            });
        }

        return new EventClustering(clusters.MoveToImmutable());
    }

    /// <summary>The heaviest content terms of the cluster's summed TF-IDF vectors, numbers left out; ties by ordinal order.</summary>
    private static ImmutableArray<string> TopTerms(List<int> group, IReadOnlyList<SparseVector> content, TfIdfModel model)
    {
        var weights = new Dictionary<int, double>();
        foreach (int member in group)
        {
            SparseVector vector = content[member];
            for (int k = 0; k < vector.Count; k++)
            {
                weights[vector.Indices[k]] = weights.GetValueOrDefault(vector.Indices[k]) + vector.Values[k];
            }
        }

        var ranked = new List<(string Term, double Weight)>(weights.Count);
        foreach ((int id, double weight) in weights)
        {
            string term = model.Term(id);
            if (term.Length > 0 && !char.IsAsciiDigit(term[0]))
            {
                ranked.Add((term, weight));
            }
        }

        ranked.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        return [.. ranked.Take(TermCount).Select(t => t.Term)];
    }
}
