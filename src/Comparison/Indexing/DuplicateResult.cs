using System.Collections.Immutable;

namespace Comparison.Indexing;

/// <summary>The near-duplicate pairs of a corpus and the groups they form.</summary>
/// <typeparam name="TKey">The document key type.</typeparam>
public sealed class DuplicateResult<TKey>
{
    internal DuplicateResult(double threshold, LshParameters parameters, int candidatePairs, ImmutableArray<DuplicatePair<TKey>> pairs, ImmutableArray<ImmutableArray<TKey>> groups)
    {
        Threshold = threshold;
        Parameters = parameters;
        CandidatePairs = candidatePairs;
        Pairs = pairs;
        Groups = groups;
    }

    /// <summary>The threshold every pair cleared.</summary>
    public double Threshold { get; }

    /// <summary>The bands and rows used to find candidates.</summary>
    public LshParameters Parameters { get; }

    /// <summary>How many candidate pairs (sharing at least one band) were examined.</summary>
    public int CandidatePairs { get; }

    /// <summary>Every verified pair, ordered by the input position of <c>A</c>, then of <c>B</c>.</summary>
    public ImmutableArray<DuplicatePair<TKey>> Pairs { get; }

    /// <summary>
    /// The connected components of the verified pairs with two or more documents, each in input order, ordered
    /// by their first document. Documents without a duplicate are in no group.
    /// </summary>
    public ImmutableArray<ImmutableArray<TKey>> Groups { get; }
}
