using System.Collections.Immutable;
using Comparison.Documents;

namespace Comparison.Reports;

/// <summary>
/// Everything one analysis of a corpus found: the documents, and one section per pipeline stage that ran —
/// duplicates, event clusters, the similarity matrix, shared passages, discrepancies with their evidence.
/// </summary>
/// <remarks>
/// A section is <see langword="null"/> when its stage did not run (it was switched off, or the corpus is too
/// large for it, as for the similarity matrix); it is never filled with placeholder data. An empty section means
/// the stage ran and found nothing. The report is immutable and safe to share between threads; the renderers
/// (<see cref="ReportWriter"/>) produce the same bytes for the same report.
/// </remarks>
public sealed record AnalysisReport
{
    /// <summary>Creates a report over documents, with no section yet.</summary>
    /// <param name="documents">The analysed documents, in input order.</param>
    /// <exception cref="ArgumentException"><paramref name="documents"/> is a default array or holds a null.</exception>
    public AnalysisReport(ImmutableArray<Document> documents)
    {
        if (documents.IsDefault)
        {
            throw new ArgumentException("The documents array must not be a default (uninitialised) array.", nameof(documents));
        }

        foreach (Document document in documents)
        {
            if (document is null)
            {
                throw new ArgumentException("The documents must not contain null.", nameof(documents));
            }
        }

        Documents = documents;
    }

    /// <summary>The analysed documents, in input order.</summary>
    public ImmutableArray<Document> Documents { get; }

    /// <summary>Near-duplicate pairs and groups, or <see langword="null"/> when that stage did not run.</summary>
    public DuplicatesSection? Duplicates { get; init; }

    /// <summary>Event clusters (every document in exactly one), or <see langword="null"/> when that stage did not run.</summary>
    public ClustersSection? Clusters { get; init; }

    /// <summary>Pairwise similarity of the documents, or <see langword="null"/> when not computed (large corpora).</summary>
    public SimilaritySection? Similarity { get; init; }

    /// <summary>Passages shared by pairs of documents, or <see langword="null"/> when that stage did not run.</summary>
    public PassagesSection? Passages { get; init; }

    /// <summary>Discrepancies, per-source claims and fact coverage, or <see langword="null"/> when that stage did not run.</summary>
    public DiscrepanciesSection? Discrepancies { get; init; }

    /// <summary>Finds a document by identifier (ordinal), or <see langword="null"/>.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The document, or <see langword="null"/> when no document has that identifier.</returns>
    public Document? FindDocument(string id)
    {
        foreach (Document document in Documents)
        {
            if (string.Equals(document.Id, id, StringComparison.Ordinal))
            {
                return document;
            }
        }

        return null;
    }
}

/// <summary>Near-duplicates: every pair whose Jaccard similarity clears the threshold, and the groups they form.</summary>
/// <param name="Threshold">The Jaccard threshold used.</param>
/// <param name="Pairs">The pairs, each with <c>A</c> before <c>B</c> in input order.</param>
/// <param name="Groups">Connected components of the pairs (two or more documents each), each in input order.</param>
public sealed record DuplicatesSection(double Threshold, ImmutableArray<DuplicatePair> Pairs, ImmutableArray<ImmutableArray<string>> Groups)
{
    /// <summary>What a candidate pair had to clear, when known. Default <see langword="null"/>.</summary>
    public Comparison.Indexing.DuplicateVerification? Verification { get; init; }

    /// <summary>The shingles the Jaccard similarities are over, when known. Default <see langword="null"/>.</summary>
    public Comparison.Text.ShinglerOptions? Shingles { get; init; }

    /// <summary>The MinHash signatures behind the estimates, when known. Default <see langword="null"/>.</summary>
    public Comparison.Sketches.MinHashOptions? MinHash { get; init; }

    /// <summary>The LSH banding used to find candidates, when known. Default <see langword="null"/>.</summary>
    public Comparison.Indexing.LshParameters? Banding { get; init; }

    /// <summary>How many candidate pairs the LSH index proposed, when known. Default <see langword="null"/>.</summary>
    public int? CandidatePairs { get; init; }
}

/// <summary>One near-duplicate pair.</summary>
/// <param name="A">The first document's identifier.</param>
/// <param name="B">The second document's identifier.</param>
/// <param name="EstimatedJaccard">The Jaccard similarity estimated from MinHash signatures.</param>
/// <param name="Jaccard">The exact Jaccard similarity of the shingle sets, when computed.</param>
public readonly record struct DuplicatePair(string A, string B, double EstimatedJaccard, double? Jaccard);

/// <summary>The event clusters: every document is in exactly one (singletons included).</summary>
/// <param name="Clusters">The clusters, numbered from 0.</param>
public sealed record ClustersSection(ImmutableArray<ReportCluster> Clusters);

/// <summary>One event cluster.</summary>
/// <param name="Id">The cluster number (0-based, as in the <c>cluster</c> command's JSON).</param>
/// <param name="Documents">Identifiers of its documents, in input order.</param>
/// <param name="Label">A few distinctive words.</param>
/// <param name="Representative">The identifier of its most central document, when known.</param>
public sealed record ReportCluster(int Id, ImmutableArray<string> Documents, string Label, string? Representative)
{
    /// <summary>The cluster's most distinctive terms, most distinctive first; empty when unknown. Default empty.</summary>
    public ImmutableArray<string> Terms { get; init; } = [];
}

