using System.Collections.Immutable;

namespace Comparison.Documents;

/// <summary>
/// One article to compare: an identifier, its text, and what is known about where and when it was published.
/// </summary>
/// <remarks>
/// A document is immutable. Every offset the library reports (a token, a sentence, the evidence for a
/// discrepancy, a shared passage) counts UTF-16 code units in <see cref="Text"/> exactly as given here, so
/// <c>Text.Substring(start, end - start)</c> is always the quoted span.
/// </remarks>
public sealed record Document
{
    /// <summary>Creates a document.</summary>
    /// <param name="id">A non-empty identifier, unique within a corpus.</param>
    /// <param name="text">The article text; an empty text is a valid document.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or only white space.</exception>
    public Document(string id, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
    }

    /// <summary>The identifier, unique within a corpus (for a <c>.txt</c> file, its name without extension).</summary>
    public string Id { get; }

    /// <summary>The article text as read; offsets reported by the library index into it.</summary>
    public string Text { get; }

    /// <summary>The publication date, if known. Relative dates in the text ("on Thursday") resolve against it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The outlet or source that published the article, if known. Default <see langword="null"/>.</summary>
    public string? Source { get; init; }

    /// <summary>The headline, if known. Default <see langword="null"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The address the article was published at, if known. Default <see langword="null"/>.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// Other scalar fields that came with the document (for example a gold <c>cluster</c> label in an
    /// evaluation file), as their JSON text without quotes. Empty by default; never <see langword="null"/>.
    /// </summary>
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
