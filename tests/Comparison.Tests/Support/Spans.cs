using Comparison.Text;

namespace Comparison.Tests.Support;

/// <summary>Checks on spans that a stage reports against the original text.</summary>
public static class Spans
{
    /// <summary>
    /// True when every span is non-empty, inside the text, after the previous one (no overlap) and, when
    /// <paramref name="trimmed"/>, neither starts nor ends with white space.
    /// </summary>
    public static bool SliceInOrder(string text, IEnumerable<TextSpan> spans, bool trimmed)
    {
        int previousEnd = 0;
        foreach (TextSpan span in spans)
        {
            if (span.Start < previousEnd || span.Length <= 0 || span.End > text.Length)
            {
                return false;
            }

            if (trimmed && (char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1])))
            {
                return false;
            }

            previousEnd = span.End;
        }

        return true;
    }
}
