using BenchmarkDotNet.Attributes;
using Comparison.Indexing;
using Comparison.Sketches;

namespace Comparison.Benchmarks;

/// <summary>
/// The corpus race: the documents of gen_corpus.py (600-word articles, word 5-shingles, K = 128) signed from raw
/// text and from shingle hashes, and an LSH index built and queried over all of them, one core. The same corpus
/// goes through benchmarks/peers/minhash_numpy.py; benchmarks/peers/race.sh runs both and prints the ratios.
/// The corpus is read from $COMPARISON_CORPUS (default /work/notes/corpus/corpus_N10000.tsv); when it is absent
/// (CI), 500 synthetic articles stand in so that the dry job starts quickly.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MedianConfig))]
public class MinHashCorpusBenchmarks
{
    private string[] _texts = [];
    private ulong[][] _hashes = [];
    private MinHashSignature[] _signatures = [];
    private TextSketcher _classic = null!;
    private TextSketcher _onePermutation = null!;

    /// <summary>Articles in the corpus (divide by the mean time for articles/s).</summary>
    public int Articles => _texts.Length;

    [GlobalSetup]
    public void Setup()
    {
        string path = Environment.GetEnvironmentVariable("COMPARISON_CORPUS") ?? "/work/notes/corpus/corpus_N10000.tsv";
        _texts = File.Exists(path)
            ? File.ReadLines(path).Select(line => line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..]).ToArray()
            : Synthetic(500);
        _classic = new TextSketcher(null, new MinHashOptions { Scheme = MinHashScheme.Classic });
        _onePermutation = new TextSketcher(null, new MinHashOptions { Scheme = MinHashScheme.OnePermutation });
        _hashes = _texts.Select(t => _classic.Shingler.Hash(t)).ToArray();
        _signatures = _hashes.Select(h => _classic.Hasher.Compute(h)).ToArray();
        Console.WriteLine($"// corpus: {_texts.Length} articles, {_hashes.Average(h => h.Length):0} shingles each on average");
    }

    /// <summary>Raw text to classic signatures (normalise, tokenise, shingle, sign), the whole corpus.</summary>
    [Benchmark]
    public int EndToEndClassic() => SignTexts(_classic);

    /// <summary>Raw text to one-permutation signatures, the whole corpus.</summary>
    [Benchmark]
    public int EndToEndOnePermutation() => SignTexts(_onePermutation);

    /// <summary>Shingle hashes to classic signatures, the whole corpus.</summary>
    [Benchmark]
    public int FromHashesClassic() => SignHashes(_classic.Hasher);

    /// <summary>Shingle hashes to one-permutation signatures, the whole corpus.</summary>
    [Benchmark]
    public int FromHashesOnePermutation() => SignHashes(_onePermutation.Hasher);

    /// <summary>Insert every signature into a fresh default LSH index (threshold 0.8) and query every one.</summary>
    [Benchmark]
    public int LshInsertAndQuery()
    {
        var index = new LshIndex<int>();
        for (int i = 0; i < _signatures.Length; i++)
        {
            index.Insert(i, _signatures[i]);
        }

        int found = 0;
        foreach (MinHashSignature signature in _signatures)
        {
            found += index.Query(signature).Length;
        }

        return found;
    }

    private int SignTexts(TextSketcher sketcher)
    {
        int sum = 0;
        foreach (string text in _texts)
        {
            sum += sketcher.Sketch(text).Permutations;
        }

        return sum;
    }

    private int SignHashes(MinHasher hasher)
    {
        int sum = 0;
        foreach (ulong[] hashes in _hashes)
        {
            sum += hasher.Compute(hashes).Permutations;
        }

        return sum;
    }

    private static string[] Synthetic(int count)
    {
        var random = new Random(42);
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 600).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]))).ToArray();
    }
}
