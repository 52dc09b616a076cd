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
/// Afterwards a small cluster (at most <see cref="EventClustererOptions.MaxFragmentSize"/> documents) joins the larger
/// cluster it is most similar to when that average reaches <see cref="EventClustererOptions.FragmentThreshold"/> and
/// clearly beats every other cluster (by <see cref="EventClustererOptions.FragmentMargin"/>): a report that resembles
/// its event's reports only moderately, and nothing else, is not left alone.
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

    // The most postings one document reads: 30 heavy terms of the smallest posting cap, so a corpus of up to
    // 20 × MinPostingCap documents is searched exactly as without a budget; beyond, a document probes its most
    // specific heavy terms only, and the search stays linear in the corpus.
    internal const int PostingBudget = HeavyTerms * MinPostingCap;

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
        EventFeatures features = EventFeatures.Build(documents, Options, cancellationToken);
        if (features.Count == 0)
        {
            return new EventClustering([]);
        }

        List<SimilarPair> edges = CandidateEdges(features, cancellationToken);
        int[] cluster = AverageLinkage.Cluster(features.Count, edges, Options.Threshold);
        cluster = AverageLinkage.AttachFragments(cluster, edges, Options.MaxFragmentSize, Options.FragmentThreshold, Options.FragmentMargin, features.Days, Options.TimeWindowDays);
        return ClusterDescriber.Describe(cluster, edges, features);
    }

    /// <summary>The candidate graph: each document's nearest neighbours by text, scored exactly, time term included.</summary>
    private List<SimilarPair> CandidateEdges(EventFeatures features, CancellationToken cancellationToken)
    {
        int maxPosting = Math.Max(MinPostingCap, features.Count / PostingCapDivisor);
        Neighbor[][] nearest = CandidateSearch.FindTopK(features, Options.Neighbors, Options.MinCandidateSimilarity, HeavyTerms, maxPosting, PostingBudget, Options.Parallelism, cancellationToken);

        // Each pair once, from either side's list (the text similarity is symmetric, bit for bit), ordered.
        long total = 0;
        foreach (Neighbor[] list in nearest)
        {
            total += list.Length;
        }

        var keys = new long[total];
        var similarities = new double[total];
        int at = 0;
        for (int i = 0; i < nearest.Length; i++)
        {
            foreach (Neighbor neighbour in nearest[i])
            {
                int j = neighbour.Index;
                keys[at] = i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;
                similarities[at++] = neighbour.Similarity;
            }

            nearest[i] = null!;
        }

        nearest = null!;
        Array.Sort(keys, similarities);
        var edges = new List<SimilarPair>(at / 2);
        for (int e = 0; e < keys.Length; e++)
        {
            if (e > 0 && keys[e] == keys[e - 1])
            {
                continue;
            }

            int a = (int)(keys[e] >> 32), b = (int)keys[e];
            double similarity = similarities[e] + EventFeatures.TimeAdjustment(features.Days[a], features.Days[b], Options);
            if (similarity >= Options.MinCandidateSimilarity)
            {
                edges.Add(new SimilarPair(a, b, similarity));
            }
        }

        return edges;
    }
}
