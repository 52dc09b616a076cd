using System.Collections.Immutable;
using Comparison.Documents;

namespace Comparison.Facts;

/// <summary>Everything <see cref="FactExtractor"/> found in one document, each list in text order.</summary>
public sealed record DocumentFacts
{
    /// <summary>The document the facts come from.</summary>
    public required Document Document { get; init; }

    /// <summary>Sentence spans (start, end exclusive) in document order; facts refer to them by index.</summary>
    public required ImmutableArray<(int Start, int End)> Sentences { get; init; }

    /// <summary>Stated amounts.</summary>
    public required ImmutableArray<Quantity> Quantities { get; init; }

    /// <summary>Dates and periods.</summary>
    public required ImmutableArray<DateMention> Dates { get; init; }

    /// <summary>Lengths of time.</summary>
    public required ImmutableArray<Duration> Durations { get; init; }

    /// <summary>Quotations with their speakers.</summary>
    public required ImmutableArray<Quote> Quotes { get; init; }

    /// <summary>Statements of people killed, injured or shot (see <see cref="CasualtyTotals"/>).</summary>
    public required ImmutableArray<CasualtyStatement> Casualties { get; init; }

    /// <summary>Named entities.</summary>
    public required ImmutableArray<EntityMention> Entities { get; init; }

    /// <summary>
    /// Statements of people killed, injured or shot in the document's title ("1 dead, 3 hurt in barbershop
    /// shooting"); their offsets and sentence indexes refer to <see cref="Document.Title"/>, not to the text.
    /// Empty when the document has no title.
    /// </summary>
    public ImmutableArray<CasualtyStatement> TitleCasualties { get; init; } = [];
}
