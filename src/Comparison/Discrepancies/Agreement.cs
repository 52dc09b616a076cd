using System.Collections.Immutable;

namespace Comparison.Discrepancies;

/// <summary>
/// Facts of one kind, in two or more documents of one event, that speak of the same thing and say the same:
/// equal amounts (with the same qualifier interval), dates resolving to the same day, the same quotation
/// (an excerpt of a longer one included) given to the same speaker.
/// </summary>
/// <remarks>
/// Found by the same alignment as <see cref="Discrepancy"/>: an aligned group is either an agreement or a
/// discrepancy, never both, so a "which source reports which fact" table can list agreements,
/// discrepancies and <see cref="SingleSourceClaim"/>s side by side without counting a fact twice.
/// </remarks>
public sealed record Agreement
{
    /// <summary>The kind of fact (<see cref="DiscrepancyKind.Number"/>, <see cref="DiscrepancyKind.Date"/> or <see cref="DiscrepancyKind.Quote"/>).</summary>
    public required DiscrepancyKind Kind { get; init; }

    /// <summary>A short description of what the facts are about (as for a discrepancy).</summary>
    public required string Subject { get; init; }

    /// <summary>The agreed value, as <see cref="DiscrepancyMention.Value"/> gives it: a number, an ISO date (or "first/last"), or the words of the quotation.</summary>
    public required string Value { get; init; }

    /// <summary>How sure the alignment is, in [0, 1] (the weakest link of the group).</summary>
    public required double Confidence { get; init; }

    /// <summary>Every aligned mention, at least two documents, ordered by document (input order) then offset.</summary>
    public required ImmutableArray<DiscrepancyMention> Mentions { get; init; }

    /// <summary>How many different documents state the fact.</summary>
    public int DocumentCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < Mentions.Length; i++)
            {
                bool seen = false;
                for (int j = 0; j < i && !seen; j++)
                {
                    seen = string.Equals(Mentions[j].Document, Mentions[i].Document, StringComparison.Ordinal);
                }

                count += seen ? 0 : 1;
            }

            return count;
        }
    }
}
