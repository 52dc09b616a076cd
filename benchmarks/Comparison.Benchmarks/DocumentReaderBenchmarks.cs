using System.Text;
using BenchmarkDotNet.Attributes;
using Comparison.Documents;

namespace Comparison.Benchmarks;

/// <summary>Reading JSON Lines input: the first step of every command-line run on a large corpus.</summary>
[MemoryDiagnoser]
public class DocumentReaderBenchmarks
{
    private byte[] _jsonl = [];

    /// <summary>Number of documents in the stream.</summary>
    [Params(2_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var sb = new StringBuilder();
        string[] words = ["the", "troops", "border", "said", "minister", "on", "Thursday", "\u201Cquoted\u201D", "90,000", "talks"];
        for (int i = 0; i < Documents; i++)
        {
            sb.Append("{\"id\":\"doc").Append(i).Append("\",\"date\":\"2021-12-30\",\"source\":\"wire\",\"text\":\"");
            for (int w = 0; w < 600; w++)
            {
                sb.Append(words[random.Next(words.Length)]).Append(' ');
            }

            sb.Append("\"}\n");
        }

        _jsonl = Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Parses every line into a <see cref="Document"/>; throughput is bytes / time.</summary>
    [Benchmark]
    public int ReadJsonLines()
    {
        int n = 0;
        foreach (Document d in DocumentReader.ReadJsonLines(new MemoryStream(_jsonl, writable: false), "bench.jsonl"))
        {
            n += d.Text.Length;
        }

        return n;
    }
}
