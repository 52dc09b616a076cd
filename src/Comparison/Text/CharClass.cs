using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Comparison.Text;

/// <summary>How the text stage sees one character (or surrogate pair).</summary>
internal enum CharClass : byte
{
    /// <summary>White space: separates tokens, collapses to one space when normalising.</summary>
    Space,

    /// <summary>Control and format characters (zero-width space, soft hyphen, BOM, bidi marks): invisible, removed.</summary>
    Invisible,

    /// <summary>A letter (any script), or a number that is not a decimal digit (½, Ⅻ).</summary>
    Letter,

    /// <summary>A decimal digit.</summary>
    Digit,

    /// <summary>A combining mark: belongs to the character before it.</summary>
    Mark,

    /// <summary>Punctuation.</summary>
    Punctuation,

    /// <summary>Symbols, unassigned code points and unpaired surrogates.</summary>
    Symbol,
}

/// <summary>Character classification with an ASCII table and a <see cref="Rune"/> path for the rest.</summary>
internal static class CharClasses
{
    // One byte per ASCII character: the hot path of tokenising English news never leaves this table.
    private static readonly CharClass[] Ascii = BuildAscii();

    /// <summary>Classifies the character at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass Classify(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        if (c < 128)
        {
            width = 1;
            return Ascii[c];
        }

        return ClassifyNonAscii(text, index, out width);
    }

    /// <summary>Classifies an ASCII character (below 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass ClassifyAscii(char c) => Ascii[c];

    /// <summary>Classifies a single BMP character (a surrogate counts as a symbol).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass Classify(char c) => c < 128 ? Ascii[c] : FromCategory(CharUnicodeInfo.GetUnicodeCategory(c), c);

    /// <summary>True for letters, digits and marks: the characters words are made of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordClass(CharClass cls) => cls is CharClass.Letter or CharClass.Digit or CharClass.Mark;

    private static CharClass ClassifyNonAscii(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return FromCategory(CharUnicodeInfo.GetUnicodeCategory(c), c);
        }

        if (Rune.DecodeFromUtf16(text[index..], out Rune rune, out int consumed) == OperationStatus.Done)
        {
            width = consumed;
            return FromCategory(Rune.GetUnicodeCategory(rune), c);
        }

        width = 1;
        return CharClass.Symbol;
    }

    private static CharClass FromCategory(UnicodeCategory category, char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return CharClass.Space;
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharClass.Letter,
            UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
            UnicodeCategory.Control or UnicodeCategory.Format => CharClass.Invisible,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharClass.Space,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => CharClass.Punctuation,
            _ => CharClass.Symbol,
        };
    }

    private static CharClass[] BuildAscii()
    {
        var table = new CharClass[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = FromCategory(CharUnicodeInfo.GetUnicodeCategory((char)c), (char)c);
        }

        return table;
    }
}
