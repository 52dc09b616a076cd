using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Clustering;

/// <summary>
/// Groups the reports of one event: average-linkage agglomeration over a sparse graph of candidate neighbours,
/// scored by content words, names and numbers, and publication time.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: each document yields content terms and salient terms (capitalised names, numbers; title and lead
/// weigh more, see <see cref="EventClustererOptions"/>), turned into two TF-IDF vectors fitted on the corpus. An
/// all-pairs search (<see cref="AllPairs.FindTopK"/>) keeps each document's
/// <see cref="EventClustererOptions.Neighbors"/> most similar documents; every such pair is scored exactly by the
/// weighted cosines plus the publication-time term. Average linkage then merges clusters while the mean similarity
/// over all their cross pairs (non-candidates count 0) reaches <see cref="EventClustererOptions.Threshold"/>.
/// Average linkage, not single link: one similar pair of documents cannot chain two look-alike events together.
/// </para>
/// <para>
/// Every document lands in exactly one cluster. The result depends neither on the order of the input (documents
/// are processed in ordinal order of their identifiers) nor on the number of threads. Time O(n·k·log(n·k)) after
/// the all-pairs search; memory O(n·k + vocabulary). An instance is immutable and thread safe.
/// </para>
/// </remarks>
public sealed class EventClusterer
{
    // Candidate search: each document's heaviest terms are indexed and probed; a term in more than
    // max(MinPostingCap, n / PostingCapDivisor) documents is too common to tell events apart.
    internal const int HeavyTerms = 30;
    internal const int MinPostingCap = 200;
    internal const int PostingCapDivisor = 20;

    /// <summary>Creates a clusterer.</summary>
    /// <param name="options">The settings; <see langword="null"/> for <see cref="EventClustererOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (the message names it).</exception>
    public EventClusterer(EventClustererOptions? options = null)
    {
        Options = options ?? EventClustererOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public EventClustererOptions Options { get; }

    /// <summary>Clusters a corpus into events.</summary>
    /// <param name="documents">The documents; identifiers must be unique.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The clusters; every document is in exactly one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public EventClustering Cluster(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Document[] ordered = Canonical(documents);
        if (ordered.Length == 0)
        {
            return new EventClustering([]);
        }

        EventFeatures features = EventFeatures.Build(ordered, Options, cancellationToken);
        List<SimilarPair> edges = CandidateEdges(features, cancellationToken);
        int[] cluster = AverageLinkage.Cluster(ordered.Length, edges, Options.Threshold);
        return ClusterDescriber.Describe(ordered, cluster, edges, features);
    }

    /// <summary>The documents sorted by identifier (ordinal), after checking for nulls and duplicate identifiers.</summary>
    internal static Document[] Canonical(IEnumerable<Document> documents)
    {
        var list = new List<Document>();
        foreach (Document document in documents)
        {
            list.Add(document ?? throw new ArgumentNullException(nameof(documents), $"The document at position {list.Count} is null."));
        }

        Document[] ordered = [.. list];
        Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 1; i < ordered.Length; i++)
        {
            if (string.Equals(ordered[i - 1].Id, ordered[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Two documents have the id '{ordered[i].Id}'; identifiers must be unique.", nameof(documents));
            }
        }

        return ordered;
    }

    /// <summary>The candidate graph: each document's nearest neighbours by text, scored exactly, time term included.</summary>
    private List<SimilarPair> CandidateEdges(EventFeatures features, CancellationToken cancellationToken)
    {
        int maxPosting = Math.Max(MinPostingCap, features.Count / PostingCapDivisor);
        ImmutableArray<Neighbor>[] nearest = CandidateSearch.FindTopK(features, features.Combined(), Options.Neighbors, Options.MinCandidateSimilarity, HeavyTerms, maxPosting, Options.Parallelism, cancellationToken);
        var pairs = new List<(int A, int B)>();
        for (int i = 0; i < nearest.Length; i++)
        {
            foreach (Neighbor neighbour in nearest[i])
            {
                int j = neighbour.Index;
                pairs.Add(i < j ? (i, j) : (j, i));
            }
        }

        pairs.Sort();
        var edges = new List<SimilarPair>(pairs.Count / 2);
        for (int k = 0; k < pairs.Count; k++)
        {
            if (k > 0 && pairs[k] == pairs[k - 1])
            {
                continue;
            }

            (int a, int b) = pairs[k];
            double similarity = features.Similarity(a, b);
            if (similarity >= Options.MinCandidateSimilarity)
            {
                edges.Add(new SimilarPair(a, b, similarity));
            }
        }

        return edges;
    }
}
