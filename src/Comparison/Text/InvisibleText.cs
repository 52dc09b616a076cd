using System.Buffers;
using System.Globalization;
using System.Text;

namespace Comparison.Text;

/// <summary>
/// Finds and drops the invisible characters of a text (<see cref="CharClass.Invisible"/>: format characters such
/// as zero-width joiners, soft hyphens, bidi controls and the BOM, and control characters that are not white
/// space), keeping a map from the text that is left back to the original.
/// </summary>
/// <remarks>
/// The tokenising stages drop them before they read a text, so that a zero-width joiner between every letter, or a
/// bidi mark inside a number, changes neither tokens nor terms nor facts; the map turns every offset back into the
/// original text. The search is one vectorised <see cref="SearchValues{T}"/> scan, so a text without invisible
/// characters (nearly all of them) costs one pass and no allocation. Thread safe.
/// </remarks>
internal static class InvisibleText
{
    // Every BMP code unit that is invisible by itself, plus the high surrogates of the astral planes that hold
    // invisible characters (U+110BD, U+1D173, the tags U+E0001..E007F…), which are then checked as whole runes.
    private static readonly SearchValues<char> Candidates = BuildCandidates();

    /// <summary>The index of the first invisible character of <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        int offset = 0;
        while (true)
        {
            int found = text[offset..].IndexOfAny(Candidates);
            if (found < 0)
            {
                return -1;
            }

            int i = offset + found;
            if (!char.IsSurrogate(text[i]) || CharClasses.Classify(text, i, out _) == CharClass.Invisible)
            {
                return i;
            }

            offset = i + 1;
        }
    }

    /// <summary>
    /// The text without its invisible characters, or <see langword="null"/> when it has none (then nothing is
    /// allocated). <paramref name="map"/>[i] is the original index of the kept code unit i.
    /// </summary>
    public static string? Strip(ReadOnlySpan<char> text, out int[]? map)
    {
        int first = IndexOf(text);
        if (first < 0)
        {
            map = null;
            return null;
        }

        var kept = new char[text.Length];
        map = new int[text.Length];
        int n = StripInto(text, first, kept, map);
        Array.Resize(ref map, n);
        return new string(kept, 0, n);
    }

    /// <summary>
    /// Copies the visible code units of <paramref name="text"/> to <paramref name="kept"/> and the original index of
    /// each to <paramref name="map"/> (both at least as long as the text); returns how many were kept.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="first">The index of its first invisible character (everything before it is copied as is).</param>
    /// <param name="kept">Receives the visible code units.</param>
    /// <param name="map">Receives the original index of each kept code unit.</param>
    public static int StripInto(ReadOnlySpan<char> text, int first, Span<char> kept, Span<int> map)
    {
        text[..first].CopyTo(kept);
        for (int i = 0; i < first; i++)
        {
            map[i] = i;
        }

        int n = first;
        for (int i = first; i < text.Length;)
        {
            if (CharClasses.Classify(text, i, out int width) != CharClass.Invisible)
            {
                for (int k = 0; k < width; k++)
                {
                    kept[n] = text[i + k];
                    map[n++] = i + k;
                }
            }

            i += width;
        }

        return n;
    }

    /// <summary>The text without its invisible characters, or <see langword="null"/> when it has none.</summary>
    public static string? Strip(ReadOnlySpan<char> text)
    {
        if (IndexOf(text) < 0)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length;)
        {
            if (CharClasses.Classify(text, i, out int width) != CharClass.Invisible)
            {
                builder.Append(text.Slice(i, width));
            }

            i += width;
        }

        return builder.ToString();
    }

    /// <summary>The original start of a range [start, end) of the stripped text.</summary>
    public static int MapStart(ReadOnlySpan<int> map, int start, int originalLength) => start < map.Length ? map[start] : originalLength;

    /// <summary>
    /// The original end (exclusive) of a range [start, end) of the stripped text: just after its last kept code
    /// unit, so invisible characters inside the range are in it and those after it are not.
    /// </summary>
    public static int MapEnd(ReadOnlySpan<int> map, int start, int end, int originalLength) =>
        end > start ? map[end - 1] + 1 : MapStart(map, start, originalLength);

    private static SearchValues<char> BuildCandidates()
    {
        var chars = new List<char>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (!char.IsSurrogate((char)c) && CharClasses.Classify((char)c) == CharClass.Invisible)
            {
                chars.Add((char)c);
            }
        }

        var highs = new SortedSet<char>();
        for (int cp = 0x10000; cp <= 0x10FFFF; cp++)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(cp);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                highs.Add(new Rune(cp).ToString()[0]);
            }
        }

        chars.AddRange(highs);
        return SearchValues.Create(chars.ToArray());
    }
}
