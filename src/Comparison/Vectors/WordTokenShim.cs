namespace Comparison.Vectors;

/// <summary>Stand-in for the Text stage's tokenizer until it lands: runs of letters and digits.</summary>
internal static class WordTokenShim
{
    public static void Tokenize(ReadOnlySpan<char> text, List<(int Start, int Length)> destination)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                destination.Add((start, i - start));
            }
        }
    }

    public static bool TryNormalizeAsciiTerm(ReadOnlySpan<char> token, Span<char> destination, out int written)
    {
        written = token.ToLowerInvariant(destination);
        return written >= 0;
    }

    public static string NormalizeTerm(ReadOnlySpan<char> token) => token.ToString().ToLowerInvariant();
}
