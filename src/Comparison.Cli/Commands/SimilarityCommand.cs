using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comparison.Documents;
using Comparison.Sketches;
using Comparison.Text;
using Comparison.Vectors;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison similarity INPUT</c>: the TF-IDF cosine and shingle Jaccard matrices of a small corpus.</summary>
internal static class SimilarityCommand
{
    /// <summary>Above this many documents the n² matrices stop being useful; use duplicates or cluster.</summary>
    private const int MaxDocuments = 2_000;

    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var format = CliCommon.FormatOption("text", "json");
        var output = CliCommon.OutputOption();
        var shingleSize = new Option<int>("--shingle-size") { Description = "Words per shingle for the Jaccard matrix, 1 to 64.", DefaultValueFactory = _ => 5 };
        var command = new Command("similarity", "Print the pairwise similarity matrices of a small corpus: TF-IDF cosine and word-shingle Jaccard.")
        {
            input, format, output, shingleSize,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            int size = parse.GetValue(shingleSize);
            if (size is < 1 or > 64)
            {
                throw new UsageException($"--shingle-size {size} must be between 1 and 64.");
            }

            IReadOnlyList<Document> documents = CliCommon.ReadInput(parse.GetValue(input)!, cancellationToken);
            if (documents.Count > MaxDocuments)
            {
                throw new UsageException($"similarity prints n x n matrices and takes at most {MaxDocuments} documents; {documents.Count} given. Use 'duplicates' or 'cluster' for large corpora.");
            }

            Matrices matrices = Compute(documents, size, cancellationToken);
            CliCommon.WriteResult(parse, parse.GetValue(output), parse.GetValue(format) == "json", () => ToJson(documents, matrices, size), writer => WriteText(writer, documents, matrices, size));
            return Task.FromResult(CliApplication.Success);
        });
        return command;
    }

    /// <summary>Content similarity: TF-IDF with English stop words and sublinear tf, fitted on the input itself.</summary>
    internal static TfIdfOptions TfIdf { get; } = new() { StopWords = TfIdfOptions.EnglishStopWords, SublinearTf = true };

    internal static Matrices Compute(IReadOnlyList<Document> documents, int shingleSize, CancellationToken cancellationToken)
    {
        var fit = TfIdfModel.FitTransform(documents.Select(d => d.Text), TfIdf, cancellationToken);
        SimilarityMatrix cosine = SimilarityMatrix.Compute(fit.Vectors);
        var shingler = new Shingler(new ShinglerOptions { Size = shingleSize });
        ShingleSet[] sets = [.. documents.Select(d => ShingleSet.Create(shingler.Hash(d.Text)))];
        int n = documents.Count;
        var jaccard = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            jaccard[i, i] = sets[i].Count > 0 ? 1 : 0;
            for (int j = i + 1; j < n; j++)
            {
                jaccard[i, j] = jaccard[j, i] = sets[i].Jaccard(sets[j]);
            }
        }

        return new Matrices(cosine, jaccard);
    }

    /// <summary>The contract's JSON, {"documents", "cosine", "jaccard"}, values rounded to 6 decimals, plus the settings.</summary>
    internal static string ToJson(IReadOnlyList<Document> documents, Matrices matrices, int shingleSize)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            int n = documents.Count;
            json.WriteStartObject();
            json.WriteStartArray("documents");
            foreach (Document document in documents)
            {
                json.WriteStringValue(document.Id);
            }

            json.WriteEndArray();
            WriteMatrix(json, "cosine", n, (i, j) => matrices.Cosine[i, j]);
            WriteMatrix(json, "jaccard", n, (i, j) => matrices.Jaccard[i, j]);
            json.WriteString("cosineOf", "tf-idf, English stop words, sublinear tf, L2 norm, fitted on the input");
            json.WriteString("jaccardOf", string.Create(CultureInfo.InvariantCulture, $"{shingleSize}-word shingles"));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());

        static void WriteMatrix(Utf8JsonWriter json, string name, int n, Func<int, int, double> cell)
        {
            json.WriteStartArray(name);
            for (int i = 0; i < n; i++)
            {
                json.WriteStartArray();
                for (int j = 0; j < n; j++)
                {
                    json.WriteNumberValue(Math.Round(cell(i, j), 6));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }
    }

    private static void WriteText(TextWriter writer, IReadOnlyList<Document> documents, Matrices matrices, int shingleSize)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int n = documents.Count;
        writer.WriteLine(string.Create(c, $"{n} documents. Below the diagonal: TF-IDF cosine; above: Jaccard of {shingleSize}-word shingles."));
        writer.WriteLine();
        int width = Math.Max(2, documents.Max(d => (int?)d.Id.Length) ?? 2);
        var header = new StringBuilder(new string(' ', width + 2));
        for (int j = 0; j < n; j++)
        {
            header.Append(string.Create(c, $"{j + 1,7}"));
        }

        writer.WriteLine(header.ToString());
        for (int i = 0; i < n; i++)
        {
            var line = new StringBuilder();
            line.Append(string.Create(c, $"{i + 1,2}")).Append(' ').Append(documents[i].Id.PadRight(width - 1));
            for (int j = 0; j < n; j++)
            {
                line.Append(i == j ? "      -" : string.Create(c, $"{(i > j ? matrices.Cosine[i, j] : matrices.Jaccard[i, j]),7:0.000}"));
            }

            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>The two matrices, in input order.</summary>
    internal sealed record Matrices(SimilarityMatrix Cosine, double[,] Jaccard);
}