/// <summary>A dense, symmetric similarity matrix of a (small) set of documents, stored row-major.</summary>
/// <param name="Documents">The identifiers of the rows and columns.</param>
/// <param name="Cosine">TF-IDF cosine similarities, <c>Documents.Length²</c> values, row-major.</param>
/// <param name="Jaccard">Jaccard similarities in the same layout, or an empty array when not computed.</param>
public sealed record SimilaritySection(ImmutableArray<string> Documents, ImmutableArray<double> Cosine, ImmutableArray<double> Jaccard)
{
    /// <summary>The cosine similarity of rows <paramref name="i"/> and <paramref name="j"/>.</summary>
    /// <param name="i">A row.</param>
    /// <param name="j">A column.</param>
    /// <returns>The similarity.</returns>
    public double CosineAt(int i, int j) => Cosine[(i * Documents.Length) + j];
}

/// <summary>Shared passages between pairs of documents.</summary>
/// <param name="Passages">The passages, by pair then position.</param>
public sealed record PassagesSection(ImmutableArray<SharedPassage> Passages);

/// <summary>A passage that two documents share, tolerant of small edits.</summary>
/// <param name="Similarity">How alike the two sides are, in [0, 1].</param>
/// <param name="A">The passage in the first document.</param>
/// <param name="B">The passage in the second document.</param>
public sealed record SharedPassage(double Similarity, ReportSpan A, ReportSpan B)
{
    /// <summary>How many words the two sides match, when known. Default <see langword="null"/>.</summary>
    public int? MatchedWords { get; init; }
}

/// <summary>A span of one document's original text; <c>Text == document.Text[Start..End]</c>.</summary>
/// <param name="Document">The document identifier.</param>
/// <param name="Start">The first UTF-16 index.</param>
/// <param name="End">One past the last UTF-16 index.</param>
/// <param name="Text">The quoted text.</param>
public sealed record ReportSpan(string Document, int Start, int End, string Text)
{
    /// <summary>
    /// The one notation of a span in readable output: <c>[start..end)</c>, UTF-16 offsets, the end exclusive, as
    /// <c>text.Substring(start, end - start)</c> takes them.
    /// </summary>
    /// <param name="start">The first index.</param>
    /// <param name="end">One past the last index.</param>
    /// <returns>For example <c>[1313..1324)</c>.</returns>
    public static string Range(int start, int end) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{start}..{end})");
}

/// <summary>What the sources of each cluster disagree on, what each alone reports, and who reports what.</summary>
/// <param name="Discrepancies">The discrepancies, by cluster then subject.</param>
/// <param name="Claims">Facts only one source reports.</param>
/// <param name="Coverage">
/// Who reports which fact, by cluster: the discrepancies, then the facts several sources state alike, then the facts one
/// source alone states.
/// </param>
public sealed record DiscrepanciesSection(ImmutableArray<ReportDiscrepancy> Discrepancies, ImmutableArray<SourceClaim> Claims, ImmutableArray<FactCoverage> Coverage);

/// <summary>A fact on which the sources of one cluster disagree, with the evidence.</summary>
/// <param name="Kind">One of <c>number</c>, <c>date</c>, <c>attribution</c>, <c>quote</c>, <c>name</c>.</param>
/// <param name="Subject">A short description of what the fact is about.</param>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Relation">How the mentions differ, camelCase (<c>contradiction</c>, <c>update</c>, <c>precision</c> or <c>variant</c>), when known.</param>
/// <param name="Severity">How much it matters (<c>low</c>, <c>medium</c>, <c>high</c>), when known.</param>
/// <param name="Mentions">The disagreeing mentions, one or more per document.</param>
public sealed record ReportDiscrepancy(string Kind, string Subject, int Cluster, string? Relation, string? Severity, ImmutableArray<ReportMention> Mentions)
{
    /// <summary>How sure the alignment is that the mentions speak of the same thing, in [0, 1], when known. Default <see langword="null"/>.</summary>
    public double? Confidence { get; init; }
}

/// <summary>One mention of a fact: where a document states it, and what it states.</summary>
/// <param name="Document">The document identifier.</param>
/// <param name="Start">The first UTF-16 index of the mention in the original text.</param>
/// <param name="End">One past its last index.</param>
/// <param name="Text">The mention as written (<c>Text == document.Text[Start..End]</c>).</param>
public sealed record ReportMention(string Document, int Start, int End, string Text)
{
    /// <summary>The numeric value, for quantities. Default <see langword="null"/>.</summary>
    public double? Value { get; init; }

    /// <summary>A textual value when there is no number (a resolved date, a speaker). Default <see langword="null"/>.</summary>
    public string? ValueText { get; init; }

    /// <summary>The qualifier (<c>over</c>, <c>more than</c>, <c>about</c>), when any. Default <see langword="null"/>.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The first index of the sentence the mention stands in, when known. Default <see langword="null"/>.</summary>
    public int? SentenceStart { get; init; }

    /// <summary>One past the last index of that sentence, when known. Default <see langword="null"/>.</summary>
    public int? SentenceEnd { get; init; }
}

/// <summary>A fact that only one source of a cluster reports.</summary>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Kind">The fact kind (<c>number</c>, <c>date</c>, <c>quote</c>...).</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Mention">Where the source states it.</param>
public sealed record SourceClaim(int Cluster, string Kind, string Subject, ReportMention Mention);

/// <summary>A fact the sources of one cluster speak of (alike, differently, or one source alone), and each source's mention of it.</summary>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Kind">The fact kind.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Mentions">One mention per reporting document, in input order of the documents.</param>
/// <param name="Disagrees">Whether the mentions disagree (the fact is also a discrepancy).</param>
public sealed record FactCoverage(int Cluster, string Kind, string Subject, ImmutableArray<ReportMention> Mentions, bool Disagrees);
