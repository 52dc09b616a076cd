using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Comparison.Text;

/// <summary>
/// Normalises text for comparison: NFKC, invariant lower-casing, control and format characters removed,
/// quotes, apostrophes and dashes unified, white space collapsed; every normalised character maps back to the
/// original text.
/// </summary>
/// <remarks>
/// The text is processed one segment at a time: an ASCII character alone (the fast path), or a character with
/// the combining marks that follow it (invisible characters between them are dropped, so the marks still compose).
/// Each segment is NFKC-normalised, lower-cased, re-normalised when lower-casing changed it, and its quotes and
/// dashes unified; the result is idempotent: normalising a normalised text returns it unchanged. Lone
/// surrogates become U+FFFD. O(n), thread safe.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Normalises a text.</summary>
    /// <param name="text">The original text.</param>
    /// <returns>The normalised text with its map back to <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new Builder(text.Length);
        Normalize(text.AsSpan(), ref builder);
        return builder.ToNormalizedText(text.Length);
    }

    /// <summary>
    /// Normalises one token into a term for matching and TF-IDF: as <see cref="Normalize(string)"/>, then a
    /// trailing possessive <c>'s</c> is removed (<c>Ukraine’s</c> → <c>ukraine</c>). Abbreviation periods and
    /// hyphens stay (<c>u.s.</c>, <c>50-minute</c>).
    /// </summary>
    /// <param name="token">The token's characters.</param>
    /// <returns>The term (empty when the token has no visible characters).</returns>
    public static string NormalizeTerm(ReadOnlySpan<char> token)
    {
        if (token.Length <= 128)
        {
            Span<char> buffer = stackalloc char[token.Length];
            if (TryNormalizeAsciiTerm(token, buffer, out int written))
            {
                return new string(buffer[..written]);
            }
        }

        string normalized = Normalize(new string(token)).Text;
        return normalized[..StripPossessive(normalized)];
    }

    /// <summary>
    /// The ASCII fast path of <see cref="NormalizeTerm"/>: lower-cases a token made of printable ASCII
    /// characters (no space) into <paramref name="destination"/>; false when the token needs the full path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryNormalizeAsciiTerm(ReadOnlySpan<char> token, Span<char> destination, out int written)
    {
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (c - 0x21u > 0x7Eu - 0x21u)
            {
                written = 0;
                return false;
            }

            destination[i] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        written = StripPossessive(destination[..token.Length]);
        return true;
    }

    /// <summary>The length of the term without a trailing possessive "'s" after a letter.</summary>
    internal static int StripPossessive(ReadOnlySpan<char> term)
    {
        int n = term.Length;
        if (n > 2 && term[n - 1] == 's' && term[n - 2] == '\'' && char.IsLetter(term[n - 3]))
        {
            return n - 2;
        }

        return n;
    }

    private static void Normalize(ReadOnlySpan<char> text, ref Builder builder)
    {
        char[]? rented = null;
        Span<char> segment = stackalloc char[32];
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c < 128 && (i + 1 == text.Length || text[i + 1] < 0x300 || !IsMarkAt(text, i + 1)))
                {
                    // ASCII fast path: no composition possible, case folding is a bit flip.
                    builder.Append((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c, i, i + 1);
                    i++;
                    continue;
                }

                int start = i;
                int count = 0;
                CharClasses.Classify(text, i, out int width);
                if (width == 1 && char.IsSurrogate(c))
                {
                    Add(ref segment, ref rented, ref count, '\uFFFD');
                }
                else
                {
                    Add(ref segment, ref rented, ref count, c);
                    if (width == 2)
                    {
                        Add(ref segment, ref rented, ref count, text[i + 1]);
                    }
                }

                i += width;
                while (i < text.Length)
                {
                    CharClass cls = CharClasses.Classify(text, i, out int w);
                    if (cls == CharClass.Mark)
                    {
                        for (int k = 0; k < w; k++)
                        {
                            Add(ref segment, ref rented, ref count, text[i + k]);
                        }

                        i += w;
                    }
                    else if (cls == CharClass.Invisible && NextVisibleIsMark(text, i + w))
                    {
                        i += w;
                    }
                    else
                    {
                        break;
                    }
                }

                AppendSegment(segment[..count], start, i, ref builder);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Add(ref Span<char> segment, ref char[]? rented, ref int count, char c)
    {
        if (count == segment.Length)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(segment.Length * 2);
            segment.CopyTo(bigger);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            rented = bigger;
            segment = bigger;
        }

        segment[count++] = c;
    }

    private static bool IsMarkAt(ReadOnlySpan<char> text, int i) => CharClasses.Classify(text, i, out _) == CharClass.Mark;

    private static bool NextVisibleIsMark(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            CharClass cls = CharClasses.Classify(text, i, out int w);
            if (cls != CharClass.Invisible)
            {
                return cls == CharClass.Mark;
            }

            i += w;
        }

        return false;
    }

    private static void AppendSegment(ReadOnlySpan<char> segment, int start, int end, ref Builder builder)
    {
        if (segment.Length == 1 && Unify(segment[0]) != segment[0])
        {
            builder.Append(Unify(segment[0]), start, end);
            return;
        }

        string s = new string(segment).Normalize(NormalizationForm.FormKC);
        for (int round = 0; round < 3; round++)
        {
            string lower = s.ToLowerInvariant();
            if (string.Equals(lower, s, StringComparison.Ordinal))
            {
                break;
            }

            s = lower.Normalize(NormalizationForm.FormKC);
        }

        foreach (char ch in s)
        {
            builder.Append(Unify(ch), start, end);
        }
    }

    /// <summary>Maps typographic quotes, apostrophes and dashes to their ASCII forms.</summary>
    internal static char Unify(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u2035' or '\u2039' or '\u203A' or '\uFF07' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u2036' or '\u00AB' or '\u00BB' or '\uFF02' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D'
            or '\u2E3A' or '\u2E3B' => '-',
        _ => c,
    };

    /// <summary>Accumulates normalised characters with their source ranges, collapsing white space.</summary>
    private struct Builder(int capacity)
    {
        private char[] _chars = new char[Math.Max(capacity, 4)];
        private int[] _starts = new int[Math.Max(capacity, 4)];
        private int[] _ends = new int[Math.Max(capacity, 4)];
        private int _count;
        private bool _pendingSpace;
        private int _spaceStart;
        private int _spaceEnd;

        public void Append(char c, int start, int end)
        {
            if (c < 128)
            {
                if (c <= ' ' || c == '\u007F')
                {
                    if (char.IsWhiteSpace(c))
                    {
                        MarkSpace(start, end);
                    }

                    return;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                MarkSpace(start, end);
                return;
            }
            else if (CharClasses.Classify(c) == CharClass.Invisible)
            {
                return;
            }

            if (_pendingSpace)
            {
                _pendingSpace = false;
                Push(' ', _spaceStart, _spaceEnd);
            }

            Push(c, start, end);
        }

        public readonly NormalizedText ToNormalizedText(int originalLength)
        {
            return new NormalizedText(
                new string(_chars, 0, _count),
                _starts.AsSpan(0, _count).ToArray(),
                _ends.AsSpan(0, _count).ToArray(),
                originalLength);
        }

        private void MarkSpace(int start, int end)
        {
            if (_count > 0 && !_pendingSpace)
            {
                _pendingSpace = true;
                _spaceStart = start;
                _spaceEnd = end;
            }
        }

        private void Push(char c, int start, int end)
        {
            if (_count == _chars.Length)
            {
                Array.Resize(ref _chars, _count * 2);
                Array.Resize(ref _starts, _count * 2);
                Array.Resize(ref _ends, _count * 2);
            }

            _chars[_count] = c;
            _starts[_count] = start;
            _ends[_count] = end;
            _count++;
        }
    }
}
