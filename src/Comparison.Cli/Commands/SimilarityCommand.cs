using System.CommandLine;
using System.Globalization;
using System.Text;
using Comparison.Reports;
using Comparison.Text;

namespace Comparison.Cli.Commands;

/// <summary>
/// <c>comparison similarity INPUT</c>: the TF-IDF cosine and shingle Jaccard matrices of a small corpus — the
/// <c>similarity</c> section of <c>analyze</c>, computed for corpora of up to <see cref="MaxDocuments"/> documents.
/// </summary>
internal static class SimilarityCommand
{
    /// <summary>Above this many documents the n² matrices stop being useful; use duplicates or cluster.</summary>
    internal const int MaxDocuments = 2_000;

    public static Command Create() => PipelineOptions.View(
        "similarity",
        "Print the pairwise similarity matrices of a small corpus: TF-IDF cosine and shingle Jaccard.",
        ReportSection.Similarity,
        (_, options, report, writer) =>
        {
            if (report.Similarity.TryGetValue(out SimilaritySection? similarity))
            {
                WriteText(writer, similarity, options.Shingles.Size, options.Shingles.Kind == ShingleKind.Word ? "word" : "character");
            }
            else
            {
                writer.WriteLine("0 documents.");
            }
        },
        report =>
        {
            if (report.Documents.Length > MaxDocuments)
            {
                throw new UsageException($"similarity prints n x n matrices and takes at most {MaxDocuments} documents; {report.Documents.Length} given. Use 'duplicates' or 'cluster' for large corpora.");
            }
        });

    private static void WriteText(TextWriter writer, SimilaritySection similarity, int shingleSize, string shingleKind)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int n = similarity.Documents.Length;
        writer.WriteLine(string.Create(c, $"{n} documents. Below the diagonal: TF-IDF cosine; above: Jaccard of {shingleSize}-{shingleKind} shingles."));
        writer.WriteLine();
        int width = Math.Max(2, similarity.Documents.Max(id => (int?)id.Length) ?? 2);
        var header = new StringBuilder(new string(' ', width + 2));
        for (int j = 0; j < n; j++)
        {
            header.Append(string.Create(c, $"{j + 1,7}"));
        }

        writer.WriteLine(header.ToString());
        for (int i = 0; i < n; i++)
        {
            var line = new StringBuilder();
            line.Append(string.Create(c, $"{i + 1,2}")).Append(' ').Append(similarity.Documents[i].PadRight(width - 1));
            for (int j = 0; j < n; j++)
            {
                double value = i > j ? similarity.CosineAt(i, j) : similarity.Jaccard[(i * n) + j];
                line.Append(i == j ? "      -" : string.Create(c, $"{value,7:0.000}"));
            }

            writer.WriteLine(line.ToString());
        }
    }
}
