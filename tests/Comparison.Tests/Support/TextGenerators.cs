using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Support;

/// <summary>FsCheck generators of text that stresses the text stage.</summary>
public static class TextGenerators
{
    // Pieces that break naive text code: combining marks (several classes, out of order), ligatures and other
    // compatibility characters, halfwidth voicing marks, Hangul syllables and jamo, RTL text and bidi controls,
    // emoji with ZWJ and skin tones, lone surrogates, invisibles, news punctuation and abbreviations.
    private static readonly string[] Pieces =
    [
        "a", "E", "z", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ",", "!", "?", "...", "\"", "'", "’", "“", "”", "-", "—",
        "U.S.", "Dec.", "Mr.", "90,000", "1.2", "50-minute", "@NATO", "#tag", "Ukraine's", "The", "he",
        "\u0301", "\u0308", "\u0323", "\u0344", "\u0F73", "\u302A", "e\u0301", "\u00E9", "\u00C5", "\u212B", "\u1E9B\u0323",
        "ﬁ", "ﬀ", "Ⅻ", "①", "²", "½", "\u00A0", "\u2003", "ｶ", "ﾞ", "ﾟ", "\u3099", "가", "\u1100", "\u1161", "\u11A8",
        "ß", "ẞ", "İ", "ı", "Σ", "ς", "ǅ", "\u0390", "\u1FB3", "\u0345",
        "שלום", "مرحبا", "\u200F", "\u202E", "\u2066",
        "😀", "👍🏽", "👨\u200D👩\u200D👧", "🇺🇦", "\uFE0F",
        "\uD800", "\uDC00", "\uDBFF", "\u200B", "\u00AD", "\uFEFF", "\u0000", "\u0007", "\u007F", "\uFFFD", "\uFDFA", "\u3300",
    ];

    /// <summary>Invisible characters (Unicode category Cf, and controls that are not white space) to lace text with.</summary>
    public static readonly string[] Invisibles =
        ["‍", "​", "‌", "­", "⁠", "﻿", "‎", "‏", "‪", "‮", "⁦", "⁩", "؜", "󠁁", ""];

    /// <summary>The text with <paramref name="invisible"/> after every letter and digit.</summary>
    public static string Lace(string text, string invisible = "‍") =>
        string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c + invisible : c.ToString()));

    /// <summary>Strings made of up to 40 tricky pieces.</summary>
    public static Arbitrary<string> OddText { get; } =
        Gen.Elements(Pieces).ListOf().Select(list => string.Concat(list.Take(40))).ToArbitrary();
}
