using System.Collections.Immutable;
using Comparison.Text;

namespace Comparison.Facts;

/// <summary>
/// Moves facts found in the visible characters of a text (the text without its zero-width, bidi and other
/// invisible characters; see the Tokenizer) back onto the original text, so that their offsets slice it.
/// </summary>
internal sealed class VisibleOffsets(string original, int[] map)
{
    public ImmutableArray<(int Start, int End)> Sentences(ImmutableArray<(int Start, int End)> sentences)
    {
        var builder = ImmutableArray.CreateBuilder<(int Start, int End)>(sentences.Length);
        foreach ((int start, int end) in sentences)
        {
            builder.Add((Start(start), End(start, end)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>The facts with their common offsets moved, then their own ones by <paramref name="own"/> (when given).</summary>
    public ImmutableArray<T> Facts<T>(ImmutableArray<T>.Builder facts, Func<T, T>? own)
        where T : Fact
    {
        var builder = ImmutableArray.CreateBuilder<T>(facts.Count);
        foreach (T fact in facts)
        {
            int start = Start(fact.Start), end = End(fact.Start, fact.End);
            Fact moved = fact with
            {
                Start = start,
                End = end,
                Text = original[start..end],
                SentenceStart = Start(fact.SentenceStart),
                SentenceEnd = End(fact.SentenceStart, fact.SentenceEnd),
            };
            builder.Add(own is null ? (T)moved : own((T)moved));
        }

        return builder.MoveToImmutable();
    }

    public Quantity Own(Quantity quantity)
    {
        (int start, int end) = Range(quantity.NounStart, quantity.NounEnd);
        return quantity with { NounStart = start, NounEnd = end };
    }

    public Quote Own(Quote quote)
    {
        (int start, int end) = Range(quote.SpeakerStart, quote.SpeakerEnd);
        return quote with { SpeakerStart = start, SpeakerEnd = end };
    }

    public CasualtyStatement Own(CasualtyStatement statement)
    {
        (int start, int end) = Range(statement.CountStart, statement.CountEnd);
        return statement with { CountStart = start, CountEnd = end };
    }

    // An optional range (-1 when absent).
    private (int Start, int End) Range(int start, int end) => start < 0 ? (start, end) : (Start(start), End(start, end));

    private int Start(int start) => InvisibleText.MapStart(map, start, original.Length);

    private int End(int start, int end) => InvisibleText.MapEnd(map, start, end, original.Length);
}
