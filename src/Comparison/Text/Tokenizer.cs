using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Comparison.Text;

/// <summary>
/// Splits text into tokens with offsets into the ORIGINAL text: words (with hyphens, apostrophes and
/// abbreviation periods), numbers (with thousands separators and decimals), handles, punctuation and symbols.
/// White space, control and format characters are skipped.
/// </summary>
/// <remarks>
/// <para>Control and format characters (zero-width joiners and spaces, soft hyphens, bidi marks, the BOM) are
/// dropped before the rules below see the text, so <c>U‍.S‍.</c> with a zero-width joiner after each letter gives
/// the tokens of <c>U.S.</c>; a token's range then runs from its first to its last visible character of the
/// original and includes the invisible ones between them.</para>
/// <para>Rules, in the order they are tried inside a word:</para>
/// <list type="bullet">
/// <item>a hyphen (<c>-</c>, U+2010, U+2011) between two word characters joins them (<c>50-minute</c>,
/// <c>COVID-19</c>, <c>U.S.-led</c>), except between two digits (<c>2023-03-14</c> is three numbers);</item>
/// <item>an apostrophe (<c>'</c> or <c>’</c>) between two letters joins them: <c>Chicago's</c>, <c>don’t</c> and
/// <c>O'Brien</c> are one <see cref="TokenKind.Word"/> each (the possessive stays on the word;
/// <see cref="TextNormalizer.NormalizeTerm"/> strips it for matching);</item>
/// <item>a comma between digits followed by exactly three digits is a thousands separator (<c>45,000</c>), a
/// period between digits a decimal point (<c>2,500.75</c>);</item>
/// <item>single letters separated by periods are an initialism and keep their final period (<c>U.S.</c>,
/// <c>e.g.</c>); an upper-case single letter keeps its period as an initial (<c>J.</c>); a known abbreviation
/// keeps its period (<c>Dec.</c>, <c>Mr.</c>, <c>St.</c>, <c>Inc.</c>);</item>
/// </list>
/// <para><c>@name</c> and <c>#tag</c> are <see cref="TokenKind.Handle"/> tokens unless glued to a preceding word
/// (an e-mail address). A run of one repeated punctuation character is one token (<c>...</c>).</para>
/// <para>O(n), thread safe; the span overload allocates nothing beyond the destination list's growth (a text with
/// invisible characters is read in pieces of 64 K characters through two pooled buffers, never copied whole).</para>
/// </remarks>
public static class Tokenizer
{
    /// <summary>Tokenises a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>((text.Length / 5) + 4);
        Tokenize(text.AsSpan(), tokens);
        return [.. tokens];
    }

    /// <summary>Tokenises a text and appends the tokens to <paramref name="destination"/>.</summary>
    /// <param name="text">The text; token offsets are indexes into it.</param>
    /// <param name="destination">The list the tokens are appended to, in text order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Tokenize(text, destination, Vector128.IsHardwareAccelerated);
    }

    /// <summary>Tokenises without the vector scan of ASCII letters and digits (the reference the tests compare with).</summary>
    internal static void TokenizeScalar(ReadOnlySpan<char> text, List<Token> destination) => Tokenize(text, destination, vectorScan: false);

    /// <summary>Tokenises a text, checking <paramref name="cancellationToken"/> every 65,536 tokens (for texts of many megabytes).</summary>
    internal static void Tokenize(ReadOnlySpan<char> text, List<Token> destination, CancellationToken cancellationToken) =>
        Tokenize(text, destination, Vector128.IsHardwareAccelerated, cancellationToken);

    private static void Tokenize(ReadOnlySpan<char> text, List<Token> destination, bool vectorScan, CancellationToken cancellationToken = default)
    {
        // Invisible characters are dropped first, so that a zero-width joiner between letters or a bidi mark inside a
        // number changes no token; the tokens of the visible text are then mapped back onto the original. The text
        // is read in pieces (VisiblePieces), so a long one is never copied whole.
        var pieces = new VisiblePieces(text);
        try
        {
            while (pieces.MoveNext())
            {
                ReadPiece(in pieces, destination, vectorScan, cancellationToken);
            }
        }
        finally
        {
            pieces.Dispose();
        }
    }

    /// <summary>
    /// Tokenises the piece of <paramref name="text"/> that begins at <paramref name="start"/> (about 64 K characters,
    /// ending after a space or a line break, <see cref="VisiblePieces"/>) and appends its tokens, with offsets into
    /// <paramref name="text"/>, to <paramref name="destination"/>: a long text tokenised piece by piece, in bounded
    /// memory, gives the tokens of <see cref="Tokenize(ReadOnlySpan{char}, List{Token})"/>.
    /// </summary>
    /// <returns>Where the piece ends: the start of the next one, or the text's length after the last.</returns>
    internal static int TokenizePiece(ReadOnlySpan<char> text, int start, List<Token> destination, int pieceLength = VisiblePieces.PieceLength)
    {
        var pieces = new VisiblePieces(text, start, pieceLength);
        try
        {
            if (!pieces.MoveNext())
            {
                return text.Length;
            }

            ReadPiece(in pieces, destination, Vector128.IsHardwareAccelerated, default);
            return pieces.End;
        }
        finally
        {
            pieces.Dispose();
        }
    }

    private static void ReadPiece(in VisiblePieces pieces, List<Token> destination, bool vectorScan, CancellationToken cancellationToken)
    {
        ReadOnlySpan<char> scanned = pieces.Visible;
        int position = 0;
        while (TryReadNext(scanned, ref position, out Token token, vectorScan))
        {
            destination.Add(pieces.ToOriginal(token));
            if ((destination.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Reads the token at or after <paramref name="position"/> and moves past it; false at the end.</summary>
    internal static bool TryReadNext(ReadOnlySpan<char> text, ref int position, out Token token) =>
        TryReadNext(text, ref position, out token, Vector128.IsHardwareAccelerated);


    private static bool TryReadNext(ReadOnlySpan<char> text, ref int position, out Token token, bool vectorScan)
    {
        int i = position;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        while (i < text.Length)
        {
            CharClass cls = CharClasses.Classify(text, i, out int width);
            switch (cls)
            {
                case CharClass.Space:
                case CharClass.Invisible:
                    i += width;
                    continue;
                case CharClass.Letter:
                case CharClass.Digit:
                {
                    int end = ReadWord(text, i, out bool hasLetter, vectorScan);
                    token = new Token(i, end - i, hasLetter ? TokenKind.Word : TokenKind.Number);
                    position = end;
                    return true;
                }

                case CharClass.Punctuation:
                {
                    char c = text[i];
                    int end;
                    if ((c == '@' || c == '#') && IsHandleStart(text, i))
                    {
                        end = ReadHandle(text, i + 1);
                        token = new Token(i, end - i, TokenKind.Handle);
                    }
                    else
                    {
                        end = i + 1;
                        while (end < text.Length && text[end] == c)
                        {
                            end++;
                        }

                        token = new Token(i, end - i, TokenKind.Punctuation);
                    }

                    position = end;
                    return true;
                }

                default:
                {
                    // A symbol (or a stray combining mark) with the marks and variation selectors that follow it.
                    int end = SkipMarks(text, i + width);
                    token = new Token(i, end - i, TokenKind.Symbol);
                    position = end;
                    return true;
                }
            }
        }

        token = default;
        position = text.Length;
        return false;
    }

    private static int ReadWord(ReadOnlySpan<char> text, int start, out bool hasLetter, bool vectorScan)
    {
        int i = start;
        int segmentStart = start;
        bool letters = false;
        bool initialism = true;
        int segments = 0;
        while (true)
        {
            while (i < text.Length)
            {
                // ASCII letters and digits, eight at a time: the bulk of English news. The word's end is found
                // with a mask and a bit scan instead of a per-character loop whose exit branch mispredicts.
                if (vectorScan && i + 8 <= text.Length)
                {
                    int run = AsciiAlphanumericRun(text, i, out bool anyLetter);
                    letters |= anyLetter;
                    i += run;
                    if (run == 8)
                    {
                        continue;
                    }
                }

                // One table lookup per character near the end of the text, then the rest of Unicode.
                char c0 = text[i];
                if (c0 < 128)
                {
                    CharClass ascii = CharClasses.ClassifyAscii(c0);
                    if (ascii == CharClass.Letter)
                    {
                        letters = true;
                        i++;
                        continue;
                    }

                    if (ascii == CharClass.Digit)
                    {
                        i++;
                        continue;
                    }

                    if (ascii != CharClass.Invisible)
                    {
                        break;
                    }
                }

                CharClass cls = CharClasses.Classify(text, i, out int width);
                if (cls == CharClass.Letter)
                {
                    letters = true;
                    i += width;
                }
                else if (cls is CharClass.Digit or CharClass.Mark)
                {
                    i += width;
                }
                else if (cls == CharClass.Invisible && TrySkipInvisibleInsideWord(text, i, out int after))
                {
                    i = after;
                }
                else
                {
                    break;
                }
            }

            if (i >= text.Length)
            {
                break;
            }

            char c = text[i];
            if (IsHyphen(c) && IsWordCharAt(text, i + 1))
            {
                if (IsDigit(text[i - 1]) && IsDigit(text[i + 1]))
                {
                    break;
                }

                i++;
                initialism = false;
                segmentStart = i;
                continue;
            }

            if ((c == '\'' || c == '\u2019') && IsLetter(text[i - 1]) && i + 1 < text.Length && IsLetter(text[i + 1]))
            {
                i++;
                initialism = false;
                segmentStart = i;
                continue;
            }

            if (c == ',' && !letters && IsDigit(text[i - 1]) && IsThousandsGroup(text, i + 1))
            {
                i++;
                segmentStart = i;
                continue;
            }

            if (c == '.')
            {
                if (!letters)
                {
                    if (IsDigit(text[i - 1]) && i + 1 < text.Length && IsDigit(text[i + 1]))
                    {
                        i++;
                        segmentStart = i;
                        continue;
                    }

                    break;
                }

                bool singleLetter = initialism && i - segmentStart == 1 && IsLetter(text[segmentStart]);
                if (singleLetter)
                {
                    segments++;
                    if (i + 2 < text.Length && IsLetter(text[i + 1]) && text[i + 2] == '.')
                    {
                        i++;
                        segmentStart = i;
                        continue;
                    }

                    if (segments > 1 || char.IsUpper(text[segmentStart]))
                    {
                        i++;
                        return ContinueAfterPeriod(text, i, ref letters, out hasLetter, vectorScan);
                    }
                }
                else if (segmentStart == start && Abbreviations.IsKnown(text[start..i]))
                {
                    i++;
                    return ContinueAfterPeriod(text, i, ref letters, out hasLetter, vectorScan);
                }
            }

            break;
        }

        hasLetter = letters;
        return i;
    }

    /// <summary>
    /// The number of ASCII letters and digits (0 to 8) at <paramref name="i"/>, from one 8-character vector load;
    /// <paramref name="anyLetter"/> tells whether the run holds a letter. The caller ensures <c>i + 8 ≤ length</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AsciiAlphanumericRun(ReadOnlySpan<char> text, int i, out bool anyLetter)
    {
        Vector128<ushort> v = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)i);
        Vector128<ushort> letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        Vector128<ushort> digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        uint stop = (~(letter | digit)).ExtractMostSignificantBits();
        int run = BitOperations.TrailingZeroCount(stop | 0x100u);
        anyLetter = (letter.ExtractMostSignificantBits() & ((1u << run) - 1)) != 0;
        return run;
    }

    /// <summary>
    /// The number of ASCII letters and digits (0 to 16) at <paramref name="i"/>, from one 16-character vector load.
    /// The caller ensures <c>i + 16 ≤ length</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AsciiAlphanumericRun16(ReadOnlySpan<char> text, int i)
    {
        Vector256<ushort> v = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)i);
        Vector256<ushort> letter = Vector256.LessThan((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        Vector256<ushort> digit = Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
        uint stop = (~(letter | digit)).ExtractMostSignificantBits();
        return BitOperations.TrailingZeroCount(stop | 0x10000u);
    }

    // After an abbreviation's period only a hyphenated continuation ("U.S.-led") stays in the token.
    private static int ContinueAfterPeriod(ReadOnlySpan<char> text, int i, ref bool letters, out bool hasLetter, bool vectorScan)
    {
        if (i < text.Length && IsHyphen(text[i]) && IsWordCharAt(text, i + 1))
        {
            int end = ReadWord(text, i + 1, out bool more, vectorScan);
            hasLetter = letters | more;
            return end;
        }

        hasLetter = letters;
        return i;
    }

    private static bool TrySkipInvisibleInsideWord(ReadOnlySpan<char> text, int i, out int after)
    {
        int j = i;
        while (j < text.Length && CharClasses.Classify(text, j, out int width) == CharClass.Invisible && !char.IsWhiteSpace(text[j]))
        {
            j += width;
        }

        after = j;
        return IsWordCharAt(text, j);
    }

    private static bool IsHandleStart(ReadOnlySpan<char> text, int i)
    {
        if (i > 0 && CharClasses.IsWordClass(CharClasses.Classify(text[i - 1])))
        {
            return false;
        }

        return i + 1 < text.Length && (text[i + 1] == '_' || IsWordCharAt(text, i + 1));
    }

    private static int ReadHandle(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            if (text[i] == '_')
            {
                i++;
                continue;
            }

            CharClass cls = CharClasses.Classify(text, i, out int width);
            if (!CharClasses.IsWordClass(cls))
            {
                break;
            }

            i += width;
        }

        return i;
    }

    private static int SkipMarks(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && CharClasses.Classify(text, i, out int width) == CharClass.Mark)
        {
            i += width;
        }

        return i;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int i) =>
        i + 3 <= text.Length && IsDigit(text[i]) && IsDigit(text[i + 1]) && IsDigit(text[i + 2])
        && (i + 3 == text.Length || !IsDigit(text[i + 3]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordCharAt(ReadOnlySpan<char> text, int i) =>
        i < text.Length && CharClasses.Classify(text, i, out _) is CharClass.Letter or CharClass.Digit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsHyphen(char c) => c == '-' || c == '\u2010' || c == '\u2011';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => CharClasses.Classify(c) == CharClass.Digit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => CharClasses.Classify(c) == CharClass.Letter;
}
