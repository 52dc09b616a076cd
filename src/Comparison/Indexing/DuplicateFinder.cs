using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comparison.Documents;
using Comparison.Sketches;

namespace Comparison.Indexing;

/// <summary>
/// Finds every near-duplicate pair of a corpus from MinHash signatures without comparing all pairs, and folds
/// the pairs into groups.
/// </summary>
/// <remarks>
/// <para>
/// The documents go through an <see cref="LshIndex{TKey}"/> one by one in input order: each queries the
/// documents before it, and every candidate (a shared band) is then verified on its full signature, or on request
/// on its exact shingle sets. Only a verified pair links two documents: a shared band alone never merges
/// anything, so chains of weak links cannot build giant false groups. Groups are the connected components of
/// the verified pairs (union–find).
/// </para>
/// <para>
/// O(n·(K + b)) to index plus O(c·K) for c candidate pairs, and O(c'·m) more for exact verification of the c'
/// candidates that pass the estimate pre-filter (m shingles per document). Signing runs in parallel, the search in
/// input order on one thread, so the result is deterministic:
/// the same input gives the same pairs and groups in the same order.
/// </para>
/// </remarks>
public static class DuplicateFinder
{
    /// <summary>
    /// Finds the near-duplicate documents of a corpus from raw text, reading it as a stream: every document is
    /// shingled and signed as it arrives (in parallel batches), and only the signatures are kept. Every pair reports
    /// its exact Jaccard similarity, from a second pass over the documents that builds shingle sets only for the
    /// documents of candidate pairs.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The documents are enumerated once to sign and index them, and, when some pair is a candidate, a second time to
    /// verify the candidates: the sequence must give the same documents in the same order both times, as a reader of
    /// <see cref="DocumentReader"/> or a list does (a reader of JSON Lines re-reads its file and parses only the
    /// lines it needs). A sequence that cannot be read twice (standard input) must be saved first.
    /// </para>
    /// <para>
    /// Memory is set by the corpus size and the settings, never by its text: per document, the signature
    /// (K · 4 bytes, 512 at K = 128), the LSH bands (about 25 bytes a band: 21 bands at 0.8) and the identifier;
    /// then, during the second pass, the shingle sets (8 bytes a distinct shingle) of the candidate documents whose
    /// partners are still to come. About 1 KB a document in all at the defaults; the text of a batch of documents
    /// is held only while it is signed.
    /// </para>
    /// </remarks>
    /// <param name="documents">The documents, with distinct identifiers; enumerated once or twice (see remarks).</param>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="DuplicateOptions.Default"/>.</param>
    /// <param name="sketcher">The shingling and signature settings; <see langword="null"/> means word 5-shingles and 128 classic permutations.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The pairs and groups, keyed by document identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    /// <exception cref="DocumentFormatException">A document is longer than <see cref="DuplicateOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The second enumeration did not give the documents of the first, in the same order.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DuplicateResult<string> FindDuplicates(
        IEnumerable<Document> documents,
        DuplicateOptions? options = null,
        TextSketcher? sketcher = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= DuplicateOptions.Default;
        options.Validate();
        return FindDuplicates(documents, options, sketcher ?? new TextSketcher(), [], cancellationToken);
    }

    /// <summary>
    /// <see cref="FindDuplicates(IEnumerable{Document}, DuplicateOptions?, TextSketcher?, CancellationToken)"/> with
    /// validated settings, filling <paramref name="ids"/> with the documents' identifiers in input order.
    /// </summary>
    internal static DuplicateResult<string> FindDuplicates(
        IEnumerable<Document> documents,
        DuplicateOptions options,
        TextSketcher sketcher,
        List<string> ids,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var search = new PairSearch(options, sketcher.Hasher.Permutations);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        bool Check(Document document, int position)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(documents), $"Document {position} is null.");
            }

            if (!seen.Add(document.Id))
            {
                throw new ArgumentException($"The key '{document.Id}' appears twice; keys must be distinct.", nameof(documents));
            }

            if (document.Text.Length > options.MaxDocumentLength)
            {
                throw new DocumentFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Document '{document.Id}' has {document.Text.Length:N0} characters; duplicates are looked for in documents of at most {options.MaxDocumentLength:N0} (DuplicateOptions.MaxDocumentLength), so that the search fits in memory."));
            }

            ids.Add(document.Id);
            return true;
        }

        // Pass 1: sign each batch in parallel, then query and insert in input order.
        var signatures = new MinHashSignature[DocumentBatches.DefaultCount];
        foreach (DocumentBatch batch in DocumentBatches.Read(documents, Check, cancellationToken))
        {
            Document[] items = batch.Documents;
            Parallel.For(0, items.Length, parallel, i => signatures[i] = sketcher.Sketch(items[i].Text));
            for (int i = 0; i < items.Length; i++)
            {
                search.Add(batch.Positions[i], signatures[i]);
                signatures[i] = null!;
            }
        }

        seen.Clear();
        seen.TrimExcess();
        if (search.Pending.Count > 0)
        {
            VerifyFromText(documents, ids, search, sketcher, parallel, cancellationToken);
        }

        return search.Finish(ids);
    }

    /// <summary>
    /// The second pass: the exact Jaccard similarity of every pending pair, from the shingle sets of its two
    /// documents. A set is built when its document comes by and kept only until its last partner has come by.
    /// </summary>
    private static void VerifyFromText(IEnumerable<Document> documents, List<string> ids, PairSearch search, TextSketcher sketcher, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        List<PendingPair> pending = search.Pending;

        // The last position at which each candidate document is needed (pairs come ordered by their later document).
        var lastUse = new Dictionary<int, int>();
        foreach (PendingPair pair in pending)
        {
            lastUse[pair.A] = Math.Max(lastUse.GetValueOrDefault(pair.A), pair.B);
            lastUse[pair.B] = pair.B;
        }

        var open = new Dictionary<int, ShingleSet>();
        int next = 0, count = 0;
        bool Check(Document document, int position)
        {
            if (position >= ids.Count || document is null || !string.Equals(document.Id, ids[position], StringComparison.Ordinal))
            {
                throw ChangedBetweenPasses();
            }

            count = position + 1;
            return lastUse.ContainsKey(position);
        }

        // A file read selectively parses only the candidates' lines; any other sequence is read through.
        var total = new StrongBox<int>(-1);
        IEnumerable<DocumentBatch> batches = documents is ISelectiveDocuments selective
            ? DocumentBatches.Read(selective.ReadSelected(lastUse.ContainsKey, total), Check, cancellationToken)
            : DocumentBatches.Read(documents, Check, cancellationToken);
        var sets = new List<ShingleSet>();
        foreach (DocumentBatch batch in batches)
        {
            Document[] items = batch.Documents;
            CollectionsMarshal.SetCount(sets, items.Length);
            Parallel.For(0, items.Length, parallel, k => sets[k] = sketcher.Shingles(items[k].Text));
            for (int k = 0; k < items.Length; k++)
            {
                int position = batch.Positions[k];
                ShingleSet set = sets[k];
                sets[k] = null!;
                for (; next < pending.Count && pending[next].B == position; next++)
                {
                    int a = pending[next].A;
                    search.Verify(next, open[a].Jaccard(set));
                    if (lastUse[a] == position)
                    {
                        open.Remove(a);
                    }
                }

                if (lastUse[position] > position)
                {
                    open.Add(position, set);
                }
            }
        }

        if (total.Value >= 0)
        {
            count = total.Value;
        }

        if (count != ids.Count || next != pending.Count)
        {
            throw ChangedBetweenPasses();
        }

        static InvalidOperationException ChangedBetweenPasses() =>
            new("The documents changed between the two passes of the duplicate search: the second enumeration must give the same documents in the same order as the first (read a file again, or save standard input to one first).");
    }

    /// <summary>Finds the near-duplicate pairs and groups of a corpus.</summary>
    /// <typeparam name="TKey">The document key type.</typeparam>
    /// <param name="keys">The document keys, distinct.</param>
    /// <param name="signatures">One signature per key, all from one <see cref="MinHasher"/> configuration.</param>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="DuplicateOptions.Default"/>.</param>
    /// <param name="shingles">
    /// One shingle set per key, required for <see cref="DuplicateVerification.Exact"/> (the default; pass options with
    /// <see cref="DuplicateVerification.Estimated"/> to work from signatures alone); when given, every pair
    /// also reports its exact Jaccard similarity.
    /// </param>
    /// <param name="cancellationToken">Stops the search between documents.</param>
    /// <returns>The pairs and groups.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> or <paramref name="signatures"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The lists differ in length, a key repeats, the signatures come from different configurations, or exact
    /// verification is asked for without shingle sets.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DuplicateResult<TKey> FindDuplicates<TKey>(
        IReadOnlyList<TKey> keys,
        IReadOnlyList<MinHashSignature> signatures,
        DuplicateOptions? options = null,
        IReadOnlyList<ShingleSet>? shingles = null,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(signatures);
        options ??= DuplicateOptions.Default;
        options.Validate();
        if (keys.Count != signatures.Count)
        {
            throw new ArgumentException($"There are {keys.Count} keys but {signatures.Count} signatures; give one signature per key.", nameof(signatures));
        }

        if (shingles is not null && shingles.Count != keys.Count)
        {
            throw new ArgumentException($"There are {keys.Count} keys but {shingles.Count} shingle sets; give one set per key.", nameof(shingles));
        }

        if (options.Verification == DuplicateVerification.Exact && shingles is null)
        {
            throw new ArgumentException("Exact verification needs the shingle set of every document.", nameof(shingles));
        }

        int n = keys.Count;
        int k = n == 0 ? 128 : signatures[0]?.Permutations ?? throw new ArgumentNullException(nameof(signatures), "Signature 0 is null.");
        var search = new PairSearch(options, k);
        var seen = new HashSet<TKey>(n, EqualityComparer<TKey>.Default);
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TKey key = keys[i] ?? throw new ArgumentNullException(nameof(keys), $"Key {i} is null.");
            if (!seen.Add(key))
            {
                throw new ArgumentException($"The key '{key}' appears twice; keys must be distinct.", nameof(keys));
            }

            search.Add(i, signatures[i] ?? throw new ArgumentNullException(nameof(signatures), $"Signature {i} is null."));
        }

        if (shingles is not null)
        {
            List<PendingPair> pending = search.Pending;
            for (int p = 0; p < pending.Count; p++)
            {
                search.Verify(p, shingles[pending[p].A].Jaccard(shingles[pending[p].B]));
            }
        }

        return search.Finish(keys);
    }

    private static ImmutableArray<ImmutableArray<TKey>> Group<TKey>(IReadOnlyList<TKey> keys, List<(int A, int B, double Estimate, double? Exact)> pairs)
    {
        int n = keys.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        foreach (var (a, b, _, _) in pairs)
        {
            // The smaller index becomes the root, so a root is its component's first document.
            DisjointSets.Union(parent, a, b);
        }

        // Roots are the smallest members, so visiting documents in order fills each group in input order.
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            int root = DisjointSets.Find(parent, i);
            if (root == i)
            {
                continue;
            }

            if (!members.TryGetValue(root, out List<int>? list))
            {
                list = [root];
                members.Add(root, list);
            }

            list.Add(i);
        }

        var groups = ImmutableArray.CreateBuilder<ImmutableArray<TKey>>(members.Count);
        foreach (int root in members.Keys.Order())
        {
            groups.Add([.. members[root].Select(i => keys[i])]);
        }

        return groups.MoveToImmutable();
    }

    /// <summary>A candidate pair whose estimate passed the pre-filter, with its exact Jaccard similarity once known.</summary>
    private record struct PendingPair(int A, int B, double Estimate, double? Exact);

    /// <summary>
    /// The candidate search shared by both entry points: documents go through an LSH index one by one in input
    /// order, each querying the documents before it; the candidates whose estimate passes the pre-filter wait,
    /// in the order of their later document, for their exact similarity (when there is one to compute).
    /// </summary>
    private sealed class PairSearch
    {
        private readonly LshIndex<int> _index;
        private readonly DuplicateOptions _options;
        private readonly double _minimumEstimate;
        private int _candidatePairs;

        public PairSearch(DuplicateOptions options, int permutations)
        {
            _options = options;
            _index = new LshIndex<int>(options.ToLshOptions(permutations));

            // Exact verification first drops candidates whose estimate is four standard errors below the threshold:
            // a pair that truly clears it is lost this way with probability about 3·10^-5.
            _minimumEstimate = options.Verification == DuplicateVerification.Exact
                ? Math.Max(0, options.Threshold - (4 * JaccardEstimate.StandardErrorOf(options.Threshold, permutations)))
                : options.Threshold;
        }

        /// <summary>The candidates kept so far, ordered by their later document.</summary>
        public List<PendingPair> Pending { get; } = [];

        /// <summary>Queries the documents before <paramref name="position"/>, then indexes it.</summary>
        public void Add(int position, MinHashSignature signature)
        {
            ImmutableArray<LshMatch<int>> matches = _index.Query(signature, 0);
            _candidatePairs += matches.Length;
            foreach (LshMatch<int> match in matches)
            {
                double estimate = match.Estimate.Value;
                if (estimate >= _minimumEstimate)
                {
                    Pending.Add(new PendingPair(match.Key, position, estimate, null));
                }
            }

            _index.Insert(position, signature);
        }

        /// <summary>Records the exact similarity of pending pair <paramref name="pair"/>.</summary>
        public void Verify(int pair, double exact) => CollectionsMarshal.AsSpan(Pending)[pair].Exact = exact;

        /// <summary>The verified pairs and their groups.</summary>
        public DuplicateResult<TKey> Finish<TKey>(IReadOnlyList<TKey> keys)
        {
            double threshold = _options.Threshold;
            bool exact = _options.Verification == DuplicateVerification.Exact;
            var pairs = new List<(int A, int B, double Estimate, double? Exact)>();
            foreach (PendingPair pair in Pending)
            {
                // Estimated verification kept only the pairs whose estimate clears the threshold.
                if (!exact || pair.Exact >= threshold)
                {
                    pairs.Add((pair.A, pair.B, pair.Estimate, pair.Exact));
                }
            }

            Pending.Clear();
            Pending.TrimExcess();
            pairs.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
            var pairResults = ImmutableArray.CreateBuilder<DuplicatePair<TKey>>(pairs.Count);
            foreach (var (a, b, estimate, exactValue) in pairs)
            {
                pairResults.Add(new DuplicatePair<TKey>(keys[a], keys[b], estimate, exactValue));
            }

            return new DuplicateResult<TKey>(threshold, _index.Parameters, _candidatePairs, pairResults.MoveToImmutable(), Group(keys, pairs));
        }
    }
}
