using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Comparison.Vectors;

/// <content>The dense-head, sparse-tail strategy (see the remarks on <see cref="AllPairs"/>).</content>
public static partial class AllPairs
{
    /// <summary>
    /// The F most frequent terms of every vector as a dense matrix stored in panels of 16 vectors (k-major, so one
    /// SIMD load holds term k of 16 vectors), and inverted lists of the remaining, rarer terms.
    /// </summary>
    internal sealed class DenseHybrid
    {
        private const int Lanes = 16;

        // Cost model, in rough cycles: a 16-lane FMA of the dense product (loads included), the per-pair
        // threshold test, one scattered addition through an inverted list, and one entry of the merge-join that
        // verifies a candidate of the pruned index.
        private const double DenseCost = 0.6;
        private const double PairCost = 0.3;
        private const double PostingCost = 1.5;
        private const double VerifyCost = 2.0;

        // Bound on the dense matrix: n × F floats.
        private const long MaxDenseFloats = 64L << 20;

        private readonly UnitCorpus _corpus;
        private float[] _panels = [];
        private int[] _tailStart = [];      // per vector, where its entries of rank >= F start
        private int[] _tailOffsets = [];    // rank F + j's postings are [_tailOffsets[j], _tailOffsets[j + 1])
        private Posting[] _tail = [];      // a document and its weight side by side: one stream per list
        private int[] _after = [];          // per tail entry e of vector v: where v's successors start in e's list (other entries unset)

        private DenseHybrid(UnitCorpus corpus, int width)
        {
            _corpus = corpus;
            Width = width;
            Panels = (corpus.Count + Lanes - 1) / Lanes;
        }

        /// <summary>F, the number of dense terms: a multiple of 16.</summary>
        public int Width { get; }

        /// <summary>The number of panels of 16 vectors.</summary>
        public int Panels { get; }

        /// <summary>
        /// The dense width that minimises the modelled cost, or 0 when the pruned index is cheaper. The pruned cost
        /// counts the postings its probes walk and the merge-joins that verify its candidates (at most one per pair
        /// sharing an indexed term, at most n²/2); the dense cost the n²/2 × F/16 FMAs, the n²/2 threshold tests
        /// and the postings of the sparse tail.
        /// </summary>
        /// <remarks>
        /// Without the verification term the model picked the pruned index on corpora where most pairs share
        /// frequent terms, and there it verified nearly every pair: 4–10× slower than the dense product
        /// (<c>AllPairsBenchmarks</c>, 2,000 documents at thresholds 0.3 and 0.8).
        /// </remarks>
        public static int ChooseWidth(UnitCorpus corpus, int[] indexed)
        {
            double n = corpus.Count;
            double pruned = 0;
            double sharing = 0;
            for (int r = 0; r < corpus.Terms; r++)
            {
                double postings = 0.5 * corpus.Df[r] * indexed[r];
                pruned += postings * PostingCost;
                sharing += postings;
            }

            // Each verification merges both vectors: about twice the mean number of entries.
            double entries = corpus.Ranks.Length / Math.Max(1.0, n);
            pruned += Math.Min(sharing, n * n / 2) * 2 * entries * VerifyCost;

            var tail = new double[corpus.Terms + 1];
            for (int r = corpus.Terms - 1; r >= 0; r--)
            {
                tail[r] = tail[r + 1] + (0.5 * corpus.Df[r] * (double)corpus.Df[r] * PostingCost);
            }

            double pairs = n * n / 2;
            long maxWidth = Math.Min(corpus.Terms, MaxDenseFloats / Math.Max(1, corpus.Count)) / Lanes * Lanes;
            int best = 0;
            double bestCost = pruned;
            for (int width = Lanes; width <= maxWidth; width += Lanes)
            {
                double cost = (pairs * width / Lanes * DenseCost) + (pairs * PairCost) + tail[width];
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = width;
                }
            }

            return best;
        }

