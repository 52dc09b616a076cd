using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Comparison.Vectors;

namespace Comparison.Benchmarks;

/// <summary>Fitting a TF-IDF model and transforming its corpus: 1,000 synthetic 300-word articles.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TfIdfBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] vocabulary = [.. Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        _texts = [.. Enumerable.Range(0, 1_000).Select(_ => string.Join(' ', Enumerable.Range(0, 300).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))])))];
    }

    /// <summary>Fit and transform in one pass (one analysis per text).</summary>
    [Benchmark]
    public int FitTransform() => TfIdfModel.FitTransform(_texts).Vectors.Length;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median);
    }
}
