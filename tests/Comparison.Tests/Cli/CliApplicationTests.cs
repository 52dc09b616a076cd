using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

public class CliApplicationTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await CliApplication.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Analyze_MatrixMaxOverItsMaximum_UsageErrorAndNoOutputFile()
    {
        string folder = Directory.CreateTempSubdirectory("cli-matrix-").FullName;
        try
        {
            string report = Path.Combine(folder, "report.json");
            var (code, _, err) = await Run("analyze", Seeds.Directory, "--matrix-max", "10000", "--format", "json", "--output", report);
            Assert.Equal(CliApplication.UsageError, code);
            Assert.Contains("2000", err, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteFileAtomically_WriterFails_NoPartialFileAndOldFileKept()
    {
        string folder = Directory.CreateTempSubdirectory("cli-atomic-").FullName;
        try
        {
            string path = Path.Combine(folder, "report.html");
            Assert.Throws<InsufficientMemoryException>(() => CliCommon.WriteFileAtomically(path, w =>
            {
                w.Write(new string('x', 100_000));
                throw new InsufficientMemoryException();
            }));
            Assert.Empty(Directory.GetFileSystemEntries(folder));

            File.WriteAllText(path, "the previous report");
            Assert.Throws<IOException>(() => CliCommon.WriteFileAtomically(path, w =>
            {
                w.Write("half");
                throw new IOException("disk full");
            }));
            Assert.Equal("the previous report", File.ReadAllText(path));
            Assert.Single(Directory.GetFileSystemEntries(folder));

            CliCommon.WriteFileAtomically(path, w => w.Write("the new report"));
            Assert.Equal("the new report", File.ReadAllText(path));
            Assert.Single(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Analyze_BadJsonLine_Exit1NamingFileAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), "cli-bad-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\n");
        try
        {
            var (code, output, err) = await Run("analyze", path);
            Assert.Equal(CliApplication.BadInput, code);
            Assert.Contains(path + ":2:", err, StringComparison.Ordinal);
            Assert.Equal(string.Empty, output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Analyze_UnknownFormat_Exit2WithHint()
    {
        var (code, _, err) = await Run("analyze", Seeds.Directory, "--format", "xml");
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Contains("--help", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OptionOutOfRange_Exit2NamingOption()
    {
        var (code, _, err) = await Run("analyze", Seeds.Directory, "--threshold", "3");
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Contains("--threshold", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Help_Exit0()
    {
        var (code, output, _) = await Run("analyze", "--help");
        Assert.Equal(CliApplication.Success, code);
        Assert.Contains("--format", output, StringComparison.Ordinal);
        Assert.Contains("--quiet", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comparison [command] [options]")]
    [InlineData("comparison cluster <INPUT> [options]", "cluster")]
    public async Task Help_UsageLine_NamesTheInstalledCommand(string usage, params string[] command)
    {
        var (code, output, _) = await Run([.. command, "--help"]);
        Assert.Equal(CliApplication.Success, code);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Comparison.Cli", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_Exit2WithHintNamingTheCommand()
    {
        var (code, output, err) = await Run();
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Run 'comparison --help' for usage.", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OutputExtension_ChoosesFormatAndKeepsStdoutEmpty()
    {
        string path = Path.Combine(Path.GetTempPath(), "cli-report-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            var (code, output, err) = await Run("analyze", Seeds.Directory, "--output", path);
            Assert.Equal(CliApplication.Success, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(string.Empty, err);
            Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Analyze_Json_ByteIdenticalRunToRun()
    {
        var first = await Run("analyze", Seeds.Directory, "--format", "json");
        var second = await Run("analyze", Seeds.Directory, "--format", "json");
        Assert.Equal(CliApplication.Success, first.Code);
        Assert.StartsWith("{\"documents\":[", first.Out, StringComparison.Ordinal);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task Analyze_Cancelled_Exit130()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        int code = await CliApplication.RunAsync(["analyze", Seeds.Directory], stdout, stderr, cts.Token);
        Assert.Equal(CliApplication.Cancelled, code);
        Assert.Contains("cancelled", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveFormat_ExplicitThenExtensionThenText()
    {
        string[] allowed = ["text", "json", "markdown", "html"];
        Assert.Equal("json", CliCommon.ResolveFormat("json", "x.html", allowed));
        Assert.Equal("html", CliCommon.ResolveFormat(null, "x.HTML", allowed));
        Assert.Equal("markdown", CliCommon.ResolveFormat(null, "x.md", allowed));
        Assert.Equal("text", CliCommon.ResolveFormat(null, "x.dat", allowed));
        Assert.Equal("text", CliCommon.ResolveFormat(null, null, allowed));
        Assert.Equal("text", CliCommon.ResolveFormat(null, "x.html", ["text", "json"]));
    }
}
