namespace Comparison.Indexing;

/// <summary>Two documents found to be near-duplicates; <see cref="A"/> comes before <see cref="B"/> in the input.</summary>
/// <typeparam name="TKey">The document key type.</typeparam>
/// <param name="A">The earlier document.</param>
/// <param name="B">The later document.</param>
/// <param name="EstimatedJaccard">The Jaccard similarity estimated from the signatures.</param>
/// <param name="Jaccard">The exact Jaccard similarity of the shingle sets, when they were given.</param>
public readonly record struct DuplicatePair<TKey>(TKey A, TKey B, double EstimatedJaccard, double? Jaccard);
