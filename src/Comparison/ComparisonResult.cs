using System.Collections.Immutable;
using Comparison.Documents;

namespace Comparison;

/// <summary>
/// Everything one comparison of a corpus found: the documents, and one result per pipeline stage —
/// near-duplicates, event clusters, the similarity matrix, shared passages, discrepancies with their evidence.
/// </summary>
/// <remarks>
/// Each stage is a <see cref="StageResult{T}"/>: its section when the stage ran (empty when it found nothing), or
/// the <see cref="SkipReason"/> it did not run for (switched off, or the corpus too large for it, as for the
/// similarity matrix); never placeholder data. A stage left unset is skipped with
/// <see cref="SkipReason.NotRequested"/>. The result is immutable and safe to share between threads; the renderers
/// in <c>Comparison.Reports</c> produce the same bytes for the same result.
/// </remarks>
public sealed record ComparisonResult
{
    /// <summary>Creates a result over documents, with every stage not run yet.</summary>
    /// <param name="documents">The compared documents, in input order.</param>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is a default array or holds a null.</exception>
    public ComparisonResult(ImmutableArray<Document> documents)
    {
        if (documents.IsDefault)
        {
            throw new ArgumentException("The documents array must not be a default (uninitialised) array.", nameof(documents));
        }

        foreach (Document document in documents)
        {
            if (document is null)
            {
                throw new ArgumentException("The documents must not contain null.", nameof(documents));
            }
        }

        Documents = documents;
        DocumentCount = documents.Length;
    }

    /// <summary>Creates a result over a corpus that was read as a stream: its number of documents, none of them held.</summary>
    internal ComparisonResult(int documentCount)
    {
        Documents = [];
        DocumentCount = documentCount;
    }

    /// <summary>
    /// The compared documents, in input order; empty when the comparison read them as a stream
    /// (<see cref="NewsComparerOptions.StreamDocuments"/>).
    /// </summary>
    public ImmutableArray<Document> Documents { get; }

    /// <summary>The number of compared documents (also when <see cref="Documents"/> was not kept).</summary>
    public int DocumentCount { get; }

    /// <summary>
    /// What a report says of each document (identifier, date, source, title, address, length) when a streamed
    /// analysis kept that and no text; default otherwise.
    /// </summary>
    internal ImmutableArray<DocumentHeader> Headers { get; init; }

    /// <summary>Near-duplicate pairs and groups. Default: skipped, <see cref="SkipReason.NotRequested"/>.</summary>
    public StageResult<DuplicatesSection> Duplicates { get; init; }

    /// <summary>Event clusters (every document in exactly one). Default: skipped, <see cref="SkipReason.NotRequested"/>.</summary>
    public StageResult<ClustersSection> Clusters { get; init; }

    /// <summary>Pairwise similarity of the documents (small corpora only). Default: skipped, <see cref="SkipReason.NotRequested"/>.</summary>
    public StageResult<SimilaritySection> Similarity { get; init; }

    /// <summary>Passages shared by pairs of documents of one cluster. Default: skipped, <see cref="SkipReason.NotRequested"/>.</summary>
    public StageResult<PassagesSection> Passages { get; init; }

    /// <summary>Discrepancies, per-source claims and fact coverage. Default: skipped, <see cref="SkipReason.NotRequested"/>.</summary>
    public StageResult<DiscrepanciesSection> Discrepancies { get; init; }

    /// <summary>Finds a document by identifier (ordinal), or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The document, or <see langword="null"/> when no document has that identifier.</returns>
    public Document? FindDocument(string id)
    {
        foreach (Document document in Documents)
        {
            if (string.Equals(document.Id, id, StringComparison.Ordinal))
            {
                return document;
            }
        }

        return null;
    }
}
