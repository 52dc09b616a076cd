namespace Comparison.Facts;

/// <summary>A length of time: "50-minute", "two weeks", "three hours".</summary>
public sealed record Duration : Fact
{
    /// <summary>The number of units stated.</summary>
    public required double Amount { get; init; }

    /// <summary>The unit, singular and lower-cased ("minute", "week").</summary>
    public required string Unit { get; init; }

    /// <summary>The length in days (months count 30.4375 days, years 365.25).</summary>
    public required double Days { get; init; }
}
