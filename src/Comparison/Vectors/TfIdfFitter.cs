namespace Comparison.Vectors;

/// <summary>
/// Fits a <see cref="TfIdfModel"/> on a corpus that arrives in batches, keeping per document only its distinct term
/// ids and counts (which become its vector's arrays at the end), never its text or tokens: the fit of
/// <see cref="TfIdfModel.FitTransform(IEnumerable{string}, TfIdfOptions?, CancellationToken)"/> taken apart, and
/// giving the same model and the same vectors whatever the batches.
/// </summary>
/// <remarks>
/// Each batch is analysed in parallel slices, each slice by one of a fixed set of workers with a vocabulary of its
/// own that lives as long as the fitter (so a term is hashed into it once, not once a batch); after the batch, the
/// workers' new terms join the shared vocabulary and the batch's documents are renumbered into it. At the end the
/// shared vocabulary is numbered in ordinal order of the terms, so ids, weights and vectors do not depend on how the
/// corpus was cut into batches, nor on scheduling. Memory: 8 bytes a distinct term of each document, plus the
/// vocabulary. Not thread-safe.
/// </remarks>
/// <typeparam name="T">What a document is given as (a text, a token list).</typeparam>
internal sealed class TfIdfFitter<T>
{
    private readonly TfIdfOptions _options;
    private readonly Action<TermAnalyzer, T, ITermSink> _analyze;
    private readonly Worker[] _workers;
    private readonly TermTable _union = new();
    private readonly List<int[]> _ids = [];
    private readonly List<float[]> _counts = [];

    /// <summary>Creates an empty fit.</summary>
    /// <param name="options">The options, validated.</param>
    /// <param name="analyze">Feeds a document's terms to a sink.</param>
    /// <param name="parallelism">The most threads a batch is analysed on.</param>
    public TfIdfFitter(TfIdfOptions options, Action<TermAnalyzer, T, ITermSink> analyze, int parallelism)
    {
        _options = options;
        _analyze = analyze;
        _workers = new Worker[Math.Max(1, parallelism) * 2];
        for (int w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Worker(options);
        }
    }

    /// <summary>The number of documents added.</summary>
    public int Count => _ids.Count;

    /// <summary>Analyses the next documents of the corpus.</summary>
    public void Add(IReadOnlyList<T> batch, CancellationToken cancellationToken)
    {
        int n = batch.Count;
        int slices = Math.Max(1, Math.Min(n, _workers.Length));
        var ids = new int[n][];
        var counts = new float[n][];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = _workers.Length / 2, CancellationToken = cancellationToken }, s =>
        {
            Worker worker = _workers[s];
            (int from, int to) = Blocks.Range(n, slices, s);
            for (int d = from; d < to; d++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _analyze(worker.Analyzer, batch[d], worker.Counter);
                var docIds = new int[worker.Counter.Distinct];
                var docCounts = new float[docIds.Length];
                worker.Counter.Drain(docIds, docCounts);
                ids[d] = docIds;
                counts[d] = docCounts;
            }
        });

        // The workers' new terms join the shared vocabulary (one lookup per term and worker, for the whole corpus).
        for (int s = 0; s < slices; s++)
        {
            _workers[s].MapNewTerms(_union);
        }

        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = _workers.Length / 2, CancellationToken = cancellationToken }, s =>
        {
            List<int> map = _workers[s].ToUnion;
            (int from, int to) = Blocks.Range(n, slices, s);
            for (int d = from; d < to; d++)
            {
                int[] docIds = ids[d];
                for (int i = 0; i < docIds.Length; i++)
                {
                    docIds[i] = map[docIds[i]];
                }
            }
        });

        _ids.AddRange(ids);
        _counts.AddRange(counts);
    }

    /// <summary>The model and the vectors of every document added, in the order added. The fitter is spent.</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="options">
    /// The model's options when they differ from the analysis options only in their vocabulary limits (which may
    /// depend on the number of documents, known only now); <see langword="null"/> for the analysis options.
    /// </param>
    public TfIdfFitResult Finish(CancellationToken cancellationToken, TfIdfOptions? options = null)
    {
        List<string> distinct = _union.Terms;
        int[] order = TfIdfModel.OrdinalOrder(distinct);
        var sorted = new string[order.Length];
        var rankOf = new int[order.Length];
        var globalIds = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        for (int id = 0; id < order.Length; id++)
        {
            sorted[id] = distinct[order[id]];
            rankOf[order[id]] = id;
            globalIds.Add(sorted[id], id);
        }

        int n = _ids.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _workers.Length / 2, CancellationToken = cancellationToken };
        Parallel.For(0, n, parallel, d =>
        {
            int[] ids = _ids[d];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = rankOf[ids[i]];
            }

            KeySort.Sort(ids, _counts[d]);
        });

        int[] df = ZeroedArray.Create<int>(sorted.Length);
        long[] totals = ZeroedArray.Create<long>(sorted.Length);
        for (int d = 0; d < n; d++)
        {
            int[] ids = _ids[d];
            float[] counts = _counts[d];
            for (int i = 0; i < ids.Length; i++)
            {
                df[ids[i]]++;
                totals[ids[i]] += (long)counts[i];
            }
        }

        var model = new TfIdfModel(options ?? _options, globalIds, [.. sorted], df, totals, n);
        var vectors = new SparseVector[n];
        Parallel.For(0, n, parallel, d =>
        {
            vectors[d] = model.WeighOwned(_ids[d], _counts[d]);
            _ids[d] = [];
            _counts[d] = [];
        });
        _ids.Clear();
        _counts.Clear();
        return new TfIdfFitResult(model, [.. vectors]);
    }

    /// <summary>One analysing thread's tools and vocabulary, and where each of its terms stands in the shared one.</summary>
    private sealed class Worker
    {
        private readonly TermTable _table = new();

        public Worker(TfIdfOptions options)
        {
            Analyzer = new TermAnalyzer(options);
            Counter = new TermCounter(_table);
        }

        public TermAnalyzer Analyzer { get; }

        public TermCounter Counter { get; }

        /// <summary>For each term of this worker's vocabulary, its id in the shared vocabulary.</summary>
        public List<int> ToUnion { get; } = [];

        public void MapNewTerms(TermTable union)
        {
            List<string> terms = _table.Terms;
            for (int i = ToUnion.Count; i < terms.Count; i++)
            {
                ToUnion.Add(union.GetOrAdd(terms[i]));
            }
        }
    }
}
