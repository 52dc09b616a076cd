using System.Text.Json;
using Comparison.Cli;
using Comparison.Cli.Commands;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class IndexCommandTests
{
    [Fact]
    public async Task IndexAdd_MemoryStore_OneContractLinePerArticle_PairsOfDuplicates()
    {
        string file = WriteCorpus(out List<Document> corpus);
        try
        {
            var (code, stdout, stderr) = await CliRun.Run("index", "add", file, "--store", "memory", "--threshold", "0.8", "--verify", "exact", "--format", "json");

            Assert.True(code == CliApplication.Success, stderr);
            string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(corpus.Count, lines.Length);
            var pairs = new SortedSet<(string, string)>();
            for (int i = 0; i < lines.Length; i++)
            {
                using var json = JsonDocument.Parse(lines[i]);
                var properties = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(["id", "duplicates"], properties);
                Assert.Equal(corpus[i].Id, json.RootElement.GetProperty("id").GetString());
                foreach (JsonElement other in json.RootElement.GetProperty("duplicates").EnumerateArray())
                {
                    pairs.Add(SyntheticCorpus.Pair(corpus[i].Id, other.GetString()!));
                }
            }

            var expected = SyntheticCorpus.Pairs(DuplicateFinder.FindDuplicates(corpus, new DuplicateOptions { Verification = DuplicateVerification.Exact }));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, pairs);
            Assert.Matches("^\\{\"id\":\"[^\"]+\",\"duplicates\":\\[(\"[^\"]+\"(,\"[^\"]+\")*)?\\]\\}$", lines[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ToJsonLine_ExactShape()
    {
        Assert.Equal("{\"id\":\"a7\",\"duplicates\":[\"a2\",\"a5\"]}", IndexCommand.ToJsonLine(new IndexedDuplicates("a7", ["a2", "a5"])));
        Assert.Equal("{\"id\":\"a1\",\"duplicates\":[]}", IndexCommand.ToJsonLine(new IndexedDuplicates("a1", [])));
    }

    [Theory]
    [InlineData("--store", "http://127.0.0.1:6379")]
    [InlineData("--store", "redis://127.0.0.1:notaport")]
    [InlineData("--store", "redis://")]
    [InlineData("--name", "bad name")]
    [InlineData("--threshold", "1.5")]
    [InlineData("--verify", "maybe")]
    public async Task IndexAdd_BadOption_UsageError(string option, string value)
    {
        string file = WriteCorpus(out _);
        try
        {
            string[] args = option == "--store"
                ? ["index", "add", file, option, value]
                : ["index", "add", file, "--store", "memory", option, value];
            var (code, _, stderr) = await CliRun.Run(args);
            Assert.Equal(CliApplication.UsageError, code);
            Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task IndexQuery_WithoutStore_UsageError()
    {
        var (code, _, stderr) = await CliRun.Run("index", "query", "whatever.jsonl");
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Contains("--store", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexAdd_BadLine_ExitOneNamingFileAndLine()
    {
        string file = Path.Combine(Path.GetTempPath(), $"index-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, "{\"id\":\"a\",\"text\":\"one two three four five six\"}\n{\"id\":\"b\",\"text\":\n");
        try
        {
            var (code, _, stderr) = await CliRun.Run("index", "add", file, "--store", "memory");
            Assert.Equal(CliApplication.BadInput, code);
            Assert.Contains(Path.GetFileName(file), stderr, StringComparison.Ordinal);
            Assert.Contains("2", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string WriteCorpus(out List<Document> corpus)
    {
        corpus = SyntheticCorpus.Make(60, 30, seed: 5);
        string file = Path.Combine(Path.GetTempPath(), $"index-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, corpus.Select(d => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = d.Id, ["text"] = d.Text })));
        return file;
    }
}