        /// <summary>Rows of a tile: a multiple of 16, at most 64, with the accumulators of a tile within ~32 MB.</summary>
        public static int TileRows(int n) => Math.Clamp((int)((8L << 20) / Math.Max(1, n)) / Lanes * Lanes, Lanes, 64);

        public static DenseHybrid Build(UnitCorpus corpus, int width)
        {
            var data = new DenseHybrid(corpus, width);
            int n = corpus.Count;
            data._panels = new float[(long)data.Panels * width * Lanes];
            data._tailStart = new int[n];
            int tailTerms = Math.Max(0, corpus.Terms - width);
            data._tailOffsets = new int[tailTerms + 1];

            // The panels in parallel (each panel's 16 vectors by one thread), then the lists.
            Parallel.For(0, data.Panels, panel =>
            {
                long panelBase = (long)panel * width * Lanes;
                for (int v = panel * Lanes; v < Math.Min(n, (panel + 1) * Lanes); v++)
                {
                    int e = corpus.Offsets[v];
                    int end = corpus.Offsets[v + 1];
                    int lane = v % Lanes;
                    while (e < end && corpus.Ranks[e] < width)
                    {
                        data._panels[panelBase + ((long)corpus.Ranks[e] * Lanes) + lane] = corpus.Weights[e];
                        e++;
                    }

                    data._tailStart[v] = e;
                }
            });

            // The lists as a counting sort in blocks of documents: each block counts its entries per term, the counts
            // become each block's start in each list, and the blocks fill their parts in parallel. Blocks are in
            // document order, so every list is sorted by document.
            int blocks = Blocks.Count(n, tailTerms, corpus.Ranks.Length);
            var starts = new int[blocks][];
            Parallel.For(0, blocks, block =>
            {
                int[] counts = ZeroedArray.Create<int>(tailTerms);
                (int from, int to) = Blocks.Range(n, blocks, block);
                for (int v = from; v < to; v++)
                {
                    for (int e = data._tailStart[v]; e < corpus.Offsets[v + 1]; e++)
                    {
                        counts[corpus.Ranks[e] - width]++;
                    }
                }

                starts[block] = counts;
            });
            int total = 0;
            for (int j = 0; j < tailTerms; j++)
            {
                data._tailOffsets[j] = total;
                for (int block = 0; block < blocks; block++)
                {
                    int count = starts[block][j];
                    starts[block][j] = total;
                    total += count;
                }
            }

            data._tailOffsets[tailTerms] = total;
            data._tail = GC.AllocateUninitializedArray<Posting>(total);
            data._after = GC.AllocateUninitializedArray<int>(corpus.Ranks.Length);
            Parallel.For(0, blocks, block =>
            {
                int[] fill = starts[block];
                (int from, int to) = Blocks.Range(n, blocks, block);
                for (int v = from; v < to; v++)
                {
                    for (int e = data._tailStart[v]; e < corpus.Offsets[v + 1]; e++)
                    {
                        int slot = fill[corpus.Ranks[e] - width]++;
                        data._tail[slot] = new Posting(v, corpus.Weights[e]);
                        data._after[e] = slot + 1;
                    }
                }
            });

            return data;
        }

        /// <summary>
        /// The single-precision sum the worker compares with the threshold for vectors x &lt; y, in the one order every
        /// path follows whatever the vector width (the scalar reference of <see cref="Worker"/>): the products of the
        /// tail terms of x that y holds, each rounded and added in x's order (rank order) from 0; then the dense head
        /// as one chain of fused multiply-adds over k = 0 … F − 1 from 0 (a term absent from either vector adds
        /// 0 · w); then the two added. Every SIMD lane of the kernels is one y and runs that same chain over k, so
        /// 16-, 8-lane and software vectors give the same bits.
        /// </summary>
        internal float ReferenceSum(int x, int y)
        {
            UnitCorpus corpus = _corpus;
            float tail = 0;
            for (int e = _tailStart[x]; e < corpus.Offsets[x + 1]; e++)
            {
                for (int f = _tailStart[y]; f < corpus.Offsets[y + 1]; f++)
                {
                    if (corpus.Ranks[f] == corpus.Ranks[e])
                    {
                        float product = corpus.Weights[e] * corpus.Weights[f];
                        tail += product;
                    }
                }
            }

            float head = 0;
            for (int k = 0; k < Width; k++)
            {
                head = MathF.FusedMultiplyAdd(HeadWeight(x, k), HeadWeight(y, k), head);
            }

            return tail + head;
        }

