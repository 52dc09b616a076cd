using System.Collections.Immutable;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Text;

namespace Comparison;

/// <summary>Near-duplicates: every pair whose Jaccard similarity clears the threshold, and the groups they form.</summary>
/// <param name="Threshold">The Jaccard threshold used.</param>
/// <param name="Pairs">The pairs of document identifiers, each with <c>A</c> before <c>B</c> in input order.</param>
/// <param name="Groups">Connected components of the pairs (two or more documents each), each in input order.</param>
public sealed record DuplicatesSection(double Threshold, ImmutableArray<DuplicatePair<string>> Pairs, ImmutableArray<ImmutableArray<string>> Groups)
{
    /// <summary>What a candidate pair had to clear, when known. Default <see langword="null"/>.</summary>
    public DuplicateVerification? Verification { get; init; }

    /// <summary>The shingles the Jaccard similarities are over, when known. Default <see langword="null"/>.</summary>
    public ShinglerOptions? Shingles { get; init; }

    /// <summary>The MinHash signatures behind the estimates, when known. Default <see langword="null"/>.</summary>
    public MinHashOptions? MinHash { get; init; }

    /// <summary>The LSH banding used to find candidates, when known. Default <see langword="null"/>.</summary>
    public LshParameters? Banding { get; init; }

    /// <summary>How many candidate pairs the LSH index proposed, when known. Default <see langword="null"/>.</summary>
    public int? CandidatePairs { get; init; }
}
