using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Comparison.Vectors;

namespace Comparison.Benchmarks;

/// <summary>
/// Cosine of two 300-term sparse vectors by merge-join (target: at most 300 ns). The ids are drawn skewed from a
/// 2,000-term vocabulary, so about a third are shared, as between two news articles on one topic.
/// </summary>
[Config(typeof(Config))]
public class CosineBenchmarks
{
    private SparseVector _a = SparseVector.Empty;
    private SparseVector _b = SparseVector.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = Make(random);
        _b = Make(random);

        static SparseVector Make(Random random)
        {
            var ids = new SortedSet<int>();
            while (ids.Count < 300)
            {
                // Skewed: frequent low ids are shared often, as in news text.
                ids.Add((int)(2000 * Math.Pow(random.NextDouble(), 2)));
            }

            int[] indices = [.. ids];
            return new SparseVector(indices, indices.Select(_ => (float)random.NextDouble()).ToArray());
        }
    }

    /// <summary>The public cosine (16 × 16 AVX-512 block merge-join when available, else 8 × 8 AVX2).</summary>
    [Benchmark(Baseline = true)]
    public double Cosine() => CosineSimilarity.Compute(_a, _b);

    /// <summary>The 8 × 8 AVX2 block merge-join (the path of machines without AVX-512), on the same vectors.</summary>
    [Benchmark]
    public double Avx2Dot() => CosineSimilarity.DotAvx2(_a.Indices, _a.Values, _b.Indices, _b.Values);

    /// <summary>The scalar reference merge-join, for the speed-up of the vector path.</summary>
    [Benchmark]
    public double ScalarDot() => CosineSimilarity.DotScalar(_a.Indices, _a.Values, _b.Indices, _b.Values, 0, 0, 0);

    /// <summary>Fuzzy weighted ratio of two news titles (normalised), for scale against the cosine.</summary>
    [Benchmark]
    public int FuzzyTitles() => FuzzySimilarity.WeightedRatio("Peace talks resume in Geneva as troops mass on the border", "Troops mass on border as Geneva peace talks resume");

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median);
    }
}
