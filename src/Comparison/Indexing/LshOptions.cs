using Comparison.Sketches;

namespace Comparison.Indexing;

/// <summary>Settings of an <see cref="LshIndex{TKey}"/>: the similarity threshold and how bands × rows are chosen.</summary>
public sealed record LshOptions
{
    /// <summary>The defaults: threshold 0.8, 128 permutations, false-positive weight 0.05, false-negative weight 0.95.</summary>
    public static LshOptions Default { get; } = new();

    /// <summary>
    /// The Jaccard similarity that counts as a match, in (0, 1). Default 0.8. Bands × rows are tuned around it,
    /// and <see cref="LshIndex{TKey}.Query(MinHashSignature)"/> drops candidates whose estimate is below it.
    /// </summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>The number of permutations K of the signatures the index holds. Default 128.</summary>
    public int Permutations { get; init; } = 128;

    /// <summary>
    /// The weight of the false-positive area (candidates below the threshold) when choosing bands × rows.
    /// Default 0.05: a false candidate costs one estimate (a few nanoseconds) and is dropped, a missed
    /// duplicate is lost, so recall is weighted 19 to 1 (datasketch weighs them equally, 0.5 and 0.5).
    /// </summary>
    public double FalsePositiveWeight { get; init; } = 0.05;

    /// <summary>The weight of the false-negative area (matches that are never candidates). Default 0.95.</summary>
    public double FalseNegativeWeight { get; init; } = 0.95;

    /// <summary>Explicit number of bands; with <see cref="Rows"/> it overrides the optimisation. Default <see langword="null"/>.</summary>
    public int? Bands { get; init; }

    /// <summary>Explicit rows per band; with <see cref="Bands"/> it overrides the optimisation. Default <see langword="null"/>.</summary>
    public int? Rows { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    /// <exception cref="ArgumentException">Only one of <see cref="Bands"/> and <see cref="Rows"/> is set, or their product exceeds <see cref="Permutations"/>.</exception>
    public void Validate()
    {
        if (!(Threshold is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, $"{nameof(Threshold)} must be strictly between 0 and 1.");
        }

        if (Permutations is < 1 or > MinHashOptions.MaxPermutations)
        {
            throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, $"{nameof(Permutations)} must be between 1 and {MinHashOptions.MaxPermutations}.");
        }

        if (!(FalsePositiveWeight >= 0 && double.IsFinite(FalsePositiveWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(FalsePositiveWeight), FalsePositiveWeight, $"{nameof(FalsePositiveWeight)} must be finite and non-negative.");
        }

        if (!(FalseNegativeWeight >= 0 && double.IsFinite(FalseNegativeWeight)) || FalsePositiveWeight + FalseNegativeWeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FalseNegativeWeight), FalseNegativeWeight, $"{nameof(FalseNegativeWeight)} must be finite and non-negative, and the two weights must not both be zero.");
        }

        if (Bands.HasValue != Rows.HasValue)
        {
            throw new ArgumentException($"{nameof(Bands)} and {nameof(Rows)} must be set together or not at all.", Bands.HasValue ? nameof(Rows) : nameof(Bands));
        }

        if (Bands is { } bands && Rows is { } rows && (bands < 1 || rows < 1 || (long)bands * rows > Permutations))
        {
            throw new ArgumentException($"{nameof(Bands)} × {nameof(Rows)} = {bands} × {rows} must be positive and at most {nameof(Permutations)} ({Permutations}).", nameof(Bands));
        }
    }
}
