using System.Globalization;

namespace Comparison.Facts;

/// <summary>The set of values a quantity with a qualifier allows: "over 40" is (40, +∞), "about 50" is [45, 55].</summary>
/// <param name="Lower">Lower bound (may be <see cref="double.NegativeInfinity"/>).</param>
/// <param name="Upper">Upper bound (may be <see cref="double.PositiveInfinity"/>).</param>
/// <param name="LowerInclusive">Whether <paramref name="Lower"/> itself belongs to the interval.</param>
/// <param name="UpperInclusive">Whether <paramref name="Upper"/> itself belongs to the interval.</param>
public readonly record struct NumericInterval(double Lower, double Upper, bool LowerInclusive, bool UpperInclusive)
{
    /// <summary>The interval holding exactly one value.</summary>
    public static NumericInterval Exactly(double value) => new(value, value, true, true);

    /// <summary>Whether the interval contains <paramref name="value"/>.</summary>
    public bool Contains(double value) =>
        (value > Lower || (LowerInclusive && value == Lower)) && (value < Upper || (UpperInclusive && value == Upper));

    /// <summary>Whether the two intervals share at least one value.</summary>
    public bool Overlaps(NumericInterval other)
    {
        double lo = Math.Max(Lower, other.Lower);
        double hi = Math.Min(Upper, other.Upper);
        if (lo < hi)
        {
            return true;
        }

        if (lo > hi)
        {
            return false;
        }

        return Contains(lo) && other.Contains(lo);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(LowerInclusive ? '[' : '(')}{Lower:0.###}, {Upper:0.###}{(UpperInclusive ? ']' : ')')}");
}
