using System.CommandLine;
using System.Globalization;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Vectors;
using SharedPassage = Comparison.Vectors.SharedPassage;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison passages A B</c>: the passages two articles share, with offsets in both.</summary>
internal static class PassagesCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("A") { Description = "The first article: a .txt file, or a document id inside --input." };
        var second = new Argument<string>("B") { Description = "The second article: a .txt file, or a document id inside --input." };
        var input = new Option<string?>("--input", "-i") { Description = "A corpus (directory of .txt files or .jsonl file) in which A and B are document ids." };
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var minSimilarity = CliCommon.InRange(new Option<double>("--min-similarity") { Description = "The least similarity (matched words over all words of the two copies) a passage needs, in [0, 1].", DefaultValueFactory = _ => PassageAlignerOptions.Default.MinSimilarity }, 0.0, 1.0);
        var command = new Command("passages", "Find the passages two articles share (wire copy, the same quoted statement), as offsets in both texts.")
        {
            first, second, input, format, output, minSimilarity,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            double min = parse.GetValue(minSimilarity);
            (Document a, Document b) = Resolve(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(input), cancellationToken);
            var aligner = new PassageAligner(PassageAlignerOptions.Default with { MinSimilarity = min });
            var passages = aligner.Align(a, b, cancellationToken);
            CliCommon.WriteResult(parse, parse.GetValue(output), parse.GetValue(format) == "json", () => ToJson(a, b, passages), writer => WriteText(writer, a, b, passages));
            return Task.FromResult(CliApplication.Success);
        });
        return command;
    }

    private static (Document A, Document B) Resolve(string a, string b, string? input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return (DocumentReader.ReadTextFile(a), DocumentReader.ReadTextFile(b));
        }

        IReadOnlyList<Document> documents = CliCommon.ReadInput(input, cancellationToken);
        return (Find(a), Find(b));

        Document Find(string id) =>
            documents.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal))
            ?? throw new DocumentFormatException(input, 0, $"no document with id '{id}'.");
    }

    /// <summary>
    /// The contract's JSON, {"passages":[{"similarity","matchedWords","a":{"document","start","end","text"},"b":{...}}]}:
    /// the report's passages section, written by the one JSON writer.
    /// </summary>
    internal static string ToJson(Document a, Document b, IReadOnlyList<SharedPassage> passages)
    {
        var report = new ComparisonResult([a, b])
        {
            Passages = StageResult.Ran(new PassagesSection([.. passages.Select(p => new DocumentPassage(a.Id, b.Id, p))])),
        };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        JsonReportWriter.WriteSection(report, ReportSection.Passages, writer);
        return writer.ToString().TrimEnd('\n');
    }

    private static void WriteText(TextWriter writer, Document a, Document b, IReadOnlyList<SharedPassage> passages)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"{a.Id} and {b.Id} share {passages.Count} passage{(passages.Count == 1 ? "" : "s")}."));
        for (int i = 0; i < passages.Count; i++)
        {
            SharedPassage p = passages[i];
            writer.WriteLine();
            writer.WriteLine(string.Create(c, $"{i + 1}. similarity {p.Similarity:0.00}, {p.MatchedTerms} matched words"));
            writer.Write(string.Create(c, $"   {a.Id} {p.A}: "));
            writer.WriteLine(a.Text.AsSpan(p.A.Start, p.A.Length));
            writer.Write(string.Create(c, $"   {b.Id} {p.B}: "));
            writer.WriteLine(b.Text.AsSpan(p.B.Start, p.B.Length));
        }
    }
}
