using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Event clustering for a stream: each arriving document joins the existing cluster it is most similar to on
/// average, or opens a new one (Miranda, Znotiņš, Cohen and Barzdins, "Multilingual Clustering of Streaming News",
/// EMNLP 2018).
/// </summary>
/// <remarks>
/// <para>
/// The similarity is the batch one (<see cref="EventClustererOptions"/>: content and salient-term cosines, the
/// publication-time term). The TF-IDF models grow with the stream: a new document is weighted with the document
/// frequencies seen so far, and earlier vectors keep their weights. Candidates come from an inverted index over
/// each document's heaviest terms; a cluster's score is the mean similarity of the new document to all its
/// members (members that are not candidates count 0), the same average linkage the batch mode uses, and the
/// document joins the best cluster when that mean reaches <see cref="EventClustererOptions.Threshold"/>.
/// </para>
/// <para>
/// Feed documents in publication order. The result depends on the arrival order (that is the point of a stream)
/// but not on thread scheduling. Each <see cref="Add"/> costs time proportional to the postings of the document's
/// heavy terms plus a few exact comparisons; memory grows linearly. Not thread safe: call from one thread at a time.
/// </para>
/// </remarks>
public sealed class IncrementalEventClusterer
{
    private const int HeavyTerms = EventClusterer.HeavyTerms;
    private const int Shortlist = 200;

    private readonly TfIdfModel _content;
    private readonly TfIdfModel _salient;
    private readonly double _contentShare;
    private readonly double _salientShare;
    private readonly List<Document> _documents = [];
    private readonly List<SparseVector> _contentVectors = [];
    private readonly List<SparseVector> _salientVectors = [];
    private readonly List<int?> _days = [];
    private readonly List<string> _titles = [];
    private readonly List<int> _clusterOf = [];
    private readonly List<int> _clusterSizes = [];
    private readonly List<double> _centrality = [];
    private readonly Dictionary<int, List<(int Doc, float Weight)>> _contentPostings = [];
    private readonly Dictionary<int, List<(int Doc, float Weight)>> _salientPostings = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Creates an empty stream clusterer.</summary>
    /// <param name="options">The settings; <see langword="null"/> for <see cref="EventClustererOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (the message names it).</exception>
    public IncrementalEventClusterer(EventClustererOptions? options = null)
    {
        Options = options ?? EventClustererOptions.Default;
        Options.Validate();
        var tfidf = new TfIdfOptions { SublinearTf = true, Lowercase = false };
        _content = TfIdfModel.FitTokens([], tfidf);
        _salient = TfIdfModel.FitTokens([], tfidf);
        double total = Options.ContentWeight + Options.EntityWeight;
        _contentShare = Options.ContentWeight / total;
        _salientShare = Options.EntityWeight / total;
    }

    /// <summary>The settings.</summary>
    public EventClustererOptions Options { get; }

    /// <summary>The number of documents added.</summary>
    public int Count => _documents.Count;

    /// <summary>Adds the next document of the stream.</summary>
    /// <param name="document">The document; its identifier must not have been added before.</param>
    /// <returns>The number of the cluster it joined or opened; clusters are numbered 0, 1, ... as they open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A document with this identifier was added before.</exception>
    public int Add(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!_ids.Add(document.Id))
        {
            throw new ArgumentException($"A document with the id '{document.Id}' was already added.", nameof(document));
        }

        (List<string> contentTerms, List<string> salientTerms) = ClusterText.Extract(document, Options);
        SparseVector content = _content.AddTokens([contentTerms])[0];
        SparseVector salient = _salient.AddTokens([salientTerms])[0];
        int? day = document.Published?.DayNumber;
        int index = _documents.Count;

        // Candidates by heavy-term overlap, then exact similarity to the best few.
        var partial = new Dictionary<int, double>();
        Probe(_contentPostings, content, _contentShare, partial);
        Probe(_salientPostings, salient, _salientShare, partial);
        var candidates = partial.ToList();
        candidates.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var sums = new Dictionary<int, double>();
        var similarities = new List<(int Doc, double Similarity)>();
        foreach ((int j, _) in candidates.Take(Shortlist))
        {
            double similarity = (_contentShare * CosineSimilarity.Dot(content, _contentVectors[j]))
                + (_salientShare * CosineSimilarity.Dot(salient, _salientVectors[j]))
                + EventFeatures.TimeAdjustment(day, _days[j], Options);
            if (similarity >= Options.MinCandidateSimilarity)
            {
                similarities.Add((j, similarity));
                sums[_clusterOf[j]] = sums.GetValueOrDefault(_clusterOf[j]) + similarity;
            }
        }

        int best = -1;
        double bestAverage = double.NegativeInfinity;
        foreach ((int cluster, double sum) in sums)
        {
            double average = sum / _clusterSizes[cluster];
            if (average > bestAverage || (average == bestAverage && cluster < best))
            {
                (best, bestAverage) = (cluster, average);
            }
        }

        int joined;
        double centrality = 0;
        if (best >= 0 && bestAverage >= Options.Threshold)
        {
            joined = best;
            _clusterSizes[best]++;
            foreach ((int j, double similarity) in similarities)
            {
                if (_clusterOf[j] == best)
                {
                    _centrality[j] += similarity;
                    centrality += similarity;
                }
            }
        }
        else
        {
            joined = _clusterSizes.Count;
            _clusterSizes.Add(1);
        }

        _documents.Add(document);
        _contentVectors.Add(content);
        _salientVectors.Add(salient);
        _days.Add(day);
        _titles.Add(ClusterText.CleanTitle(document.Title));
        _clusterOf.Add(joined);
        _centrality.Add(centrality);
        Index(_contentPostings, content, index);
        Index(_salientPostings, salient, index);
        return joined;
    }

    /// <summary>The clusters so far, described and ordered as <see cref="EventClusterer"/> does.</summary>
    /// <returns>A snapshot; every document added so far is in exactly one cluster.</returns>
    public EventClustering ToClustering()
    {
        int n = _documents.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(_documents[a].Id, _documents[b].Id));
        var firstOf = new Dictionary<int, int>();
        var cluster = new int[n];
        for (int k = 0; k < n; k++)
        {
            int stream = _clusterOf[order[k]];
            if (!firstOf.TryGetValue(stream, out int first))
            {
                firstOf.Add(stream, first = k);
            }

            cluster[k] = first;
        }

        return ClusterDescriber.Describe(
            [.. order.Select(i => _documents[i].Id)],
            cluster,
            [.. order.Select(i => _centrality[i])],
            [.. order.Select(i => _contentVectors[i])],
            _content,
            [.. order.Select(i => _titles[i])]);
    }

    private static void Probe(Dictionary<int, List<(int Doc, float Weight)>> postings, SparseVector vector, double share, Dictionary<int, double> partial)
    {
        foreach ((int term, float weight) in Heaviest(vector))
        {
            if (postings.TryGetValue(term, out List<(int Doc, float Weight)>? docs))
            {
                foreach ((int doc, float other) in docs)
                {
                    partial[doc] = partial.GetValueOrDefault(doc) + (share * weight * other);
                }
            }
        }
    }

    private static void Index(Dictionary<int, List<(int Doc, float Weight)>> postings, SparseVector vector, int doc)
    {
        foreach ((int term, float weight) in Heaviest(vector))
        {
            if (!postings.TryGetValue(term, out List<(int Doc, float Weight)>? list))
            {
                postings.Add(term, list = []);
            }

            list.Add((doc, weight));
        }
    }

    private static (int Term, float Weight)[] Heaviest(SparseVector vector) => CandidateSearch.HeaviestTerms(vector, HeavyTerms);
}
