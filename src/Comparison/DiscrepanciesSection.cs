using System.Collections.Immutable;
using Comparison.Discrepancies;

namespace Comparison;

/// <summary>What the sources of each cluster disagree on, what each alone reports, and who reports what.</summary>
/// <param name="Discrepancies">The discrepancies, strongest first across clusters.</param>
/// <param name="Claims">Facts only one source reports.</param>
/// <param name="Coverage">
/// Who reports which fact, by cluster: the discrepancies, then the facts several sources state alike, then the facts one
/// source alone states.
/// </param>
public sealed record DiscrepanciesSection(ImmutableArray<ReportDiscrepancy> Discrepancies, ImmutableArray<SourceClaim> Claims, ImmutableArray<FactCoverage> Coverage);

/// <summary>A fact on which the sources of one cluster disagree, with the evidence.</summary>
/// <param name="Kind">What kind of fact it is.</param>
/// <param name="Subject">A short description of what the fact is about.</param>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Relation">How the mentions differ.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Mentions">The disagreeing mentions, one or more per document.</param>
public sealed record ReportDiscrepancy(DiscrepancyKind Kind, string Subject, int Cluster, DiscrepancyRelation Relation, DiscrepancySeverity Severity, ImmutableArray<ReportMention> Mentions)
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
    /// <summary>
    /// The value read, as text: an amount's number, an ISO date, a speaker, the words of a quotation or name
    /// (<see cref="DiscrepancyMention.Value"/>), when known. Default <see langword="null"/>.
    /// </summary>
    public string? Value { get; init; }

    /// <summary>The amount, for quantities (<see cref="DiscrepancyMention.Number"/>). Default <see langword="null"/>.</summary>
    public double? Number { get; init; }

    /// <summary>The qualifier (<c>over</c>, <c>more than</c>, <c>about</c>), when any. Default <see langword="null"/>.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The first index of the sentence the mention stands in, when known. Default <see langword="null"/>.</summary>
    public int? SentenceStart { get; init; }

    /// <summary>One past the last index of that sentence, when known. Default <see langword="null"/>.</summary>
    public int? SentenceEnd { get; init; }
}

/// <summary>A fact that only one source of a cluster reports.</summary>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Kind">What kind of fact it is.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Mention">Where the source states it.</param>
public sealed record SourceClaim(int Cluster, DiscrepancyKind Kind, string Subject, ReportMention Mention);

/// <summary>A fact the sources of one cluster speak of (alike, differently, or one source alone), and each source's mention of it.</summary>
/// <param name="Cluster">The cluster number.</param>
/// <param name="Kind">What kind of fact it is.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Mentions">One mention per reporting document, in input order of the documents.</param>
/// <param name="Disagrees">Whether the mentions disagree (the fact is also a discrepancy).</param>
public sealed record FactCoverage(int Cluster, DiscrepancyKind Kind, string Subject, ImmutableArray<ReportMention> Mentions, bool Disagrees);
