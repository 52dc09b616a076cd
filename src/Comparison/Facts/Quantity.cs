namespace Comparison.Facts;

/// <summary>
/// A stated amount: "over 4,000 firefighters", "five people were injured", "hundreds of protesters".
/// <see cref="Fact.Text"/> covers the qualifier and the number ("over 45,000").
/// </summary>
public sealed record Quantity : Fact
{
    /// <summary>The number as stated (45000 for "45,000", 1200000 for "1.2 million", 200 for "hundreds").</summary>
    public required double Value { get; init; }

    /// <summary>The values the statement allows once its qualifier is taken into account.</summary>
    public required NumericInterval Interval { get; init; }

    /// <summary>The kind of qualifier.</summary>
    public required QuantityQualifier Qualifier { get; init; }

    /// <summary>The qualifier as written, lower-cased ("more than"), or <see langword="null"/> when exact.</summary>
    public string? QualifierText { get; init; }

    /// <summary>The thing counted with its modifiers as written ("volunteer firefighters"); empty when the number stands alone.</summary>
    public required string Noun { get; init; }

    /// <summary>The head of <see cref="Noun"/>, lower-cased ("firefighters"); empty when there is none.</summary>
    public required string Head { get; init; }

    /// <summary>What happened to the things counted, lower-cased ("killed", "deployed"), or <see langword="null"/>.</summary>
    public string? Predicate { get; init; }

    /// <summary>Offset of the counted noun phrase, or -1.</summary>
    public int NounStart { get; init; } = -1;

    /// <summary>Offset one past the counted noun phrase, or -1.</summary>
    public int NounEnd { get; init; } = -1;
}
