namespace Comparison.Reports;

/// <summary>A section of an <see cref="ComparisonResult"/>: the result of one stage, and what its command prints.</summary>
public enum ReportSection
{
    /// <summary>Near-duplicate pairs and groups (<c>comparison duplicates</c>).</summary>
    Duplicates,

    /// <summary>Event clusters (<c>comparison cluster</c>).</summary>
    Clusters,

    /// <summary>The similarity matrices (<c>comparison similarity</c>).</summary>
    Similarity,

    /// <summary>Shared passages (<c>comparison passages</c>).</summary>
    Passages,

    /// <summary>Discrepancies, single-source claims and coverage (<c>comparison discrepancies</c>).</summary>
    Discrepancies,
}
