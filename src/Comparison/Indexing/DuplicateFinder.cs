using System.Collections.Immutable;
using System.Globalization;
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
/// candidates that pass the estimate pre-filter (m shingles per document). Single-threaded and deterministic:
/// the same input gives the same pairs and groups in the same order.
/// </para>
/// </remarks>
public static class DuplicateFinder
{
    /// <summary>
    /// Finds the near-duplicate documents of a corpus from raw text: shingles and signs every document (in
    /// parallel), then finds the pairs as the other overload does. Every pair reports its exact Jaccard
    /// similarity; shingle sets are built only for documents that take part in a verification.
    /// </summary>
    /// <param name="documents">The documents, with distinct identifiers.</param>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="DuplicateOptions.Default"/>.</param>
    /// <param name="sketcher">The shingling and signature settings; <see langword="null"/> means word 5-shingles and 128 classic permutations.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The pairs and groups, keyed by document identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    /// <exception cref="DocumentFormatException">A document is longer than <see cref="DuplicateOptions.MaxDocumentLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DuplicateResult<string> FindDuplicates(
        IReadOnlyList<Document> documents,
        DuplicateOptions? options = null,
        TextSketcher? sketcher = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= DuplicateOptions.Default;
        options.Validate();
        sketcher ??= new TextSketcher();
        var keys = new string[documents.Count];
        var signatures = new MinHashSignature[documents.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            Document document = documents[i] ?? throw new ArgumentNullException(nameof(documents), $"Document {i} is null.");
            keys[i] = document.Id;
            if (document.Text.Length > options.MaxDocumentLength)
            {
                throw new DocumentFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Document '{document.Id}' has {document.Text.Length:N0} characters; duplicates are looked for in documents of at most {options.MaxDocumentLength:N0} (DuplicateOptions.MaxDocumentLength), so that the search fits in memory."));
            }
        }

        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => signatures[i] = sketcher.Sketch(documents[i].Text));
        return FindDuplicates(keys, signatures, options, new LazyShingleSets(documents, sketcher), cancellationToken);
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
        var index = new LshIndex<int>(options.ToLshOptions(k));
        double threshold = options.Threshold;

        // Exact verification first drops candidates whose estimate is four standard errors below the threshold:
        // a pair that truly clears it is lost this way with probability about 3·10^-5.
        double minimumEstimate = options.Verification == DuplicateVerification.Exact
            ? Math.Max(0, threshold - (4 * JaccardEstimate.StandardErrorOf(threshold, k)))
            : threshold;
        var seen = new HashSet<TKey>(n, EqualityComparer<TKey>.Default);
        var pairs = new List<(int A, int B, double Estimate, double? Exact)>();
        int candidatePairs = 0;
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TKey key = keys[i] ?? throw new ArgumentNullException(nameof(keys), $"Key {i} is null.");
            if (!seen.Add(key))
            {
                throw new ArgumentException($"The key '{key}' appears twice; keys must be distinct.", nameof(keys));
            }

            MinHashSignature signature = signatures[i] ?? throw new ArgumentNullException(nameof(signatures), $"Signature {i} is null.");
            ImmutableArray<LshMatch<int>> matches = index.Query(signature, 0);
            candidatePairs += matches.Length;
            foreach (LshMatch<int> match in matches)
            {
                double estimate = match.Estimate.Value;
                if (estimate < minimumEstimate)
                {
                    continue;
                }

                double? exact = shingles is null ? null : shingles[match.Key].Jaccard(shingles[i]);
                bool linked = options.Verification == DuplicateVerification.Exact ? exact >= threshold : estimate >= threshold;
                if (linked)
                {
                    pairs.Add((match.Key, i, estimate, exact));
                }
            }

            index.Insert(i, signature);
        }

        pairs.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var pairResults = ImmutableArray.CreateBuilder<DuplicatePair<TKey>>(pairs.Count);
        foreach (var (a, b, estimate, exact) in pairs)
        {
            pairResults.Add(new DuplicatePair<TKey>(keys[a], keys[b], estimate, exact));
        }

        return new DuplicateResult<TKey>(threshold, index.Parameters, candidatePairs, pairResults.MoveToImmutable(), Group(keys, pairs));
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

    /// <summary>Shingle sets built on first use and kept, so exact verification touches only the documents it needs.</summary>
    private sealed class LazyShingleSets(IReadOnlyList<Document> documents, TextSketcher sketcher) : IReadOnlyList<ShingleSet>
    {
        private readonly ShingleSet?[] _sets = new ShingleSet?[documents.Count];

        public int Count => _sets.Length;

        public ShingleSet this[int index] => _sets[index] ??= sketcher.Shingles(documents[index].Text);

        public IEnumerator<ShingleSet> GetEnumerator()
        {
            for (int i = 0; i < _sets.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
