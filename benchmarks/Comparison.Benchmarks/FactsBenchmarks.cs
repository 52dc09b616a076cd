using System.Text;
using BenchmarkDotNet.Attributes;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Facts;

namespace Comparison.Benchmarks;

/// <summary>
/// Fact extraction throughput (MB of UTF-8 article text per second on one thread) and discrepancy finding
/// on one event cluster. Corpus "gva": the GVA development articles from shared/data when present (7.9 MB);
/// "seeds": the five seed articles repeated to about 2 MB (always available, used by the CI dry run).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MedianConfig))]
public class FactsBenchmarks
{
    private readonly FactExtractor _extractor = new();
    private readonly DiscrepancyFinder _finder = new();
    private List<Document> _documents = [];
    private List<Document> _cluster = [];

    /// <summary>Which texts to extract from.</summary>
    [Params("seeds", "gva")]
    public string Corpus { get; set; } = "seeds";

    /// <summary>UTF-8 bytes of article text in the corpus (divide by the mean time for MB/s).</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string root = FindUp("seeds") ?? throw new InvalidOperationException("seeds/ not found above " + AppContext.BaseDirectory);
        var seeds = DocumentReader.ReadDirectory(root).ToList();
        _cluster = seeds.Where(d => !d.Id.StartsWith("003", StringComparison.Ordinal)).ToList();
        string? gva = FindUp(Path.Combine("shared", "data", "gva-dev.jsonl"));
        if (Corpus == "gva" && gva is not null)
        {
            using var stream = File.OpenRead(gva);
            _documents = DocumentReader.ReadJsonLines(stream, gva).ToList();
        }
        else
        {
            _documents = [];
            for (int i = 0; _documents.Sum(d => d.Text.Length) < 2_000_000; i++)
            {
                foreach (Document d in seeds)
                {
                    _documents.Add(new Document(d.Id + "-" + i, d.Text) { Published = d.Published });
                }
            }
        }

        Bytes = _documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        Console.WriteLine($"// {Corpus}: {_documents.Count} documents, {Bytes / 1e6:F2} MB of UTF-8 text");
    }

    /// <summary>Extracts every fact of every document.</summary>
    [Benchmark]
    public int Extract()
    {
        int n = 0;
        foreach (Document d in _documents)
        {
            var facts = _extractor.Extract(d);
            n += facts.Quantities.Length + facts.Dates.Length;
        }

        return n;
    }

    /// <summary>Extraction, alignment and discrepancies for the four seed reports of one event.</summary>
    [Benchmark]
    public int FindSeedDiscrepancies() => _finder.Find(_cluster).Discrepancies.Length;

    internal static string? FindUp(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, relative);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
