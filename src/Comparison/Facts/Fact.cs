namespace Comparison.Facts;

/// <summary>
/// A checkable statement found in one document: where it stands (offsets into the original text, end
/// exclusive) and the sentence around it.
/// </summary>
/// <remarks>
/// <c>document.Text.Substring(Start, End - Start) == Text</c> always holds, and the sentence span
/// contains the fact's span.
/// </remarks>
public abstract record Fact
{
    /// <summary>Offset of the first character of the mention in the document text.</summary>
    public required int Start { get; init; }

    /// <summary>Offset one past the last character of the mention.</summary>
    public required int End { get; init; }

    /// <summary>The mention exactly as written.</summary>
    public required string Text { get; init; }

    /// <summary>Index of the sentence the mention stands in (0-based, in document order).</summary>
    public required int Sentence { get; init; }

    /// <summary>Offset of the first character of that sentence.</summary>
    public required int SentenceStart { get; init; }

    /// <summary>Offset one past the last character of that sentence.</summary>
    public required int SentenceEnd { get; init; }
}