        /// <summary>Vector v's weight of dense term k, read from its entries (0 when it lacks the term).</summary>
        private float HeadWeight(int v, int k)
        {
            for (int e = _corpus.Offsets[v]; e < _tailStart[v]; e++)
            {
                if (_corpus.Ranks[e] == k)
                {
                    return _corpus.Weights[e];
                }
            }

            return 0;
        }

        /// <summary>How <see cref="SimilarPair"/> is laid out, for the packed writes of the pairs (checked, not assumed).</summary>
        internal static class PairLayout
        {
            /// <summary>Whether a pair is 16 bytes: First, Second, then Similarity's 8 bytes.</summary>
            public static readonly bool Packed = IsPacked();

            /// <summary>The 32-bit lanes that hold First in four packed pairs.</summary>
            public static readonly Vector512<int> FirstLanes = Vector512.Create(-1, 0, 0, 0, -1, 0, 0, 0, -1, 0, 0, 0, -1, 0, 0, 0);

            /// <summary>
            /// Per group of four pairs g (0–3), the index of each 32-bit lane into (columns, doubles): lane 4p + 1
            /// takes column 4g + p, lanes 4p + 2 and 4p + 3 the two halves of double (4g + p) mod 8 (from the low or
            /// the high eight).
            /// </summary>
            public static readonly int[] Interleave = Build();

            private static int[] Build()
            {
                var table = new int[4 * Lanes];
                for (int g = 0; g < 4; g++)
                {
                    for (int p = 0; p < 4; p++)
                    {
                        int pair = (4 * g) + p;
                        table[(g * Lanes) + (4 * p)] = 0;
                        table[(g * Lanes) + (4 * p) + 1] = pair;
                        table[(g * Lanes) + (4 * p) + 2] = Lanes + (2 * (pair % 8));
                        table[(g * Lanes) + (4 * p) + 3] = Lanes + (2 * (pair % 8)) + 1;
                    }
                }

                return table;
            }

            private static bool IsPacked()
            {
                var probe = new SimilarPair(0x01020304, 0x05060708, Math.PI);
                ReadOnlySpan<int> lanes = MemoryMarshal.Cast<SimilarPair, int>(new ReadOnlySpan<SimilarPair>(in probe));
                return Unsafe.SizeOf<SimilarPair>() == 16 && lanes[0] == probe.First && lanes[1] == probe.Second
                    && BitConverter.Int64BitsToDouble(((long)lanes[3] << 32) | (uint)lanes[2]) == Math.PI;
            }
        }

        /// <summary>One entry of an inverted list of the sparse tail.</summary>
        internal readonly record struct Posting(int Document, float Weight);

        /// <summary>One worker's scratch: the tail sums of each row of a tile against every later vector.</summary>
        internal sealed class Worker : IRangeWorker
        {
            private const int BlockRows = 8;
            private readonly DenseHybrid _data;
            private readonly IReadOnlyList<SparseVector> _vectors;
            private readonly double _threshold;
            private readonly float[][] _sums;

            public Worker(DenseHybrid data, IReadOnlyList<SparseVector> vectors, double threshold)
            {
                _data = data;
                _vectors = vectors;
                _threshold = threshold;
                int rows = TileRows(data._corpus.Count);
                _sums = new float[rows][];
                for (int i = 0; i < rows; i++)
                {
                    _sums[i] = new float[data.Panels * Lanes];
                }
            }

