using System.Collections.Immutable;
using Comparison.Documents;

namespace Comparison.Reports;

/// <summary>
/// The whole pipeline in one call: from documents to an <see cref="AnalysisReport"/> with near-duplicates,
/// event clusters, shared passages and discrepancies, each stage as configured in <see cref="AnalyzerOptions"/>.
/// </summary>
/// <remarks>
/// Stages run in data-flow order; a stage that is switched off, or not available in this build, leaves its
/// section of the report <see langword="null"/>. The result is deterministic: the same documents and options
/// give the same report, whatever the thread count. An instance holds only its options and is thread-safe.
/// </remarks>
public sealed class Analyzer
{
    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The options; <see langword="null"/> means <see cref="AnalyzerOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public Analyzer(AnalyzerOptions? options = null)
    {
        options ??= AnalyzerOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options in force.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>Analyses a corpus.</summary>
    /// <param name="documents">The documents; identifiers must be unique.</param>
    /// <param name="progress">Receives each stage's progress; optional.</param>
    /// <param name="cancellationToken">Stops the analysis between units of work.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documents"/> is <see langword="null"/> or holds a null.</exception>
    /// <exception cref="ArgumentException">Two documents share an identifier.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AnalysisReport Analyze(IEnumerable<Document> documents, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ImmutableArray<Document> corpus = [.. documents];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Document document in corpus)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(documents), "The documents must not contain null.");
            }

            if (!ids.Add(document.Id))
            {
                throw new ArgumentException($"Two documents have the id '{document.Id}': identifiers must be unique.", nameof(documents));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("read", corpus.Length, corpus.Length));
        return Run(corpus, progress, cancellationToken);
    }

    // Stages join here, in data-flow order, as they become available in the library: duplicates, clusters,
    // similarity matrix, passages, discrepancies. A stage that is off leaves its section null.
    private AnalysisReport Run(ImmutableArray<Document> corpus, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        _ = progress;
        _ = cancellationToken;
        _ = Options;
        return new AnalysisReport(corpus);
    }
}
