using System.Text;
using BenchmarkDotNet.Attributes;
using Comparison.Documents;
using Comparison.Reports;

namespace Comparison.Benchmarks;

/// <summary>
/// The whole pipeline (<see cref="NewsComparer"/>: duplicates, similarity matrix, clusters, shared passages,
/// discrepancies) and the four report renderers. Corpus "seeds": the five seed articles; "newswcl50": the 50 real
/// articles on 10 events of shared/data/newswcl50.jsonl when present (the seeds otherwise, so the CI dry run
/// always starts). The renderers write the corpus's report to a writer that counts and drops the characters.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private readonly NewsComparer _comparer = new();
    private List<Document> _documents = [];
    private ComparisonResult _report = null!;

    /// <summary>Which articles to analyse.</summary>
    [Params("seeds", "newswcl50")]
    public string Corpus { get; set; } = "seeds";

    [GlobalSetup]
    public void Setup()
    {
        string? data = FactsBenchmarks.FindUp(Path.Combine("shared", "data", "newswcl50.jsonl"));
        if (Corpus == "newswcl50" && data is not null)
        {
            using var stream = File.OpenRead(data);
            _documents = [.. DocumentReader.ReadJsonLines(stream, data)];
        }
        else
        {
            string seeds = FactsBenchmarks.FindUp("seeds") ?? throw new InvalidOperationException("seeds/ not found above " + AppContext.BaseDirectory);
            _documents = [.. DocumentReader.ReadDirectory(seeds)];
        }

        _report = _comparer.Compare(_documents);
        Console.WriteLine($"// {Corpus}: {_documents.Count} documents, {_report.Clusters.Value.Clusters.Length} clusters, "
            + $"{_report.Passages.Value.Passages.Length} passages, {_report.Discrepancies.Value.Discrepancies.Length} discrepancies");
    }

    /// <summary>Runs the whole pipeline.</summary>
    [Benchmark(Baseline = true)]
    public ComparisonResult Analyze() => _comparer.Compare(_documents);

    /// <summary>Renders the contract JSON.</summary>
    [Benchmark]
    public long WriteJson() => Render(ReportFormat.Json);

    /// <summary>Renders the self-contained HTML page (heatmap, highlighted spans, full articles).</summary>
    [Benchmark]
    public long WriteHtml() => Render(ReportFormat.Html);

    /// <summary>Renders Markdown.</summary>
    [Benchmark]
    public long WriteMarkdown() => Render(ReportFormat.Markdown);

    /// <summary>Renders the terminal summary.</summary>
    [Benchmark]
    public long WriteText() => Render(ReportFormat.Text);

    private long Render(ReportFormat format)
    {
        using var writer = new CountingWriter();
        ReportWriter.Write(_report, format, writer);
        return writer.Count;
    }

    /// <summary>A writer that only counts, so rendering is measured without the cost of keeping the output.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

        public override void Write(string? value) => Count += value?.Length ?? 0;

        public override void Write(char[] buffer, int index, int count) => Count += count;
    }
}
