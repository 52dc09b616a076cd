namespace Comparison;

/// <summary>A unit of work of <see cref="NewsComparer.Compare"/> that reports progress, in the order they run.</summary>
public enum ComparisonStage
{
    /// <summary>The documents are read and checked (identifiers unique, lengths within bounds).</summary>
    Read,

    /// <summary>Each document is cut into shingles and, for near-duplicates, signed with MinHash.</summary>
    Shingles,

    /// <summary>The dense similarity matrix of a small corpus.</summary>
    Similarity,

    /// <summary>The documents are clustered into events.</summary>
    Clusters,

    /// <summary>Passages shared within each cluster are aligned.</summary>
    Passages,

    /// <summary>Facts are compared within each cluster.</summary>
    Discrepancies,
}

/// <summary>Progress of one stage of a comparison (<see cref="NewsComparer.Compare"/>).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Completed">Units of work done so far in this stage.</param>
/// <param name="Total">Units of work the stage has in all (0 when unknown).</param>
public readonly record struct ComparisonProgress(ComparisonStage Stage, int Completed, int Total);
