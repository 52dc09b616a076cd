using System.Text;
using Comparison.Text;
using Comparison.Text.Unicode;

namespace Comparison.Discrepancies;

/// <summary>
/// What a reader compares when two reports write the same words: the letters, without case, accents, the kind of
/// quote or apostrophe, periods or the width of white space ("O’Neill" and "O'Neill", "Calderón" and "Calderon",
/// "St. Louis" and "St Louis", "Mt Cook" and "Mount Cook", "Aoraki-Mount" and "Aoraki Mount" read the same).
/// </summary>
internal static class Typography
{
    /// <summary>The text folded to what a reader compares: case-folded, accents and periods removed, quotes unified, white space collapsed.</summary>
    public static string Fold(string text)
    {
        string normalized = TextNormalizer.Normalize(text).Text;
        var folded = new StringBuilder(normalized.Length);
        Span<int> parts = stackalloc int[UnicodeTables.MaxExpansion];
        for (int i = 0; i < normalized.Length; i++)
        {
            int codePoint = normalized[i];
            if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                codePoint = char.ConvertToUtf32(normalized[i], normalized[i + 1]);
                i++;
            }

            int count = UnicodeTables.AppendDecomposed(codePoint, parts, 0);
            for (int p = 0; p < count; p++)
            {
                if (parts[p] is '-' or '\u2010' or '\u2011')
                {
                    folded.Append(' ');
                }
                else if (parts[p] != '.' && UnicodeTables.CombiningClass(parts[p]) == 0)
                {
                    if (parts[p] < 0x10000)
                    {
                        folded.Append((char)parts[p]);
                    }
                    else
                    {
                        folded.Append(char.ConvertFromUtf32(parts[p]));
                    }
                }
            }
        }

        // Abbreviated words of place names read as the words ("Mt Cook" and "Mount Cook", "Ft Worth" and "Fort Worth").
        string[] words = folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int w = 0; w < words.Length; w++)
        {
            words[w] = words[w] switch
            {
                "mt" => "mount",
                "ft" => "fort",
                "pt" => "point",
                _ => words[w],
            };
        }

        return string.Join(' ', words);
    }
}
