using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Vectors;

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
        var minSimilarity = new Option<double>("--min-similarity") { Description = "The least similarity (matched words over all words of the two copies) a passage needs, in [0, 1].", DefaultValueFactory = _ => PassageAlignerOptions.Default.MinSimilarity };
        var command = new Command("passages", "Find the passages two articles share (wire copy, the same quoted statement), as offsets in both texts.")
        {
            first, second, input, format, output, minSimilarity,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            double min = parse.GetValue(minSimilarity);
            if (!(min >= 0 && min <= 1))
            {
                throw new UsageException($"--min-similarity {min.ToString(CultureInfo.InvariantCulture)} must be in [0, 1].");
            }

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

    /// <summary>The contract's JSON, {"passages":[{"similarity","a":{"document","start","end","text"},"b":{...}}]}.</summary>
    internal static string ToJson(Document a, Document b, IReadOnlyList<SharedPassage> passages)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("passages");
            foreach (SharedPassage passage in passages)
            {
                json.WriteStartObject();
                json.WriteNumber("similarity", Math.Round(passage.Similarity, 6));
                json.WriteNumber("matchedWords", passage.MatchedTerms);
                WriteSide(json, "a", a, passage.A);
                WriteSide(json, "b", b, passage.B);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());

        static void WriteSide(Utf8JsonWriter json, string name, Document document, Comparison.Text.TextSpan span)
        {
            json.WriteStartObject(name);
            json.WriteString("document", document.Id);
            json.WriteNumber("start", span.Start);
            json.WriteNumber("end", span.End);
            json.WriteString("text", document.Text.AsSpan(span.Start, span.Length));
            json.WriteEndObject();
        }
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
            writer.Write(string.Create(c, $"   {a.Id} [{p.A.Start}-{p.A.End}]: "));
            writer.WriteLine(a.Text.AsSpan(p.A.Start, p.A.Length));
            writer.Write(string.Create(c, $"   {b.Id} [{p.B.Start}-{p.B.End}]: "));
            writer.WriteLine(b.Text.AsSpan(p.B.Start, p.B.Length));
        }
    }
}
