using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class SimilarityCommandTests
{
    [Fact]
    public async Task Similarity_JsonFormat_PrintsTheContract()
    {
        var (code, stdout, _) = await CliRun.Run("similarity", Seeds.Directory, "--format", "json");
        Assert.Equal(CliApplication.Success, code);
        using var json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        var ids = root.GetProperty("documents").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(Seeds.Load().Select(d => d.Id), ids);
        foreach (string name in new[] { "cosine", "jaccard" })
        {
            var rows = root.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            Assert.Equal(5, rows.Length);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(5, rows[i].Length);
                Assert.Equal(1.0, rows[i][i]);
                for (int j = 0; j < 5; j++)
                {
                    Assert.Equal(rows[i][j], rows[j][i]);
                    Assert.InRange(rows[i][j], 0.0, 1.0);
                }
            }
        }

        // 002 and 000 report the same call and statement: more alike in content than 000 and 003.
        var cosine = root.GetProperty("cosine");
        Assert.True(cosine[0][2].GetDouble() > cosine[0][3].GetDouble());
    }

    [Fact]
    public async Task Similarity_DefaultFormat_PrintsATable()
    {
        var (code, stdout, _) = await CliRun.Run("similarity", Seeds.Directory);
        Assert.Equal(CliApplication.Success, code);
        Assert.Contains("TF-IDF cosine", stdout, StringComparison.Ordinal);
        Assert.Contains("004_74920431d6da8e37", stdout, StringComparison.Ordinal);
        Assert.Equal(7, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Similarity_SameInputTwice_ByteIdenticalJson()
    {
        var first = await CliRun.Run("similarity", Seeds.Directory, "--format", "json");
        var second = await CliRun.Run("similarity", Seeds.Directory, "--format", "json");
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task Similarity_MissingInput_ExitsWithBadInput()
    {
        var (code, _, stderr) = await CliRun.Run("similarity", "/nonexistent/corpus");
        Assert.Equal(CliApplication.BadInput, code);
        Assert.Contains("/nonexistent/corpus", stderr, StringComparison.Ordinal);
    }
}
