using System.CommandLine;
using Comparison.Documents;
using Comparison.Reports;
using Comparison.Sketches;
using Comparison.Text;

namespace Comparison.Cli;

/// <summary>
/// The options of every command that is a view of the pipeline (<c>analyze</c>, <c>duplicates</c>, <c>cluster</c>,
/// <c>similarity</c>, <c>discrepancies</c>): the same names, the same defaults (those of
/// <see cref="NewsComparerOptions.Default"/>), the same checks. Each of those commands runs <see cref="NewsComparer"/> with
/// the stages its section needs, so <c>comparison X INPUT OPTIONS</c> prints what the X section of
/// <c>comparison analyze INPUT OPTIONS --format json</c> holds.
/// </summary>
internal sealed class PipelineOptions
{
    private static readonly NewsComparerOptions Defaults = NewsComparerOptions.Default;

    /// <summary>Writes a section of a report as readable text.</summary>
    /// <param name="parse">The parsed command line (for the command's own options).</param>
    /// <param name="options">The comparer options the report was made with.</param>
    /// <param name="report">The report.</param>
    /// <param name="writer">The output; control characters written to it are escaped.</param>
    public delegate void TextView(ParseResult parse, NewsComparerOptions options, ComparisonResult report, TextWriter writer);

    private PipelineOptions()
    {
    }

    public Argument<string> Input { get; } = CliCommon.InputArgument();

    public Option<string?> Output { get; } = CliCommon.OutputOption();

    public Option<bool> Quiet { get; } = CliCommon.QuietOption();

    public Option<double> Threshold { get; } = CliCommon.InRange(
        new Option<double>("--threshold", "-t")
        {
            Description = "Jaccard similarity of shingles at or above which two documents are near-duplicates, in (0, 1).",
            DefaultValueFactory = _ => Defaults.Duplicates.Threshold,
        },
        0,
        1,
        inclusive: false);

    public Option<int> ShingleSize { get; } = CliCommon.InRange(
        new Option<int>("--shingle-size")
        {
            Description = "Words per shingle (characters with --shingle-kind character), 1 to 64, for near-duplicates and the Jaccard matrix.",
            DefaultValueFactory = _ => Defaults.Shingles.Size,
        },
        1,
        64);

    public Option<string> ShingleKind { get; } = CliCommon.OneOf(
        new Option<string>("--shingle-kind")
        {
            Description = "Shingles of words or of characters.",
            DefaultValueFactory = _ => Defaults.Shingles.Kind == Text.ShingleKind.Word ? "word" : "character",
        },
        "word",
        "character");

    public Option<int> Permutations { get; } = CliCommon.InRange(
        new Option<int>("--permutations", "-k")
        {
            Description = $"MinHash permutations K (signature length), 1 to {MinHashOptions.MaxPermutations}: more give finer estimates, slower.",
            DefaultValueFactory = _ => Defaults.MinHash.Permutations,
        },
        1,
        MinHashOptions.MaxPermutations);

    public Option<ulong> Seed { get; } = CliCommon.InRange(
        new Option<ulong>("--seed")
        {
            Description = "Seed of the MinHash permutations: the same seed gives the same signatures everywhere.",
            DefaultValueFactory = _ => Defaults.MinHash.Seed,
        },
        ulong.MinValue,
        ulong.MaxValue);

    public Option<string> Scheme { get; } = CliCommon.OneOf(
        new Option<string>("--scheme")
        {
            Description = "classic (K hash functions, the accuracy reference) or one-permutation (one hash per shingle, densified; faster).",
            DefaultValueFactory = _ => Defaults.MinHash.Scheme == MinHashScheme.Classic ? "classic" : "one-permutation",
        },
        "classic",
        "one-permutation");

    public Option<string> Verify { get; } = CliCommon.VerifyOption();

    public Option<double> MinConfidence { get; } = CliCommon.InRange(
        new Option<double>("--min-confidence")
        {
            Description = "Show discrepancy flags at or above this confidence, strongest first.",
            DefaultValueFactory = _ => Defaults.Discrepancies.MinConfidence,
        },
        0.0,
        1.0);

    /// <summary>Creates the options; <see cref="AddTo"/> puts them on a command.</summary>
    public static PipelineOptions Create() => new();

