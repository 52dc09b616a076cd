using System.CommandLine;
using Comparison.Documents;
using Comparison.Reports;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison analyze INPUT</c>: the whole pipeline in one report.</summary>
internal static class AnalyzeCommand
{
    private static readonly string[] Formats = ["text", "json", "markdown", "html"];

    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var format = CliCommon.ReportFormatOption(Formats);
        var output = CliCommon.OutputOption();
        var quiet = CliCommon.QuietOption();
        var threshold = new Option<double>("--threshold", "-t")
        {
            Description = "Jaccard threshold for near-duplicates, in (0, 1).",
            DefaultValueFactory = _ => AnalyzerOptions.Default.Duplicates.Threshold,
        };
        var shingleSize = new Option<int>("--shingle-size")
        {
            Description = "Words per shingle for near-duplicates and Jaccard similarity.",
            DefaultValueFactory = _ => AnalyzerOptions.Default.Shingles.Size,
        };
        var permutations = new Option<int>("--permutations")
        {
            Description = "MinHash permutations per signature (more: finer estimates, slower).",
            DefaultValueFactory = _ => AnalyzerOptions.Default.MinHash.Permutations,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the MinHash permutations; the same seed gives the same signatures everywhere.",
            DefaultValueFactory = _ => AnalyzerOptions.Default.MinHash.Seed,
        };
        var verify = CliCommon.VerifyOption();
        var matrixMax = new Option<int>("--matrix-max")
        {
            Description = $"Largest corpus for which the document-by-document similarity matrix (the HTML heatmap) is computed, 0 (off) to {AnalyzerOptions.MaxSimilarityMatrixDocuments}.",
            DefaultValueFactory = _ => AnalyzerOptions.Default.SimilarityMatrixMaxDocuments,
        };
        var command = new Command("analyze", "Run the whole pipeline on a corpus (duplicates, clusters, shared passages, discrepancies) and write one report.")
        {
            input, format, output, quiet, threshold, shingleSize, permutations, seed, verify, matrixMax,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? outputPath = parse.GetValue(output);
            ReportFormat reportFormat = ReportWriter.ParseFormat(CliCommon.ResolveFormat(parse.GetValue(format), outputPath, Formats));
            var options = AnalyzerOptions.Default with
            {
                Duplicates = AnalyzerOptions.Default.Duplicates with { Threshold = parse.GetValue(threshold), Verification = CliCommon.ParseVerification(parse.GetValue(verify)) },
                Shingles = AnalyzerOptions.Default.Shingles with { Size = parse.GetValue(shingleSize) },
                MinHash = AnalyzerOptions.Default.MinHash with { Permutations = parse.GetValue(permutations), Seed = parse.GetValue(seed) },
                SimilarityMatrixMaxDocuments = parse.GetValue(matrixMax),
            };
            var analyzer = new Analyzer(options);
            string path = parse.GetValue(input)!;

            AnalysisReport report = await CliProgress.RunAsync(
                parse,
                parse.GetValue(quiet),
                report =>
                {
                    IReadOnlyList<Document> documents = CliCommon.ReadInput(path, cancellationToken);
                    var progress = new Progress(report);
                    return analyzer.Analyze(documents, progress, cancellationToken);
                },
                cancellationToken).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            CliCommon.WriteOutput(parse, outputPath, writer => ReportWriter.Write(report, reportFormat, writer));
            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>Forwards the analyzer's progress to the display synchronously (no SynchronizationContext hop).</summary>
    private sealed class Progress(CliProgress.StageReporter report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value.Stage, value.Completed, value.Total);
    }
}
