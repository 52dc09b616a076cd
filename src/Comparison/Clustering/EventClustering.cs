using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Comparison.Clustering;

/// <summary>A partition of a corpus into event clusters: every document is in exactly one cluster.</summary>
/// <remarks>
/// Clusters are ordered by decreasing size, ties by their ordinally smallest document identifier, and numbered in
/// that order, so the result does not depend on the order the documents were given in. Immutable and thread safe.
/// </remarks>
public sealed class EventClustering
{
    private readonly FrozenDictionary<string, int> _clusterOf;

    internal EventClustering(ImmutableArray<EventCluster> clusters)
    {
        Clusters = clusters;
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (EventCluster cluster in clusters)
        {
            foreach (string id in cluster.DocumentIds)
            {
                map.Add(id, cluster.Id);
            }
        }

        _clusterOf = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The clusters, singletons included, largest first.</summary>
    public ImmutableArray<EventCluster> Clusters { get; }

    /// <summary>The number of documents clustered.</summary>
    public int DocumentCount => _clusterOf.Count;

    /// <summary>The <see cref="EventCluster.Id"/> of the cluster holding a document.</summary>
    /// <param name="documentId">A document identifier from the clustered corpus.</param>
    /// <returns>The cluster number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documentId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No clustered document has this identifier.</exception>
    public int ClusterOf(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _clusterOf.TryGetValue(documentId, out int cluster)
            ? cluster
            : throw new KeyNotFoundException($"No clustered document has the id '{documentId}'.");
    }
}
