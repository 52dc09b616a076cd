using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Comparison.Clustering;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison;

/// <summary>
/// The whole pipeline in one call: from documents to a <see cref="ComparisonResult"/> with near-duplicates,
/// event clusters, the similarity matrix, shared passages and discrepancies, each stage as configured in
/// <see cref="NewsComparerOptions"/>.
/// </summary>
/// <remarks>
/// Stages run in data-flow order. Each stage's result is a <see cref="StageResult{T}"/>: the section when it ran,
/// otherwise the <see cref="SkipReason"/> — switched off (<see cref="SkipReason.NotRequested"/>), a corpus too large
/// or empty for the similarity matrix, or no clusters for the stages that work within them (shared passages and
/// discrepancies are looked for within each event cluster of two or more documents). The result is deterministic:
/// the same documents and options give the same result, whatever the thread count. An instance holds only its
/// options and is thread-safe. Each stage is also a public type of its own namespace (<c>DuplicateFinder</c>,
/// <c>TfIdfModel</c>, <c>EventClusterer</c>, <c>PassageAligner</c>, <c>DiscrepancyFinder</c>) for use alone.
/// </remarks>
public sealed partial class NewsComparer
{
    private readonly DiscrepancyFinder _discrepancyFinder;
    private readonly Shingler _shingler;
    private readonly MinHasher _minHasher;
    private readonly EventClusterer _clusterer;
    private readonly PassageAligner _aligner;

    /// <summary>Creates a comparer.</summary>
    /// <param name="options">The options; <see langword="null"/> means <see cref="NewsComparerOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public NewsComparer(NewsComparerOptions? options = null)
    {
        options ??= NewsComparerOptions.Default;
        options.Validate();
        Options = options;
        _discrepancyFinder = new DiscrepancyFinder(options.Discrepancies);
        _shingler = new Shingler(options.Shingles);
        _minHasher = new MinHasher(options.MinHash);
        _clusterer = new EventClusterer(options.Clustering);
        _aligner = new PassageAligner(options.Passages);
    }

    /// <summary>The options in force.</summary>
    public NewsComparerOptions Options { get; }

    /// <summary>Compares the documents of a corpus: runs every stage the options switch on.</summary>
    /// <param name="documents">The documents; identifiers must be unique.</param>
    /// <param name="progress">Receives each stage's progress; optional.</param>
    /// <param name="cancellationToken">Stops the analysis between units of work.</param>
    /// <returns>The result: one <see cref="StageResult{T}"/> per stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is <see langword="null"/> or holds a null.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    /// <exception cref="DocumentFormatException">A document is longer than <see cref="NewsComparerOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ComparisonResult Compare(IEnumerable<Document> documents, IProgress<ComparisonProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (Options.StreamDocuments)
        {
            return CompareStream(documents, progress, cancellationToken);
        }

