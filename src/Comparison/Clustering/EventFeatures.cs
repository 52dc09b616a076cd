using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// The vectors event clustering compares: a TF-IDF vector of content terms and one of salient terms per document,
/// both fitted on the corpus (sublinear term frequency, smoothed IDF, unit length), and the publication day.
/// </summary>
internal sealed class EventFeatures
{
    private readonly EventClustererOptions _options;
    private readonly double _contentShare;
    private readonly double _salientShare;

    private EventFeatures(EventClustererOptions options, TfIdfModel contentModel, ImmutableArray<SparseVector> content, ImmutableArray<SparseVector> salient, int?[] days, string[] titles)
    {
        _options = options;
        ContentModel = contentModel;
        Content = content;
        Salient = salient;
        Days = days;
        Titles = titles;
        double total = options.ContentWeight + options.EntityWeight;
        _contentShare = options.ContentWeight / total;
        _salientShare = options.EntityWeight / total;
    }

    public TfIdfModel ContentModel { get; }

    public ImmutableArray<SparseVector> Content { get; }

    public ImmutableArray<SparseVector> Salient { get; }

    public int?[] Days { get; }

    /// <summary>The titles without their site-name parts (empty when a document has none).</summary>
    public string[] Titles { get; }

    public int Count => Days.Length;

    public static EventFeatures Build(IReadOnlyList<Document> documents, EventClustererOptions options, CancellationToken cancellationToken)
    {
        int n = documents.Count;
        var content = new List<string>[n];
        var salient = new List<string>[n];
        var days = new int?[n];
        var titles = new string[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, n, parallel, i =>
        {
            (content[i], salient[i]) = ClusterText.Extract(documents[i], options);
            days[i] = documents[i].Published?.DayNumber;
            titles[i] = ClusterText.CleanTitle(documents[i].Title);
        });

        var tfidf = new TfIdfOptions
        {
            SublinearTf = true,
            Lowercase = false,
            MaxDf = DocumentFrequencyLimit.Proportion(n >= options.MinDocumentsForMaxDf ? options.MaxDocumentFrequency : 1.0),
        };
        TfIdfFitResult contentFit = TfIdfModel.FitTransformTokens(content, tfidf, cancellationToken);
        TfIdfFitResult salientFit = TfIdfModel.FitTransformTokens(salient, tfidf, cancellationToken);
        return new EventFeatures(options, contentFit.Model, contentFit.Vectors, salientFit.Vectors, days, titles);
    }

    /// <summary>The weighted text similarity: content and salient-term cosines, weights summing to 1.</summary>
    public double TextSimilarity(int a, int b) =>
        (_contentShare * CosineSimilarity.Dot(Content[a], Content[b])) + (_salientShare * CosineSimilarity.Dot(Salient[a], Salient[b]));

    /// <summary>The text similarity plus the publication-time term.</summary>
    public double Similarity(int a, int b) => TextSimilarity(a, b) + TimeAdjustment(Days[a], Days[b], _options);

    /// <summary>
    /// One vector per document whose dot products are the weighted text similarities: the content vector scaled by
    /// √(content share) followed by the salient vector scaled by √(salient share), its term ids shifted past the
    /// content vocabulary. Used to find candidate neighbours with the all-pairs search.
    /// </summary>
    public SparseVector[] Combined()
    {
        int offset = ContentModel.TermCount;
        float contentScale = (float)Math.Sqrt(_contentShare), salientScale = (float)Math.Sqrt(_salientShare);
        var combined = new SparseVector[Count];
        for (int i = 0; i < combined.Length; i++)
        {
            SparseVector c = Content[i], s = Salient[i];
            var indices = new int[c.Count + s.Count];
            var values = new float[indices.Length];
            for (int k = 0; k < c.Count; k++)
            {
                indices[k] = c.Indices[k];
                values[k] = c.Values[k] * contentScale;
            }

            for (int k = 0; k < s.Count; k++)
            {
                indices[c.Count + k] = offset + s.Indices[k];
                values[c.Count + k] = s.Values[k] * salientScale;
            }

            combined[i] = new SparseVector(indices, values);
        }

        return combined;
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
