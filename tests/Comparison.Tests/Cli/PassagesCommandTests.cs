using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class PassagesCommandTests
{
    [Fact]
    public async Task Passages_TxtFilesJson_PrintsTheContractWithSpansThatSliceBothTexts()
    {
        var a = Seeds.Get("002");
        var b = Seeds.Get("004");
        var (code, stdout, _) = await CliRun.Run("passages", Path.Combine(Seeds.Directory, a.Id + ".txt"), Path.Combine(Seeds.Directory, b.Id + ".txt"), "--format", "json");
        Assert.Equal(CliApplication.Success, code);
        using var json = JsonDocument.Parse(stdout);
        var passages = json.RootElement.GetProperty("passages").EnumerateArray().ToList();
        Assert.NotEmpty(passages);
        foreach (JsonElement passage in passages)
        {
            Assert.InRange(passage.GetProperty("similarity").GetDouble(), 0.5, 1.0);
            foreach ((string side, var document) in new[] { ("a", a), ("b", b) })
            {
                JsonElement span = passage.GetProperty(side);
                Assert.Equal(document.Id, span.GetProperty("document").GetString());
                int start = span.GetProperty("start").GetInt32();
                int end = span.GetProperty("end").GetInt32();
                Assert.Equal(document.Text[start..end], span.GetProperty("text").GetString());
            }
        }

        Assert.Contains(passages, p => p.GetProperty("a").GetProperty("text").GetString()!.Contains("extensive diplomacy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Passages_IdsInsideInput_FindsTheStatement()
    {
        var (code, stdout, _) = await CliRun.Run("passages", Seeds.Get("000").Id, Seeds.Get("002").Id, "--input", Seeds.Directory, "--format", "json");
        Assert.Equal(CliApplication.Success, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Contains(
            json.RootElement.GetProperty("passages").EnumerateArray(),
            p => p.GetProperty("b").GetProperty("text").GetString()!.Contains("territorial integrity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Passages_DefaultFormat_PrintsReadableList()
    {
        var (code, stdout, _) = await CliRun.Run("passages", Seeds.Get("003").Id, Seeds.Get("001").Id, "--input", Seeds.Directory);
        Assert.Equal(CliApplication.Success, code);
        Assert.StartsWith("003_d5e074fcf22a0365 and 001_3a2cba1ca00c7316 share 0 passages.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passages_UnknownId_ExitsWithBadInputNamingTheInput()
    {
        var (code, _, stderr) = await CliRun.Run("passages", "nope", Seeds.Get("001").Id, "--input", Seeds.Directory);
        Assert.Equal(CliApplication.BadInput, code);
        Assert.Contains("nope", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passages_BadMinSimilarity_IsAUsageError()
    {
        var (code, _, _) = await CliRun.Run("passages", "a.txt", "b.txt", "--min-similarity", "2");
        Assert.Equal(CliApplication.UsageError, code);
    }
}
