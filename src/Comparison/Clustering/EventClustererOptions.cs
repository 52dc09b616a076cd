namespace Comparison.Clustering;

/// <summary>Settings of <see cref="EventClusterer"/> and <see cref="IncrementalEventClusterer"/>.</summary>
/// <remarks>
/// The defaults are one configuration chosen on four kinds of news corpora at once (look-alike events in ECB+,
/// local shooting reports in the Gun Violence Archive corpus, the same events told by three outlets in BASIL,
/// political events told by five outlets in NewsWCL50); see the benchmarks README for the scores. The similarity
/// of two documents is
/// <c>ContentWeight·cos(content) + EntityWeight·cos(entities)</c> (the weights are normalised to sum to 1),
/// plus, when both documents are dated, <c>TimeBonus·f − TimePenalty·(1 − f)</c> where <c>f</c> is 1 within
/// <see cref="TimeWindowDays"/> and decays as <c>exp(−(Δ − window) / TimeDecayDays)</c> beyond it. A missing date is
/// neutral: the time term is 0.
/// </remarks>
public sealed record EventClustererOptions
{
    /// <summary>The default settings.</summary>
    public static EventClustererOptions Default { get; } = new();

    /// <summary>Weight of the TF-IDF cosine of the documents' words. Default 0.6.</summary>
    public double ContentWeight { get; init; } = 0.6;

    /// <summary>Weight of the TF-IDF cosine of the documents' names and numbers (salient terms). Default 0.4.</summary>
    public double EntityWeight { get; init; } = 0.4;

    /// <summary>How many times a title's terms count, relative to the body's. Default 2.</summary>
    public int TitleWeight { get; init; } = 2;

    /// <summary>How many times the lead's terms count (they are counted once more as part of the body). Default 3.</summary>
    public int LeadWeight { get; init; } = 3;

    /// <summary>The length of the lead, in characters from the start of the body. Default 400.</summary>
    public int LeadCharacters { get; init; } = 400;

    /// <summary>
    /// Terms in more than this proportion of the documents are ignored (in a corpus of at least
    /// <see cref="MinDocumentsForMaxDf"/> documents). Default 0.5.
    /// </summary>
    public double MaxDocumentFrequency { get; init; } = 0.5;

    /// <summary>Below this many documents, no term is ignored for being frequent. Default 10.</summary>
    public int MinDocumentsForMaxDf { get; init; } = 10;

    /// <summary>Days apart within which two dated documents get the full <see cref="TimeBonus"/>. Default 3.</summary>
    public double TimeWindowDays { get; init; } = 3;

    /// <summary>Days over which the time factor decays by e beyond the window. Default 10.</summary>
    public double TimeDecayDays { get; init; } = 10;

    /// <summary>Similarity added to two dated documents within the window. Default 0.1.</summary>
    public double TimeBonus { get; init; } = 0.1;

    /// <summary>Similarity taken from two dated documents far apart in time (approached as the gap grows). Default 0.1.</summary>
    public double TimePenalty { get; init; } = 0.1;

    /// <summary>Candidate neighbours kept per document from the all-pairs search. Default 20.</summary>
    public int Neighbors { get; init; } = 20;

    /// <summary>Text similarity below which two documents are not candidates. Default 0.05.</summary>
    public double MinCandidateSimilarity { get; init; } = 0.05;

    /// <summary>
    /// Average-linkage stopping threshold: two clusters merge while the average similarity over all their
    /// cross pairs (pairs that are not candidates count as 0) is at least this. Default 0.22.
    /// </summary>
    public double Threshold { get; init; } = 0.22;

    /// <summary>
    /// The most documents a small cluster left by the average linkage may have to be attached afterwards to a larger
    /// cluster (see <see cref="FragmentThreshold"/>); 0 attaches none. Default 3.
    /// </summary>
    /// <remarks>
    /// A report told from another angle (a first bulletin, a follow-up, a page with much unrelated text) is often
    /// only moderately similar to some of its event's other reports, so its average falls just short of
    /// <see cref="Threshold"/> and it stays alone, although it resembles no other cluster at all. A small cluster
    /// joins the larger cluster it is most similar to on average when that average reaches
    /// <see cref="FragmentThreshold"/> and exceeds the average to every other cluster by at least
    /// <see cref="FragmentMargin"/>: its best cluster is both close enough and clearly the only candidate. A dated small
    /// cluster whose first report is more than <see cref="TimeWindowDays"/> older than that cluster's first stays
    /// apart: reports follow their event (a follow-up, however late, may join).
    /// </remarks>
    public int MaxFragmentSize { get; init; } = 3;

    /// <summary>
    /// The least average similarity (over all cross pairs, non-candidates counting 0) at which a small cluster of at
    /// most <see cref="MaxFragmentSize"/> documents joins a larger one after the average linkage. Default 0.14.
    /// </summary>
    public double FragmentThreshold { get; init; } = 0.14;

    /// <summary>
    /// How much the average similarity of a small cluster to the cluster it joins must exceed its average to any other
    /// cluster (see <see cref="MaxFragmentSize"/>). Default 0.05.
    /// </summary>
    public double FragmentMargin { get; init; } = 0.05;

    /// <summary>The most threads used for feature extraction and search; 0 means one per processor. Default 0.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks every setting; the exception names the bad property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    internal void Validate()
    {
        NonNegative(ContentWeight, nameof(ContentWeight));
        NonNegative(EntityWeight, nameof(EntityWeight));
        if (ContentWeight + EntityWeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ContentWeight), ContentWeight, "ContentWeight and EntityWeight must not both be 0.");
        }

        if (TitleWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TitleWeight), TitleWeight, "TitleWeight must be at least 0.");
        }

        if (LeadWeight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LeadWeight), LeadWeight, "LeadWeight must be at least 1.");
        }

        if (LeadCharacters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LeadCharacters), LeadCharacters, "LeadCharacters must be at least 0.");
        }

        if (!(MaxDocumentFrequency > 0 && MaxDocumentFrequency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentFrequency), MaxDocumentFrequency, "MaxDocumentFrequency must be in (0, 1].");
        }

        if (MinDocumentsForMaxDf < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDocumentsForMaxDf), MinDocumentsForMaxDf, "MinDocumentsForMaxDf must be at least 0.");
        }

        NonNegative(TimeWindowDays, nameof(TimeWindowDays));
        if (!(TimeDecayDays > 0) || double.IsInfinity(TimeDecayDays))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeDecayDays), TimeDecayDays, "TimeDecayDays must be a positive finite number.");
        }

        NonNegative(TimeBonus, nameof(TimeBonus));
        NonNegative(TimePenalty, nameof(TimePenalty));
        if (Neighbors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Neighbors), Neighbors, "Neighbors must be at least 1.");
        }

        if (!(MinCandidateSimilarity > 0 && MinCandidateSimilarity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinCandidateSimilarity), MinCandidateSimilarity, "MinCandidateSimilarity must be in (0, 1].");
        }

        if (!(Threshold > 0) || double.IsInfinity(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be a positive finite number.");
        }

        if (MaxFragmentSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFragmentSize), MaxFragmentSize, "MaxFragmentSize must be at least 0 (0 = no attachment).");
        }

        NonNegative(FragmentThreshold, nameof(FragmentThreshold));
        NonNegative(FragmentMargin, nameof(FragmentMargin));
        if (MaxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 0 (0 = one per processor).");
        }
    }

    internal int Parallelism => MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number at least 0.");
        }
    }
}
