using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>What <see cref="DiscrepancyFinder"/> found in one group of reports of an event.</summary>
public sealed record DiscrepancyReport
{
    /// <summary>The facts of each document, in input order.</summary>
    public required ImmutableArray<DocumentFacts> Facts { get; init; }

    /// <summary>The disagreements, ordered by kind, then by the first mention's document and offset.</summary>
    public required ImmutableArray<Discrepancy> Discrepancies { get; init; }

    /// <summary>Facts only one document states, in input order.</summary>
    public required ImmutableArray<SingleSourceClaim> SingleSourceClaims { get; init; }

    /// <summary>
    /// Facts two or more documents state alike (amounts, dates, quotations), ordered by kind, then by the first
    /// mention's document and offset; empty unless the report was made by <see cref="DiscrepancyFinder"/>.
    /// </summary>
    public ImmutableArray<Agreement> Agreements { get; init; } = [];
}
