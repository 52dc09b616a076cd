using System.Collections.Immutable;

namespace Comparison.Discrepancies;

/// <summary>What kind of fact the sources disagree on.</summary>
public enum DiscrepancyKind
{
    /// <summary>An amount ("over 40,000" against "more than 50,000").</summary>
    Number,

    /// <summary>The day something happened or will happen.</summary>
    Date,

    /// <summary>Who said a quotation.</summary>
    Attribution,

    /// <summary>The words of a quotation.</summary>
    Quote,

    /// <summary>How a name is spelled, or which name a person or place is given.</summary>
    Name,

    /// <summary>The time of day something happened ("about 5:10 a.m." against "5.30am").</summary>
    Time,

    /// <summary>The age of one person ("Jeremy Lewis, 27" against "26-year-old Jeremy Lewis").</summary>
    Age,

    /// <summary>Where something happened: street, block, venue or city ("Childers Street" against "Childers Drive").</summary>
    Place,
}

/// <summary>How the mentions of a discrepancy relate (the contract's <c>relation</c>).</summary>
public enum DiscrepancyRelation
{
    /// <summary>The values exclude each other (5 against 7 killed; March 13 against March 14; the same words given to two speakers; a quotation whose meaning changes).</summary>
    Contradiction,

    /// <summary>A later report revises an earlier one (2 dead, then 3 dead the next day): the values differ and split by publication date.</summary>
    Update,

    /// <summary>Compatible values of different precision or with different bounds that a reader still wants to see ("dozens" against "47"; "about 9:15 p.m." against "9:18 p.m.").</summary>
    Precision,

    /// <summary>The same name spelled or transliterated differently ("Gaddafi" against "Qaddafi").</summary>
    Variant,
}

/// <summary>How much a discrepancy matters to a reader checking the facts.</summary>
public enum DiscrepancySeverity
{
    /// <summary>A difference of form (spelling, precision).</summary>
    Low,

    /// <summary>Compatible claims that still say different things (different bounds, wording).</summary>
    Medium,

    /// <summary>Claims that cannot both be true.</summary>
    High,
}

/// <summary>One document's side of a discrepancy: the span that states the fact and the value read from it.</summary>
public sealed record DiscrepancyMention
{
    /// <summary>The document's identifier.</summary>
    public required string Document { get; init; }

    /// <summary>The span as written (<c>text.Substring(Start, End - Start)</c>).</summary>
    public required string Text { get; init; }

    /// <summary>Offset of the span in the document text.</summary>
    public required int Start { get; init; }

    /// <summary>Offset one past the span.</summary>
    public required int End { get; init; }

    /// <summary>The value read: a number for amounts, an ISO date (or "first/last") for dates, the speaker for attributions, the words for quotes and names.</summary>
    public required string Value { get; init; }

    /// <summary>For amounts, the number; otherwise <see langword="null"/>.</summary>
    public double? Number { get; init; }

    /// <summary>For amounts, the interval the qualifier gives; otherwise <see langword="null"/>.</summary>
    public Facts.NumericInterval? Interval { get; init; }

    /// <summary>The qualifier as written ("over", "more than"), or <see langword="null"/>.</summary>
    public string? Qualifier { get; init; }

    /// <summary>Index of the sentence holding the span.</summary>
    public required int Sentence { get; init; }

    /// <summary>Offset of that sentence.</summary>
    public required int SentenceStart { get; init; }

    /// <summary>Offset one past that sentence.</summary>
    public required int SentenceEnd { get; init; }

    /// <summary>The underlying fact.</summary>
    public required Facts.Fact Fact { get; init; }
}

/// <summary>Facts of one kind, in different documents of one event, that speak of the same thing and do not agree.</summary>
public sealed record Discrepancy
{
    /// <summary>The kind of fact.</summary>
    public required DiscrepancyKind Kind { get; init; }

    /// <summary>A short description of what the facts are about ("people injured in the shooting").</summary>
    public required string Subject { get; init; }

    /// <summary>How the values relate.</summary>
    public required DiscrepancyRelation Relation { get; init; }

    /// <summary>How much it matters.</summary>
    public required DiscrepancySeverity Severity { get; init; }

    /// <summary>How likely the flag is a real disagreement, in [0, 1]; measured precision rises with it (see <see cref="DiscrepancyFinderOptions.MinConfidence"/>).</summary>
    public required double Confidence { get; init; }

    /// <summary>Every aligned mention, at least two documents, ordered by document then offset.</summary>
    public required ImmutableArray<DiscrepancyMention> Mentions { get; init; }
}

/// <summary>A fact only one document of the event reports.</summary>
public sealed record SingleSourceClaim
{
    /// <summary>The kind of fact (as a discrepancy would be classed).</summary>
    public required DiscrepancyKind Kind { get; init; }

    /// <summary>What the fact is about.</summary>
    public required string Subject { get; init; }

    /// <summary>The document's statement.</summary>
    public required DiscrepancyMention Mention { get; init; }
}