            public void Run(int from, int to, PairBuffer output)
            {
                DenseHybrid data = _data;
                UnitCorpus corpus = data._corpus;
                int firstPanel = from / Lanes;

                // 1. The sparse tail: each row's sums with every later vector, through the inverted lists.
                for (int x = from; x < to; x++)
                {
                    float[] sums = _sums[x - from];
                    Array.Clear(sums, firstPanel * Lanes, sums.Length - (firstPanel * Lanes));
                    AddTail(x, sums);
                }

                // 2. The dense head, in chunks of panels that stay in cache while every block of rows passes.
                int chunk = Math.Max(1, (256 << 10) / (data.Width * Lanes * sizeof(float)));
                for (int chunkStart = firstPanel; chunkStart < data.Panels; chunkStart += chunk)
                {
                    int chunkEnd = Math.Min(data.Panels, chunkStart + chunk);
                    for (int block = from; block < to; block += BlockRows)
                    {
                        int p = Math.Max(chunkStart, block / Lanes);
                        if (Vector512.IsHardwareAccelerated)
                        {
                            for (; p + 2 <= chunkEnd; p += 2)
                            {
                                Score(from, to, block, p, 2);
                            }
                        }

                        for (; p < chunkEnd; p++)
                        {
                            Score(from, to, block, p, 1);
                        }
                    }
                }

                // 3. Each row's complete sums, scanned in order: the pairs come out sorted by (x, y).
                for (int x = from; x < to; x++)
                {
                    EmitRow(x, _sums[x - from], output);
                }
            }

            // sums[y] += Σ over the tail terms t of x: x_t · y_t, for every y > x. Each list is sorted by document and
            // x is in it, so the documents after x are a known range (recorded at build): no test per posting. The
            // lists are short and scattered in memory, so the walk is bound by memory latency: the start of the next
            // term's range is prefetched while the current one is summed. For each y the terms add in x's order, as
            // a walk in any direction would.
            [SkipLocalsInit]
            private unsafe void AddTail(int x, float[] sums)
            {
                DenseHybrid data = _data;
                UnitCorpus corpus = data._corpus;
                int width = data.Width;
                int end = corpus.Offsets[x + 1];
                int start = data._tailStart[x];
                if (start >= end)
                {
                    return;
                }

                ref int ranks = ref MemoryMarshal.GetArrayDataReference(corpus.Ranks);
                ref float weights = ref MemoryMarshal.GetArrayDataReference(corpus.Weights);
                ref int offsets = ref MemoryMarshal.GetArrayDataReference(data._tailOffsets);
                ref int after = ref MemoryMarshal.GetArrayDataReference(data._after);
                ref Posting postings = ref MemoryMarshal.GetArrayDataReference(data._tail);
                ref float row = ref MemoryMarshal.GetArrayDataReference(sums);
                for (int e = start; e < end; e++)
                {
                    if (Sse.IsSupported && e + 2 < end)
                    {
                        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref postings, Unsafe.Add(ref after, e + 2))));
                    }

                    float w = Unsafe.Add(ref weights, e);
                    nint p = Unsafe.Add(ref after, e);
                    nint stop = Unsafe.Add(ref offsets, Unsafe.Add(ref ranks, e) - width + 1);
                    for (; p + 4 <= stop; p += 4)
                    {
                        ref Posting q = ref Unsafe.Add(ref postings, p);
                        Posting q0 = q;
                        Posting q1 = Unsafe.Add(ref q, 1);
                        Posting q2 = Unsafe.Add(ref q, 2);
                        Posting q3 = Unsafe.Add(ref q, 3);
                        Unsafe.Add(ref row, (nint)(uint)q0.Document) += w * q0.Weight;
                        Unsafe.Add(ref row, (nint)(uint)q1.Document) += w * q1.Weight;
                        Unsafe.Add(ref row, (nint)(uint)q2.Document) += w * q2.Weight;
                        Unsafe.Add(ref row, (nint)(uint)q3.Document) += w * q3.Weight;
                    }

