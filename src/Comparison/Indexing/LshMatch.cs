using Comparison.Sketches;

namespace Comparison.Indexing;

/// <summary>One answer of an <see cref="LshIndex{TKey}"/> query: an indexed key and the estimated Jaccard similarity of its signature to the query.</summary>
/// <typeparam name="TKey">The key type of the index.</typeparam>
/// <param name="Key">The key the matching signature was inserted under.</param>
/// <param name="Estimate">The estimated Jaccard similarity to the query, with its standard error.</param>
public readonly record struct LshMatch<TKey>(TKey Key, JaccardEstimate Estimate);
