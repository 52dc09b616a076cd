namespace Comparison.Facts;

/// <summary>How a date was written.</summary>
public enum DateMentionKind
{
    /// <summary>A calendar date with a month ("March 14", "Mar. 14, 2023", "2023-03-14").</summary>
    Absolute,

    /// <summary>A weekday ("on Thursday").</summary>
    Weekday,

    /// <summary>A day relative to publication ("yesterday", "today", "this morning", "last night").</summary>
    RelativeDay,

    /// <summary>A span relative to publication ("earlier this week", "next month", "last year").</summary>
    RelativePeriod,

    /// <summary>A week given by one of its days ("the week of April 3rd").</summary>
    Week,

    /// <summary>A month without a day ("in January").</summary>
    Month,
}

/// <summary>Whether the clause a date stands in speaks of the past or the future.</summary>
public enum Tense
{
    /// <summary>No tense marker found.</summary>
    Unknown,

    /// <summary>The clause is in a past tense.</summary>
    Past,

    /// <summary>The clause speaks of the future (will, set to, scheduled, upcoming).</summary>
    Future,
}

/// <summary>How sure the resolution of a date is.</summary>
public enum DateResolution
{
    /// <summary>Everything was written (a full date) or follows from the publication date.</summary>
    Resolved,

    /// <summary>Resolved with an assumption: a year taken as the one nearest the reference date, or a reference date borrowed from other documents.</summary>
    Inferred,

    /// <summary>Nothing to resolve against (a relative date in a document without a date); <see cref="DateMention.First"/> is null.</summary>
    Unresolved,
}

/// <summary>A date or a span of days, resolved to the calendar where possible.</summary>
public sealed record DateMention : Fact
{
    /// <summary>How the date was written.</summary>
    public required DateMentionKind Kind { get; init; }

    /// <summary>The first day meant, or <see langword="null"/> when unresolved.</summary>
    public DateOnly? First { get; init; }

    /// <summary>The last day meant (equal to <see cref="First"/> for a single day), or <see langword="null"/> when unresolved.</summary>
    public DateOnly? Last { get; init; }

    /// <summary>How sure the resolution is.</summary>
    public required DateResolution Resolution { get; init; }

    /// <summary>The tense of the clause around the date (decides which Thursday "Thursday" is).</summary>
    public required Tense Tense { get; init; }

    /// <summary>For unresolved relative mentions: the month (1-12), weekday (0 = Sunday) or day offset written, else 0.</summary>
    public int Ordinal { get; init; }

    /// <summary>For an unresolved absolute date without a year: its day of month, else 0.</summary>
    public int Day { get; init; }

    /// <summary>Whether the mention names a single day.</summary>
    public bool IsSingleDay => First is { } f && Last is { } l && f == l;
}
