using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using Comparison.Sketches;

namespace Comparison.Vectors;

/// <summary>
/// A TF-IDF model: a vocabulary and document frequencies fitted on a corpus, which turns documents into sparse
/// vectors weighted as scikit-learn's <c>TfidfVectorizer</c> weights them; and which takes new documents as they
/// arrive (news is a stream).
/// </summary>
/// <remarks>
/// <para>
/// Weight of term t in document d: tf(t, d) × idf(t), where tf is the count (1 when <see cref="TfIdfOptions.Binary"/>,
/// 1 + ln(count) when <see cref="TfIdfOptions.SublinearTf"/>) and idf(t) = ln((1 + n) / (1 + df(t))) + 1 with
/// <see cref="TfIdfOptions.SmoothIdf"/>, ln(n / df(t)) + 1 without; then the vector is scaled per
/// <see cref="TfIdfOptions.Norm"/>. Given the same terms, the weights equal scikit-learn 1.2's to single-precision
/// rounding (a committed fixture proves it). Only terms of the vocabulary count: those within
/// <see cref="TfIdfOptions.MinDf"/>/<see cref="TfIdfOptions.MaxDf"/> and, with <see cref="TfIdfOptions.MaxFeatures"/>,
/// among the most frequent.
/// </para>
/// <para>
/// Term ids: after <see cref="Fit(IEnumerable{string}, TfIdfOptions?, CancellationToken)"/> every term seen gets
/// an id in ordinal order of the terms (terms pruned from the vocabulary keep theirs, so they can come back
/// later). Vector entries are sorted by id.
/// </para>
/// <para>
/// Incremental updates (<see cref="Add(IEnumerable{string}, CancellationToken)"/>): the document count and the
/// document frequencies grow, so every idf changes; terms never seen before get the next free ids, after all
/// existing ones (an id never changes and is never reused); the vocabulary limits are applied again to the new
/// counts, so a term can enter or leave the vocabulary. Vectors produced before an update are not touched: they
/// keep the old weights, and their ids stay valid, so they can still be compared with new vectors, but on a
/// slightly different scale; transform the old documents again for exact values. After updates, a model equals
/// the model fitted on all documents at once except for the numbering of terms: every vector holds the same
/// terms with the same weights.
/// </para>
/// <para>
/// Thread safety: <c>Transform</c> calls may run in parallel with each other; <c>Add</c> must not run at the same
/// time as any other call on the same model.
/// </para>
/// <para>
/// Fitting runs on all cores: documents are analysed in parallel chunks, each with its own vocabulary, which are
/// merged and numbered in ordinal order, so the result never depends on scheduling. Time O(total terms);
/// memory O(vocabulary + the distinct terms of each document).
/// </para>
/// </remarks>
public sealed class TfIdfModel
{
    /// <summary>The version of the file format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 2;

    // Magic (8 bytes), format version (Int32), body length (Int64).
    private const int HeaderLength = 8 + 4 + 8;
    private static ReadOnlySpan<byte> Magic => "CMPTFIDF"u8;

    private readonly Dictionary<string, int> _ids;
    private readonly List<string> _terms;
    private int[] _df;
    private long[] _totals;
    private double[] _factors = [];

    internal TfIdfModel(TfIdfOptions options, Dictionary<string, int> ids, List<string> terms, int[] df, long[] totals, int documentCount)
    {
        Options = options;
        _ids = ids;
        _terms = terms;
        _df = df;
        _totals = totals;
        DocumentCount = documentCount;
        Recompute();
    }

    /// <summary>The options the model was fitted with.</summary>
    public TfIdfOptions Options { get; }

    /// <summary>The number of documents the model has seen (fitted and added).</summary>
    public int DocumentCount { get; private set; }

    /// <summary>The number of term ids assigned: every term ever seen, in the vocabulary or not.</summary>
    public int TermCount => _terms.Count;

    /// <summary>The number of terms in the vocabulary (those that can appear in a vector).</summary>
    public int VocabularySize { get; private set; }

