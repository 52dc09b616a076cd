using BenchmarkDotNet.Attributes;
using Comparison.Sketches;

namespace Comparison.Benchmarks;

/// <summary>
/// Signing 600-word articles (596 word 5-shingle hashes each) with K = 128, one core. Each operation signs
/// <see cref="Articles"/> articles, so articles/s = <see cref="Articles"/> / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MedianConfig))]
public class MinHashBenchmarks
{
    /// <summary>Articles signed per operation.</summary>
    public const int Articles = 64;

    private readonly ulong[][] _articles = new ulong[Articles][];
    private readonly uint[] _destination = new uint[128];
    private MinHasher _classic = null!;
    private MinHasher _onePermutation = null!;
    private MinHashSignature _a = null!;
    private MinHashSignature _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (int i = 0; i < Articles; i++)
        {
            _articles[i] = new ulong[596];
            for (int j = 0; j < _articles[i].Length; j++)
            {
                _articles[i][j] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 41);
            }
        }

        _classic = new MinHasher(new MinHashOptions { Scheme = MinHashScheme.Classic });
        _onePermutation = new MinHasher(new MinHashOptions { Scheme = MinHashScheme.OnePermutation });
        _a = _classic.Compute(_articles[0]);
        ulong[] near = (ulong[])_articles[0].Clone();
        near.AsSpan(0, 60).Clear();
        _b = _classic.Compute(near);
    }

    /// <summary>One-permutation hashing with optimal densification, into a new signature.</summary>
    [Benchmark(OperationsPerInvoke = Articles)]
    public int OnePermutation()
    {
        int sum = 0;
        foreach (ulong[] article in _articles)
        {
            sum += _onePermutation.Compute(article).Permutations;
        }

        return sum;
    }

    /// <summary>Classic K-permutation MinHash through the fastest path (Vector512 here), into a new signature.</summary>
    [Benchmark(OperationsPerInvoke = Articles, Baseline = true)]
    public int Classic()
    {
        int sum = 0;
        foreach (ulong[] article in _articles)
        {
            sum += _classic.Compute(article).Permutations;
        }

        return sum;
    }

    /// <summary>Classic MinHash, Vector256 path (what the dispatcher takes without AVX-512).</summary>
    [Benchmark(OperationsPerInvoke = Articles)]
    public uint ClassicVector256() => ClassicPathRun(ClassicPath.Vector256);

    /// <summary>Classic MinHash, scalar path (what runs with hardware intrinsics off).</summary>
    [Benchmark(OperationsPerInvoke = Articles)]
    public uint ClassicScalar() => ClassicPathRun(ClassicPath.Scalar);

    /// <summary>Estimated Jaccard similarity of two K = 128 signatures.</summary>
    [Benchmark]
    public double EstimateJaccard() => _a.EstimateJaccard(_b).Value;

    private uint ClassicPathRun(ClassicPath path)
    {
        uint sum = 0;
        foreach (ulong[] article in _articles)
        {
            _classic.ComputeClassic(article, _destination, path);
            sum += _destination[0];
        }

        return sum;
    }
}
