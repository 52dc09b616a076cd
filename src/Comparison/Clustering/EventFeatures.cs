using System.Runtime.InteropServices;
using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// The vectors event clustering compares: a TF-IDF vector of content terms and one of salient terms per document,
/// both fitted on the corpus (sublinear term frequency, smoothed IDF, unit length), and the publication day; each
/// document's identifier and title. Documents are numbered in ordinal order of their identifiers.
/// </summary>
internal sealed class EventFeatures
{
    // Documents analysed together: their token lists die young (in the first generation of the collector) instead
    // of piling up in the last one, which doubled the peak of a large corpus with batches of 1,024.
    private const int BatchSize = 128;

    private readonly EventClustererOptions _options;
    private readonly double _contentShare;
    private readonly double _salientShare;
    private readonly float _contentScale;
    private readonly float _salientScale;

    private EventFeatures(EventClustererOptions options, TfIdfModel contentModel, SparseVector[] content, SparseVector[] salient, int salientTermCount, int?[] days, string[] titles, string[] ids)
    {
        SalientTermCount = salientTermCount;
        _options = options;
        ContentModel = contentModel;
        Content = content;
        Salient = salient;
        Days = days;
        Titles = titles;
        Ids = ids;
        double total = options.ContentWeight + options.EntityWeight;
        _contentShare = options.ContentWeight / total;
        _salientShare = options.EntityWeight / total;
        _contentScale = (float)Math.Sqrt(_contentShare);
        _salientScale = (float)Math.Sqrt(_salientShare);
    }

    public TfIdfModel ContentModel { get; }

    public SparseVector[] Content { get; }

    public SparseVector[] Salient { get; }

    public int?[] Days { get; }

    /// <summary>The titles without their site-name parts (empty when a document has none).</summary>
    public string[] Titles { get; }

    /// <summary>The documents' identifiers, in ordinal order.</summary>
    public string[] Ids { get; }

    public int Count => Days.Length;

    /// <summary>The number of terms of the salient vocabulary (the salient vectors' ids are below it).</summary>
    public int SalientTermCount { get; }

    /// <summary>
    /// Reads the documents as a stream, in batches: each batch's terms are extracted in parallel and counted into the
    /// two fits, and nothing of a document's text is kept. The features come out in ordinal order of the identifiers.
    /// </summary>
    /// <exception cref="ArgumentNullException">A document is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    public static EventFeatures Build(IEnumerable<Document> documents, EventClustererOptions options, CancellationToken cancellationToken)
    {
        // The analysis of the two fits: terms used as given (they are normalised already), no stop words, unigrams.
        var analysis = new TfIdfOptions { SublinearTf = true, Lowercase = false };
        Action<TermAnalyzer, List<string>, ITermSink> analyze = static (analyzer, tokens, sink) => analyzer.AnalyzeTokens(tokens, sink);
        var contentFit = new TfIdfFitter<List<string>>(analysis, analyze, options.Parallelism);
        var salientFit = new TfIdfFitter<List<string>>(analysis, analyze, options.Parallelism);
        var ids = new List<string>();
        var days = new List<int?>();
        var titles = new List<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        bool Check(Document document, int position) =>
            document is not null ? true : throw new ArgumentNullException(nameof(documents), $"The document at position {position} is null.");

        foreach (DocumentBatch batch in DocumentBatches.Read(documents, Check, cancellationToken, BatchSize))
        {
            Document[] items = batch.Documents;
            var content = new List<string>[items.Length];
            var salient = new List<string>[items.Length];
            Parallel.For(0, items.Length, parallel, i => (content[i], salient[i]) = ClusterText.Extract(items[i], options));
            contentFit.Add(content, cancellationToken);
            salientFit.Add(salient, cancellationToken);
            foreach (Document document in items)
            {
                ids.Add(document.Id);
                days.Add(document.Published?.DayNumber);
                titles.Add(ClusterText.CleanTitle(document.Title));
            }
        }

        int n = ids.Count;
        var limits = analysis with
        {
            MaxDf = DocumentFrequencyLimit.Proportion(n >= options.MinDocumentsForMaxDf ? options.MaxDocumentFrequency : 1.0),
        };
        TfIdfFitResult contentResult = contentFit.Finish(cancellationToken, limits);
        TfIdfFitResult salientResult = salientFit.Finish(cancellationToken, limits);

        // Ordinal order of the identifiers: the result does not depend on the input order.
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        string[] idArray = [.. ids];
        Array.Sort(order, (a, b) => string.CompareOrdinal(idArray[a], idArray[b]));
        for (int i = 1; i < n; i++)
        {
            if (string.Equals(idArray[order[i - 1]], idArray[order[i]], StringComparison.Ordinal))
            {
                throw new ArgumentException($"Two documents have the id '{idArray[order[i]]}'; identifiers must be unique.", nameof(documents));
            }
        }

        return new EventFeatures(
            options,
            contentResult.Model,
            Permute(contentResult.Vectors.AsSpan(), order),
            Permute(salientResult.Vectors.AsSpan(), order),
            salientResult.Model.TermCount,
            Permute(CollectionsMarshal.AsSpan(days), order),
            Permute(CollectionsMarshal.AsSpan(titles), order),
            Permute(idArray.AsSpan(), order));
    }

