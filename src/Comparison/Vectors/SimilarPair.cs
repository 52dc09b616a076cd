namespace Comparison.Vectors;

/// <summary>Two vectors of a corpus and their cosine similarity.</summary>
/// <param name="First">The position of the first vector in the input list; always less than <paramref name="Second"/>.</param>
/// <param name="Second">The position of the second vector in the input list.</param>
/// <param name="Similarity">Their cosine similarity, as <see cref="CosineSimilarity.Compute"/> gives it to single-precision rounding.</param>
public readonly record struct SimilarPair(int First, int Second, double Similarity);

/// <summary>One of the most similar vectors to a given vector.</summary>
/// <param name="Index">The position of the neighbour in the input list.</param>
/// <param name="Similarity">Its cosine similarity to the given vector.</param>
public readonly record struct Neighbor(int Index, double Similarity);
