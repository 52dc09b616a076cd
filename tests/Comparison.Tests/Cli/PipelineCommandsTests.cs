using System.Text.Json;
using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

/// <summary>
/// Every command that shows one stage is a view of the one pipeline: it prints exactly what that section of
/// <c>analyze --format json</c> holds for the same input and options, through the one JSON writer.
/// </summary>
public sealed class PipelineCommandsTests : IDisposable
{
    private readonly string _corpus = Corpora.SeedsWithCopies();

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    public static TheoryData<string> PipelineCommands() => new() { "analyze", "duplicates", "cluster", "similarity", "discrepancies" };

    public static TheoryData<string[]> OptionSets() => new()
    {
        Array.Empty<string>(),
        new[] { "--threshold", "0.7", "-k", "64", "--scheme", "one-permutation", "--seed", "7", "--shingle-size", "4", "--verify", "estimated" },
        new[] { "--shingle-kind", "character", "--shingle-size", "9", "--permutations", "96" },
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public async Task Commands_SameInputAndOptions_PrintExactlyTheirSectionOfAnalyze(string[] options)
    {
        var (code, analyzeOut, _) = await CliRun.Run(["analyze", _corpus, "--format", "json", .. options]);
        Assert.Equal(CliApplication.Success, code);
        using var analyze = JsonDocument.Parse(analyzeOut);
        JsonElement root = analyze.RootElement;
        Assert.NotEmpty(root.GetProperty("duplicates").GetProperty("pairs").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("discrepancies").EnumerateArray());

        // Byte for byte: the raw text of each section as analyze wrote it.
        Assert.Equal(root.GetProperty("duplicates").GetRawText() + "\n", await Json("duplicates", options));
        Assert.Equal(root.GetProperty("similarity").GetRawText() + "\n", await Json("similarity", options));
        Assert.Equal("{\"clusters\":" + root.GetProperty("clusters").GetRawText() + "}\n", await Json("cluster", options));
        Assert.Equal(
            "{\"discrepancies\":" + root.GetProperty("discrepancies").GetRawText() + ",\"claims\":" + root.GetProperty("claims").GetRawText()
                + ",\"coverage\":" + root.GetProperty("coverage").GetRawText() + "}\n",
            await Json("discrepancies", options));
    }

    [Fact]
    public async Task Passages_SamePairAsAnalyze_SamePassageObjects()
    {
        var (_, analyzeOut, _) = await CliRun.Run("analyze", Seeds.Directory, "--format", "json");
        using var analyze = JsonDocument.Parse(analyzeOut);
        JsonElement first = analyze.RootElement.GetProperty("passages")[0];
        string a = first.GetProperty("a").GetProperty("document").GetString()!;
        string b = first.GetProperty("b").GetProperty("document").GetString()!;
        var expected = analyze.RootElement.GetProperty("passages").EnumerateArray()
            .Where(p => p.GetProperty("a").GetProperty("document").GetString() == a && p.GetProperty("b").GetProperty("document").GetString() == b)
            .Select(p => p.GetRawText());

        var (code, stdout, _) = await CliRun.Run("passages", a, b, "--input", Seeds.Directory, "--format", "json");
        Assert.Equal(CliApplication.Success, code);
        using var passages = JsonDocument.Parse(stdout);
        Assert.Equal(expected, passages.RootElement.GetProperty("passages").EnumerateArray().Select(p => p.GetRawText()));
    }

    [Fact]
    public async Task Passages_And_Discrepancies_Text_UseTheOneSpanNotation()
    {
        var (_, passages, _) = await CliRun.Run("passages", Seeds.Get("000").Id, Seeds.Get("002").Id, "--input", Seeds.Directory);
        Assert.Matches(@"000_c0bece66e7eef6fe \[\d+\.\.\d+\): ", passages);
        Assert.DoesNotMatch(@"\[\d+-\d+\]", passages);
        var (_, discrepancies, _) = await CliRun.Run("discrepancies", Seeds.Directory);
        Assert.Matches(@"000_c0bece66e7eef6fe \[1313\.\.1324\) ""over 90,000""", discrepancies);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("duplicates")]
    [InlineData("cluster")]
    [InlineData("similarity")]
    [InlineData("discrepancies")]
    [InlineData("evaluate", "--gold", "cluster")]
    public async Task Command_DashReadsJsonLinesFromStdin_SameOutputAsTheFolder(string command, params string[] extra)
    {
        string jsonl = SeedsAsJsonLines();
        string path = Path.Combine(Path.GetTempPath(), "stdin-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, jsonl);
        try
        {
            var fromFile = await CliRun.Run([command, path, "--format", "json", .. extra]);
            var fromStdin = await CliRun.RunWithInput(jsonl, [command, "-", "--format", "json", .. extra]);
            Assert.Equal(CliApplication.Success, fromFile.Code);
            Assert.Equal(string.Empty, fromStdin.Stderr);
            Assert.Equal(CliApplication.Success, fromStdin.Code);
            Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    public async Task Analyze_JsonStreamsItsInput_SameReportAsTheComparisonInMemory(string matrixMax)
    {
        // The in-memory comparison and its JSON report, as analyze wrote it before it streamed.
        var options = NewsComparerOptions.Default with { SimilarityMatrixMaxDocuments = int.Parse(matrixMax, System.Globalization.CultureInfo.InvariantCulture) };
        ComparisonResult held = new NewsComparer(options).Compare([.. global::Comparison.Documents.DocumentReader.ReadDirectory(_corpus)]);
        using var expected = new StringWriter();
        global::Comparison.Reports.JsonReportWriter.Write(held, expected);
        Assert.NotEmpty(held.Passages.Value.Passages);

        var fromFolder = await CliRun.Run("analyze", _corpus, "--format", "json", "--matrix-max", matrixMax);
        Assert.Equal(CliApplication.Success, fromFolder.Code);
        Assert.Equal(expected.ToString(), fromFolder.Stdout);

        string jsonl = string.Concat(global::Comparison.Documents.DocumentReader.ReadDirectory(_corpus).Select(d =>
            JsonSerializer.Serialize(new { id = d.Id, text = d.Text, date = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }) + "\n"));
        var fromStdin = await CliRun.RunWithInput(jsonl, "analyze", "-", "--format", "json", "--matrix-max", matrixMax);
        Assert.Equal(string.Empty, fromStdin.Stderr);
        Assert.Equal(CliApplication.Success, fromStdin.Code);
        Assert.Equal(expected.ToString(), fromStdin.Stdout);
    }

    [Fact]
    public void SpooledStandardInput_EveryPassReadsTheSameDocuments_ThenTheFileIsDeleted()
    {
        string jsonl = SeedsAsJsonLines();
        CliCommon.Use(new StringReader(jsonl), TextWriter.Null);
        string spooled = CliCommon.SpoolStandardInput(CancellationToken.None);
        try
        {
            IEnumerable<global::Comparison.Documents.Document> documents = CliCommon.ReadSpooledStandardInput(spooled);
            string[] first = [.. documents.Select(d => d.Id + "\n" + d.Text)];
            string[] second = [.. documents.Select(d => d.Id + "\n" + d.Text)];
            string[] expected = [.. global::Comparison.Documents.DocumentReader.ReadJsonLines(new StringReader(jsonl), "stdin").Select(d => d.Id + "\n" + d.Text)];
            Assert.Equal(5, expected.Length);
            Assert.Equal(expected, first);
            Assert.Equal(expected, second);
        }
        finally
        {
            CliCommon.DeleteSpool(spooled);
        }

        Assert.False(File.Exists(spooled));
    }

    [Fact]
    public async Task Passages_InputDash_FindsIdsInStdin()
    {
        var (code, stdout, stderr) = await CliRun.RunWithInput(SeedsAsJsonLines(), "passages", Seeds.Get("000").Id, Seeds.Get("002").Id, "--input", "-", "--format", "json");
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(CliApplication.Success, code);
        Assert.Contains("territorial integrity", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_BadLine_Exit1NamingStdinAndTheLine()
    {
        var (code, stdout, stderr) = await CliRun.RunWithInput("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\n", "cluster", "-");
        Assert.Equal(CliApplication.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: stdin:2: ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PipelineCommands))]
    public async Task Commands_ShareOptionsAndDefaults(string command)
    {
        var (code, help, _) = await CliRun.Run(command, "--help");
        Assert.Equal(CliApplication.Success, code);
        foreach (string option in new[] { "--threshold", "--shingle-size", "--shingle-kind", "-k, --permutations", "--seed", "--scheme", "--verify", "--quiet", "--output" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }

        Assert.Contains("[default: 0.8]", help, StringComparison.Ordinal);
        Assert.Contains("[default: exact]", help, StringComparison.Ordinal);
        Assert.Contains("[default: 128]", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_WithFilesThatAreNotTxt_WarnsNamingThem_AndReadsUpperCaseTxt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "skip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.Copy(Path.Combine(Seeds.Directory, Seeds.Get("000").Id + ".txt"), Path.Combine(dir, "a.TXT"));
            File.Copy(Path.Combine(Seeds.Directory, Seeds.Get("001").Id + ".txt"), Path.Combine(dir, "b.Txt"));
            await File.WriteAllTextAsync(Path.Combine(dir, "notes.md"), "notes");
            await File.WriteAllTextAsync(Path.Combine(dir, "x\u001B[2J.json"), "{}");
            var (code, stdout, stderr) = await CliRun.Run("cluster", dir, "--format", "json");
            Assert.Equal(CliApplication.Success, code);
            Assert.Contains("\"a\"", stdout, StringComparison.Ordinal);
            Assert.Contains("\"b\"", stdout, StringComparison.Ordinal);
            Assert.Equal($"warning: skipped 2 files in '{dir}' that are not .txt: notes.md, x\\x1B[2J.json\n", stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task<string> Json(string command, string[] options)
    {
        var (code, stdout, stderr) = await CliRun.Run([command, _corpus, "--format", "json", .. options]);
        Assert.True(code == CliApplication.Success, stderr);
        return stdout;
    }

    private static string SeedsAsJsonLines() => string.Concat(Seeds.Load().Select(d =>
        JsonSerializer.Serialize(new { id = d.Id, text = d.Text, date = d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cluster = d.Id.StartsWith("003", StringComparison.Ordinal) ? "b" : "a" }) + "\n"));
}