                    for (; p < stop; p++)
                    {
                        Posting posting = Unsafe.Add(ref postings, p);
                        Unsafe.Add(ref row, (nint)(uint)posting.Document) += w * posting.Weight;
                    }
                }
            }

            // Rows block..block+7 against the 16 vectors of panel p, or the 32 of panels p and p + 1 (AVX-512 only):
            // then each broadcast weight of a row feeds two fused multiply-adds (10 loads per 16 FMAs instead of 9 per
            // 8). Each sum adds its terms in the same order either way, so the results are the same.
            [SkipLocalsInit]
            private void Score(int from, int to, int block, int p, int count)
            {
                DenseHybrid data = _data;
                int width = data.Width;
                ref float panels = ref MemoryMarshal.GetArrayDataReference(data._panels);
                nuint xBase = (nuint)(((long)(block / Lanes) * width * Lanes) + (block % Lanes));
                nuint yBase = (nuint)((long)p * width * Lanes);
                Span<float> dots = stackalloc float[2 * BlockRows * Lanes];
                if (count == 2)
                {
                    Kernel512Pair(ref panels, xBase, yBase, yBase + (nuint)(width * Lanes), width, dots);
                }
                else if (Vector512.IsHardwareAccelerated)
                {
                    Kernel512(ref panels, xBase, yBase, width, dots);
                }
                else
                {
                    Kernel256(ref panels, xBase, yBase, width, dots);
                }

                // Added to the tail sums of each row (lanes at or before the row are never read).
                for (int i = 0; i < BlockRows && block + i < to; i++)
                {
                    for (int c = 0; c < count; c++)
                    {
                        ref float row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_sums[block + i - from]), (p + c) * Lanes);
                        ref float dot = ref Unsafe.Add(ref MemoryMarshal.GetReference(dots), (c * BlockRows * Lanes) + (i * Lanes));
                        if (Vector512.IsHardwareAccelerated)
                        {
                            (Vector512.LoadUnsafe(ref row) + Vector512.LoadUnsafe(ref dot)).StoreUnsafe(ref row);
                        }
                        else
                        {
                            for (int lane = 0; lane < Lanes; lane++)
                            {
                                Unsafe.Add(ref row, lane) += Unsafe.Add(ref dot, lane);
                            }
                        }
                    }
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void Kernel512Pair(ref float panels, nuint xBase, nuint yBase, nuint nextBase, int width, Span<float> dots)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                Vector512<float> a4 = default, a5 = default, a6 = default, a7 = default;
                Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
                Vector512<float> b4 = default, b5 = default, b6 = default, b7 = default;
                for (nuint k = 0; k < (nuint)width; k++)
                {
                    Vector512<float> y = Vector512.LoadUnsafe(ref panels, yBase + (k * Lanes));
                    Vector512<float> z = Vector512.LoadUnsafe(ref panels, nextBase + (k * Lanes));
                    ref float xk = ref Unsafe.Add(ref panels, xBase + (k * Lanes));
                    Both(xk, y, z, ref a0, ref b0);
                    Both(Unsafe.Add(ref xk, 1), y, z, ref a1, ref b1);
                    Both(Unsafe.Add(ref xk, 2), y, z, ref a2, ref b2);
                    Both(Unsafe.Add(ref xk, 3), y, z, ref a3, ref b3);
                    Both(Unsafe.Add(ref xk, 4), y, z, ref a4, ref b4);
                    Both(Unsafe.Add(ref xk, 5), y, z, ref a5, ref b5);
                    Both(Unsafe.Add(ref xk, 6), y, z, ref a6, ref b6);
                    Both(Unsafe.Add(ref xk, 7), y, z, ref a7, ref b7);
                }

                Store(dots, a0, a1, a2, a3, a4, a5, a6, a7);
                Store(dots[(BlockRows * Lanes)..], b0, b1, b2, b3, b4, b5, b6, b7);
            }

            // Every y > x whose sum reaches the threshold, in increasing y. The comparison runs 16 sums at a time; only
            // the lanes that pass are visited. Sums within Slack of the threshold are settled exactly. With AVX-512,
            // a block of 16 with no sum in that band is written as pairs directly: the passing columns and sums are
            // compressed into the low lanes, widened to double, and interleaved with x into SimilarPair's layout,
            // four pairs per store (the same values the scalar path writes).
            private void EmitRow(int x, float[] sums, PairBuffer output)
            {
                int n = _data._corpus.Count;
                float low = (float)(_threshold - Slack);
                int y = x + 1;
                if (Vector512.IsHardwareAccelerated)
                {
                    var lowVector = Vector512.Create(low);
                    ref float start = ref MemoryMarshal.GetArrayDataReference(sums);
                    bool packed = Avx512F.IsSupported && PairLayout.Packed;
                    var bandVector = Vector512.Create(BandTop(_threshold + Slack));
                    for (; y + Lanes <= n; y += Lanes)
                    {
                        Vector512<float> block = Vector512.LoadUnsafe(ref start, (nuint)y);
                        Vector512<float> pass = Vector512.GreaterThanOrEqual(block, lowVector);
                        if (pass == Vector512<float>.Zero)
                        {
                            continue;
                        }

                        if (packed && (pass & Vector512.LessThan(block, bandVector)) == Vector512<float>.Zero)
                        {
                            EmitPacked(x, y, block, pass, output);
                            continue;
                        }

                        ulong mask = pass.ExtractMostSignificantBits();
                        while (mask != 0)
                        {
                            int lane = BitOperations.TrailingZeroCount(mask);
                            mask &= mask - 1;
                            Emit(x, y + lane, sums[y + lane], output);
                        }
                    }
                }

                for (; y < n; y++)
                {
                    if (sums[y] >= low)
                    {
                        Emit(x, y, sums[y], output);
                    }
                }
            }

            // The smallest float not below bound: for a float s, s < result exactly when (double)s < bound.
            private static float BandTop(double bound)
            {
                float f = (float)bound;
                return f < bound ? MathF.BitIncrement(f) : f;
            }

            // The pairs (x, y + lane, min(1, sum)) of the passing lanes of one block, in lane order.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void EmitPacked(int x, int y, Vector512<float> block, Vector512<float> pass, PairBuffer output)
            {
                int count = BitOperations.PopCount(pass.ExtractMostSignificantBits());
                Vector512<int> ys = Avx512F.Compress(Vector512<int>.Zero, pass.AsInt32(), Vector512.Create(y) + Vector512<int>.Indices);
                Vector512<float> kept = Avx512F.Compress(Vector512<float>.Zero, pass, block);
                Vector512<double> one = Vector512.Create(1.0);
                Vector512<int> low = Vector512.Min(Avx512F.ConvertToVector512Double(kept.GetLower()), one).AsInt32();
                Vector512<int> high = Vector512.Min(Avx512F.ConvertToVector512Double(kept.GetUpper()), one).AsInt32();
                Vector512<int> xs = Vector512.Create(x);
                ref int destination = ref Unsafe.As<SimilarPair, int>(ref output.Reserve(Lanes));
                ref int indices = ref MemoryMarshal.GetArrayDataReference(PairLayout.Interleave);
                for (int group = 0; group * 4 < count; group++)
                {
                    Vector512<int> index = Vector512.LoadUnsafe(ref indices, (nuint)(group * Lanes));
                    Vector512<int> pairs = Avx512F.PermuteVar16x32x2(ys, index, group < 2 ? low : high);
                    Vector512.ConditionalSelect(PairLayout.FirstLanes, xs, pairs).StoreUnsafe(ref destination, (nuint)(group * Lanes));
                }

                output.Advance(count);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private void Emit(int x, int y, float sum, PairBuffer destination)
            {
                if (sum < _threshold + Slack)
                {
                    // Too close to the threshold for single-precision sums: settle it exactly.
                    double exact = CosineSimilarity.ComputeExact(_vectors[x], _vectors[y]);
                    if (exact >= _threshold)
                    {
                        destination.Add(new SimilarPair(x, y, exact));
                    }
                }
                else
                {
                    destination.Add(new SimilarPair(x, y, Math.Min(1.0, sum)));
                }
            }

            // dots[i * 16 + lane] = Σ_k x_i[k] · y_lane[k]: 8 broadcasts and 8 FMAs per term, 16 vectors per FMA.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void Kernel512(ref float panels, nuint xBase, nuint yBase, int width, Span<float> dots)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                Vector512<float> a4 = default, a5 = default, a6 = default, a7 = default;
                for (nuint k = 0; k < (nuint)width; k++)
                {
                    Vector512<float> y = Vector512.LoadUnsafe(ref panels, yBase + (k * Lanes));
                    ref float xk = ref Unsafe.Add(ref panels, xBase + (k * Lanes));
                    a0 = Vector512.FusedMultiplyAdd(Vector512.Create(xk), y, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 1)), y, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 2)), y, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 3)), y, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 4)), y, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 5)), y, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 6)), y, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref xk, 7)), y, a7);
                }

                Store(dots, a0, a1, a2, a3, a4, a5, a6, a7);
            }

            // One row's weight times both panels' term (inlined: the accumulators stay in registers).
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void Both(float weight, Vector512<float> y, Vector512<float> z, ref Vector512<float> a, ref Vector512<float> b)
            {
                Vector512<float> w = Vector512.Create(weight);
                a = Vector512.FusedMultiplyAdd(w, y, a);
                b = Vector512.FusedMultiplyAdd(w, z, b);
            }

            // The eight rows' sums of one panel, 16 lanes each, into dots.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static void Store(Span<float> dots, Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3, Vector512<float> a4, Vector512<float> a5, Vector512<float> a6, Vector512<float> a7)
            {
                a0.CopyTo(dots);
                a1.CopyTo(dots[16..]);
                a2.CopyTo(dots[32..]);
                a3.CopyTo(dots[48..]);
                a4.CopyTo(dots[64..]);
                a5.CopyTo(dots[80..]);
                a6.CopyTo(dots[96..]);
                a7.CopyTo(dots[112..]);
            }

            // The same product with 256-bit vectors (two per panel row), for machines without AVX-512, and in
            // software when hardware intrinsics are off.
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            internal static void Kernel256(ref float panels, nuint xBase, nuint yBase, int width, Span<float> dots)
            {
                for (int half = 0; half < 2; half++)
                {
                    Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
                    Vector256<float> a4 = default, a5 = default, a6 = default, a7 = default;
                    nuint offset = yBase + (nuint)(half * 8);
                    for (nuint k = 0; k < (nuint)width; k++)
                    {
                        Vector256<float> y = Vector256.LoadUnsafe(ref panels, offset + (k * Lanes));
                        ref float xk = ref Unsafe.Add(ref panels, xBase + (k * Lanes));
                        a0 = Vector256.FusedMultiplyAdd(Vector256.Create(xk), y, a0);
                        a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 1)), y, a1);
                        a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 2)), y, a2);
                        a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 3)), y, a3);
                        a4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 4)), y, a4);
                        a5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 5)), y, a5);
                        a6 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 6)), y, a6);
                        a7 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xk, 7)), y, a7);
                    }

                    int at = half * 8;
                    a0.CopyTo(dots[at..]);
                    a1.CopyTo(dots[(16 + at)..]);
                    a2.CopyTo(dots[(32 + at)..]);
                    a3.CopyTo(dots[(48 + at)..]);
                    a4.CopyTo(dots[(64 + at)..]);
                    a5.CopyTo(dots[(80 + at)..]);
                    a6.CopyTo(dots[(96 + at)..]);
                    a7.CopyTo(dots[(112 + at)..]);
                }
            }
        }
    }
}
