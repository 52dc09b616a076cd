using System.Collections.Frozen;

namespace Comparison.Vectors;

/// <summary>What a TF-IDF term is made of; the names follow scikit-learn's <c>analyzer</c> parameter.</summary>
public enum TfIdfAnalyzer
{
    /// <summary>Word n-grams (<c>analyzer="word"</c>): tokens, stop words removed, then n-grams joined by one space.</summary>
    Word,

    /// <summary>Character n-grams over the whole text after white-space runs are collapsed (<c>analyzer="char"</c>).</summary>
    Character,

    /// <summary>Character n-grams inside words only, each word padded with one space each side (<c>analyzer="char_wb"</c>).</summary>
    CharacterWordBounded,
}

/// <summary>How each TF-IDF vector is scaled; scikit-learn's <c>norm</c> parameter.</summary>
public enum VectorNorm
{
    /// <summary>No scaling (<c>norm=None</c>).</summary>
    None,

    /// <summary>Weights sum to 1 in absolute value (<c>norm="l1"</c>).</summary>
    L1,

    /// <summary>Unit Euclidean length (<c>norm="l2"</c>), so a dot product is a cosine.</summary>
    L2,
}

/// <summary>The lengths of n-grams to extract, both inclusive; scikit-learn's <c>ngram_range=(min_n, max_n)</c>.</summary>
/// <param name="Min">The shortest n-gram, at least 1.</param>
/// <param name="Max">The longest n-gram, at least <paramref name="Min"/>.</param>
public readonly record struct NgramRange(int Min, int Max)
{
    /// <summary>Single terms only: (1, 1).</summary>
    public static NgramRange Unigrams => new(1, 1);
}

/// <summary>
/// A document-frequency limit given either as a number of documents or as a proportion of the corpus, like
/// scikit-learn's <c>min_df</c>/<c>max_df</c> (an <see cref="int"/> converts to a count, a <see cref="double"/> to a
/// proportion, exactly as there).
/// </summary>
public readonly record struct DocumentFrequencyLimit
{
    private DocumentFrequencyLimit(double value, bool isProportion)
    {
        Value = value;
        IsProportion = isProportion;
    }

    /// <summary>The number of documents, or the proportion in [0, 1].</summary>
    public double Value { get; }

    /// <summary>Whether <see cref="Value"/> is a proportion of the corpus rather than a count.</summary>
    public bool IsProportion { get; }

    /// <summary>A limit of a number of documents.</summary>
    /// <param name="documents">The number of documents, at least 0.</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="documents"/> is negative.</exception>
    public static DocumentFrequencyLimit Count(int documents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        return new DocumentFrequencyLimit(documents, isProportion: false);
    }

    /// <summary>A limit of a proportion of the documents of the corpus.</summary>
    /// <param name="fraction">The proportion, in [0, 1].</param>
    /// <returns>The limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in [0, 1].</exception>
    public static DocumentFrequencyLimit Proportion(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a proportion must be in [0, 1].");
        }

        return new DocumentFrequencyLimit(fraction, isProportion: true);
    }

    /// <summary>A count, as <see cref="Count"/>.</summary>
    /// <param name="documents">The number of documents.</param>
    public static implicit operator DocumentFrequencyLimit(int documents) => Count(documents);

    /// <summary>A proportion, as <see cref="Proportion"/>.</summary>
    /// <param name="fraction">The proportion.</param>
    public static implicit operator DocumentFrequencyLimit(double fraction) => Proportion(fraction);

    /// <summary>A count, as <see cref="Count"/>.</summary>
    /// <param name="documents">The number of documents.</param>
    /// <returns>The limit.</returns>
    public static DocumentFrequencyLimit FromInt32(int documents) => Count(documents);

    /// <summary>A proportion, as <see cref="Proportion"/>.</summary>
    /// <param name="fraction">The proportion.</param>
    /// <returns>The limit.</returns>
    public static DocumentFrequencyLimit FromDouble(double fraction) => Proportion(fraction);

    /// <summary>The limit as a number of documents in a corpus of <paramref name="documents"/> documents.</summary>
    internal double Resolve(int documents) => IsProportion ? Value * documents : Value;
}

/// <summary>
/// Options of a <see cref="TfIdfModel"/>. Names and defaults follow scikit-learn's <c>TfidfVectorizer</c>, so
/// that a model configured the same way gives the same vectors.
/// </summary>
public sealed record TfIdfOptions
{
    /// <summary>The default options: word unigrams, smooth idf, L2 norm, no pruning, like <c>TfidfVectorizer()</c>.</summary>
    public static TfIdfOptions Default { get; } = new();

    /// <summary>scikit-learn's English stop-word list (318 words), for <see cref="StopWords"/>.</summary>
    public static IReadOnlySet<string> EnglishStopWords => Vectors.EnglishStopWords.Set;

