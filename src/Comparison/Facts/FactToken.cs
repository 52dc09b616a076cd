namespace Comparison.Facts;

/// <summary>The coarse shape of a token seen by the fact scanners.</summary>
internal enum FactTokenKind : byte
{
    /// <summary>Letters, possibly with digits, inner hyphens and apostrophes (<c>Chicago</c>, <c>50-minute</c>, <c>7th</c>).</summary>
    Word,

    /// <summary>Digits with optional thousands separators and a decimal part (<c>45,000</c>, <c>1.2</c>).</summary>
    Number,

    /// <summary>A single punctuation or symbol character.</summary>
    Punctuation,
}

/// <summary>One token of the fact scanners: a span of the original text with its lexicon entry.</summary>
internal struct FactToken
{
    public int Start;
    public int Length;
    public FactTokenKind Kind;

    /// <summary>True when the token is the first of its sentence.</summary>
    public bool SentenceStart;

    /// <summary>True when the first character is an upper-case letter.</summary>
    public bool Capitalized;

    /// <summary>True when white space (or a line break) separates this token from the previous one.</summary>
    public bool SpaceBefore;

    /// <summary>True when a line break separates this token from the previous one.</summary>
    public bool NewlineBefore;

    /// <summary>The lexicon classes of the word (none for numbers and punctuation).</summary>
    public WordClass Classes;

    /// <summary>Index of the sentence the token belongs to.</summary>
    /// <remarks>Declared before <see cref="Value"/> so that the struct packs into 32 bytes (it was 40 with the double in between).</remarks>
    public int Sentence;

    /// <summary>The lexicon value: a number word's value, a month or weekday number, a scale factor.</summary>
    public double Value;

    public readonly int End => Start + Length;
}