        ImmutableArray<Document> corpus = [.. Checked(documents, [])];
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new ComparisonProgress(ComparisonStage.Read, corpus.Length, corpus.Length));
        var result = new ComparisonResult(corpus);

        bool matrix = corpus.Length <= Options.SimilarityMatrixMaxDocuments && corpus.Length > 0;
        ShingleSet[]? shingles = null;
        if (Options.FindDuplicates || matrix)
        {
            shingles = new ShingleSet[corpus.Length];
            MinHashSignature[]? signatures = Options.FindDuplicates ? new MinHashSignature[corpus.Length] : null;
            Sketch(corpus, shingles, signatures, progress, cancellationToken);
            if (signatures is not null)
            {
                result = result with { Duplicates = StageResult.Ran(FindDuplicates(corpus, shingles, signatures, cancellationToken)) };
            }
        }

        result = result with
        {
            Similarity = matrix
                ? StageResult.Ran(ComputeSimilarity(corpus, shingles!, progress, cancellationToken))
                : StageResult.Skip<SimilaritySection>(
                    Options.SimilarityMatrixMaxDocuments == 0 ? SkipReason.NotRequested
                    : corpus.Length == 0 ? SkipReason.NoDocuments
                    : SkipReason.TooManyDocuments),
        };

        if (!Options.FindClusters)
        {
            return result with
            {
                Passages = StageResult.Skip<PassagesSection>(Options.FindPassages ? SkipReason.ClustersSkipped : SkipReason.NotRequested),
                Discrepancies = StageResult.Skip<DiscrepanciesSection>(Options.FindDiscrepancies ? SkipReason.ClustersSkipped : SkipReason.NotRequested),
            };
        }

        ClustersSection clusters = FindClusters(corpus, progress, cancellationToken);
        result = result with { Clusters = StageResult.Ran(clusters) };
        if (Options.FindPassages)
        {
            result = result with { Passages = StageResult.Ran(FindPassages(corpus, clusters, progress, cancellationToken)) };
        }

        if (Options.FindDiscrepancies)
        {
            result = result with { Discrepancies = StageResult.Ran(FindDiscrepancies(corpus, clusters, progress, cancellationToken)) };
        }

        return result;
    }

    /// <summary>
    /// <see cref="Compare"/> holding no corpus of texts (<see cref="NewsComparerOptions.StreamDocuments"/>): the
    /// duplicates from two passes over the documents, the clusters from one more (which also notes where each
    /// document is and what the report says of it), then the stages that read texts, cluster by cluster, each
    /// reading again only the documents it compares.
    /// </summary>
    private ComparisonResult CompareStream(IEnumerable<Document> documents, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ComparisonProgress(ComparisonStage.Read, 0, 1));
        bool texts = Options.FindPassages || Options.FindDiscrepancies || Options.SimilarityMatrixMaxDocuments > 0;
        StreamedCorpus? corpus = texts ? new StreamedCorpus(documents) : null;
        List<string>? ids = null;
        StageResult<DuplicatesSection> duplicates = default;
        if (Options.FindDuplicates)
        {
            // The finder checks the documents itself and reads a file's candidate lines only on its second pass.
            ids = [];
            DuplicateOptions settings = Options.Duplicates with { MaxDocumentLength = Math.Min(Options.Duplicates.MaxDocumentLength, Options.MaxDocumentLength) };
            var sketcher = new TextSketcher(Options.Shingles, Options.MinHash);
            duplicates = StageResult.Ran(Section(DuplicateFinder.FindDuplicates(documents, settings, sketcher, ids, cancellationToken)));
            progress?.Report(new ComparisonProgress(ComparisonStage.Read, 1, 1));
            progress?.Report(new ComparisonProgress(ComparisonStage.Shingles, ids.Count, ids.Count));
        }

        StageResult<ClustersSection> clusters = default;
        if (Options.FindClusters)
        {
            IEnumerable<Document> input = corpus?.Record() ?? documents;
            if (ids is null)
            {
                input = Checked(input, ids = []);
            }

            progress?.Report(new ComparisonProgress(ComparisonStage.Clusters, 0, 1));
            EventClustering clustering = _clusterer.Cluster(input, cancellationToken);
            clusters = StageResult.Ran(Section(clustering, ids));
            progress?.Report(new ComparisonProgress(ComparisonStage.Read, 1, 1));
            progress?.Report(new ComparisonProgress(ComparisonStage.Clusters, 1, 1));
        }

        if (ids is null || corpus is { Recorded: false })
        {
            IEnumerable<Document> input = corpus?.Record() ?? documents;
            if (ids is null)
            {
                input = Checked(input, ids = []);
            }

            foreach (Document document in input)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            progress?.Report(new ComparisonProgress(ComparisonStage.Read, 1, 1));
        }

        var result = new ComparisonResult(ids.Count)
        {
            Duplicates = duplicates,
            Clusters = clusters,
            Headers = corpus?.Headers ?? default,
            Similarity = corpus is null
                ? StageResult.Skip<SimilaritySection>(SkipReason.NotRequested)
                : StreamedSimilarity(corpus, ids, progress, cancellationToken),
        };

        if (!clusters.TryGetValue(out ClustersSection? found))
        {
            return result with
            {
                Passages = StageResult.Skip<PassagesSection>(Options.FindPassages ? SkipReason.ClustersSkipped : SkipReason.NotRequested),
                Discrepancies = StageResult.Skip<DiscrepanciesSection>(Options.FindDiscrepancies ? SkipReason.ClustersSkipped : SkipReason.NotRequested),
            };
        }

        return corpus is null ? result : WithinClusters(result, corpus, found, ids, progress, cancellationToken);
    }

    /// <summary>The similarity matrix of a streamed corpus: its documents read again when there are few enough.</summary>
    private StageResult<SimilaritySection> StreamedSimilarity(StreamedCorpus corpus, List<string> ids, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        int n = ids.Count;
        if (Options.SimilarityMatrixMaxDocuments == 0 || n == 0 || n > Options.SimilarityMatrixMaxDocuments)
        {
            return StageResult.Skip<SimilaritySection>(
                Options.SimilarityMatrixMaxDocuments == 0 ? SkipReason.NotRequested
                : n == 0 ? SkipReason.NoDocuments
                : SkipReason.TooManyDocuments);
        }

        int[] all = [.. Enumerable.Range(0, n)];
        corpus.Prepare(all, ids.Count);
        ImmutableArray<Document> documents = [.. corpus.Read(all, ids)];
        var shingles = new ShingleSet[n];
        Sketch(documents, shingles, null, progress, cancellationToken);
        return StageResult.Ran(ComputeSimilarity(documents, shingles, progress, cancellationToken));
    }

    /// <summary>
    /// Shared passages and discrepancies of a streamed corpus: the clusters of two or more documents in order, a
    /// batch of clusters at a time (up to <see cref="BatchDocuments"/> documents, or one larger cluster), each
    /// batch's documents read again, compared and dropped; the same sections as from the documents in memory.
    /// </summary>
    private ComparisonResult WithinClusters(ComparisonResult result, StreamedCorpus corpus, ClustersSection clusters, List<string> ids, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        var position = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            position[ids[i]] = i;
        }

        ReportCluster[] groups = [.. clusters.Clusters.Where(c => c.Documents.Length > 1)];
        corpus.Prepare(groups.SelectMany(c => c.Documents).Select(id => position[id]), ids.Count);
        var passages = ImmutableArray.CreateBuilder<DocumentPassage>();
        var discrepancies = new DiscrepancyCollector();
        ReportBatches(0);
        for (int start = 0, end; start < groups.Length; start = end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = groups[start].Documents.Length;
            for (end = start + 1; end < groups.Length && count + groups[end].Documents.Length <= BatchDocuments; end++)
            {
                count += groups[end].Documents.Length;
            }

            ArraySegment<ReportCluster> batch = new(groups, start, end - start);
            int[] positions = [.. batch.SelectMany(c => c.Documents).Select(id => position[id]).Order()];
            Dictionary<string, Document> byId = ById([.. corpus.Read(positions, ids)]);
            if (Options.FindPassages)
            {
                passages.AddRange(Passages(batch, byId, keepWords: true, progress: null, cancellationToken));
            }

            if (Options.FindDiscrepancies)
            {
                ReportCluster[] members = [.. batch];
                discrepancies.Add(members, Discrepancies(members, byId, progress: null, cancellationToken));
            }

            ReportBatches(end);
        }

        return result with
        {
            Passages = Options.FindPassages ? StageResult.Ran(new PassagesSection(passages.ToImmutable())) : default,
            Discrepancies = Options.FindDiscrepancies ? StageResult.Ran(discrepancies.ToSection()) : default,
        };

        // Both stages advance together, a batch of clusters at a time, so each keeps its own bar.
        void ReportBatches(int done)
        {
            if (Options.FindPassages)
            {
                progress?.Report(new ComparisonProgress(ComparisonStage.Passages, done, groups.Length));
            }

            if (Options.FindDiscrepancies)
            {
                progress?.Report(new ComparisonProgress(ComparisonStage.Discrepancies, done, groups.Length));
            }
        }
    }

    /// <summary>
    /// The documents as they are enumerated, each checked (not null, a new identifier, not too long) and its
    /// identifier added to <paramref name="ids"/>.
    /// </summary>
    private IEnumerable<Document> Checked(IEnumerable<Document> documents, List<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Document document in documents)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(documents), "The documents must not contain null.");
            }

            if (!seen.Add(document.Id))
            {
                throw new ArgumentException($"Two documents have the id '{document.Id}': identifiers must be unique.", nameof(documents));
            }

            if (document.Text.Length > Options.MaxDocumentLength)
            {
                throw new DocumentFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Document '{document.Id}' has {document.Text.Length:N0} characters; the analysis takes documents of at most {Options.MaxDocumentLength:N0} (NewsComparerOptions.MaxDocumentLength), so that it fits in memory."));
            }

            ids.Add(document.Id);
            yield return document;
        }
    }

    /// <summary>Shingles every document and, when asked, signs it; in parallel, each result at its document's position.</summary>
    private void Sketch(ImmutableArray<Document> corpus, ShingleSet[] shingles, MinHashSignature[]? signatures, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        const int Step = 256;
        int done = 0;
        progress?.Report(new ComparisonProgress(ComparisonStage.Shingles, 0, corpus.Length));
        Parallel.For(0, corpus.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            // Hashed into a list, signed, then sorted in place into the set: a huge document's shingle hashes are held
            // once, plus its distinct ones.
            var list = new List<ulong>((corpus[i].Text.Length / 5) + 16);
            _shingler.Hash(corpus[i].Text, list);
            Span<ulong> hashes = CollectionsMarshal.AsSpan(list);
            if (signatures is not null)
            {
                signatures[i] = _minHasher.Compute(hashes);
            }

            shingles[i] = ShingleSet.CreateInPlace(hashes);

            int now = Interlocked.Increment(ref done);
            if (now % Step == 0 || now == corpus.Length)
            {
                progress?.Report(new ComparisonProgress(ComparisonStage.Shingles, now, corpus.Length));
            }
        });
    }

    private DuplicatesSection FindDuplicates(ImmutableArray<Document> corpus, ShingleSet[] shingles, MinHashSignature[] signatures, CancellationToken cancellationToken)
    {
        string[] ids = [.. corpus.Select(d => d.Id)];
        return Section(DuplicateFinder.FindDuplicates(ids, signatures, Options.Duplicates, shingles, cancellationToken));
    }

    /// <summary>The duplicates section of a search with these options.</summary>
    private DuplicatesSection Section(DuplicateResult<string> result) =>
        new DuplicatesSection(result.Threshold, result.Pairs, result.Groups)
        {
            Verification = Options.Duplicates.Verification,
            Shingles = Options.Shingles,
            MinHash = Options.MinHash,
            Banding = result.Parameters,
            CandidatePairs = result.CandidatePairs,
        };

    /// <summary>Event clusters, each cluster's documents in input order.</summary>
    private ClustersSection FindClusters(ImmutableArray<Document> corpus, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ComparisonProgress(ComparisonStage.Clusters, 0, 1));
        EventClustering clustering = _clusterer.Cluster(corpus, cancellationToken);
        ClustersSection section = Section(clustering, [.. corpus.Select(d => d.Id)]);
        progress?.Report(new ComparisonProgress(ComparisonStage.Clusters, 1, 1));
        return section;
    }

    /// <summary>The clusters section: each cluster's documents in input order (<paramref name="ids"/>).</summary>
    private static ClustersSection Section(EventClustering clustering, List<string> ids)
    {
        var position = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
        {
            position[ids[i]] = i;
        }

        var clusters = ImmutableArray.CreateBuilder<ReportCluster>(clustering.Clusters.Length);
        foreach (EventCluster cluster in clustering.Clusters)
        {
            string[] members = [.. cluster.DocumentIds];
            Array.Sort(members, (x, y) => position[x].CompareTo(position[y]));
            clusters.Add(new ReportCluster(cluster.Id, [.. members], cluster.Label, cluster.RepresentativeId) { Terms = cluster.Terms });
        }

        return new ClustersSection(clusters.MoveToImmutable());
    }

    /// <summary>TF-IDF cosine and exact shingle Jaccard of every pair of a small corpus.</summary>
    private SimilaritySection ComputeSimilarity(ImmutableArray<Document> corpus, ShingleSet[] shingles, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        int n = corpus.Length;
        progress?.Report(new ComparisonProgress(ComparisonStage.Similarity, 0, n));
        TfIdfFitResult fit = TfIdfModel.FitTransform(corpus.Select(d => d.Text), Options.TfIdf, cancellationToken);
        SimilarityMatrix cosine = SimilarityMatrix.Compute(fit.Vectors);
        var jaccard = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            jaccard[(i * n) + i] = 1;
            for (int j = i + 1; j < n; j++)
            {
                jaccard[(i * n) + j] = jaccard[(j * n) + i] = shingles[i].Jaccard(shingles[j]);
            }
        }

        var cells = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            cosine.Row(i).CopyTo(cells.AsSpan(i * n, n));
        }

        progress?.Report(new ComparisonProgress(ComparisonStage.Similarity, n, n));
        return new SimilaritySection([.. corpus.Select(d => d.Id)], [.. cells], [.. jaccard]);
    }

    /// <summary>
    /// Passages shared within each cluster of two or more documents: every pair of a small cluster, each document
    /// against the representative in a large one. Pairs in cluster order, then input order; passages by position.
    /// </summary>
    private PassagesSection FindPassages(ImmutableArray<Document> corpus, ClustersSection clusters, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken) =>
        new(Passages(clusters.Clusters, ById(corpus), keepWords: false, progress, cancellationToken));

    /// <summary>
    /// The passages of some clusters, in cluster order, then pair order, then position; with
    /// <paramref name="keepWords"/>, each keeps the words of its spans (for a report that holds no texts).
    /// </summary>
    private ImmutableArray<DocumentPassage> Passages(IEnumerable<ReportCluster> clusters, Dictionary<string, Document> byId, bool keepWords, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        var pairs = new List<(Document A, Document B)>();
        foreach (ReportCluster cluster in clusters)
        {
            ImmutableArray<string> members = cluster.Documents;
            if (members.Length < 2)
            {
                continue;
            }

            if (members.Length <= Options.PassageAllPairsMaxDocuments)
            {
                for (int i = 0; i < members.Length; i++)
                {
                    for (int j = i + 1; j < members.Length; j++)
                    {
                        pairs.Add((byId[members[i]], byId[members[j]]));
                    }
                }
            }
            else
            {
                string hub = cluster.Representative ?? members[0];
                bool hubSeen = false;
                foreach (string member in members)
                {
                    if (member == hub)
                    {
                        hubSeen = true;
                        continue;
                    }

                    // Keep A before B in input order, as for every other pair.
                    pairs.Add(hubSeen ? (byId[hub], byId[member]) : (byId[member], byId[hub]));
                }
            }
        }

        var found = new ImmutableArray<SharedPassage>[pairs.Count];
        int done = 0;
        progress?.Report(new ComparisonProgress(ComparisonStage.Passages, 0, pairs.Count));
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            found[i] = _aligner.Align(pairs[i].A, pairs[i].B, cancellationToken);
            int now = Interlocked.Increment(ref done);
            if (now % 64 == 0 || now == pairs.Count)
            {
                progress?.Report(new ComparisonProgress(ComparisonStage.Passages, now, pairs.Count));
            }
        });

        var passages = ImmutableArray.CreateBuilder<DocumentPassage>();
        for (int i = 0; i < pairs.Count; i++)
        {
            (Document a, Document b) = pairs[i];
            foreach (SharedPassage passage in found[i])
            {
                passages.Add(keepWords
                    ? new DocumentPassage(a.Id, b.Id, passage) { AText = Words(a.Text, passage.A), BText = Words(b.Text, passage.B) }
                    : new DocumentPassage(a.Id, b.Id, passage));
            }
        }

        return passages.ToImmutable();

        static string Words(string text, TextSpan span) => span.End <= text.Length ? text.Substring(span.Start, span.Length) : string.Empty;
    }

    /// <summary>Looks for discrepancies within each cluster of two or more documents, in parallel, in cluster order.</summary>
    internal DiscrepanciesSection FindDiscrepancies(ImmutableArray<Document> corpus, ClustersSection clusters, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        ReportCluster[] groups = [.. clusters.Clusters.Where(c => c.Documents.Length > 1)];
        var collector = new DiscrepancyCollector();
        collector.Add(groups, Discrepancies(groups, ById(corpus), progress, cancellationToken));
        return collector.ToSection();
    }

    /// <summary>The discrepancy finder's report on each of some clusters, in parallel, in their order.</summary>
    private DiscrepancyReport[] Discrepancies(ReportCluster[] groups, Dictionary<string, Document> byId, IProgress<ComparisonProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new DiscrepancyReport[groups.Length];
        int done = 0;
        progress?.Report(new ComparisonProgress(ComparisonStage.Discrepancies, 0, groups.Length));
        Parallel.For(0, groups.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var members = new List<Document>(groups[i].Documents.Length);
            foreach (string id in groups[i].Documents)
            {
                members.Add(byId[id]);
            }

            results[i] = _discrepancyFinder.Find(members);
            progress?.Report(new ComparisonProgress(ComparisonStage.Discrepancies, Interlocked.Increment(ref done), groups.Length));
        });
        return results;
    }

    private static Dictionary<string, Document> ById(ImmutableArray<Document> corpus)
    {
        var byId = new Dictionary<string, Document>(corpus.Length, StringComparer.Ordinal);
        foreach (Document document in corpus)
        {
            byId[document.Id] = document;
        }

        return byId;
    }

    private static ReportMention ToReport(DiscrepancyMention mention) => new(mention.Document, mention.Start, mention.End, mention.Text)
    {
        Value = mention.Value,
        Number = mention.Number,
        Qualifier = mention.Qualifier,
        SentenceStart = mention.SentenceStart,
        SentenceEnd = mention.SentenceEnd,
    };
}
