namespace Comparison.Text;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>
    /// Letters and digits with the joiners that belong inside words: hyphenated words (<c>50-minute</c>),
    /// contractions and possessives (<c>Chicago's</c>, <c>Chicago’s</c>, <c>don't</c> are one token each),
    /// abbreviations and initials with their periods (<c>U.S.</c>, <c>Dec.</c>, <c>Mr.</c>, <c>J.</c>).
    /// </summary>
    Word,

    /// <summary>Digits with thousands separators and decimals: <c>2021</c>, <c>1.2</c>, <c>2,500.75</c>.</summary>
    Number,

    /// <summary>A social-media handle or hashtag: <c>@NWS</c>, <c>#election</c> (the sigil is part of the token).</summary>
    Handle,

    /// <summary>Punctuation; a run of the same mark (<c>...</c>, <c>--</c>, <c>?!</c> is two) is one token.</summary>
    Punctuation,

    /// <summary>Anything else that is visible: currency and maths signs, emoji, unpaired surrogates.</summary>
    Symbol,
}

/// <summary>A token: a range of the ORIGINAL text and its kind.</summary>
/// <param name="Start">The index of the first UTF-16 code unit.</param>
/// <param name="Length">The number of code units.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>The index just after the token (exclusive end).</summary>
    public int End => Start + Length;

    /// <summary>The token's range as a <see cref="TextSpan"/>.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>True for the tokens word shingles and terms are built on: words, numbers and handles.</summary>
    public bool IsTerm => Kind <= TokenKind.Handle;
}
