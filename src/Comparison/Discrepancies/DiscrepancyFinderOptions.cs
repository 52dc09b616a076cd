using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Settings of <see cref="DiscrepancyFinder"/>.</summary>
public sealed record DiscrepancyFinderOptions
{
    /// <summary>The defaults.</summary>
    public static DiscrepancyFinderOptions Default { get; } = new();

    /// <summary>How facts are extracted. Default <see cref="FactExtractorOptions.Default"/>; must not be null.</summary>
    public FactExtractorOptions Extraction { get; init; } = FactExtractorOptions.Default;

    /// <summary>Lowest alignment score (in [0, 1]) at which two amounts are taken to speak of the same thing. Default 0.55.</summary>
    public double NumberThreshold { get; init; } = 0.55;

    /// <summary>Lowest alignment score at which two dates are taken to speak of the same event. Default 0.5.</summary>
    public double DateThreshold { get; init; } = 0.5;

    /// <summary>Two amounts whose ratio exceeds this are never aligned (12 victims and 3,000 residents are different groups). Default 10; must exceed 1.</summary>
    public double MaxMagnitudeRatio { get; init; } = 10;

    /// <summary>Two dates further apart than this many days are never aligned. Default 31; must be positive.</summary>
    public int MaxDateDistanceDays { get; init; } = 31;

    /// <summary>Lowest FuzzySharp partial ratio (0-100) at which two quotations are taken to be the same quotation. Default 85.</summary>
    public int QuoteSimilarity { get; init; } = 85;

    /// <summary>Whether quotation pairs that share too few adjacent words are skipped before fuzzy scoring (tests switch it off to check it changes nothing).</summary>
    internal bool QuotePrefilter { get; init; } = true;

    /// <summary>Lowest FuzzySharp ratio (0-100) at which two different spellings are taken to be one name. Default 80.</summary>
    public int NameSimilarity { get; init; } = 80;

    /// <summary>
    /// Lowest confidence (in [0, 1]) at which a discrepancy is reported. Default 0.7: on the hand-annotated
    /// development events about four flags in five at or above it are real disagreements; lower it to see
    /// weaker candidates, strongest first.
    /// </summary>
    public double MinConfidence { get; init; } = 0.7;

    /// <summary>Whether facts only one document states are listed as its own claims. Default <see langword="true"/>.</summary>
    public bool ListSingleSourceClaims { get; init; } = true;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Extraction, nameof(Extraction));
        Extraction.Validate();
        Check(NumberThreshold is >= 0 and <= 1, nameof(NumberThreshold), NumberThreshold, "in [0, 1]");
        Check(DateThreshold is >= 0 and <= 1, nameof(DateThreshold), DateThreshold, "in [0, 1]");
        Check(MinConfidence is >= 0 and <= 1, nameof(MinConfidence), MinConfidence, "in [0, 1]");
        Check(MaxMagnitudeRatio > 1, nameof(MaxMagnitudeRatio), MaxMagnitudeRatio, "greater than 1");
        Check(MaxDateDistanceDays > 0, nameof(MaxDateDistanceDays), MaxDateDistanceDays, "positive");
        Check(QuoteSimilarity is >= 0 and <= 100, nameof(QuoteSimilarity), QuoteSimilarity, "in [0, 100]");
        Check(NameSimilarity is >= 0 and <= 100, nameof(NameSimilarity), NameSimilarity, "in [0, 100]");
    }

    private static void Check(bool ok, string name, object value, string allowed)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}.");
        }
    }
}
