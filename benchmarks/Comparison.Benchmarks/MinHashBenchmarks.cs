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

    /// <summary>Signature pairs compared per operation of <see cref="EstimateJaccardPairs"/>.</summary>
    public const int Pairs = 1024;

    private readonly ulong[][] _articles = new ulong[Articles][];
    private readonly uint[] _destination = new uint[128];
    private MinHasher _classic = null!;
    private MinHasher _onePermutation = null!;
    private MinHashSignature _a = null!;
    private MinHashSignature _b = null!;
    private readonly MinHashSignature[] _leftL1 = new MinHashSignature[Pairs];
    private readonly MinHashSignature[] _rightL1 = new MinHashSignature[Pairs];
    private readonly MinHashSignature[] _leftL2 = new MinHashSignature[Pairs];
    private readonly MinHashSignature[] _rightL2 = new MinHashSignature[Pairs];

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

        // Candidate-verification working sets: the 64 articles and a near copy of each (10% of the shingles
        // replaced), and 1,024 fixed pairs, half of them an article and its copy, among the first 32 signatures
        // (16 KB of values, in L1) and among all 128 (64 KB, in L2). The compare does not branch on the values.
        var pool = new MinHashSignature[2 * Articles];
        for (int i = 0; i < Articles; i++)
        {
            ulong[] copy = (ulong[])_articles[i].Clone();
            for (int j = 0; j < copy.Length / 10; j++)
            {
                copy[random.Next(copy.Length)] = (ulong)random.NextInt64();
            }

            pool[2 * i] = _classic.Compute(_articles[i]);
            pool[(2 * i) + 1] = _classic.Compute(copy);
        }

        ChoosePairs(random, pool.AsSpan(0, 32), _leftL1, _rightL1);
        ChoosePairs(random, pool, _leftL2, _rightL2);
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

    /// <summary>Estimated Jaccard similarity of two K = 128 signatures: one call per invocation (the same pair each time).</summary>
    [Benchmark]
    public double EstimateJaccard() => _a.EstimateJaccard(_b).Value;

    /// <summary>
    /// Estimated Jaccard similarity of K = 128 signatures, the way a candidate-verification loop calls it: the public
    /// <see cref="MinHashSignature.EstimateJaccard(MinHashSignature)"/> on 1,024 distinct pairs of 32 signatures (in
    /// L1) per invocation, every estimate's value summed into the result, and OperationsPerInvoke = 1,024
    /// (BenchmarkDotNet's usual way to time an operation of a few nanoseconds, whose single call is swamped by the
    /// harness's own call and by timer resolution).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double EstimateJaccardPairsL1() => SumOfEstimates(_leftL1, _rightL1);

    /// <summary>As <see cref="EstimateJaccardPairsL1"/>, over pairs of 128 signatures (64 KB of values, in L2).</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double EstimateJaccardPairsL2() => SumOfEstimates(_leftL2, _rightL2);

    private static void ChoosePairs(Random random, ReadOnlySpan<MinHashSignature> pool, MinHashSignature[] left, MinHashSignature[] right)
    {
        for (int p = 0; p < left.Length; p++)
        {
            int i = random.Next(pool.Length);
            left[p] = pool[i];
            right[p] = pool[p % 2 == 0 ? i ^ 1 : random.Next(pool.Length)];
        }
    }

    private static double SumOfEstimates(MinHashSignature[] left, MinHashSignature[] right)
    {
        double sum = 0;
        for (int p = 0; p < left.Length; p++)
        {
            sum += left[p].EstimateJaccard(right[p]).Value;
        }

        return sum;
    }

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
