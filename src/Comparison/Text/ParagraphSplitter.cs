using System.Collections.Immutable;

namespace Comparison.Text;

/// <summary>Splits a text into paragraphs.</summary>
/// <remarks>
/// News text comes in two shapes: paragraphs separated by blank lines, and one line per paragraph (most feeds
/// and corpora). Both are handled by one rule: every line break ends a paragraph, except a single line break in
/// the middle of a sentence (the line does not end with terminal punctuation, a closing quote or a colon, and the
/// next line starts with a lower-case letter), which is hard wrapping. A blank line always ends a paragraph.
/// Spans are trimmed of white space and never empty. O(n), thread safe.
/// </remarks>
public static class ParagraphSplitter
{
    /// <summary>Splits a text into paragraphs.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The paragraphs' ranges in the original text, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ImmutableArray<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        Split(text.AsSpan(), result);
        return result.ToImmutable();
    }

    /// <summary>Splits a text into paragraphs and appends their ranges to <paramref name="destination"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Receives the trimmed, non-empty paragraph ranges in order.</param>
    internal static void Split(ReadOnlySpan<char> text, ICollection<TextSpan> destination)
    {
        int paragraphStart = -1;
        int paragraphEnd = -1;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = lineStart;
            while (lineEnd < text.Length && !IsLineBreak(text[lineEnd]))
            {
                lineEnd++;
            }

            (int contentStart, int contentEnd) = Trim(text, lineStart, lineEnd);
            if (contentStart == contentEnd)
            {
                Flush(destination, ref paragraphStart, paragraphEnd);
            }
            else if (paragraphStart >= 0 && IsWrappedContinuation(text[paragraphEnd - 1], text[contentStart]))
            {
                paragraphEnd = contentEnd;
            }
            else
            {
                Flush(destination, ref paragraphStart, paragraphEnd);
                paragraphStart = contentStart;
                paragraphEnd = contentEnd;
            }

            if (lineEnd >= text.Length)
            {
                break;
            }

            // \r\n is one line break.
            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }

        Flush(destination, ref paragraphStart, paragraphEnd);
    }

    internal static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C';

    private static bool IsWrappedContinuation(char lastOfPrevious, char firstOfNext) =>
        char.IsLower(firstOfNext) && !IsParagraphEnding(lastOfPrevious);

    private static bool IsParagraphEnding(char c) => c is '.' or '!' or '?' or ':' or '"' or '\'' or '\u201D' or '\u2019' or ')' or '\u2026';

    private static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    // White space and invisible characters: a line holding only a zero-width space is blank.
    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || CharClasses.Classify(c) == CharClass.Invisible;

    private static void Flush(ICollection<TextSpan> destination, ref int start, int end)
    {
        if (start >= 0)
        {
            destination.Add(TextSpan.FromBounds(start, end));
            start = -1;
        }
    }
}