    /// <summary>What a term is made of. Default <see cref="TfIdfAnalyzer.Word"/>.</summary>
    public TfIdfAnalyzer Analyzer { get; init; } = TfIdfAnalyzer.Word;

    /// <summary>The n-gram lengths (of words or of characters, per <see cref="Analyzer"/>). Default (1, 1).</summary>
    public NgramRange NgramRange { get; init; } = NgramRange.Unigrams;

    /// <summary>
    /// Whether text is case-folded before it is split into terms. Default <see langword="true"/>. For the word
    /// analyzer each token goes through <see cref="Comparison.Text.TextNormalizer.NormalizeTerm"/> (NFKC, case
    /// fold, unified quotes, possessive 's dropped); for the character analyzers the text is lower-cased
    /// (invariant culture). Tokens given to the token overloads are always used exactly as given.
    /// </summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>
    /// Words removed before word n-grams are formed (word analyzer only), compared ordinally with the
    /// normalised tokens. Default <see langword="null"/> (none); <see cref="EnglishStopWords"/> is scikit-learn's list.
    /// </summary>
    public IReadOnlySet<string>? StopWords { get; init; }

    /// <summary>Terms in fewer documents than this are ignored (<c>min_df</c>). Default 1 document.</summary>
    public DocumentFrequencyLimit MinDf { get; init; } = DocumentFrequencyLimit.Count(1);

    /// <summary>Terms in more documents than this are ignored (<c>max_df</c>). Default a proportion of 1.0 (none).</summary>
    public DocumentFrequencyLimit MaxDf { get; init; } = DocumentFrequencyLimit.Proportion(1.0);

    /// <summary>
    /// The vocabulary cap (<c>max_features</c>): keep only this many terms, those with the highest counts over the
    /// corpus (ties by ordinal term order), after <see cref="MinDf"/> and <see cref="MaxDf"/>. Default
    /// <see langword="null"/> (no cap).
    /// </summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Whether term frequencies are 0/1 (<c>binary</c>). Default <see langword="false"/>.</summary>
    public bool Binary { get; init; }

    /// <summary>Whether weights are multiplied by the inverse document frequency (<c>use_idf</c>). Default <see langword="true"/>.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>
    /// Whether idf = ln((1 + n) / (1 + df)) + 1, as if one extra document held every term, rather than
    /// ln(n / df) + 1 (<c>smooth_idf</c>). Default <see langword="true"/>.
    /// </summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>Whether a term frequency tf is replaced by 1 + ln(tf) (<c>sublinear_tf</c>). Default <see langword="false"/>.</summary>
    public bool SublinearTf { get; init; }

    /// <summary>How vectors are scaled (<c>norm</c>). Default <see cref="VectorNorm.L2"/>.</summary>
    public VectorNorm Norm { get; init; } = VectorNorm.L2;

    /// <summary>Checks every option; the exception names the first bad property.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate()
    {
        if (!Enum.IsDefined(Analyzer))
        {
            throw new ArgumentException($"Analyzer {Analyzer} is not a defined value.", nameof(Analyzer));
        }

        if (!Enum.IsDefined(Norm))
        {
            throw new ArgumentException($"Norm {Norm} is not a defined value.", nameof(Norm));
        }

        if (NgramRange.Min < 1 || NgramRange.Max < NgramRange.Min)
        {
            throw new ArgumentException($"NgramRange {NgramRange} must have 1 <= Min <= Max.", nameof(NgramRange));
        }

        if (MaxFeatures is < 1)
        {
            throw new ArgumentException($"MaxFeatures {MaxFeatures} must be at least 1, or null for no cap.", nameof(MaxFeatures));
        }

        if (MinDf.IsProportion && MaxDf.IsProportion && MaxDf.Value < MinDf.Value)
        {
            throw new ArgumentException($"MaxDf ({MaxDf.Value}) is below MinDf ({MinDf.Value}): no term could be kept.", nameof(MaxDf));
        }

        if (!MinDf.IsProportion && !MaxDf.IsProportion && MaxDf.Value < MinDf.Value)
        {
            throw new ArgumentException($"MaxDf ({MaxDf.Value} documents) is below MinDf ({MinDf.Value} documents): no term could be kept.", nameof(MaxDf));
        }
    }

    /// <summary>The stop words as a set that can be probed with spans.</summary>
    internal FrozenSet<string>? FrozenStopWords() => StopWords switch
    {
        null => null,
        FrozenSet<string> frozen when ReferenceEquals(frozen.Comparer, StringComparer.Ordinal) => frozen,
        _ => StopWords.ToFrozenSet(StringComparer.Ordinal),
    };
}