    /// <summary>Adds the input argument and every shared option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Input);
        command.Options.Add(Output);
        command.Options.Add(Quiet);
        command.Options.Add(Threshold);
        command.Options.Add(ShingleSize);
        command.Options.Add(ShingleKind);
        command.Options.Add(Permutations);
        command.Options.Add(Seed);
        command.Options.Add(Scheme);
        command.Options.Add(Verify);
        command.Options.Add(MinConfidence);
    }

    /// <summary>The comparer options the parsed values name, every stage on; a command switches off what its section does not need.</summary>
    public NewsComparerOptions ToComparerOptions(ParseResult parse) => Defaults with
    {
        Duplicates = Defaults.Duplicates with { Threshold = parse.GetValue(Threshold), Verification = CliCommon.ParseVerification(parse.GetValue(Verify)) },
        Shingles = Defaults.Shingles with
        {
            Size = parse.GetValue(ShingleSize),
            Kind = parse.GetValue(ShingleKind) == "character" ? Text.ShingleKind.Character : Text.ShingleKind.Word,
        },
        MinHash = Defaults.MinHash with
        {
            Permutations = parse.GetValue(Permutations),
            Seed = parse.GetValue(Seed),
            Scheme = parse.GetValue(Scheme) == "one-permutation" ? MinHashScheme.OnePermutation : MinHashScheme.Classic,
        },
        Discrepancies = Defaults.Discrepancies with { MinConfidence = parse.GetValue(MinConfidence) },
    };

    /// <summary>
    /// A command that shows one section of the pipeline: the shared options and <c>--format text|json</c>; it runs
    /// the comparer with only the stages <paramref name="section"/> needs and prints the section, as JSON through
    /// <see cref="JsonReportWriter.WriteSection"/> or as text through <paramref name="writeText"/>.
    /// </summary>
    /// <param name="name">The command name.</param>
    /// <param name="description">Its help text.</param>
    /// <param name="section">The section it shows.</param>
    /// <param name="writeText">Writes the section as readable text.</param>
    /// <param name="check">Runs on the report before anything is written; throws <see cref="UsageException"/> to refuse it.</param>
    /// <param name="extra">Options of this command alone (read by <paramref name="writeText"/>).</param>
    public static Command View(string name, string description, ReportSection section, TextView writeText, Action<ComparisonResult>? check = null, params Option[] extra)
    {
        var pipeline = Create();
        var format = CliCommon.FormatOption("text", "json");
        var command = new Command(name, description);
        pipeline.AddTo(command);
        command.Options.Add(format);
        foreach (Option option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            NewsComparerOptions options = Only(pipeline.ToComparerOptions(parse), section);
            ComparisonResult report = await pipeline.CompareAsync(parse, options, cancellationToken).ConfigureAwait(false);
            check?.Invoke(report);
            bool json = parse.GetValue(format) == "json";
            CliCommon.WriteOutput(
                parse,
                parse.GetValue(pipeline.Output),
                writer =>
                {
                    if (!json)
                    {
                        writeText(parse, options, report, writer);
                    }
                    else if (section == ReportSection.Similarity && !report.Similarity.Ran)
                    {
                        // No matrix for an empty corpus: the contract's shape, empty.
                        writer.Write("{\"documents\":[],\"cosine\":[],\"jaccard\":[]}\n");
                    }
                    else
                    {
                        JsonReportWriter.WriteSection(report, section, writer);
                    }
                },
                terminalText: !json);

            return CliApplication.Success;
        });
        return command;
    }

    /// <summary>The options with only the stages a section needs switched on (discrepancies need the clusters).</summary>
    internal static NewsComparerOptions Only(NewsComparerOptions options, ReportSection section) => options with
    {
        FindDuplicates = section == ReportSection.Duplicates,
        FindClusters = section is ReportSection.Clusters or ReportSection.Discrepancies or ReportSection.Passages,
        FindPassages = section == ReportSection.Passages,
        FindDiscrepancies = section == ReportSection.Discrepancies,
        SimilarityMatrixMaxDocuments = section == ReportSection.Similarity ? Commands.SimilarityCommand.MaxDocuments : 0,

        // Their sections need no text afterwards: the documents are read as a stream, none held.
        StreamDocuments = section is ReportSection.Duplicates or ReportSection.Clusters,
    };

    /// <summary>
    /// Reads the input and runs the comparer with <paramref name="options"/>, showing progress on a terminal
    /// unless --quiet; cancellation propagates (exit code 130).
    /// </summary>
    public async Task<ComparisonResult> CompareAsync(ParseResult parse, NewsComparerOptions options, CancellationToken cancellationToken)
    {
        var comparer = new NewsComparer(options);
        string path = parse.GetValue(Input)!;

        // Before the progress display takes the terminal's stderr.
        CliCommon.WarnAboutInput(path);
        string? spooled = null;
        try
        {
            ComparisonResult report = await CliProgress.RunAsync(
                parse,
                parse.GetValue(Quiet),
                report =>
                {
                    // A file is read again by each pass of a streaming comparison; standard input, which cannot be
                    // read twice, is first copied to a temporary file that each pass reads (errors still name stdin).
                    IEnumerable<Document> documents;
                    if (!options.StreamDocuments)
                    {
                        documents = CliCommon.ReadInput(path, warn: false, cancellationToken);
                    }
                    else if (path == CliCommon.StandardInput)
                    {
                        spooled = CliCommon.SpoolStandardInput(cancellationToken);
                        documents = CliCommon.ReadSpooledStandardInput(spooled);
                    }
                    else
                    {
                        documents = DocumentReader.Read(path);
                    }

                    return comparer.Compare(documents, new Progress(report), cancellationToken);
                },
                cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return report;
        }
        finally
        {
            CliCommon.DeleteSpool(spooled);
        }
    }

    /// <summary>Forwards the comparer's progress to the display synchronously (no SynchronizationContext hop).</summary>
    private sealed class Progress(CliProgress.StageReporter report) : IProgress<ComparisonProgress>
    {
        public void Report(ComparisonProgress value) => report(Label(value.Stage), value.Completed, value.Total);

        /// <summary>The stage's name on the progress display: <c>read</c>, <c>shingles</c>, <c>similarity</c>, ...</summary>
        private static string Label(ComparisonStage stage) => stage switch
        {
            ComparisonStage.Read => "read",
            ComparisonStage.Shingles => "shingles",
            ComparisonStage.Similarity => "similarity",
            ComparisonStage.Clusters => "clusters",
            ComparisonStage.Passages => "passages",
            ComparisonStage.Discrepancies => "discrepancies",
            _ => stage.ToString(),
        };
    }
}
