using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Comparison.Hashing;
using Comparison.Text.Unicode;

namespace Comparison.Text;

/// <summary>
/// Normalises text for comparison: NFKC, Unicode case folding (host-independent), control and format characters removed,
/// quotes, apostrophes and dashes unified, white space collapsed; every normalised character maps back to the
/// original text.
/// </summary>
/// <remarks>
/// <para>The text is processed one segment at a time: an ASCII character alone (the fast path), a character that
/// NFKC and case folding leave unchanged (the second fast path), or a character with the combining characters that
/// follow it (invisible characters between them are dropped, so the marks still compose). A segment is decomposed
/// (NFKD), case-folded (Unicode full case folding, so <c>ß</c> becomes <c>ss</c>), put in canonical order and
/// recomposed: NFKC of the folded text, segment by segment (only Hangul jamo written as separate letters stay
/// uncomposed). Then quotes and dashes are unified and white space collapsed. The Unicode tables are the library's
/// own (<c>Text/Unicode</c>), so the result does not depend on ICU or on invariant-globalisation mode.</para>
/// <para>Normalising a normalised text returns it unchanged. Lone surrogates become U+FFFD. O(n), thread safe.</para>
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
        var builder = Builder.WithMap(text.Length);
        Normalize(text.AsSpan(), ref builder);
        return builder.ToNormalizedText(text.Length);
    }

    /// <summary>
    /// Normalises one token into a term for matching and TF-IDF: as <see cref="Normalize(string)"/>, then a
    /// trailing possessive <c>'s</c> is removed (<c>Chicago’s</c> → <c>chicago</c>). Abbreviation periods and
    /// hyphens stay (<c>u.s.</c>, <c>50-minute</c>).
    /// </summary>
    /// <param name="token">The token's characters.</param>
    /// <returns>The term (empty when the token has no visible characters).</returns>
    public static string NormalizeTerm(ReadOnlySpan<char> token)
    {
        if (token.Length <= 128)
        {
            Span<char> buffer = stackalloc char[token.Length];
            if (TryNormalizeSimpleTerm(token, buffer))
            {
                return new string(buffer[..StripPossessive(buffer)]);
            }
        }

        Builder builder = Builder.Pooled(token.Length + 8);
        try
        {
            Normalize(token, ref builder);
            return new string(builder.Chars[..StripPossessive(builder.Chars)]);
        }
        finally
        {
            builder.Return();
        }
    }

    /// <summary>
    /// <c>XXH64(UTF-16LE(NormalizeTerm(token)), seed)</c> without creating the term: the word-shingle hot path.
    /// </summary>
    [SkipLocalsInit]
    internal static ulong HashTerm(ReadOnlySpan<char> token, ulong seed)
    {
        if (TryHashShortAsciiTerm(token, seed, out ulong hash))
        {
            return hash;
        }

        return HashTermSlow(token, seed);
    }

    /// <summary>
    /// <see cref="HashTerm(ReadOnlySpan{char}, ulong)"/> of <c>text[start .. start + length]</c>. Where sixteen
    /// characters can be read from <paramref name="start"/>, a token of at most 15 printable ASCII characters is
    /// hashed straight from the text by the branch-free <see cref="TryHashShortAsciiTermAt"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HashTermAt(ReadOnlySpan<char> text, int start, int length, ulong seed)
    {
        if ((uint)(length - 1) < 15u && start <= text.Length - 16 && BitConverter.IsLittleEndian
            && TryHashShortAsciiTermAt(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start), length, seed, out ulong hash))
        {
            return hash;
        }

        return HashTerm(text.Slice(start, length), seed);
    }

    /// <summary>
    /// The fast path of the span overload of <see cref="HashTerm"/>: a token of at most 15 printable ASCII characters
    /// is lower-cased four characters at a time (SWAR) straight into XXH64's short-input steps, without a buffer;
    /// equal to <c>XXH64(UTF-16LE(NormalizeTerm(token)), seed)</c>. False (nothing computed) for anything else. (The
    /// shingler hashes from the whole text with <see cref="HashTermAt"/>, which may read past the token.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryHashShortAsciiTerm(ReadOnlySpan<char> token, ulong seed, out ulong hash)
    {
        int n = token.Length;
        hash = 0;
        if ((uint)(n - 1) >= 15u || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        ref char c0 = ref MemoryMarshal.GetReference(token);

        // A trailing possessive "'s" after a letter is not part of the term (the same rule as StripPossessive).
        int m = n;
        if (n > 2 && (Unsafe.Add(ref c0, n - 1) | 0x20) == 's' && Unsafe.Add(ref c0, n - 2) == '\''
            && (uint)((Unsafe.Add(ref c0, n - 3) | 0x20) - 'a') <= 'z' - 'a')
        {
            m = n - 2;
        }

        ref byte bytes = ref Unsafe.As<char, byte>(ref c0);
        ulong acc = XxHash64.ShortInputState(seed, 2 * m);
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            ulong lane = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, 2 * i));
            if (!FoldAsciiLanes(ref lane))
            {
                return false;
            }

            acc = XxHash64.StepLane(acc, lane);
        }

        int rest = m - i;
        if (rest != 0)
        {
            // Up to three characters; the unused lanes hold 'a' so that they pass the check, then are dropped.
            ulong tail = Unsafe.Add(ref c0, i);
            tail |= rest > 1 ? (ulong)Unsafe.Add(ref c0, i + 1) << 16 : 0x61UL << 16;
            tail |= rest > 2 ? (ulong)Unsafe.Add(ref c0, i + 2) << 32 : 0x61UL << 32;
            tail |= 0x61UL << 48;
            if (!FoldAsciiLanes(ref tail))
            {
                return false;
            }

            if (rest >= 2)
            {
                acc = XxHash64.StepWord(acc, (uint)tail);
                tail >>= 32;
            }

            if ((rest & 1) != 0)
            {
                acc = XxHash64.StepByte(acc, (byte)tail);
                acc = XxHash64.StepByte(acc, 0);
            }
        }

        hash = XxHash64.Avalanche(acc);
        return true;
    }

    /// <summary>
    /// The word-shingle hot path, without a branch that depends on the token: <paramref name="c0"/> starts a token
    /// of <paramref name="n"/> characters (1 to 15) and at least sixteen characters are readable from it. Every
    /// XXH64 step a term of up to 15 characters can take is computed, and masks keep the ones its length takes, so
    /// words of varying length do not mispredict a branch each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryHashShortAsciiTermAt(ref char c0, int n, ulong seed, out ulong hash)
    {
        // A trailing possessive "'s" after a letter is not part of the term (the same rule as StripPossessive).
        char last = Unsafe.Add(ref c0, n - 1), apostrophe = Unsafe.Add(ref c0, Math.Max(n - 2, 0)), before = Unsafe.Add(ref c0, Math.Max(n - 3, 0));
        bool possessive = (n > 2) & ((last | 0x20) == 's') & (apostrophe == '\'') & ((uint)((before | 0x20) - 'a') <= 'z' - 'a');
        int m = n - (possessive ? 2 : 0);

        Vector256<ushort> v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref c0));
        Vector256<ushort> indices = Vector256<ushort>.Indices;
        Vector256<ushort> printable = Vector256.LessThan(v - Vector256.Create((ushort)0x21), Vector256.Create((ushort)(0x7F - 0x21)));
        Vector256<ushort> bad = Vector256.LessThan(indices, Vector256.Create((ushort)n)) & ~printable;
        Vector256<ushort> upper = Vector256.LessThan(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)26));
        Vector256<ulong> lanes = ((v | (upper & Vector256.Create((ushort)0x20))) & Vector256.LessThan(indices, Vector256.Create((ushort)m))).AsUInt64();
        ulong l0 = lanes.GetElement(0), l1 = lanes.GetElement(1), l2 = lanes.GetElement(2), l3 = lanes.GetElement(3);

        // All-ones masks: at least one, two, three whole lanes of four characters; two or three characters left; an odd count.
        long q = m >> 2, r = m & 3;
        ulong one = (ulong)(-q >> 63), two = (ulong)((1 - q) >> 63), three = (ulong)((2 - q) >> 63);
        ulong word = (ulong)((1 - r) >> 63), odd = 0UL - (ulong)(r & 1);
        ulong acc = XxHash64.ShortInputState(seed, 2 * m);
        acc = Blend(one, XxHash64.StepLane(acc, l0), acc);
        acc = Blend(two, XxHash64.StepLane(acc, l1), acc);
        acc = Blend(three, XxHash64.StepLane(acc, l2), acc);
        ulong tail = Blend(three, l3, Blend(two, l2, Blend(one, l1, l0)));
        acc = Blend(word, XxHash64.StepWord(acc, (uint)tail), acc);
        ulong c = Blend(word, tail >> 32, tail);
        acc = Blend(odd, XxHash64.StepByte(XxHash64.StepByte(acc, (byte)c), (byte)(c >> 8)), acc);
        hash = XxHash64.Avalanche(acc);
        return bad == Vector256<ushort>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Blend(ulong mask, ulong ifSet, ulong otherwise) => (ifSet & mask) | (otherwise & ~mask);

    /// <summary>
    /// Four UTF-16 code units in a little-endian word: false unless all are printable ASCII (U+0021 to U+007E);
    /// otherwise upper-case letters are lower-cased in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FoldAsciiLanes(ref ulong v)
    {
        const ulong Lanes = 0x0001_0001_0001_0001UL;
        const ulong High = 0x80 * Lanes;
        if ((v & (0xFF80 * Lanes)) != 0
            || ((v + ((0x80 - 0x21) * Lanes)) & High) != High
            || ((v + ((0x80 - 0x7F) * Lanes)) & High) != 0)
        {
            return false;
        }

        ulong upper = (v + ((0x80 - 'A') * Lanes)) & ~(v + ((0x80 - 'Z' - 1) * Lanes)) & High;
        v |= upper >> 2;
        return true;
    }

    [SkipLocalsInit]
    private static ulong HashTermSlow(ReadOnlySpan<char> token, ulong seed)
    {
        if (token.Length <= 64)
        {
            Span<char> buffer = stackalloc char[64];
            buffer = buffer[..token.Length];
            if (TryNormalizeSimpleTerm(token, buffer))
            {
                return XxHash64.HashChars(buffer[..StripPossessive(buffer)], seed);
            }
        }

        Builder builder = Builder.Pooled(token.Length + 8);
        try
        {
            Normalize(token, ref builder);
            return XxHash64.HashChars(builder.Chars[..StripPossessive(builder.Chars)], seed);
        }
        finally
        {
            builder.Return();
        }
    }

    /// <summary>
    /// The fast path of <see cref="NormalizeTerm"/> with the possessive stripped: <paramref name="written"/> is the
    /// term's length in <paramref name="destination"/>; false when the token needs the full path.
    /// </summary>
    internal static bool TryNormalizeAsciiTerm(ReadOnlySpan<char> token, Span<char> destination, out int written)
    {
        if (TryNormalizeSimpleTerm(token, destination))
        {
            written = StripPossessive(destination[..token.Length]);
            return true;
        }

        written = 0;
        return false;
    }

    /// <summary>
    /// The fast path of <see cref="NormalizeTerm"/>: a token of printable ASCII characters and typographic
    /// apostrophes and hyphens is lower-cased and unified into <paramref name="destination"/> (same length);
    /// false when the token needs the full path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryNormalizeSimpleTerm(ReadOnlySpan<char> token, Span<char> destination)
    {
        if (destination.Length < token.Length)
        {
            return false;
        }

        int i = 0;
        if (BitConverter.IsLittleEndian)
        {
            // Four characters per step (SWAR): checked printable ASCII, upper-case lanes get 0x20 added.
            ref byte source = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(token));
            ref byte target = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(destination));
            for (; i + 4 <= token.Length; i += 4)
            {
                ulong v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i * 2));
                if (!FoldAsciiLanes(ref v))
                {
                    break;
                }

                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i * 2), v);
            }
        }

        for (; i < token.Length; i++)
        {
            char c = token[i];
            if (c - 0x21u <= 0x7Eu - 0x21u)
            {
                destination[i] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
            }
            else if (c is '\u2019' or '\u2018')
            {
                destination[i] = '\'';
            }
            else if (c is '\u2010' or '\u2011')
            {
                destination[i] = '-';
            }
            else
            {
                return false;
            }
        }

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

    [SkipLocalsInit]
    private static void Normalize(ReadOnlySpan<char> text, ref Builder builder)
    {
        int[]? rented = null;
        Span<int> codePoints = stackalloc int[128];
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c < 128 && !IsContinuationAt(text, i + 1))
                {
                    // ASCII fast path: nothing to compose, and case folding is a bit flip.
                    builder.Append((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c, i, i + 1);
                    i++;
                    continue;
                }

                CharClass cls = CharClasses.Classify(text, i, out int width);
                if (cls == CharClass.Invisible)
                {
                    i += width;
                    continue;
                }

                if (width == 1 && !char.IsSurrogate(c) && UnicodeTables.IsStableAlone(c) && !IsContinuationAt(text, i + 1))
                {
                    // Most non-ASCII characters of news text (quotes, dashes, letters of other scripts) stand alone unchanged.
                    builder.Append(Unify(c), i, i + 1);
                    i++;
                    continue;
                }

                int start = i;
                int first = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : char.IsSurrogate(c) ? 0xFFFD : c;
                int count = UnicodeTables.AppendDecomposed(first, Reserve(ref codePoints, ref rented, 0), 0);
                i += width;
                while (i < text.Length)
                {
                    if (TryReadContinuation(text, i, out int mark, out int w))
                    {
                        count = UnicodeTables.AppendDecomposed(mark, Reserve(ref codePoints, ref rented, count), count);
                        i += w;
                    }
                    else if (CharClasses.Classify(text, i, out w) == CharClass.Invisible && NextVisibleIsContinuation(text, i + w))
                    {
                        i += w;
                    }
                    else
                    {
                        break;
                    }
                }

                // NFKD, fold, NFKD again (the folds are stored decomposed), compose: folding after ordering keeps
                // U+0345 (which folds to a starter) where NFKC puts it.
                ReorderCanonically(codePoints[..count]);
                count = FoldInPlace(ref codePoints, ref rented, count);
                Span<int> segment = codePoints[..count];
                ReorderCanonically(segment);
                count = ComposeCanonically(segment);
                for (int k = 0; k < count; k++)
                {
                    int cp = segment[k];
                    if (cp < 0x10000)
                    {
                        builder.Append(Unify((char)cp), start, i);
                    }
                    else
                    {
                        int v = cp - 0x10000;
                        builder.Append((char)(0xD800 + (v >> 10)), start, i);
                        builder.Append((char)(0xDC00 + (v & 0x3FF)), start, i);
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    // Case-folds the first count code points; folding may lengthen the segment (ß becomes ss).
    private static int FoldInPlace(ref Span<int> buffer, ref int[]? rented, int count)
    {
        int changed = 0;
        while (changed < count && !UnicodeTables.Folds(buffer[changed]))
        {
            changed++;
        }

        if (changed == count)
        {
            return count;
        }

        // Copy the tail after the unchanged prefix, then fold it back in (at most three code points each).
        int tail = count - changed;
        int[] copy = ArrayPool<int>.Shared.Rent(tail);
        try
        {
            buffer.Slice(changed, tail).CopyTo(copy);
            int written = changed;
            for (int k = 0; k < tail; k++)
            {
                written = UnicodeTables.AppendFolded(copy[k], Reserve(ref buffer, ref rented, written), written);
            }

            return written;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(copy);
        }
    }

    // Makes room for one more code point's expansion after the first count code points.
    private static Span<int> Reserve(ref Span<int> buffer, ref int[]? rented, int count)
    {
        if (count + UnicodeTables.MaxExpansion > buffer.Length)
        {
            int[] bigger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
            buffer[..count].CopyTo(bigger);
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }

            rented = bigger;
            buffer = bigger;
        }

        return buffer;
    }

    // True when the next visible character attaches to the one before it: a combining mark, or a character whose
    // decomposition starts with one (halfwidth katakana voicing marks). Printable ASCII and Latin-1 never do.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsContinuationAt(ReadOnlySpan<char> text, int i)
    {
        if (i >= text.Length)
        {
            return false;
        }

        char c = text[i];
        if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x300 && c != 0xAD))
        {
            return false;
        }

        return NextVisibleIsContinuation(text, i);
    }

    private static bool TryReadContinuation(ReadOnlySpan<char> text, int i, out int codePoint, out int width)
    {
        CharClass cls = CharClasses.Classify(text, i, out width);
        codePoint = width == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
        if (width == 1 && char.IsSurrogate(text[i]))
        {
            return false;
        }

        return cls == CharClass.Mark || UnicodeTables.IsNonStarterLeading(codePoint);
    }

    private static bool NextVisibleIsContinuation(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            CharClass cls = CharClasses.Classify(text, i, out int w);
            if (cls != CharClass.Invisible)
            {
                return TryReadContinuation(text, i, out _, out _);
            }

            i += w;
        }

        return false;
    }

    // Canonical ordering (UAX #15): a stable sort of every run of non-starters by combining class.
    private static void ReorderCanonically(Span<int> codePoints)
    {
        for (int i = 1; i < codePoints.Length; i++)
        {
            int cp = codePoints[i];
            int cc = UnicodeTables.CombiningClass(cp);
            if (cc == 0)
            {
                continue;
            }

            int j = i;
            while (j > 0 && UnicodeTables.CombiningClass(codePoints[j - 1]) > cc)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }

            codePoints[j] = cp;
        }
    }

    // Canonical composition (UAX #15): each character joins the last starter unless blocked; returns the new length.
    private static int ComposeCanonically(Span<int> codePoints)
    {
        if (codePoints.Length == 0)
        {
            return 0;
        }

        int starter = UnicodeTables.CombiningClass(codePoints[0]) == 0 ? 0 : -1;
        int lastClass = -1;
        int written = 1;
        for (int i = 1; i < codePoints.Length; i++)
        {
            int cp = codePoints[i];
            int cc = UnicodeTables.CombiningClass(cp);
            if (starter >= 0 && (lastClass == -1 || (lastClass != 0 && lastClass < cc)))
            {
                int composite = UnicodeTables.Compose(codePoints[starter], cp);
                if (composite >= 0)
                {
                    codePoints[starter] = composite;
                    continue;
                }
            }

            if (cc == 0)
            {
                starter = written;
                lastClass = -1;
            }
            else
            {
                lastClass = cc;
            }

            codePoints[written++] = cp;
        }

        return written;
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

    /// <summary>
    /// Accumulates normalised characters, collapsing white space; with the source range of each character when
    /// mapping (<see cref="WithMap"/>), or into a pooled buffer when only the characters are needed (<see cref="Pooled"/>).
    /// </summary>
    private struct Builder
    {
        private char[] _chars;
        private int[]? _starts;
        private int[]? _ends;
        private bool _pooled;
        private int _count;
        private bool _pendingSpace;
        private int _spaceStart;
        private int _spaceEnd;

        public readonly ReadOnlySpan<char> Chars => _chars.AsSpan(0, _count);

        public static Builder WithMap(int capacity)
        {
            capacity = Math.Max(capacity, 4);
            return new Builder { _chars = new char[capacity], _starts = new int[capacity], _ends = new int[capacity] };
        }

        public static Builder Pooled(int capacity) =>
            new() { _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16)), _pooled = true };

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

        public readonly void Return()
        {
            if (_pooled)
            {
                ArrayPool<char>.Shared.Return(_chars);
            }
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
                Grow();
            }

            _chars[_count] = c;
            if (_starts is not null)
            {
                _starts[_count] = start;
                _ends![_count] = end;
            }

            _count++;
        }

        private void Grow()
        {
            if (_pooled)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
                _chars.AsSpan(0, _count).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(_chars);
                _chars = bigger;
                return;
            }

            Array.Resize(ref _chars, _count * 2);
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _ends, _count * 2);
        }
    }
}
