using System.CommandLine;
using Comparison.Reports;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison analyze INPUT</c>: the whole pipeline in one report.</summary>
internal static class AnalyzeCommand
{
    private static readonly string[] Formats = ["text", "json", "markdown", "html"];

    public static Command Create()
    {
        var pipeline = PipelineOptions.Create();
        var format = CliCommon.ReportFormatOption(Formats);
        var matrixMax = CliCommon.InRange(
            new Option<int>("--matrix-max")
            {
                Description = $"Largest corpus for which the document-by-document similarity matrix (the HTML heatmap) is computed, 0 (off) to {NewsComparerOptions.MaxSimilarityMatrixDocuments}.",
                DefaultValueFactory = _ => NewsComparerOptions.Default.SimilarityMatrixMaxDocuments,
            },
            0,
            NewsComparerOptions.MaxSimilarityMatrixDocuments);
        var command = new Command("analyze", "Run the whole pipeline on a corpus (duplicates, clusters, shared passages, discrepancies) and write one report.");
        pipeline.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(matrixMax);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? outputPath = parse.GetValue(pipeline.Output);
            ReportFormat reportFormat = ReportWriter.ParseFormat(CliCommon.ResolveFormat(parse.GetValue(format), outputPath, Formats));
            NewsComparerOptions options = pipeline.ToComparerOptions(parse) with
            {
                SimilarityMatrixMaxDocuments = parse.GetValue(matrixMax),

                // The JSON report needs no text once each cluster's passages and discrepancies are found, so the
                // input is read as a stream, a cluster's documents at a time; the other formats quote the texts.
                StreamDocuments = reportFormat == ReportFormat.Json,
            };
            ComparisonResult report = await pipeline.CompareAsync(parse, options, cancellationToken).ConfigureAwait(false);
            CliCommon.WriteOutput(parse, outputPath, writer => ReportWriter.Write(report, reportFormat, writer));
            return CliApplication.Success;
        });
        return command;
    }
}
