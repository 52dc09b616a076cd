namespace Comparison.Evaluation;

/// <summary>How well a predicted partition matches a gold partition of the same items.</summary>
/// <remarks>Produced by <see cref="ClusteringMetrics.Evaluate{TGold, TPredicted}(IReadOnlyList{TGold}, IReadOnlyList{TPredicted})"/>.</remarks>
public sealed record ClusteringScores
{
    /// <summary>The number of items scored.</summary>
    public required int Items { get; init; }

    /// <summary>The number of distinct gold clusters.</summary>
    public required int GoldClusters { get; init; }

    /// <summary>The number of distinct predicted clusters.</summary>
    public required int PredictedClusters { get; init; }

    /// <summary>The adjusted Rand index (Hubert and Arabie, 1985): 1 for identical partitions, about 0 for chance, may be negative.</summary>
    public required double AdjustedRandIndex { get; init; }

    /// <summary>The normalised mutual information with the arithmetic-mean normaliser, in [0, 1].</summary>
    public required double NormalizedMutualInformation { get; init; }

    /// <summary>B-cubed precision and recall (Bagga and Baldwin, 1998), averaged over items.</summary>
    public required PrecisionRecall BCubed { get; init; }

    /// <summary>Pairwise precision and recall over the unordered pairs placed together.</summary>
    public required PrecisionRecall Pairwise { get; init; }
}
