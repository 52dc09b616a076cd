using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class DuplicatesCommandTests
{
    [Fact]
    public async Task Duplicates_JsonFormat_PrintsTheContract()
    {
        string dir = CorpusWithCopies();
        try
        {
            var (code, stdout, _) = await Run("duplicates", dir, "--threshold", "0.8", "--format", "json");
            Assert.Equal(CliApplication.Success, code);
            using var json = JsonDocument.Parse(stdout);
            JsonElement root = json.RootElement;
            Assert.Equal(0.8, root.GetProperty("threshold").GetDouble());
            var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
            Assert.Equal(6, pairs.Count);
            foreach (JsonElement pair in pairs)
            {
                Assert.StartsWith("000", pair.GetProperty("a").GetString(), StringComparison.Ordinal);
                Assert.InRange(pair.GetProperty("estimatedJaccard").GetDouble(), 0.6, 1.0);
                Assert.InRange(pair.GetProperty("jaccard").GetDouble(), 0.8, 1.0);
            }

            var groups = root.GetProperty("groups").EnumerateArray().Select(g => g.EnumerateArray().Select(e => e.GetString()).ToList()).ToList();
            var group = Assert.Single(groups);
            Assert.Equal(["000_c0bece66e7eef6fe", "000_copy_a", "000_copy_b", "000_copy_c"], group);
            Assert.Equal(8, root.GetProperty("documents").GetInt32());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Duplicates_SameInputTwice_ByteIdenticalJson()
    {
        string dir = CorpusWithCopies();
        try
        {
            string[] args = ["duplicates", dir, "--format", "json", "--scheme", "one-permutation", "--permutations", "64", "--seed", "7", "--shingle-size", "4"];
            var first = await Run(args);
            var second = await Run(args);
            Assert.Equal(CliApplication.Success, first.Code);
            Assert.Equal(first.Stdout, second.Stdout);
            Assert.Contains("\"permutations\":64", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"shingleSize\":4", first.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Duplicates_TextFormat_IsReadable()
    {
        string dir = CorpusWithCopies();
        try
        {
            var (code, stdout, _) = await Run("duplicates", dir);
            Assert.Equal(CliApplication.Success, code);
            Assert.StartsWith("8 documents: 6 near-duplicate pairs at Jaccard >= 0.8 (exact verification), 1 groups.", stdout, StringComparison.Ordinal);
            Assert.Contains("1. 000_c0bece66e7eef6fe, 000_copy_a, 000_copy_b, 000_copy_c", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Duplicates_Seeds_NoFalseDuplicates()
    {
        var (code, stdout, _) = await Run("duplicates", Seeds.Directory, "--format", "json", "--verify", "estimated");
        Assert.Equal(CliApplication.Success, code);
        Assert.StartsWith("{\"threshold\":0.8,\"pairs\":[],\"groups\":[]", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--permutations", "0")]
    [InlineData("--scheme", "magic")]
    [InlineData("--shingle-size", "0")]
    public async Task Duplicates_BadOption_UsageError(string option, string value)
    {
        var (code, _, stderr) = await Run("duplicates", Seeds.Directory, option, value);
        Assert.Equal(CliApplication.UsageError, code);
        Assert.NotEmpty(stderr);
    }

    private static string CorpusWithCopies() => Corpora.SeedsWithCopies();

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
