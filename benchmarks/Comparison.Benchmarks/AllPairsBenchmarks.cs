using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Comparison.Vectors;

namespace Comparison.Benchmarks;

/// <summary>All pairs above a threshold on 2,000 TF-IDF vectors, both exact strategies against each other.</summary>
[Config(typeof(Config))]
public class AllPairsBenchmarks
{
    private IReadOnlyList<SparseVector> _vectors = [];

    /// <summary>The cosine threshold.</summary>
    [Params(0.3, 0.8)]
    public double Threshold { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        string[] vocabulary = [.. Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var texts = Enumerable.Range(0, 2_000).Select(_ => string.Join(' ', Enumerable.Range(0, 300).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))])));
        _vectors = TfIdfModel.FitTransform(texts).Vectors;
    }

    /// <summary>The cost model's choice.</summary>
    [Benchmark(Baseline = true)]
    public int Auto() => AllPairs.Enumerate(_vectors, Threshold).Count();

    /// <summary>The pruned inverted index (Bayardo et al. with L2AP bounds) forced.</summary>
    [Benchmark]
    public int Pruned() => AllPairs.EnumerateWith(_vectors, Threshold, AllPairs.Strategy.Pruned, default).Count();

    /// <summary>The dense-head, sparse-tail product forced.</summary>
    [Benchmark]
    public int Dense() => AllPairs.EnumerateWith(_vectors, Threshold, AllPairs.Strategy.Dense, default).Count();

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median);
    }
}
