using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Comparison.Benchmarks;

/// <summary>Adds the median column: figures quoted from these benchmarks are medians (the machines are shared).</summary>
public sealed class MedianConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public MedianConfig() => AddColumn(StatisticColumn.Median);
}
