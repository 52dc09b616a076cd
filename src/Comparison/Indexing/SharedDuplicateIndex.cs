using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Comparison.Documents;
using Comparison.Hashing;
using Comparison.Indexing.Stores;
using Comparison.Sketches;
using Comparison.Text;

namespace Comparison.Indexing;

/// <summary>
/// A near-duplicate index that lives in an <see cref="IIndexStore"/>, so that many processes on many machines
/// add articles to one index and ask it which indexed articles a new one duplicates.
/// </summary>
/// <remarks>
/// <para>
/// The store holds, per index name: one record per article (keyed by a seeded XXH64 of the identifier) with its
/// identifier, its signature and, with exact verification, its text (UTF-8, or compressed with Deflate to about a
/// third of that when <see cref="SharedDuplicateIndexOptions.CompressTexts"/> is set), one LSH bucket set per band and band value (keyed by a seeded XXH64 of the band), the pair claims,
/// and the settings. Bands × rows are chosen exactly as <see cref="DuplicateFinder"/> chooses them, and candidates
/// are verified the same way (an estimate pre-filter four standard errors below the threshold, then the exact
/// Jaccard of the shingle sets), so the pairs found through the index equal <see cref="DuplicateFinder"/>'s on
/// the same articles.
/// </para>
/// <para>
/// Adding runs in batches of <see cref="SharedDuplicateIndexOptions.BatchSize"/>: (1) the records are written
/// (write-once), (2) each article is added to its bucket sets and each set is read back after the addition, (3) the
/// candidates' records are fetched, and those that pass the estimate are verified, (4) each verified pair is claimed in the store, and reported by the article whose
/// claim holds. Because a record is written before its article enters any bucket, every bucket member can be
/// verified; because each bucket is read after the addition to it, of two duplicates added at the same moment by
/// two processes at least one sees the other; the claim makes exactly one of them report the pair. Every write is
/// idempotent, so a process that dies and starts again on the same input completes what it began, and reports
/// each pair under the same article as before: nothing is lost and nothing is reported twice. An identifier
/// indexed again with a different text is refused.
/// </para>
/// <para>
/// Memory in the process: one batch of articles, signatures and candidate shingle sets. Per article in the store:
/// the record (4·K + 40 bytes plus the identifier and, with exact verification, the text), and b bucket memberships
/// (8 bytes each plus the sets' own fields). Thread-safe; the event assignment of articles to
/// clusters can share the same store under other spaces.
/// </para>
/// </remarks>
public sealed class SharedDuplicateIndex
{
    private const ulong IdSeed = 0x636d_702d_6964_0001;
    private const ulong BucketSeed = 0x636d_702d_6264_0001;
    private const ulong PairSeed = 0x636d_702d_7072_0001;
    private const ulong SettingsKey = 0;

    private readonly TextSketcher _sketcher;
    private readonly double _minimumEstimate;
    private readonly string _records;
    private readonly string _buckets;
    private readonly string _claims;
    private readonly string _settings;

    private SharedDuplicateIndex(IIndexStore store, SharedDuplicateIndexOptions options)
    {
        Store = store;
        Options = options;
        _sketcher = new TextSketcher(options.Shingling, options.MinHash);
        Parameters = LshParameters.For(options.ToDuplicateOptions().ToLshOptions(options.MinHash.Permutations));
        double threshold = options.Threshold;
        _minimumEstimate = options.Verification == DuplicateVerification.Exact
            ? Math.Max(0, threshold - (4 * JaccardEstimate.StandardErrorOf(threshold, options.MinHash.Permutations)))
            : threshold;
        _records = options.Name + ":doc";
        _buckets = options.Name + ":band";
        _claims = options.Name + ":pair";
        _settings = options.Name + ":settings";
    }

    /// <summary>The store.</summary>
    public IIndexStore Store { get; }

    /// <summary>The settings.</summary>
    public SharedDuplicateIndexOptions Options { get; }

    /// <summary>The bands and rows of the LSH buckets, chosen as <see cref="DuplicateFinder"/> chooses them.</summary>
    public LshParameters Parameters { get; }

