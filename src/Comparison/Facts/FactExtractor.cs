using System.Collections.Immutable;
using Comparison.Documents;
using Comparison.Text;

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
        // The scanners read the visible characters only (zero-width joiners, bidi marks and the like dropped, as the
        // Tokenizer does); the facts' offsets are then moved back onto the original text.
        string? visible = InvisibleText.Strip(document.Text, out int[]? map);
        c.Load(visible ?? document.Text, reference, borrowed, Options);
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
        var facts = new DocumentFacts
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
        return map is null ? facts : MoveOnto(facts, new VisibleOffsets(document.Text, map), c);
    }

    private static DocumentFacts MoveOnto(DocumentFacts facts, VisibleOffsets offsets, ScanContext c) => facts with
    {
        Sentences = offsets.Sentences(facts.Sentences),
        Quantities = offsets.Facts(c.Quantities, offsets.Own),
        Dates = offsets.Facts<DateMention>(c.Dates, null),
        Durations = offsets.Facts<Duration>(c.Durations, null),
        Quotes = offsets.Facts(c.Quotes, offsets.Own),
        Casualties = offsets.Facts(c.Casualties, offsets.Own),
        Entities = offsets.Facts<EntityMention>(c.Entities, null),
    };

    /// <summary>The casualty statements of the headline: a second, small pass over the title alone.</summary>
    private ImmutableArray<CasualtyStatement> ScanTitle(string title, DateOnly? reference, bool borrowed)
    {
        var c = _titleContext ??= new ScanContext();
        string? visible = InvisibleText.Strip(title, out int[]? map);
        c.Load(visible ?? title, reference, borrowed, Options);
        var casualties = Cleared(c.Casualties);
        CasualtyScanner.Scan(c, casualties, Cleared(c.Quantities));
        if (map is null)
        {
            return casualties.ToImmutable();
        }

        var offsets = new VisibleOffsets(title, map);
        return offsets.Facts(casualties, offsets.Own);
    }

    private static ImmutableArray<T>.Builder Cleared<T>(ImmutableArray<T>.Builder builder)
    {
        builder.Clear();
        return builder;
    }
}
