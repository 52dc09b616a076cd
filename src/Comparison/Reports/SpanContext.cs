namespace Comparison.Reports;

/// <summary>The text around a quoted span: its sentence when known, otherwise a window cut at word boundaries.</summary>
internal readonly record struct SpanContext(string Before, string Span, string After)
{
    /// <summary>Characters of context on each side when the sentence is unknown or too long.</summary>
    public const int Window = 160;

    public static SpanContext Of(string text, int start, int end, int? sentenceStart = null, int? sentenceEnd = null)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        int from = sentenceStart is int s && s <= start && s >= start - (2 * Window) ? s : Math.Min(start, WordBoundaryBefore(text, Math.Max(0, start - Window)));
        int to = sentenceEnd is int e && e >= end && e <= end + (2 * Window) && e <= text.Length ? e : Math.Max(end, WordBoundaryAfter(text, Math.Min(text.Length, end + Window)));
        string before = Collapse(text.AsSpan(from, start - from));
        string after = Collapse(text.AsSpan(end, to - end));
        return new SpanContext(
            (from > 0 && sentenceStart != from ? "\u2026" : string.Empty) + before,
            Collapse(text.AsSpan(start, end - start)),
            after + (to < text.Length && sentenceEnd != to ? "\u2026" : string.Empty));
    }

    /// <summary>Replaces every run of white space (line breaks included) by one space.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool pending = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = true;
                continue;
            }

            if (pending)
            {
                sb.Append(' ');
                pending = false;
            }

            sb.Append(c);
        }

        if (pending)
        {
            sb.Append(' ');
        }

        return sb.ToString();
    }

    private static int WordBoundaryBefore(string text, int index)
    {
        if (index == 0)
        {
            return 0;
        }

        int i = index;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int WordBoundaryAfter(string text, int index)
    {
        if (index >= text.Length)
        {
            return text.Length;
        }

        int i = index;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }
}
