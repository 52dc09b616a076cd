using System.Collections.Immutable;

namespace Comparison.Facts;

/// <summary>One document being scanned: its text, tokens, sentences, and which tokens a scanner has already claimed.</summary>
internal sealed class ScanContext
{
    public string Text = string.Empty;
    /// <summary>The tokens as an array: the scanners read fields in place instead of copying each token out of a list.</summary>
    public FactToken[] Tok = new FactToken[1024];

    private int _count;
    private int _previousCount;
    public readonly List<(int Start, int End)> Sentences = new(64);

    /// <summary>Tokens already part of a date or duration, so the quantity scanner leaves them alone.</summary>
    public bool[] Claimed = new bool[1024];

    /// <summary>Result builders reused from one document to the next (see <see cref="FactExtractor.Extract"/>).</summary>
    public readonly ImmutableArray<DateMention>.Builder Dates = ImmutableArray.CreateBuilder<DateMention>(64);

    public readonly ImmutableArray<Quantity>.Builder Quantities = ImmutableArray.CreateBuilder<Quantity>(64);

    public readonly ImmutableArray<Duration>.Builder Durations = ImmutableArray.CreateBuilder<Duration>(16);

    public readonly ImmutableArray<Quote>.Builder Quotes = ImmutableArray.CreateBuilder<Quote>(16);

    public readonly ImmutableArray<EntityMention>.Builder Entities = ImmutableArray.CreateBuilder<EntityMention>(64);

    public readonly ImmutableArray<CasualtyStatement>.Builder Casualties = ImmutableArray.CreateBuilder<CasualtyStatement>(16);

    /// <summary>The last sentence the casualty scanner asked about, and whether it speaks of another event (-1: none yet).</summary>
    public int BackgroundSentence = -1;

    public bool BackgroundAnswer;

    public DateOnly? Reference;
    public bool ReferenceBorrowed;
    public FactExtractorOptions Options = FactExtractorOptions.Default;

    public void Load(string text, DateOnly? reference, bool borrowed, FactExtractorOptions options)
    {
        Text = text;
        BackgroundSentence = -1;
        Reference = reference;
        ReferenceBorrowed = borrowed;
        Options = options;
        _count = FactTokenizer.Tokenize(text, ref Tok, Sentences);

        // Scanners look a few tokens ahead; whatever they may see past the end must not depend on the
        // previous document scanned on this thread, so the stale tail is wiped.
        if (_previousCount > _count)
        {
            Array.Clear(Tok, _count, _previousCount - _count);
        }

        _previousCount = _count;
        if (Claimed.Length < _count)
        {
            Claimed = new bool[Math.Max(_count, Claimed.Length * 2)];
        }
        else
        {
            Array.Clear(Claimed, 0, _count);
        }
    }

    public int Count => _count;

    public ReadOnlySpan<char> Span(int token) => Text.AsSpan(Tok[token].Start, Tok[token].Length);

    public char First(int token) => Text[Tok[token].Start];

    public bool IsPunct(int token, char c) => (uint)token < (uint)_count && Tok[token].Kind == FactTokenKind.Punctuation && Text[Tok[token].Start] == c;

    /// <summary>Case-insensitive comparison of token <paramref name="token"/> with <paramref name="word"/>.</summary>
    public bool Is(int token, string word) =>
        (uint)token < (uint)_count && Tok[token].Kind == FactTokenKind.Word && Tok[token].Length == word.Length && Span(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool Has(int token, WordClass c) => (uint)token < (uint)_count && (Tok[token].Classes & c) != 0;

    public bool SameSentence(int a, int b) => (uint)a < (uint)_count && (uint)b < (uint)_count && Tok[a].Sentence == Tok[b].Sentence;

    public string Slice(int start, int end) => Text[start..end];

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, lower-cased, in one allocation.</summary>
    public string LowerSlice(int start, int end) => LowerCopy(Text.AsSpan(start, end - start));

    public string Lower(int token) => LowerCopy(Span(token));

    /// <summary>A lower-case (invariant) copy of <paramref name="s"/> in one allocation (not a copy and then a lowered copy).</summary>
    public static string LowerCopy(ReadOnlySpan<char> s) => string.Create(s.Length, s, static (destination, source) => source.ToLowerInvariant(destination));

    public void Claim(int first, int last)
    {
        for (int k = first; k <= last; k++)
        {
            Claimed[k] = true;
        }
    }

    /// <summary>Builds the fact's common fields for the tokens first..last.</summary>
    public (int Start, int End, string Text, int Sentence, int SentenceStart, int SentenceEnd) Where(int first, int last)
    {
        int start = Tok[first].Start;
        int end = Tok[last].End;
        int sentence = Tok[first].Sentence;
        var span = Sentences[sentence];
        return (start, end, Text[start..end], sentence, span.Start, Math.Max(span.End, end));
    }

    public ImmutableArray<(int Start, int End)> SentenceArray() => [.. Sentences];
}
