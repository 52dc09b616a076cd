using Comparison.Cli;
using Comparison.Tests.Support;

namespace Comparison.Tests.Cli;

/// <summary>Conventions every command follows: one clean error line, the exit codes of DESIGN.md, --version.</summary>
public class CliConventionsTests
{
    [Theory]
    [InlineData("duplicates", "--threshold", "1.5", "error: --threshold 1.5 is out of range: expected a number in (0, 1). Run 'comparison duplicates --help' for usage.")]
    [InlineData("analyze", "--threshold", "0", "error: --threshold 0 is out of range: expected a number in (0, 1). Run 'comparison analyze --help' for usage.")]
    [InlineData("cluster", "-k", "0", "error: --permutations 0 is out of range: expected a whole number in [1, 65536]. Run 'comparison cluster --help' for usage.")]
    [InlineData("similarity", "--shingle-size", "65", "error: --shingle-size 65 is out of range: expected a whole number in [1, 64]. Run 'comparison similarity --help' for usage.")]
    [InlineData("analyze", "--matrix-max", "-1", "error: --matrix-max -1 is out of range: expected a whole number in [0, 2000]. Run 'comparison analyze --help' for usage.")]
    [InlineData("duplicates", "--threshold", "abc", "error: --threshold 'abc' is not a number: expected a number in (0, 1). Run 'comparison duplicates --help' for usage.")]
    [InlineData("cluster", "--seed", "-1", "error: --seed '-1' is not a whole number: expected a whole number in [0, 18446744073709551615]. Run 'comparison cluster --help' for usage.")]
    [InlineData("analyze", "--format", "nope", "error: --format 'nope' is not allowed: expected one of text, json, markdown, html. Run 'comparison analyze --help' for usage.")]
    [InlineData("similarity", "--format", "html", "error: --format 'html' is not allowed: expected one of text, json. Run 'comparison similarity --help' for usage.")]
    [InlineData("duplicates", "--verify", "maybe", "error: --verify 'maybe' is not allowed: expected one of exact, estimated. Run 'comparison duplicates --help' for usage.")]
    [InlineData("discrepancies", "--scheme", "magic", "error: --scheme 'magic' is not allowed: expected one of classic, one-permutation. Run 'comparison discrepancies --help' for usage.")]
    public async Task BadOptionValue_OneLineNamingOptionAndRange_Exit2(string command, string option, string value, string expected)
    {
        var (code, stdout, stderr) = await CliRun.Run(command, Seeds.Directory, option, value);
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(expected + "\n", stderr);
    }

    [Fact]
    public async Task PassagesMinSimilarity_OutOfRange_OneLine_Exit2()
    {
        var (code, _, stderr) = await CliRun.Run("passages", "a.txt", "b.txt", "--min-similarity", "2");
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --min-similarity 2 is out of range: expected a number in [0, 1].", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_OneLine_Exit2()
    {
        var (code, _, stderr) = await CliRun.Run("evaluate", Seeds.Directory);
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("--gold", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_OneErrorLineNamingIt_Exit2()
    {
        var (code, stdout, stderr) = await CliRun.Run("analyse", Seeds.Directory);
        Assert.Equal(CliApplication.UsageError, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("'analyse'", stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'comparison --help' for usage.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion_Exit0()
    {
        var (code, stdout, stderr) = await CliRun.Run("--version");
        Assert.Equal(CliApplication.Success, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Fact]
    public async Task ErrorMessages_ControlCharactersInPathsOrArguments_AreEscaped()
    {
        string missing = "/nonexistent/\u001B]0;owned\u0007\u001B[2J\rcorpus";
        var (code, _, stderr) = await CliRun.Run("analyze", missing);
        Assert.Equal(CliApplication.BadInput, code);
        Assert.Equal("error: No file or directory at '/nonexistent/\\x1B]0;owned\\x07\\x1B[2J\\x0Dcorpus'.\n", stderr);

        var (usage, _, usageErr) = await CliRun.Run("\u001B[2Jx");
        Assert.Equal(CliApplication.UsageError, usage);
        Assert.DoesNotContain('\u001B', usageErr);
        Assert.Contains("\\x1B[2Jx", usageErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextOutput_ControlCharactersInIds_AreEscaped()
    {
        string jsonl = "{\"id\":\"a\\u001b]0;owned\\u0007\",\"text\":\"Officials said 12 ships were seen.\\u001b[2J\\u009b31m\\u007f\"}\n{\"id\":\"b\\r\\b\",\"text\":\"Officials said 14 ships were seen.\"}\n";
        foreach (string command in new[] { "analyze", "duplicates", "cluster", "similarity", "discrepancies" })
        {
            foreach (string format in new[] { "text", "json" })
            {
                var (code, stdout, stderr) = await CliRun.RunWithInput(jsonl, command, "-", "--format", format);
                Assert.True(code == CliApplication.Success, command + ": " + stderr);
                Assert.DoesNotContain(stdout, c => Comparison.Reports.TerminalText.IsControl(c) && c != '\n');
            }
        }

        var (_, clusters, _) = await CliRun.RunWithInput(jsonl, "cluster", "-");
        Assert.Contains("a\\x1B]0;owned\\x07", clusters, StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryMessage_DropsTheParameterNameAndActualValue()
    {
        var ex = new ArgumentOutOfRangeException("Threshold", 1.5, "Threshold must be in (0, 1).");
        Assert.Equal("Threshold must be in (0, 1).", CliApplication.LibraryMessage(ex));
        Assert.Equal("plain", CliApplication.LibraryMessage(new ArgumentException("plain")));
    }
}
