namespace Comparison.Text;

/// <summary>
/// A text normalised for comparison by <see cref="TextNormalizer.Normalize(string)"/>, with a map from every
/// normalised position back to the ORIGINAL text.
/// </summary>
/// <remarks>
/// Each normalised character comes from one source range of the original (a character, a surrogate pair, or a
/// base character with its combining marks; a collapsed space comes from the first white-space character of its
/// run). Several normalised characters may share a source range (<c>ﬁ</c> becomes <c>fi</c>). Immutable and
/// thread safe.
/// </remarks>
public sealed class NormalizedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal NormalizedText(string text, int[] starts, int[] ends, int originalLength)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        OriginalLength = originalLength;
    }

    /// <summary>
    /// The normalised text: NFKC, case-folded (Unicode full case folding), control and format characters removed, quotes,
    /// apostrophes and dashes unified (<c>"</c>, <c>'</c>, <c>-</c>), white space collapsed to single spaces and
    /// trimmed.
    /// </summary>
    public string Text { get; }

    /// <summary>The length of the original text.</summary>
    public int OriginalLength { get; }

    /// <summary>The original index where the source of normalised character <paramref name="normalizedIndex"/> starts.</summary>
    /// <param name="normalizedIndex">An index in <c>[0, Text.Length]</c>; <c>Text.Length</c> maps to the original length.</param>
    /// <returns>An index into the original text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside <c>[0, Text.Length]</c>.</exception>
    public int ToOriginal(int normalizedIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalizedIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalizedIndex, Text.Length);
        return normalizedIndex == Text.Length ? OriginalLength : _starts[normalizedIndex];
    }

    /// <summary>
    /// The original range that produced a normalised range: from the source start of its first character to the
    /// source end of its last, so the result always slices the original text.
    /// </summary>
    /// <param name="normalized">A range of <see cref="Text"/>.</param>
    /// <returns>The corresponding range of the original text (empty for an empty range).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside <see cref="Text"/>.</exception>
    public TextSpan ToOriginal(TextSpan normalized)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalized.Start, nameof(normalized));
        ArgumentOutOfRangeException.ThrowIfNegative(normalized.Length, nameof(normalized));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalized.End, Text.Length, nameof(normalized));
        if (normalized.Length == 0)
        {
            int at = ToOriginal(normalized.Start);
            return new TextSpan(at, 0);
        }

        int start = _starts[normalized.Start];
        return TextSpan.FromBounds(start, _ends[normalized.End - 1]);
    }
}