    /// <summary>Fits a model on texts, analysed per <see cref="TfIdfOptions.Analyzer"/>.</summary>
    /// <param name="texts">The corpus.</param>
    /// <param name="options">The options; default <see cref="TfIdfOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TfIdfModel Fit(IEnumerable<string> texts, TfIdfOptions? options = null, CancellationToken cancellationToken = default) =>
        FitTransform(texts, options, cancellationToken).Model;

    /// <summary>Fits a model on documents given as tokens (the word analyzer's stop words and n-grams still apply).</summary>
    /// <param name="documents">The corpus, one token list per document, used exactly as given.</param>
    /// <param name="options">The options; default <see cref="TfIdfOptions.Default"/>. The character analyzers see the tokens joined by one space.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/>, a document or a token is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TfIdfModel FitTokens(IEnumerable<IReadOnlyList<string>> documents, TfIdfOptions? options = null, CancellationToken cancellationToken = default) =>
        FitTransformTokens(documents, options, cancellationToken).Model;

    /// <summary>Fits a model on texts and returns it with the vectors of those texts (one analysis per text).</summary>
    /// <param name="texts">The corpus.</param>
    /// <param name="options">The options; default <see cref="TfIdfOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The model and one vector per text, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TfIdfFitResult FitTransform(IEnumerable<string> texts, TfIdfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[] corpus = [.. texts];
        for (int i = 0; i < corpus.Length; i++)
        {
            if (corpus[i] is null)
            {
                throw new ArgumentNullException(nameof(texts), $"text {i} is null.");
            }
        }

