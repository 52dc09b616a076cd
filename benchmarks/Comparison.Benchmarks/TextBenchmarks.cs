using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Benchmarks;

/// <summary>
/// The text stage over 600-word news articles, one core. Each operation processes every article of
/// <see cref="TextCorpus"/> once; the MB/s column is UTF-8 megabytes (10^6 bytes) of article text per second
/// at the median time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TextBenchmarks
{
    private readonly List<Token> _tokens = new(1024);
    private readonly List<ulong> _hashes = new(1024);
    private string[] _articles = [];
    private Shingler _words = null!;
    private Shingler _chars = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = TextCorpus.Articles;
        _words = new Shingler(new ShinglerOptions { Kind = ShingleKind.Word, Size = 5 });
        _chars = new Shingler(new ShinglerOptions { Kind = ShingleKind.Character, Size = 5 });
    }

    /// <summary>Tokenise only (span overload, reused list).</summary>
    [Benchmark]
    public int Tokenize()
    {
        int n = 0;
        foreach (string article in _articles)
        {
            _tokens.Clear();
            Tokenizer.Tokenize(article, _tokens);
            n += _tokens.Count;
        }

        return n;
    }

    /// <summary>Tokenise + normalise and hash each term (word shingles without the shingle step).</summary>
    [Benchmark]
    public ulong TermHashes()
    {
        ulong x = 0;
        foreach (string article in _articles)
        {
            int position = 0;
            while (Tokenizer.TryReadNext(article, ref position, out Token token))
            {
                if (token.IsTerm)
                {
                    x ^= TextNormalizer.HashTerm(article.AsSpan(token.Start, token.Length), 0);
                }
            }
        }

        return x;
    }

    /// <summary>Tokenise + normalise terms + hash word 5-shingles with XXH64 (the near-duplicate hot path).</summary>
    [Benchmark(Baseline = true)]
    public int WordShingles5()
    {
        int n = 0;
        foreach (string article in _articles)
        {
            _hashes.Clear();
            n += _words.Hash(article, _hashes);
        }

        return n;
    }

    /// <summary>Normalise the whole text + hash character 5-shingles.</summary>
    [Benchmark]
    public int CharShingles5()
    {
        int n = 0;
        foreach (string article in _articles)
        {
            _hashes.Clear();
            n += _chars.Hash(article, _hashes);
        }

        return n;
    }

    /// <summary>Normalise with the map back to the original text.</summary>
    [Benchmark]
    public int Normalize()
    {
        int n = 0;
        foreach (string article in _articles)
        {
            n += TextNormalizer.Normalize(article).Text.Length;
        }

        return n;
    }

    /// <summary>Split into sentences (paragraphs, tokens, abbreviation and quote rules).</summary>
    [Benchmark]
    public int Sentences()
    {
        int n = 0;
        foreach (string article in _articles)
        {
            n += SentenceSplitter.Split(article).Length;
        }

        return n;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(), StatisticColumn.Median);
    }

    /// <summary>MB/s of article text at the median time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 megabytes of article text per second, at the median";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null || statistics.Median <= 0)
            {
                return "-";
            }

            double seconds = statistics.Median / 1e9;
            return (TextCorpus.Utf8Bytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>
/// 64 articles of 600 words cut from the repository's seed articles (real news text with quotes, numbers,
/// abbreviations and typographic punctuation), each starting at a different word; synthetic text when the seeds
/// cannot be found.
/// </summary>
public static class TextCorpus
{
    /// <summary>Number of articles.</summary>
    public const int Count = 64;

    /// <summary>Words per article.</summary>
    public const int Words = 600;

    private static readonly Lazy<string[]> Lazy = new(Build);

    /// <summary>The articles.</summary>
    public static string[] Articles => Lazy.Value;

    /// <summary>The UTF-8 size of all articles.</summary>
    public static long Utf8Bytes => Articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a));

    private static string[] Build()
    {
        string pool = string.Join("\n\n", SeedTexts());
        string[] words = pool.Split(' ');
        var articles = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            var sb = new StringBuilder();
            for (int w = 0; w < Words; w++)
            {
                sb.Append(words[((i * 97) + w) % words.Length]).Append(' ');
            }

            articles[i] = sb.ToString();
        }

        return articles;
    }

    private static List<string> SeedTexts()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string seeds = Path.Combine(dir, "seeds");
            if (File.Exists(Path.Combine(dir, "Comparison.sln")) && Directory.Exists(seeds))
            {
                return DocumentReader.ReadDirectory(seeds).Select(d => d.Text).ToList();
            }
        }

        return ["The U.S. State Department said on Dec. 29 that over 1,000 troops, a \u201Csignificant\u201D force, moved near Ukraine\u2019s border. Officials said talks would resume in Geneva."];
    }
}