    private static TItem[] Permute<TItem>(ReadOnlySpan<TItem> items, int[] order)
    {
        var permuted = new TItem[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            permuted[i] = items[order[i]];
        }

        return permuted;
    }

    /// <summary>The weighted text similarity: content and salient-term cosines, weights summing to 1.</summary>
    public double TextSimilarity(int a, int b) =>
        (_contentShare * CosineSimilarity.Dot(Content[a], Content[b])) + (_salientShare * CosineSimilarity.Dot(Salient[a], Salient[b]));

    /// <summary>
    /// Writes document <paramref name="a"/>'s two vectors into dense arrays (of <see cref="ContentModel"/>'s and of
    /// the salient vocabulary's size, zero elsewhere), so that <see cref="TextSimilarity(DenseDocument, int)"/> scores it
    /// against many documents by look-ups instead of merge-joins; <paramref name="dense"/>'s previous document is cleared first.
    /// </summary>
    public void Spread(int a, DenseDocument dense)
    {
        if (dense.Document >= 0)
        {
            Write(Content[dense.Document], dense.Content, clear: true);
            Write(Salient[dense.Document], dense.Salient, clear: true);
        }

        Write(Content[a], dense.Content, clear: false);
        Write(Salient[a], dense.Salient, clear: false);
        dense.Document = a;

        static void Write(SparseVector vector, float[] target, bool clear)
        {
            ReadOnlySpan<int> indices = vector.Indices;
            ReadOnlySpan<float> values = vector.Values;
            for (int k = 0; k < indices.Length; k++)
            {
                target[indices[k]] = clear ? 0f : values[k];
            }
        }
    }

    /// <summary>A dense copy of one document's vectors, for <see cref="Spread"/>.</summary>
    public DenseDocument NewDense() => new(ContentModel.TermCount, SalientTermCount);

    /// <summary>
    /// <see cref="TextSimilarity(int, int)"/> of the spread document and <paramref name="b"/>, bit for bit: each
    /// dot product adds the same products to the same lanes in the same order (the ids of <paramref name="b"/> in
    /// increasing order, lane by position, as <see cref="CosineSimilarity.DotScalarLanes"/>; an id the spread
    /// document lacks adds +0, which changes no sum).
    /// </summary>
    public double TextSimilarity(DenseDocument dense, int b) =>
        (_contentShare * Gather(dense.Content, Content[b])) + (_salientShare * Gather(dense.Salient, Salient[b]));

    private static double Gather(float[] dense, SparseVector vector)
    {
        ReadOnlySpan<int> indices = vector.Indices;
        ReadOnlySpan<float> values = vector.Values;
        Span<double> lanes = stackalloc double[CosineSimilarity.Lanes];
        lanes.Clear();
        for (int k = 0; k < indices.Length; k++)
        {
            lanes[k & (CosineSimilarity.Lanes - 1)] += (double)values[k] * dense[indices[k]];
        }

        return CosineSimilarity.ReduceLanes(lanes);
    }

    /// <summary>The text similarity plus the publication-time term.</summary>
    public double Similarity(int a, int b) => TextSimilarity(a, b) + TimeAdjustment(Days[a], Days[b], _options);

    /// <summary>
    /// The heaviest entries of the document's combined vector, whose dot products are the weighted text
    /// similarities: the content vector scaled by √(content share) followed by the salient vector scaled by
    /// √(salient share), its term ids shifted past the content vocabulary (ties by the smaller term). Used to find
    /// candidate neighbours through an inverted index.
    /// </summary>
    public (int Term, float Weight)[] HeaviestTerms(int document, int prefix)
    {
        int offset = ContentModel.TermCount;
        SparseVector c = Content[document], s = Salient[document];
        var entries = new (int Term, float Weight)[c.Count + s.Count];
        for (int k = 0; k < c.Count; k++)
        {
            entries[k] = (c.Indices[k], c.Values[k] * _contentScale);
        }

        for (int k = 0; k < s.Count; k++)
        {
            entries[c.Count + k] = (offset + s.Indices[k], s.Values[k] * _salientScale);
        }

        return CandidateSearch.Heaviest(entries, prefix);
    }

    /// <summary>
    /// The publication-time term: <c>bonus</c> within the window, <c>−penalty·(1 − exp(−(Δ − window)/decay))</c>
    /// beyond it; 0 when either date is unknown.
    /// </summary>
    public static double TimeAdjustment(int? a, int? b, EventClustererOptions options)
    {
        if (a is not int dayA || b is not int dayB)
        {
            return 0;
        }

        double gap = Math.Abs(dayA - dayB);
        return gap <= options.TimeWindowDays
            ? options.TimeBonus
            : -options.TimePenalty * (1 - Math.Exp(-(gap - options.TimeWindowDays) / options.TimeDecayDays));
    }
}

/// <summary>One document's vectors written out densely (see <see cref="EventFeatures.Spread"/>): a thread's scratch.</summary>
internal sealed class DenseDocument(int contentTerms, int salientTerms)
{
    public float[] Content { get; } = new float[contentTerms];

    public float[] Salient { get; } = new float[salientTerms];

    /// <summary>The document spread, or -1.</summary>
    public int Document { get; set; } = -1;
}
