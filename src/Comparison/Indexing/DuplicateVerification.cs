namespace Comparison.Indexing;

/// <summary>What a candidate pair must clear before it links two documents.</summary>
public enum DuplicateVerification
{
    /// <summary>The Jaccard similarity estimated from the signatures (standard error sqrt(J(1 − J)/K)).</summary>
    Estimated = 0,

    /// <summary>
    /// The exact Jaccard similarity of the shingle sets. Candidates whose estimate is more than four standard
    /// errors below the threshold are dropped first, so few exact comparisons are made.
    /// </summary>
    Exact = 1,
}
