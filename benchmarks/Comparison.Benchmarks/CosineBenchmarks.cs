using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Comparison.Documents;
using Comparison.Vectors;

namespace Comparison.Benchmarks;

/// <summary>
/// Cosine of two 300-term sparse vectors (target: at most 300 ns), on two kinds of vectors. "skewed": ids drawn
/// skewed from a 2,000-term vocabulary, so about a third are shared. "gva": two real articles on one incident from
/// the GVA development set (shared/data/gva-dev.jsonl, when present), TF-IDF vectors of a model fitted on all its
/// 3,949 articles: ids spread over a vocabulary of about 33,000 terms (ordinal order), about 40 % shared.
/// </summary>
[Config(typeof(Config))]
public class CosineBenchmarks
{
    private SparseVector _a = SparseVector.Empty;
    private SparseVector _b = SparseVector.Empty;

    /// <summary>Which pair of vectors.</summary>
    [Params("skewed", "gva")]
    public string Vectors { get; set; } = "skewed";

    [GlobalSetup]
    public void Setup()
    {
        string? gva = Vectors == "gva" ? FactsBenchmarks.FindUp(Path.Combine("shared", "data", "gva-dev.jsonl")) : null;
        if (gva is not null)
        {
            (_a, _b) = RealPair(gva);
        }
        else
        {
            var random = new Random(42);
            _a = Make(random);
            _b = Make(random);
        }

        int common = _a.Indices.ToArray().Intersect(_b.Indices.ToArray()).Count();
        Console.WriteLine($"// {Vectors}{(Vectors == "gva" && gva is null ? " (gva-dev.jsonl not found: skewed vectors)" : "")}: {_a.Count} and {_b.Count} terms, {common} shared, last ids {_a.Indices[^1]} and {_b.Indices[^1]}, cosine {CosineSimilarity.Compute(_a, _b):F3}");

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

    // The first two articles of one incident (ids "incident/hash") with 280-320 terms each and a cosine below 0.9
    // (not copies of each other).
    private static (SparseVector A, SparseVector B) RealPair(string path)
    {
        using var stream = File.OpenRead(path);
        var documents = DocumentReader.ReadJsonLines(stream, path).ToList();
        var fit = TfIdfModel.FitTransform(documents.Select(d => d.Text).ToList());
        var v = fit.Vectors;
        static string Incident(string id) => id.Split('/')[0];
        for (int i = 0; i < v.Length; i++)
        {
            for (int j = i + 1; j < v.Length && Incident(documents[j].Id) == Incident(documents[i].Id); j++)
            {
                if (v[i].Count is >= 280 and <= 320 && v[j].Count is >= 280 and <= 320 && CosineSimilarity.Compute(v[i], v[j]) < 0.9)
                {
                    return (v[i], v[j]);
                }
            }
        }

        throw new InvalidOperationException("no pair of 280-320-term articles of one incident in " + path);
    }

    /// <summary>The public cosine (16 lanes in a fixed order: the same bits on every CPU).</summary>
    [Benchmark(Baseline = true)]
    public double Cosine() => CosineSimilarity.Compute(_a, _b);

    /// <summary>The public dot product's AVX-512 walk alone (16 double-precision lanes).</summary>
    [Benchmark]
    public double Avx512Lanes() => CosineSimilarity.DotAvx512Lanes(_a.Indices, _a.Values, _b.Indices, _b.Values);

    /// <summary>The 16 × 16 AVX-512 block merge-join with single-precision lane sums (not CPU-independent), for scale.</summary>
    [Benchmark]
    public double Avx512Dot() => CosineSimilarity.DotAvx512(_a.Indices, _a.Values, _b.Indices, _b.Values);

    /// <summary>The scalar merge-join into the same 16 lanes: the path without AVX-512.</summary>
    [Benchmark]
    public double ScalarLanes() => CosineSimilarity.DotScalarLanes(_a.Indices, _a.Values, _b.Indices, _b.Values);

    /// <summary>Fuzzy weighted ratio of two news titles (normalised), for scale against the cosine.</summary>
    [Benchmark]
    public int FuzzyTitles() => FuzzySimilarity.WeightedRatio("Peace talks resume in Geneva as troops mass on the border", "Troops mass on border as Geneva peace talks resume");

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(StatisticColumn.Median);
    }
}
