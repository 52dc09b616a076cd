using System.Collections.Immutable;

namespace Comparison;

/// <summary>The event clusters: every document is in exactly one (singletons included).</summary>
/// <param name="Clusters">The clusters, numbered from 0.</param>
public sealed record ClustersSection(ImmutableArray<ReportCluster> Clusters);

/// <summary>One event cluster of a <see cref="ComparisonResult"/>.</summary>
/// <param name="Id">The cluster number (0-based, as in the <c>cluster</c> command's JSON).</param>
/// <param name="Documents">Identifiers of its documents, in input order.</param>
/// <param name="Label">A few distinctive words.</param>
/// <param name="Representative">The identifier of its most central document, when known.</param>
public sealed record ReportCluster(int Id, ImmutableArray<string> Documents, string Label, string? Representative)
{
    /// <summary>The cluster's most distinctive terms, most distinctive first; empty when unknown. Default empty.</summary>
    public ImmutableArray<string> Terms { get; init; } = [];
}
