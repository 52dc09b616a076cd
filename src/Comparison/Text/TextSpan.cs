namespace Comparison.Text;

/// <summary>A range of UTF-16 code units in a document's ORIGINAL text: <c>text.Substring(Start, Length)</c>.</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="Length">The number of code units.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The index just after the last code unit (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an exclusive end.</summary>
    /// <param name="start">The first index.</param>
    /// <param name="end">The exclusive end; not less than <paramref name="start"/>.</param>
    /// <returns>The span <c>[start, end)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or <paramref name="end"/> is before it.</exception>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>
    /// The one notation of a span in readable output: <c>[start..end)</c>, UTF-16 offsets, the end exclusive, as
    /// <c>text.Substring(Start, Length)</c> takes them.
    /// </summary>
    /// <returns>For example <c>[1313..1324)</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Start}..{End})");
}
