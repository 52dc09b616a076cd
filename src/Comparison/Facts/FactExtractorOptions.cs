namespace Comparison.Facts;

/// <summary>Settings of <see cref="FactExtractor"/>.</summary>
public sealed record FactExtractorOptions
{
    /// <summary>The defaults.</summary>
    public static FactExtractorOptions Default { get; } = new();

    /// <summary>
    /// Relative half-width of the interval of an approximate amount ("about 100" is [90, 110] at 0.1) and
    /// the depth of "nearly". Default 0.1; must be in [0, 1).
    /// </summary>
    public double ApproximateTolerance { get; init; } = 0.1;

    /// <summary>Shortest quotation kept, in characters between the marks (shorter ones are mostly scare quotes). Default 20; must be at least 1.</summary>
    public int MinimumQuoteLength { get; init; } = 20;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(ApproximateTolerance >= 0 && ApproximateTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ApproximateTolerance), ApproximateTolerance, "ApproximateTolerance must be in [0, 1).");
        }

        if (MinimumQuoteLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumQuoteLength), MinimumQuoteLength, "MinimumQuoteLength must be at least 1.");
        }
    }
}
