using System.Collections.Immutable;

namespace Comparison;

/// <summary>A dense, symmetric similarity matrix of a (small) set of documents, stored row-major.</summary>
/// <param name="Documents">The identifiers of the rows and columns.</param>
/// <param name="Cosine">TF-IDF cosine similarities, <c>Documents.Length²</c> values, row-major.</param>
/// <param name="Jaccard">Jaccard similarities in the same layout, or an empty array when not computed.</param>
public sealed record SimilaritySection(ImmutableArray<string> Documents, ImmutableArray<double> Cosine, ImmutableArray<double> Jaccard)
{
    /// <summary>The cosine similarity of rows <paramref name="i"/> and <paramref name="j"/>.</summary>
    /// <param name="i">A row.</param>
    /// <param name="j">A column.</param>
    /// <returns>The similarity.</returns>
    public double CosineAt(int i, int j) => Cosine[(i * Documents.Length) + j];
}
