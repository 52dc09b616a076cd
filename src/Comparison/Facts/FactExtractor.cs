using System.Collections.Immutable;
using Comparison.Documents;

namespace Comparison.Facts;

/// <summary>
/// Extracts the checkable facts of a document: amounts with qualifiers and counted nouns, dates resolved
/// against the publication date, durations, quotations with speakers, and named entities.
/// </summary>
/// <remarks>
/// One hand-written tokenising pass (no regular expressions, so no backtracking), then rule-based
/// scanners over the tokens: dates first, then amounts (which skip the tokens of dates and durations),
/// quotations and names. Cost is linear in the text. An instance holds no per-document state and is safe
/// to share between threads.
/// </remarks>
public sealed class FactExtractor
{
    [ThreadStatic]
    private static ScanContext? _context;

    /// <summary>A second, small context for titles: reloading the body's context with a short title would wipe its long tail of stale tokens for every document.</summary>
    [ThreadStatic]
    private static ScanContext? _titleContext;

    /// <summary>Creates an extractor with the given options.</summary>
    /// <param name="options">Settings; <see langword="null"/> means <see cref="FactExtractorOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FactExtractor(FactExtractorOptions? options = null)
    {
        Options = options ?? FactExtractorOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public FactExtractorOptions Options { get; }

    /// <summary>Extracts the facts of <paramref name="document"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="fallbackReference">
    /// The date to resolve relative dates against when the document has no publication date (for example the
    /// dates of the other reports of the event); such resolutions are marked <see cref="DateResolution.Inferred"/>.
    /// </param>
    /// <returns>The facts, each list in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public DocumentFacts Extract(Document document, DateOnly? fallbackReference = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var c = _context ??= new ScanContext();
        DateOnly? reference = document.Published ?? fallbackReference;
        bool borrowed = document.Published is null && fallbackReference is not null;
        c.Load(document.Text, reference, borrowed, Options);
        // The builders live with the thread's context: cleared for each document, so their arrays are not
        // reallocated and regrown per document; ToImmutable copies out exactly what was found.
        var dates = Cleared(c.Dates);
        var quantities = Cleared(c.Quantities);
        var durations = Cleared(c.Durations);
        var quotes = Cleared(c.Quotes);
        var entities = Cleared(c.Entities);
        DateScanner.Scan(c, dates);
        QuantityScanner.Scan(c, quantities, durations);
        var casualties = Cleared(c.Casualties);
        CasualtyScanner.Scan(c, casualties, quantities);
        QuoteScanner.Scan(c, quotes);
        EntityScanner.Scan(c, entities);
        return new DocumentFacts
        {
            Document = document,
            Sentences = c.SentenceArray(),
            Quantities = quantities.ToImmutable(),
            Dates = dates.ToImmutable(),
            Durations = durations.ToImmutable(),
            Quotes = quotes.ToImmutable(),
            Casualties = casualties.ToImmutable(),
            Entities = entities.ToImmutable(),
            TitleCasualties = string.IsNullOrWhiteSpace(document.Title) ? [] : ScanTitle(document.Title, reference, borrowed),
        };
    }

    /// <summary>The casualty statements of the headline: a second, small pass over the title alone.</summary>
    private ImmutableArray<CasualtyStatement> ScanTitle(string title, DateOnly? reference, bool borrowed)
    {
        var c = _titleContext ??= new ScanContext();
        c.Load(title, reference, borrowed, Options);
        var casualties = Cleared(c.Casualties);
        CasualtyScanner.Scan(c, casualties, Cleared(c.Quantities));
        return casualties.ToImmutable();
    }

    private static ImmutableArray<T>.Builder Cleared<T>(ImmutableArray<T>.Builder builder)
    {
        builder.Clear();
        return builder;
    }
}
