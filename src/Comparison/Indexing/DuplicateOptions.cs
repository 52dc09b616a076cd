namespace Comparison.Indexing;

/// <summary>Settings of <see cref="DuplicateFinder"/>.</summary>
public sealed record DuplicateOptions
{
    /// <summary>The defaults: threshold 0.8, exact verification, weights 0.002 and 0.998.</summary>
    public static DuplicateOptions Default { get; } = new();

    /// <summary>The Jaccard similarity at or above which two documents are duplicates, in (0, 1). Default 0.8.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// What a candidate must clear to link. Default <see cref="DuplicateVerification.Exact"/>, as in the
    /// <c>comparison</c> command line and the analyzer of <c>Comparison.Reports</c>: a 128-permutation estimate alone links
    /// pairs below the threshold and misses pairs just above it. <see cref="DuplicateVerification.Estimated"/> is
    /// the opt-in for callers that keep only signatures.
    /// </summary>
    public DuplicateVerification Verification { get; init; } = DuplicateVerification.Exact;

    /// <summary>
    /// The weight of false candidates when choosing bands × rows (see <see cref="LshParameters.Optimize"/>).
    /// Default 0.002: a false candidate costs one signature comparison (a few nanoseconds), a missed duplicate is
    /// lost, so candidate generation is tuned for recall (at K = 128 and 0.8: 21 bands of 6 rows; 99.8% of pairs
    /// at exactly 0.8 and 99.99% of pairs above it become candidates, and 28% of pairs at 0.5).
    /// </summary>
    public double FalsePositiveWeight { get; init; } = 0.002;

    /// <summary>The weight of missed candidates when choosing bands × rows. Default 0.998.</summary>
    public double FalseNegativeWeight { get; init; } = 0.998;

    /// <summary>Explicit number of bands (set together with <see cref="Rows"/>). Default <see langword="null"/>.</summary>
    public int? Bands { get; init; }

    /// <summary>Explicit rows per band (set together with <see cref="Bands"/>). Default <see langword="null"/>.</summary>
    public int? Rows { get; init; }

    /// <summary>
    /// The longest document, in UTF-16 code units, that <see cref="DuplicateFinder.FindDuplicates(IEnumerable{Documents.Document}, DuplicateOptions?, Sketches.TextSketcher?, CancellationToken)"/>
    /// takes from raw text; a longer one is refused with a <see cref="Documents.DocumentFormatException"/> naming it,
    /// rather than running out of memory. Default 268,435,456 (256 Mi characters).
    /// </summary>
    public int MaxDocumentLength { get; init; } = 256 << 20;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    /// <exception cref="ArgumentException">Bands and rows are inconsistent.</exception>
    public void Validate()
    {
        if (Verification is not (DuplicateVerification.Estimated or DuplicateVerification.Exact))
        {
            throw new ArgumentOutOfRangeException(nameof(Verification), Verification, $"{nameof(Verification)} must be Estimated or Exact.");
        }

        if (MaxDocumentLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDocumentLength), MaxDocumentLength, $"{nameof(MaxDocumentLength)} must be 1 or more.");
        }

        ToLshOptions(Bands is not null && Rows is not null ? Math.Max(1, Bands.Value * Rows.Value) : 1).Validate();
    }

    /// <summary>The LSH settings for signatures of <paramref name="permutations"/> values.</summary>
    internal LshOptions ToLshOptions(int permutations) => new()
    {
        Threshold = Threshold,
        Permutations = permutations,
        FalsePositiveWeight = FalsePositiveWeight,
        FalseNegativeWeight = FalseNegativeWeight,
        Bands = Bands,
        Rows = Rows,
    };
}
