using System.Collections.Immutable;

namespace Comparison.Clustering;

/// <summary>The reports of one event: the documents, a representative one, and a short label.</summary>
public sealed record EventCluster
{
    /// <summary>The cluster's number within its <see cref="EventClustering"/>: 0 for the first (the largest).</summary>
    public required int Id { get; init; }

    /// <summary>The identifiers of the cluster's documents, in ordinal order; never empty.</summary>
    public required ImmutableArray<string> DocumentIds { get; init; }

    /// <summary>
    /// The document most similar to the rest of the cluster (the largest sum of similarities to the other members;
    /// ties go to the ordinally smallest identifier).
    /// </summary>
    public required string RepresentativeId { get; init; }

    /// <summary>A few words: the representative's title without its site name, or else the most distinctive terms.</summary>
    public required string Label { get; init; }

    /// <summary>The cluster's most distinctive content terms, heaviest first (up to five).</summary>
    public required ImmutableArray<string> Terms { get; init; }
}
