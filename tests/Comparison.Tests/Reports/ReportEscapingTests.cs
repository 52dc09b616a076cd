using System.Collections.Immutable;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Indexing;
using Comparison.Text;
using Comparison.Vectors;
using Comparison.Reports;

namespace Comparison.Tests.Reports;

/// <summary>
/// Identifiers, titles, sources and article text reach terminals and Markdown files: their control characters must be
/// shown, not obeyed, and nothing in them may break a Markdown table.
/// </summary>
public class ReportEscapingTests
{
    /// <summary>ESC ] 0 ; ... BEL sets the window title; ESC [ 2 J clears the screen; CR and BS overwrite what was shown.</summary>
    private const string Hostile = "evil\u001B]0;owned\u0007\u001B[2J\rfake\b|pipe`tick\nline\u009B31m";

    [Fact]
    public void Escape_ControlCharacters_BecomeVisibleHexEscapes()
    {
        Assert.Equal("a\\x1B[2Jb\\x07c\\x0Dd\\x08e\\x0Af\\x9Bg\\x7Fh", TerminalText.Escape("a\u001B[2Jb\u0007c\rd\be\nf\u009Bg\u007Fh"));
        Assert.Equal("a\nb\\x0D", TerminalText.Escape("a\nb\r", keepLineFeeds: true));
        string plain = "Kyiv \u2014 \u201Cquoted\u201D, caf\u00E9 \u0416";
        Assert.Same(plain, TerminalText.Escape(plain));
        Assert.Equal(string.Empty, TerminalText.Escape(null));
    }

    [Fact]
    public void TerminalTextWriter_EveryWritePath_EscapesButKeepsLineFeeds()
    {
        using var inner = new StringWriter();
        using (var writer = new TerminalTextWriter(inner))
        {
            writer.Write('\u001B');
            writer.Write("a\u0007\n");
            writer.Write("b\r".AsSpan());
            writer.Write(['c', '\b'], 0, 2);
            writer.WriteLine("d");
        }

        Assert.Equal("\\x1Ba\\x07\nb\\x0Dc\\x08d\n", inner.ToString());
    }

    [Fact]
    public void TerminalTextWriter_LineEndsAreTheInnerWritersOwn_AndLeaveOpenIsHonoured()
    {
        using var inner = new StringWriter { NewLine = "\r\n" };
        using (var writer = new TerminalTextWriter(inner))
        {
            writer.WriteLine("a\r");
            writer.WriteLine();
        }

        Assert.Equal("a\\x0D\r\n\r\n", inner.ToString());
        inner.Write('x');

        var closed = new StringWriter();
        new TerminalTextWriter(closed, leaveOpen: false).Dispose();
        Assert.Throws<ObjectDisposedException>(() => closed.Write('x'));
    }

    [Fact]
    public void TextReport_HostileIdTitleAndSource_NoControlCharacterReachesTheOutput()
    {
        string text = Render(TextReportWriter.Write);
        Assert.DoesNotContain(text, c => TerminalText.IsControl(c) && c != '\n');
        Assert.Contains("evil\\x1B]0;owned\\x07\\x1B[2J\\x0Dfake\\x08", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_HostileId_NoControlCharacterAndEveryTableRowKeepsItsCells()
    {
        string markdown = Render(MarkdownReportWriter.Write);
        Assert.DoesNotContain(markdown, c => TerminalText.IsControl(c) && c != '\n');
        Assert.Contains("\\x1B]0;owned\\x07", markdown, StringComparison.Ordinal);

        // Every row of a table has as many unescaped pipes as its header row: no id, title or text adds a cell.
        string[] lines = markdown.Split('\n');
        int tables = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
            {
                continue;
            }

            tables++;
            int cells = Pipes(lines[i]);
            for (int j = i + 1; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                Assert.True(cells == Pipes(lines[j]), $"row {j}: {lines[j]}");
            }
        }

        Assert.True(tables >= 3, markdown);
    }

    [Fact]
    public void MarkdownReport_IdWithPipeInATableCell_IsEscapedInsideTheCodeSpan()
    {
        string markdown = Render(MarkdownReportWriter.Write);
        Assert.Contains("fake\\x08\\|pipe'tick line\\x9B31m`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReport_HostileId_NoControlCharacterButWhiteSpace()
    {
        string html = Render(HtmlReportWriter.Write);
        Assert.DoesNotContain(html, c => TerminalText.IsControl(c) && c is not ('\n' or '\t' or '\r'));
        Assert.Contains("evil\uFFFD]0;owned\uFFFD", html, StringComparison.Ordinal);
    }

    private static int Pipes(string row)
    {
        int count = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))
            {
                count++;
            }
        }

        return count;
    }

    private static string Render(Action<ComparisonResult, TextWriter> write)
    {
        using var writer = new StringWriter();
        write(Report(), writer);
        return writer.ToString();
    }

    private static ComparisonResult Report()
    {
        var hostile = new Document(Hostile, "Officials said 12 ships\u001B[2J were seen | near the port.") { Title = "Title\u001B]0;x\u0007|t", Source = "Src\r\u0008|s" };
        var other = new Document("plain", "Officials said 14 ships were seen near the port.");
        ImmutableArray<Document> documents = [hostile, other];
        ReportMention Mention(Document d, string text, double value) =>
            new(d.Id, d.Text.IndexOf(text, StringComparison.Ordinal), d.Text.IndexOf(text, StringComparison.Ordinal) + text.Length, text) { Number = value };
        var a = Mention(hostile, "12 ships", 12);
        var b = Mention(other, "14 ships", 14);
        return new ComparisonResult(documents)
        {
            Duplicates = StageResult.Ran(new DuplicatesSection(0.8, [new DuplicatePair<string>(Hostile, "plain", 0.9, 0.85)], [[Hostile, "plain"]])),
            Clusters = StageResult.Ran(new ClustersSection([new ReportCluster(0, [Hostile, "plain"], "ships\u001B[31m | port", Hostile)])),
            Similarity = StageResult.Ran(new SimilaritySection([Hostile, "plain"], [1, 0.5, 0.5, 1], [])),
            Passages = StageResult.Ran(new PassagesSection([new DocumentPassage(Hostile, "plain", new SharedPassage(new TextSpan(0, 14), new TextSpan(0, 14), 0.9, 2))])),
            Discrepancies = StageResult.Ran(new DiscrepanciesSection(
                [new ReportDiscrepancy(DiscrepancyKind.Number, "ships | seen\u0007", 0, DiscrepancyRelation.Contradiction, DiscrepancySeverity.High, [a, b])],
                [new SourceClaim(0, DiscrepancyKind.Number, "ships\u001B", a)],
                [new FactCoverage(0, DiscrepancyKind.Number, "ships | seen", [a, b], Disagrees: true)])),
        };
    }
}