    /// <summary>The settings as the store records them; an index opened with other settings is refused.</summary>
    public string SettingsText => string.Create(CultureInfo.InvariantCulture, $"v2 threshold={Options.Threshold:R} verify={(Options.Verification == DuplicateVerification.Exact ? (Options.CompressTexts ? "exact+deflate" : "exact") : "estimated")} bands={Parameters.Bands} rows={Parameters.Rows} permutations={Options.MinHash.Permutations} seed={Options.MinHash.Seed} scheme={Options.MinHash.Scheme} shingles={Options.Shingling.Kind}:{Options.Shingling.Size}:{Options.Shingling.Seed}");

    /// <summary>Opens (or creates) the index of <see cref="SharedDuplicateIndexOptions.Name"/> in a store.</summary>
    /// <param name="store">The store; the caller keeps ownership.</param>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="SharedDuplicateIndexOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the store.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is out of range, or the index exists with other settings.</exception>
    /// <exception cref="IndexStoreException">The store failed.</exception>
    public static async Task<SharedDuplicateIndex> OpenAsync(IIndexStore store, SharedDuplicateIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= SharedDuplicateIndexOptions.Default;
        options.Validate();
        var index = new SharedDuplicateIndex(store, options);
        byte[] settings = Encoding.UTF8.GetBytes(index.SettingsText);
        IReadOnlyList<byte[]?> existing = await store.PutIfAbsentAsync(index._settings, [new(SettingsKey, settings)], cancellationToken).ConfigureAwait(false);
        if (existing[0] is { } stored && !stored.AsSpan().SequenceEqual(settings))
        {
            throw new ArgumentException($"The index '{options.Name}' in {store.Description} was built with other settings ({Encoding.UTF8.GetString(stored)}) than these ({index.SettingsText}).", nameof(options));
        }

        return index;
    }

    /// <summary>
    /// Adds articles to the index and reports, for each, the articles of the index it duplicates (those added
    /// before it, or at the same moment by another process when this article's claim on the pair holds).
    /// </summary>
    /// <param name="documents">The articles, read lazily in batches; an identifier already indexed with the same text is added again harmlessly.</param>
    /// <param name="cancellationToken">Stops between store calls.</param>
    /// <returns>One result per article, in input order, produced batch by batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">While enumerating: an identifier is already indexed with another text.</exception>
    /// <exception cref="IndexStoreException">While enumerating: the store failed; what was written is consistent, and adding the same input again completes it.</exception>
    public IAsyncEnumerable<IndexedDuplicates> AddAsync(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return RunAsync(documents, insert: true, cancellationToken);
    }

    /// <summary>Reports, for each article, the indexed articles it duplicates, without adding it.</summary>
    /// <param name="documents">The articles, read lazily in batches.</param>
    /// <param name="cancellationToken">Stops between store calls.</param>
    /// <returns>One result per article, in input order (an indexed article does not list itself).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="IndexStoreException">While enumerating: the store failed.</exception>
    public IAsyncEnumerable<IndexedDuplicates> QueryAsync(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return RunAsync(documents, insert: false, cancellationToken);
    }

    /// <summary>The store key of an article identifier: a seeded XXH64, the same in every process.</summary>
    internal static ulong IdKey(string id) => XxHash64.HashChars(id, IdSeed);

    /// <summary>The claim key of a pair, whatever the order of its two articles.</summary>
    internal static ulong PairKey(ulong a, ulong b) => XxHash64.HashUInt64s([Math.Min(a, b), Math.Max(a, b)], PairSeed);

    /// <summary>Writes the bucket key of every band of a signature: a seeded XXH64 of the band's values and its number.</summary>
    internal void BucketKeys(MinHashSignature signature, Span<ulong> destination)
    {
        ReadOnlySpan<uint> values = signature.Span;
        int rows = Parameters.Rows;
        for (int band = 0; band < Parameters.Bands; band++)
        {
            destination[band] = XxHash64.Hash(MemoryMarshal.AsBytes(values.Slice(band * rows, rows)), BucketSeed + (ulong)band);
        }
    }