        return FitCore(corpus, static (analyzer, text, sink) => analyzer.AnalyzeText(text, sink), options, cancellationToken);
    }

    /// <summary>Fits a model on documents given as tokens and returns it with their vectors.</summary>
    /// <param name="documents">The corpus, one token list per document, used exactly as given.</param>
    /// <param name="options">The options; default <see cref="TfIdfOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The model and one vector per document, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/>, a document or a token is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TfIdfFitResult FitTransformTokens(IEnumerable<IReadOnlyList<string>> documents, TfIdfOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        IReadOnlyList<string>[] corpus = [.. documents];
        for (int i = 0; i < corpus.Length; i++)
        {
            if (corpus[i] is null)
            {
                throw new ArgumentNullException(nameof(documents), $"document {i} is null.");
            }
        }

        return FitCore(corpus, static (analyzer, tokens, sink) => analyzer.AnalyzeTokens(tokens, sink), options, cancellationToken);
    }

    /// <summary>The vector of a text under the model (terms outside the vocabulary are ignored).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The vector, entries sorted by term id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public SparseVector Transform(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collector = new IdCollector(_ids);
        new TermAnalyzer(Options).AnalyzeText(text, collector);
        return collector.Weigh(this);
    }

    /// <summary>The vector of a document given as tokens, used exactly as given.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>The vector, entries sorted by term id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or one of them is <see langword="null"/>.</exception>
    public SparseVector TransformTokens(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var collector = new IdCollector(_ids);
        new TermAnalyzer(Options).AnalyzeTokens(tokens, collector);
        return collector.Weigh(this);
    }

    /// <summary>The vectors of many texts, computed in parallel.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One vector per text, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImmutableArray<SparseVector> Transform(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string[] corpus = [.. texts];
        var result = new SparseVector[corpus.Length];
        Parallel.For(
            0,
            corpus.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Analyzer: new TermAnalyzer(Options), Collector: new IdCollector(_ids)),
            (i, _, local) =>
            {
                string text = corpus[i] ?? throw new ArgumentNullException(nameof(texts), $"text {i} is null.");
                local.Analyzer.AnalyzeText(text, local.Collector);
                result[i] = local.Collector.Weigh(this);
                return local;
            },
            _ => { });
        return ImmutableArray.Create(result);
    }

    /// <summary>Adds documents to the model: document frequencies, new terms and the vocabulary are updated.</summary>
    /// <param name="texts">The new documents.</param>
    /// <param name="cancellationToken">Cancels the update between documents (those already added stay added).</param>
    /// <returns>The vectors of the new documents under the updated model.</returns>
    /// <remarks>What changes for vectors produced earlier is described on <see cref="TfIdfModel"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImmutableArray<SparseVector> Add(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return AddCore(texts, static (analyzer, text, sink) => analyzer.AnalyzeText(text ?? throw new ArgumentNullException(nameof(texts)), sink), cancellationToken);
    }

    /// <summary>Adds documents given as tokens to the model.</summary>
    /// <param name="documents">The new documents, one token list each.</param>
    /// <param name="cancellationToken">Cancels the update between documents (those already added stay added).</param>
    /// <returns>The vectors of the new documents under the updated model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/>, a document or a token is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ImmutableArray<SparseVector> AddTokens(IEnumerable<IReadOnlyList<string>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return AddCore(documents, static (analyzer, tokens, sink) => analyzer.AnalyzeTokens(tokens ?? throw new ArgumentNullException(nameof(documents)), sink), cancellationToken);
    }

    /// <summary>The term of an id.</summary>
    /// <param name="id">A term id, 0 ≤ id &lt; <see cref="TermCount"/>.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an assigned id.</exception>
    public string Term(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)_terms.Count, nameof(id));
        return _terms[id];
    }

    /// <summary>The id of a term, if the model has seen it.</summary>
    /// <param name="term">The term (after analysis: a normalised word, an n-gram joined by spaces, or a character n-gram).</param>
    /// <param name="id">The id, or -1.</param>
    /// <returns>Whether the term has an id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is <see langword="null"/>.</exception>
    public bool TryGetTermId(string term, out int id)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (_ids.TryGetValue(term, out id))
        {
            return true;
        }

        id = -1;
        return false;
    }

    /// <summary>The number of documents that contain a term.</summary>
    /// <param name="id">A term id.</param>
    /// <returns>The document frequency.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an assigned id.</exception>
    public int DocumentFrequency(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)_terms.Count, nameof(id));
        return _df[id];
    }

    /// <summary>Whether a term is in the vocabulary (within the document-frequency limits and the cap).</summary>
    /// <param name="id">A term id.</param>
    /// <returns><see langword="true"/> when the term can appear in vectors.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an assigned id.</exception>
    public bool IsInVocabulary(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)_terms.Count, nameof(id));
        return _factors[id] > 0;
    }

    /// <summary>The inverse document frequency of a term under the current counts (1 when <see cref="TfIdfOptions.UseIdf"/> is off).</summary>
    /// <param name="id">A term id.</param>
    /// <returns>The idf.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an assigned id.</exception>
    public double Idf(int id)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)id, (uint)_terms.Count, nameof(id));
        return IdfOf(_df[id]);
    }

    /// <summary>
    /// Writes the model in a versioned, checksummed binary format (magic <c>CMPTFIDF</c>, format version, the
    /// length of the body, the body: options, document count, then every term in id order with its document
    /// frequency and total count; and a 64-bit checksum of everything before it). The same model always gives
    /// the same bytes.
    /// </summary>
    /// <param name="stream">A writable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(0L);
            WriteBody(writer);
        }

        byte[] bytes = buffer.GetBuffer();
        int length = (int)buffer.Length;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(HeaderLength - 8), length - HeaderLength);
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Mixing.Checksum(bytes.AsSpan(0, length)));
        stream.Write(bytes, 0, length);
        stream.Write(checksum);
    }

    /// <summary>Reads a model written by <see cref="Save"/>, checking its checksum and every field before building anything.</summary>
    /// <param name="stream">A readable stream positioned at the model; it is left open, positioned after the model.</param>
    /// <returns>The model, equal to the one saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The stream does not hold a model, holds one of another format version (version 1 files, which had no
    /// checksum, are refused: fit and save the model again), or the model is truncated or corrupt; the message
    /// says which field. Nothing else is thrown for a bad file, and no more memory is allocated than the file's size.
    /// </exception>
    public static TfIdfModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        const string What = "The TF-IDF model";
        Span<byte> header = stackalloc byte[HeaderLength];
        int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got >= Magic.Length && !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a TF-IDF model: the stream does not start with CMPTFIDF.");
        }

        if (got < HeaderLength)
        {
            throw new InvalidDataException($"{What} is truncated: {got} bytes, fewer than its {HeaderLength}-byte header.");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(header[Magic.Length..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException(version == 1
                ? $"TF-IDF model format version 1 (written without a checksum) is no longer read; this library reads version {FormatVersion}: fit the model again and save it."
                : $"TF-IDF model format version {version} is not supported; this library reads version {FormatVersion}.");
        }

        long bodyLength = BinaryPrimitives.ReadInt64LittleEndian(header[(HeaderLength - 8)..]);
        if (bodyLength < 0 || bodyLength > Array.MaxLength - HeaderLength - 8)
        {
            throw new InvalidDataException($"{What} is corrupt: it claims {bodyLength} bytes after its header.");
        }

        byte[] bytes = FormatReader.ReadAfter(stream, header, bodyLength + 8, What);
        int end = bytes.Length - 8;
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(end)) != Mixing.Checksum(bytes.AsSpan(0, end)))
        {
            throw new InvalidDataException($"{What} is truncated or corrupt: its checksum does not match its contents.");
        }

        return ReadBody(new FormatReader(bytes.AsSpan(HeaderLength, end - HeaderLength), What));
    }

    private void WriteBody(BinaryWriter writer)
    {
        TfIdfOptions o = Options;
        writer.Write((int)o.Analyzer);
        writer.Write(o.NgramRange.Min);
        writer.Write(o.NgramRange.Max);
        writer.Write(o.Lowercase);
        if (o.StopWords is null)
        {
            writer.Write(-1);
        }
        else
        {
            string[] stop = [.. o.StopWords];
            Array.Sort(stop, StringComparer.Ordinal);
            writer.Write(stop.Length);
            foreach (string word in stop)
            {
                writer.Write(word);
            }
        }

        writer.Write(o.MinDf.IsProportion);
        writer.Write(o.MinDf.Value);
        writer.Write(o.MaxDf.IsProportion);
        writer.Write(o.MaxDf.Value);
        writer.Write(o.MaxFeatures ?? -1);
        writer.Write(o.Binary);
        writer.Write(o.UseIdf);
        writer.Write(o.SmoothIdf);
        writer.Write(o.SublinearTf);
        writer.Write((int)o.Norm);
        writer.Write(DocumentCount);
        writer.Write(_terms.Count);
        for (int id = 0; id < _terms.Count; id++)
        {
            writer.Write(_terms[id]);
            writer.Write(_df[id]);
            writer.Write(_totals[id]);
        }
    }

    private static TfIdfModel ReadBody(FormatReader reader)
    {
        var analyzer = (TfIdfAnalyzer)reader.ReadInt32("analyzer");
        if (!Enum.IsDefined(analyzer))
        {
            throw reader.Corrupt($"its analyzer is {(int)analyzer}, not a defined value");
        }

        int minN = reader.ReadInt32("n-gram range");
        int maxN = reader.ReadInt32("n-gram range");
        if (minN < 1 || maxN < minN)
        {
            throw reader.Corrupt($"its n-gram range ({minN}, {maxN}) does not have 1 <= Min <= Max");
        }

        bool lowercase = reader.ReadBoolean("Lowercase");
        int stopCount = reader.ReadInt32("stop word count");
        FrozenSet<string>? stop = null;
        if (stopCount < -1 || (long)stopCount > reader.Remaining)
        {
            throw reader.Corrupt($"it claims {stopCount} stop words (-1 for none), but only {reader.Remaining} bytes remain to hold them");
        }

        if (stopCount >= 0)
        {
            var words = new string[stopCount];
            for (int i = 0; i < stopCount; i++)
            {
                words[i] = reader.ReadString("stop word");
                if (i > 0 && string.CompareOrdinal(words[i - 1], words[i]) >= 0)
                {
                    throw reader.Corrupt($"its stop words are not in strictly ascending ordinal order at '{words[i]}'");
                }
            }

            stop = words.ToFrozenSet(StringComparer.Ordinal);
        }

        DocumentFrequencyLimit minDf = ReadLimit(ref reader, "MinDf");
        DocumentFrequencyLimit maxDf = ReadLimit(ref reader, "MaxDf");
        int maxFeatures = reader.ReadInt32("MaxFeatures");
        if (maxFeatures is 0 or < -1)
        {
            throw reader.Corrupt($"its MaxFeatures is {maxFeatures}; it must be at least 1, or -1 for no cap");
        }

        bool binary = reader.ReadBoolean("Binary");
        bool useIdf = reader.ReadBoolean("UseIdf");
        bool smoothIdf = reader.ReadBoolean("SmoothIdf");
        bool sublinearTf = reader.ReadBoolean("SublinearTf");
        var norm = (VectorNorm)reader.ReadInt32("norm");
        if (!Enum.IsDefined(norm))
        {
            throw reader.Corrupt($"its norm is {(int)norm}, not a defined value");
        }

        var options = new TfIdfOptions
        {
            Analyzer = analyzer,
            NgramRange = new NgramRange(minN, maxN),
            Lowercase = lowercase,
            StopWords = stop,
            MinDf = minDf,
            MaxDf = maxDf,
            MaxFeatures = maxFeatures < 0 ? null : maxFeatures,
            Binary = binary,
            UseIdf = useIdf,
            SmoothIdf = smoothIdf,
            SublinearTf = sublinearTf,
            Norm = norm,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw reader.Corrupt($"its options are inconsistent ({ex.Message})");
        }

        int documents = reader.ReadInt32("document count");
        if (documents < 0)
        {
            throw reader.Corrupt($"its document count is {documents}");
        }

        // A term takes at least its length byte, its document frequency and its total count.
        int terms = reader.ReadCount("terms", 1 + 4 + 8);
        var ids = new Dictionary<string, int>(terms, StringComparer.Ordinal);
        var list = new List<string>(terms);
        var df = new int[terms];
        var totals = new long[terms];
        for (int id = 0; id < terms; id++)
        {
            string term = reader.ReadString("term");
            if (!ids.TryAdd(term, id))
            {
                throw reader.Corrupt($"the term '{term}' appears twice");
            }

            list.Add(term);
            df[id] = reader.ReadInt32("document frequency");
            totals[id] = reader.ReadInt64("total count");
            if (df[id] < 1 || df[id] > documents)
            {
                throw reader.Corrupt($"the document frequency of '{term}' is {df[id]}, outside [1, {documents}] (the document count)");
            }

            if (totals[id] < df[id])
            {
                throw reader.Corrupt($"the total count of '{term}' is {totals[id]}, below its document frequency {df[id]}");
            }
        }

        reader.ExpectEnd();
        return new TfIdfModel(options, ids, list, df, totals, documents);

        static DocumentFrequencyLimit ReadLimit(ref FormatReader reader, string field)
        {
            bool proportion = reader.ReadBoolean(field);
            double value = reader.ReadDouble(field);
            if (proportion ? !(value >= 0 && value <= 1) : !(double.IsInteger(value) && value >= 0 && value <= int.MaxValue))
            {
                throw reader.Corrupt($"its {field} is {value.ToString(CultureInfo.InvariantCulture)}; a proportion must be in [0, 1] and a count a whole number from 0 to {int.MaxValue}");
            }

            return proportion ? DocumentFrequencyLimit.Proportion(value) : DocumentFrequencyLimit.Count((int)value);
        }
    }

    /// <summary>The weighted, normalised vector of a document's distinct term ids (sorted) and counts.</summary>
    internal SparseVector Weigh(ReadOnlySpan<int> ids, ReadOnlySpan<int> counts)
    {
        int kept = Kept(ids);
        if (kept == 0)
        {
            return SparseVector.Empty;
        }

        var indices = new int[kept];
        var values = new float[kept];
        WeighInto(ids, counts, indices, values);
        return SparseVector.FromTrusted(indices, values);
    }

    /// <summary>
    /// The vector of a document the fit counted: ids sorted, counts held as floats (exact: a count is far below
    /// 2²⁴). When every term is in the vocabulary the two arrays become the vector's own, weighed in place, so the
    /// fit allocates nothing more per document.
    /// </summary>
    internal SparseVector WeighOwned(int[] ids, float[] counts)
    {
        int kept = Kept(ids);
        if (kept == 0)
        {
            return SparseVector.Empty;
        }

        (int[] indices, float[] values) = kept == ids.Length ? (ids, counts) : (new int[kept], new float[kept]);
        WeighInto<float>(ids, counts, indices, values);
        return SparseVector.FromTrusted(indices, values);
    }

    private int Kept(ReadOnlySpan<int> ids)
    {
        int kept = 0;
        foreach (int id in ids)
        {
            kept += _factors[id] > 0 ? 1 : 0;
        }

        return kept;
    }

    // Writes the kept terms' ids and normalised weights; the destinations may be the sources (entry i is read before
    // any entry at or after it is written).
    private void WeighInto<TCount>(ReadOnlySpan<int> ids, ReadOnlySpan<TCount> counts, Span<int> indices, Span<float> values)
        where TCount : INumberBase<TCount>
    {
        int kept = indices.Length;
        double[] weights = ArrayPool<double>.Shared.Rent(kept);
        try
        {
            double norm = 0;
            int at = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                double factor = _factors[ids[i]];
                if (factor == 0)
                {
                    continue;
                }

                double tf = Options.Binary ? 1 : double.CreateTruncating(counts[i]);
                if (Options.SublinearTf)
                {
                    tf = 1 + Math.Log(tf);
                }

                double w = tf * factor;
                indices[at] = ids[i];
                weights[at] = w;
                norm += Options.Norm == VectorNorm.L1 ? Math.Abs(w) : w * w;
                at++;
            }

            // Divided, not multiplied by a reciprocal, to round as scikit-learn's normalize does.
            double divisor = Options.Norm switch
            {
                VectorNorm.L2 => Math.Sqrt(norm),
                VectorNorm.L1 => norm,
                _ => 1,
            };
            if (divisor == 0)
            {
                divisor = 1;
            }

            for (int i = 0; i < kept; i++)
            {
                values[i] = (float)(weights[i] / divisor);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weights);
        }
    }

    private static TfIdfFitResult FitCore<T>(T[] corpus, Action<TermAnalyzer, T, ITermSink> analyze, TfIdfOptions? options, CancellationToken cancellationToken)
    {
        options ??= TfIdfOptions.Default;
        options.Validate();
        var fitter = new TfIdfFitter<T>(options, analyze, Environment.ProcessorCount);
        fitter.Add(corpus, cancellationToken);
        return fitter.Finish(cancellationToken);
    }

    // The positions of the terms in ordinal order: sorted by a 64-bit key of their first four UTF-16 code units
    // (big-endian, missing ones as 0, which orders like the ordinal comparison or ties), then each run of equal keys
    // by the ordinal comparison itself.
    internal static int[] OrdinalOrder(List<string> terms)
    {
        var keys = new ulong[terms.Count];
        var order = new int[terms.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            string term = terms[i];
            ulong key = 0;
            for (int k = 0; k < 4; k++)
            {
                key = (key << 16) | (k < term.Length ? term[k] : 0u);
            }

            keys[i] = key;
            order[i] = i;
        }

        Array.Sort(keys, order);
        Comparison<int> ordinal = (p, q) => string.CompareOrdinal(terms[p], terms[q]);
        for (int start = 0; start < keys.Length;)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                order.AsSpan(start, end - start).Sort(ordinal);
            }

            start = end;
        }

        return order;
    }

    private ImmutableArray<SparseVector> AddCore<T>(IEnumerable<T> documents, Action<TermAnalyzer, T, ITermSink> analyze, CancellationToken cancellationToken)
    {
        var counter = new TermCounter(_ids, _terms);
        var analyzer = new TermAnalyzer(Options);
        var added = new List<(int[] Ids, int[] Counts)>();
        try
        {
            foreach (T document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                analyze(analyzer, document, counter);
                var ids = new int[counter.Distinct];
                var counts = new int[ids.Length];
                counter.Drain(ids, counts);
                Array.Sort(ids, counts);
                if (_terms.Count > _df.Length)
                {
                    int size = Math.Max(_terms.Count, _df.Length * 2);
                    Array.Resize(ref _df, size);
                    Array.Resize(ref _totals, size);
                }

                for (int i = 0; i < ids.Length; i++)
                {
                    _df[ids[i]]++;
                    _totals[ids[i]] += counts[i];
                }

                DocumentCount++;
                added.Add((ids, counts));
            }
        }
        finally
        {
            Recompute();
        }

        var vectors = ImmutableArray.CreateBuilder<SparseVector>(added.Count);
        foreach ((int[] ids, int[] counts) in added)
        {
            vectors.Add(Weigh(ids, counts));
        }

        return vectors.MoveToImmutable();
    }

    private double IdfOf(int df)
    {
        if (!Options.UseIdf)
        {
            return 1;
        }

        return Options.SmoothIdf
            ? Math.Log((1.0 + DocumentCount) / (1.0 + df)) + 1
            : Math.Log((double)DocumentCount / df) + 1;
    }

    // Applies the vocabulary limits to the current counts and caches each term's factor (its idf, or 0 when the
    // term is outside the vocabulary), as scikit-learn's _limit_features and TfidfTransformer.fit do.
    private void Recompute()
    {
        int terms = _terms.Count;
        double maxDocs = Options.MaxDf.Resolve(DocumentCount);
        double minDocs = Options.MinDf.Resolve(DocumentCount);
        var inside = new bool[terms];
        int count = 0;
        for (int id = 0; id < terms; id++)
        {
            int df = _df[id];
            if (df > 0 && df <= maxDocs && df >= minDocs)
            {
                inside[id] = true;
                count++;
            }
        }

        if (Options.MaxFeatures is int cap && count > cap)
        {
            var candidates = new int[count];
            int at = 0;
            for (int id = 0; id < terms; id++)
            {
                if (inside[id])
                {
                    candidates[at++] = id;
                }
            }

            Array.Sort(candidates, (p, q) => _totals[p] != _totals[q] ? _totals[q].CompareTo(_totals[p]) : string.CompareOrdinal(_terms[p], _terms[q]));
            for (int i = cap; i < candidates.Length; i++)
            {
                inside[candidates[i]] = false;
            }

            count = cap;
        }

        var factors = new double[terms];
        for (int id = 0; id < terms; id++)
        {
            factors[id] = inside[id] ? IdfOf(_df[id]) : 0;
        }

        _factors = factors;
        VocabularySize = count;
    }

    /// <summary>Collects the known term ids of one document (unknown terms ignored), then counts them by sorting.</summary>
    private sealed class IdCollector(Dictionary<string, int> ids) : ITermSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly List<int> _seen = [];

        public void Add(ReadOnlySpan<char> term)
        {
            if (_lookup.TryGetValue(term, out int id))
            {
                _seen.Add(id);
            }
        }

        public SparseVector Weigh(TfIdfModel model)
        {
            _seen.Sort();
            var ids = new List<int>();
            var counts = new List<int>();
            foreach (int id in _seen)
            {
                if (ids.Count > 0 && ids[^1] == id)
                {
                    counts[^1]++;
                }
                else
                {
                    ids.Add(id);
                    counts.Add(1);
                }
            }

            _seen.Clear();
            return model.Weigh(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(counts));
        }
    }
}

/// <summary>A fitted model and the vectors of the documents it was fitted on.</summary>
/// <param name="Model">The model.</param>
/// <param name="Vectors">One vector per document, in input order.</param>
public sealed record TfIdfFitResult(TfIdfModel Model, ImmutableArray<SparseVector> Vectors);
