using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class DiscrepanciesCommandTests
{
    [Fact]
    public async Task Discrepancies_SeedsJson_FollowsTheContract()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CliApplication.RunAsync(["discrepancies", Seeds.Directory, "--format", "json"], stdout, stderr);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        var list = json.RootElement.GetProperty("discrepancies").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        string[] kinds = ["number", "date", "attribution", "quote", "name"];
        var docs = Seeds.Load().ToDictionary(d => d.Id);
        foreach (var d in list)
        {
            Assert.Contains(d.GetProperty("kind").GetString(), kinds);
            Assert.False(string.IsNullOrEmpty(d.GetProperty("subject").GetString()));
            Assert.Equal(JsonValueKind.Number, d.GetProperty("cluster").ValueKind);
            foreach (var m in d.GetProperty("mentions").EnumerateArray())
            {
                string text = docs[m.GetProperty("document").GetString()!].Text;
                int start = m.GetProperty("start").GetInt32();
                int end = m.GetProperty("end").GetInt32();
                Assert.Equal(m.GetProperty("text").GetString(), text[start..end]);
                Assert.True(m.TryGetProperty("value", out _));
                Assert.True(m.TryGetProperty("qualifier", out _));
            }
        }

        var troops = list.Single(d => d.GetProperty("kind").GetString() == "number" && d.GetProperty("mentions").EnumerateArray().Any(m => m.GetProperty("text").GetString() == "over 90,000"));
        var mentions = troops.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Contains(mentions, m => m.GetProperty("text").GetString() == "more than 100,000" && m.GetProperty("value").GetDouble() == 100000 && m.GetProperty("qualifier").GetString() == "more than");
    }

    [Fact]
    public async Task Discrepancies_SameInputTwice_ByteIdenticalJson()
    {
        async Task<string> Run()
        {
            var stdout = new StringWriter();
            await CliApplication.RunAsync(["discrepancies", Seeds.Directory, "--format", "json", "--claims"], stdout, new StringWriter());
            return stdout.ToString();
        }

        Assert.Equal(await Run(), await Run());
    }

    [Fact]
    public async Task Discrepancies_TextFormat_PrintsTheMentions()
    {
        var stdout = new StringWriter();
        int code = await CliApplication.RunAsync(["discrepancies", Seeds.Directory], stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("\"over 90,000\"", stdout.ToString(), StringComparison.Ordinal);
    }
}
