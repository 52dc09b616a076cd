using Comparison.Discrepancies;

namespace Comparison.Reports;

/// <summary>Options of <see cref="Analyzer"/>: which stages run, and their main settings.</summary>
public sealed record AnalyzerOptions
{
    /// <summary>The defaults: every stage on, duplicates at Jaccard 0.8, a similarity matrix up to 100 documents.</summary>
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Find near-duplicates. Default <see langword="true"/>.</summary>
    public bool FindDuplicates { get; init; } = true;

    /// <summary>The Jaccard threshold for near-duplicates, in (0, 1]. Default 0.8.</summary>
    public double DuplicateThreshold { get; init; } = 0.8;

    /// <summary>Cluster the documents into events. Default <see langword="true"/>.</summary>
    public bool FindClusters { get; init; } = true;

    /// <summary>Find passages shared by documents of one cluster. Default <see langword="true"/>.</summary>
    public bool FindPassages { get; init; } = true;

    /// <summary>Extract facts and find discrepancies within each cluster. Default <see langword="true"/>.</summary>
    public bool FindDiscrepancies { get; init; } = true;

    /// <summary>Settings of the discrepancy stage. Default <see cref="DiscrepancyFinderOptions.Default"/>.</summary>
    public DiscrepancyFinderOptions Discrepancies { get; init; } = DiscrepancyFinderOptions.Default;

    /// <summary>
    /// The largest corpus for which the dense document-by-document similarity matrix (the report's heatmap) is
    /// computed; 0 turns it off. Default 100.
    /// </summary>
    public int SimilarityMatrixMaxDocuments { get; init; } = 100;

    /// <summary>Throws when a property is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property is out of range.</exception>
    public void Validate()
    {
        if (!(DuplicateThreshold > 0 && DuplicateThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicateThreshold), DuplicateThreshold, "DuplicateThreshold must be in (0, 1].");
        }

        if (SimilarityMatrixMaxDocuments < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityMatrixMaxDocuments), SimilarityMatrixMaxDocuments, "SimilarityMatrixMaxDocuments must be 0 or more.");
        }

        ArgumentNullException.ThrowIfNull(Discrepancies, nameof(Discrepancies));
        Discrepancies.Validate();
    }
}
