using Comparison.Clustering;
using Comparison.Discrepancies;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison;

/// <summary>Options of <see cref="NewsComparer"/>: which stages run, and their main settings.</summary>
public sealed record NewsComparerOptions
{
    /// <summary>The defaults: every stage on, word 5-shingles, 128 classic MinHash permutations, duplicates at Jaccard 0.8, a similarity matrix up to 100 documents.</summary>
    public static NewsComparerOptions Default { get; } = new();

    /// <summary>Find near-duplicates. Default <see langword="true"/>.</summary>
    public bool FindDuplicates { get; init; } = true;

    /// <summary>How documents are cut into shingles for near-duplicates and Jaccard similarity. Default <see cref="ShinglerOptions.Default"/> (word 5-shingles).</summary>
    public ShinglerOptions Shingles { get; init; } = ShinglerOptions.Default;

    /// <summary>The MinHash signatures (permutations, seed, scheme). Default <see cref="MinHashOptions.Default"/>.</summary>
    public MinHashOptions MinHash { get; init; } = MinHashOptions.Default;

    /// <summary>
    /// The near-duplicate search (threshold, verification, LSH weights). Default <see cref="DuplicateOptions.Default"/>
    /// (Jaccard 0.8, <see cref="DuplicateVerification.Exact"/> verification: the comparer has every shingle set at hand).
    /// </summary>
    public DuplicateOptions Duplicates { get; init; } = DuplicateOptions.Default;

    /// <summary>The TF-IDF model behind the similarity matrix. Default <see cref="TfIdfOptions.Default"/> with the English stop words.</summary>
    public TfIdfOptions TfIdf { get; init; } = TfIdfOptions.Default with { StopWords = TfIdfOptions.EnglishStopWords };

    /// <summary>Cluster the documents into events. Default <see langword="true"/>.</summary>
    public bool FindClusters { get; init; } = true;

    /// <summary>The event clustering (signal weights, time window, threshold). Default <see cref="EventClustererOptions.Default"/>.</summary>
    public EventClustererOptions Clustering { get; init; } = EventClustererOptions.Default;

    /// <summary>Find passages shared by documents of one cluster. Default <see langword="true"/>.</summary>
    public bool FindPassages { get; init; } = true;

    /// <summary>How shared passages are found (seed length, gaps, least similarity). Default <see cref="PassageAlignerOptions.Default"/>.</summary>
    public PassageAlignerOptions Passages { get; init; } = PassageAlignerOptions.Default;

    /// <summary>
    /// The largest cluster in which every pair of documents is aligned for shared passages; in a larger cluster
    /// each document is aligned with the cluster's representative only, so the cost stays linear. Default 40
    /// (780 pairs).
    /// </summary>
    public int PassageAllPairsMaxDocuments { get; init; } = 40;

    /// <summary>Extract facts and find discrepancies within each cluster. Default <see langword="true"/>.</summary>
    public bool FindDiscrepancies { get; init; } = true;

    /// <summary>Settings of the discrepancy stage. Default <see cref="DiscrepancyFinderOptions.Default"/>.</summary>
    public DiscrepancyFinderOptions Discrepancies { get; init; } = DiscrepancyFinderOptions.Default;

    /// <summary>
    /// The upper bound of <see cref="SimilarityMatrixMaxDocuments"/>: the two dense n × n matrices (cosine and
    /// Jaccard, 16 bytes a cell) of 2,000 documents take about 64 MB, and a report that prints them about as much again.
    /// </summary>
    public const int MaxSimilarityMatrixDocuments = 2000;

    /// <summary>
    /// The largest corpus for which the dense document-by-document similarity matrix (the report's heatmap) is
    /// computed, from 0 (off) to <see cref="MaxSimilarityMatrixDocuments"/>; its memory grows with the square of
    /// the corpus. Default 100.
    /// </summary>
    public int SimilarityMatrixMaxDocuments { get; init; } = 100;

    /// <summary>
    /// The longest document, in UTF-16 code units, the analysis takes; a longer one is refused with a
    /// <see cref="Documents.DocumentFormatException"/> naming it, rather than running out of memory. Default
    /// 268,435,456 (256 Mi characters: a 256 MB text file of mostly ASCII).
    /// </summary>
    public int MaxDocumentLength { get; init; } = 256 << 20;

    /// <summary>
    /// Reads the documents as a stream and holds no corpus of texts, so that memory is set by the corpus size and
    /// the settings, never by its text: the sequence is enumerated once per stage (twice for exact duplicate
    /// verification) and must give the same documents each time, as a reader of <see cref="Documents.DocumentReader"/>
    /// or a list does. Shared passages and discrepancies then run cluster by cluster after the clustering pass,
    /// reading again only each cluster's documents (a JSON Lines line by its offset, a directory's file; another
    /// sequence is read through once more, keeping the documents of clusters of two or more), and the similarity
    /// matrix reads the documents again when there are at most <see cref="SimilarityMatrixMaxDocuments"/>. The
    /// result's sections are those of the same comparison in memory; its <see cref="ComparisonResult.Documents"/>
    /// is empty and <see cref="ComparisonResult.DocumentCount"/> gives their number. The JSON report
    /// (<c>Reports.JsonReportWriter</c>) is then the same, byte for byte; the text, Markdown and HTML reports quote
    /// the documents' texts and need them in memory. Default <see langword="false"/>.
    /// </summary>
    public bool StreamDocuments { get; init; }

    /// <summary>Throws when a property is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property (or one of a stage's options) is out of range.</exception>
    /// <exception cref="ArgumentNullException">A stage's options are <see langword="null"/>.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Shingles, nameof(Shingles));
        ArgumentNullException.ThrowIfNull(MinHash, nameof(MinHash));
        ArgumentNullException.ThrowIfNull(Duplicates, nameof(Duplicates));
        ArgumentNullException.ThrowIfNull(TfIdf, nameof(TfIdf));
        ArgumentNullException.ThrowIfNull(Clustering, nameof(Clustering));
        Shingles.Validate();
        MinHash.Validate();
        Duplicates.Validate();
        TfIdf.Validate();
        ArgumentNullException.ThrowIfNull(Passages, nameof(Passages));
        Passages.Validate();
        if (PassageAllPairsMaxDocuments < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(PassageAllPairsMaxDocuments), PassageAllPairsMaxDocuments, "PassageAllPairsMaxDocuments must be 2 or more.");
        }

        if (MaxDocumentLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentLength), MaxDocumentLength, "MaxDocumentLength must be 1 or more.");
        }

        if (SimilarityMatrixMaxDocuments is < 0 or > MaxSimilarityMatrixDocuments)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityMatrixMaxDocuments), SimilarityMatrixMaxDocuments, $"SimilarityMatrixMaxDocuments must be from 0 (no matrix) to {MaxSimilarityMatrixDocuments}: the matrix takes memory in the square of the corpus.");
        }

        ArgumentNullException.ThrowIfNull(Discrepancies, nameof(Discrepancies));
        Discrepancies.Validate();
    }
}