    /// <summary>
    /// Runs only the first step of adding a batch (the records, not the buckets), as a process that dies in the
    /// middle of a batch leaves it; for the tests of recovery.
    /// </summary>
    internal async Task WriteRecordsOnlyAsync(IReadOnlyList<Document> batch, CancellationToken cancellationToken)
    {
        Sketched sketched = Sketch(batch, insert: true);
        await WriteRecordsAsync(batch, sketched, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="AddAsync"/> (or <see cref="QueryAsync"/>) one batch at a time: each array holds the results of one
    /// store round of <see cref="SharedDuplicateIndexOptions.BatchSize"/> articles (the last may be shorter), so
    /// that a caller can write them out together.
    /// </summary>
    internal IAsyncEnumerable<IndexedDuplicates[]> RunBatchesAsync(IEnumerable<Document> documents, bool insert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return BatchesAsync(documents, insert, cancellationToken);
    }

    private async IAsyncEnumerable<IndexedDuplicates> RunAsync(IEnumerable<Document> documents, bool insert, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (IndexedDuplicates[] batch in BatchesAsync(documents, insert, cancellationToken).ConfigureAwait(false))
        {
            foreach (IndexedDuplicates result in batch)
            {
                yield return result;
            }
        }
    }

    private async IAsyncEnumerable<IndexedDuplicates[]> BatchesAsync(IEnumerable<Document> documents, bool insert, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<Document>(Math.Min(Options.BatchSize, 4096));
        foreach (Document document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(document ?? throw new ArgumentNullException(nameof(documents), "A document is null."));
            if (batch.Count == Options.BatchSize)
            {
                yield return await ProcessAsync(batch, insert, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return await ProcessAsync(batch, insert, cancellationToken).ConfigureAwait(false);
        }
    }

    private Sketched Sketch(IReadOnlyList<Document> batch, bool insert)
    {
        int n = batch.Count;
        int bands = Parameters.Bands;
        var sketched = new Sketched(n, bands);
        Parallel.For(0, n, i =>
        {
            sketched.Keys[i] = IdKey(batch[i].Id);
            sketched.Signatures[i] = _sketcher.Sketch(batch[i].Text);
            BucketKeys(sketched.Signatures[i], sketched.Buckets.AsSpan(i * bands, bands));
            if (insert)
            {
                sketched.Records[i] = EncodeRecord(batch[i].Id, sketched.Signatures[i], Options.Verification == DuplicateVerification.Exact ? batch[i].Text : null);
            }
        });
        return sketched;
    }

    private async Task WriteRecordsAsync(IReadOnlyList<Document> batch, Sketched sketched, CancellationToken cancellationToken)
    {
        int n = batch.Count;
        var records = new KeyValuePair<ulong, byte[]>[n];
        for (int i = 0; i < n; i++)
        {
            records[i] = new(sketched.Keys[i], sketched.Records[i]);
        }

        IReadOnlyList<byte[]?> existing = await Store.PutIfAbsentAsync(_records, records, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < n; i++)
        {
            if (existing[i] is { } stored && !stored.AsSpan().SequenceEqual(records[i].Value))
            {
                string storedId = DecodeRecord(stored).Id;
                throw new ArgumentException(storedId == batch[i].Id
                    ? $"The article '{batch[i].Id}' is already in the index '{Options.Name}' in {Store.Description} with another text; give a changed article a new identifier."
                    : $"The identifiers '{batch[i].Id}' and '{storedId}' have the same 64-bit key in the index '{Options.Name}' in {Store.Description}; rename one.");
            }
        }
    }

    private async Task<IndexedDuplicates[]> ProcessAsync(List<Document> batch, bool insert, CancellationToken cancellationToken)
    {
        int n = batch.Count;
        int bands = Parameters.Bands;
        Sketched sketched = Sketch(batch, insert);
        IReadOnlyList<ulong[]> members;
        if (insert)
        {
            await WriteRecordsAsync(batch, sketched, cancellationToken).ConfigureAwait(false);
            var entries = new KeyValuePair<ulong, ulong>[n * bands];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = new(sketched.Buckets[i], sketched.Keys[i / bands]);
            }

            members = await Store.AddAndReadSetsAsync(_buckets, entries, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            members = await Store.ReadSetsAsync(_buckets, sketched.Buckets, cancellationToken).ConfigureAwait(false);
        }

        // Where each key first appears in an added batch: a candidate later in the same batch finds this article
        // itself. A queried batch is not part of the index, so its candidates all come from the store.
        var position = new Dictionary<ulong, int>(insert ? n : 0);
        for (int i = 0; insert && i < n; i++)
        {
            position.TryAdd(sketched.Keys[i], i);
        }

        // Most articles meet only themselves in their buckets: no set for them.
        var candidates = new ulong[]?[n];
        var outside = new HashSet<ulong>();
        for (int i = 0; i < n; i++)
        {
            HashSet<ulong>? seen = null;
            for (int band = 0; band < bands; band++)
            {
                foreach (ulong key in members[(i * bands) + band])
                {
                    if (key == sketched.Keys[i])
                    {
                        continue;
                    }

                    if (position.TryGetValue(key, out int at))
                    {
                        if (at > i)
                        {
                            // An added article later in the batch reports the pair.
                            continue;
                        }
                    }
                    else
                    {
                        outside.Add(key);
                    }

                    (seen ??= []).Add(key);
                }
            }

            candidates[i] = seen is null ? null : [.. seen];
        }

        // The signatures of candidates from outside the batch, in one round trip.
        var known = new Dictionary<ulong, Record>(outside.Count + position.Count);
        foreach (var (key, at) in position)
        {
            known.Add(key, new Record(batch[at].Id, sketched.Signatures[at], batch[at].Text));
        }

        ulong[] outsideKeys = [.. outside];
        IReadOnlyList<byte[]?> outsideRecords = await Store.GetAsync(_records, outsideKeys, cancellationToken).ConfigureAwait(false);
        for (int j = 0; j < outsideKeys.Length; j++)
        {
            if (outsideRecords[j] is { } record)
            {
                known[outsideKeys[j]] = DecodeRecord(record);
            }
        }

        // The estimate: pairs below the pre-filter are dropped, as DuplicateFinder drops them.
        var passed = new List<(int Article, ulong Candidate)>();
        for (int i = 0; i < n; i++)
        {
            foreach (ulong key in candidates[i] ?? [])
            {
                if (known.TryGetValue(key, out var candidate) && sketched.Signatures[i].EstimateJaccard(candidate.Signature).Value >= _minimumEstimate)
                {
                    passed.Add((i, key));
                }
            }
        }

        List<(int Article, ulong Candidate)> verified = Options.Verification == DuplicateVerification.Exact
            ? VerifyExact(batch, sketched, known, passed)
            : passed;
        if (insert && verified.Count > 0)
        {
            verified = await ClaimAsync(sketched, verified, cancellationToken).ConfigureAwait(false);
        }

        var duplicates = new List<string>?[n];
        foreach (var (article, candidate) in verified)
        {
            (duplicates[article] ??= []).Add(known[candidate].Id);
        }

        var results = new IndexedDuplicates[n];
        for (int i = 0; i < n; i++)
        {
            List<string>? list = duplicates[i];
            list?.Sort(StringComparer.Ordinal);
            results[i] = new IndexedDuplicates(batch[i].Id, list is null ? [] : [.. list]);
        }

        return results;
    }

    private List<(int Article, ulong Candidate)> VerifyExact(List<Document> batch, Sketched sketched, Dictionary<ulong, Record> known, List<(int Article, ulong Candidate)> passed)
    {
        var verified = new List<(int, ulong)>(passed.Count);
        var sets = new Dictionary<ulong, ShingleSet>();
        foreach (var (article, candidate) in passed)
        {
            if (!sets.ContainsKey(sketched.Keys[article]))
            {
                sets.Add(sketched.Keys[article], _sketcher.Shingles(batch[article].Text));
            }

            if (!sets.ContainsKey(candidate))
            {
                string text = known[candidate].Text ?? throw new InvalidDataException($"The index '{Options.Name}' in {Store.Description} has a record without its text (key {candidate:x16}).");
                sets.Add(candidate, _sketcher.Shingles(text));
            }
        }

        foreach (var (article, candidate) in passed)
        {
            if (sets[sketched.Keys[article]].Jaccard(sets[candidate]) >= Options.Threshold)
            {
                verified.Add((article, candidate));
            }
        }

        return verified;
    }

    private async Task<List<(int Article, ulong Candidate)>> ClaimAsync(Sketched sketched, List<(int Article, ulong Candidate)> verified, CancellationToken cancellationToken)
    {
        var claims = new KeyValuePair<ulong, byte[]>[verified.Count];
        for (int j = 0; j < claims.Length; j++)
        {
            ulong self = sketched.Keys[verified[j].Article];
            var value = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(value, self);
            claims[j] = new(PairKey(self, verified[j].Candidate), value);
        }

        IReadOnlyList<byte[]?> holders = await Store.PutIfAbsentAsync(_claims, claims, cancellationToken).ConfigureAwait(false);
        var mine = new List<(int, ulong)>(verified.Count);
        for (int j = 0; j < claims.Length; j++)
        {
            if (holders[j] is not { } holder || holder.AsSpan().SequenceEqual(claims[j].Value))
            {
                mine.Add(verified[j]);
            }
        }

        return mine;
    }

    /// <summary>
    /// A record: the identifier's UTF-8 length and bytes, the signature's length and bytes, then the exact form (the
    /// text as UTF-8, or Deflate of it), absent when the index verifies by estimate.
    /// </summary>
    private byte[] EncodeRecord(string id, MinHashSignature signature, string? text)
    {
        int idLength = Encoding.UTF8.GetByteCount(id);
        int signatureLength = signature.SerializedLength;
        byte[]? compressed = text is not null && Options.CompressTexts ? Compress(text) : null;
        int textLength = compressed?.Length ?? (text is null ? 0 : Encoding.UTF8.GetByteCount(text));
        var record = new byte[8 + idLength + signatureLength + textLength];
        Span<byte> span = record;
        BinaryPrimitives.WriteInt32LittleEndian(span, idLength);
        Encoding.UTF8.GetBytes(id, span.Slice(4, idLength));
        BinaryPrimitives.WriteInt32LittleEndian(span[(4 + idLength)..], signatureLength);
        signature.ToBytes().CopyTo(span.Slice(8 + idLength, signatureLength));
        Span<byte> exact = span[(8 + idLength + signatureLength)..];
        if (compressed is not null)
        {
            compressed.CopyTo(exact);
        }
        else if (text is not null)
        {
            Encoding.UTF8.GetBytes(text, exact);
        }

        return record;
    }

    private Record DecodeRecord(byte[] record)
    {
        ReadOnlySpan<byte> span = record;
        int idLength = span.Length >= 8 ? BinaryPrimitives.ReadInt32LittleEndian(span) : -1;
        int signatureLength = idLength >= 0 && idLength <= span.Length - 8 ? BinaryPrimitives.ReadInt32LittleEndian(span[(4 + idLength)..]) : -1;
        if (signatureLength < 0 || signatureLength > span.Length - 8 - idLength)
        {
            throw new InvalidDataException($"The index '{Options.Name}' in {Store.Description} holds a corrupt record of {record.Length} bytes.");
        }

        ReadOnlySpan<byte> exact = span[(8 + idLength + signatureLength)..];
        string? text = Options.Verification != DuplicateVerification.Exact ? null
            : Options.CompressTexts ? Decompress(exact.ToArray())
            : Encoding.UTF8.GetString(exact);
        return new Record(Encoding.UTF8.GetString(span.Slice(4, idLength)), MinHashSignature.FromBytes(span.Slice(8 + idLength, signatureLength)), text);
    }

    private static byte[] Compress(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream((utf8.Length / 2) + 64);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }

        return output.ToArray();
    }

    private string Decompress(byte[] compressed)
    {
        try
        {
            using var input = new MemoryStream(compressed);
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            using var utf8 = new MemoryStream(compressed.Length * 3);
            deflate.CopyTo(utf8);
            return Encoding.UTF8.GetString(utf8.GetBuffer(), 0, (int)utf8.Length);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"The index '{Options.Name}' in {Store.Description} holds a record whose compressed text is corrupt.", ex);
        }
    }

    /// <summary>An indexed article as its record gives it back.</summary>
    private readonly record struct Record(string Id, MinHashSignature Signature, string? Text);

    private sealed class Sketched(int count, int bands)
    {
        public ulong[] Keys { get; } = new ulong[count];

        public MinHashSignature[] Signatures { get; } = new MinHashSignature[count];

        public ulong[] Buckets { get; } = new ulong[count * bands];

        public byte[][] Records { get; } = new byte[count][];
    }
}
